/** The signed-in person: the token (kept for this browser tab only) and what its claims say, for the menus. */
export type Role =
  'COURT' | 'CITY_BUREAU' | 'ENFORCEMENT_BUREAU' | 'STREET_OFFICE' | 'PROPERTY_COMPANY' | 'OWNERS_COMMITTEE' | 'ADMIN';

export interface Session {
  token: string;
  role: Role;
  organisationId: string;
  label: string;
}

const KEY = 'hub-console-session';

/**
 * The token's claims, read without verifying: the hub verifies every request, so a forged claim here only changes
 * which menu the page shows, never what the API answers. Undefined for anything that is not a JWT with a role.
 */
export function claimsOf(token: string): { role: Role; organisationId: string; expiresAt?: number } | undefined {
  const part = token.trim().split('.')[1];
  if (!part) return undefined;
  try {
    const json = JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
    if (typeof json.role !== 'string' || typeof json.org !== 'string') return undefined;
    return {
      role: json.role as Role,
      organisationId: json.org,
      expiresAt: typeof json.exp === 'number' ? json.exp * 1000 : undefined,
    };
  } catch {
    return undefined;
  }
}

export function loadSession(): Session | undefined {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return undefined;
  try {
    const session = JSON.parse(raw) as Session;
    const claims = claimsOf(session.token);
    if (!claims || (claims.expiresAt !== undefined && claims.expiresAt < Date.now())) return undefined;
    return session;
  } catch {
    return undefined;
  }
}

export function saveSession(session: Session | undefined) {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
}
