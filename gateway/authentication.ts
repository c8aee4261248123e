import { ANONYMOUS, Identity } from '../kernel/identity';
import { InvalidTokenError, bearerToken } from '../platform/auth/tokens';

export type Authentication = { ok: true; identity: Identity; anonymous: boolean } | { ok: false; reason: string };

/**
 * The caller from the `Authorization` header alone. No header is the anonymous caller, who may still ask the
 * public question: that is decided later, on the document the runtime parsed. A header that is there but not a
 * valid bearer token is refused now, never treated as anonymous. `verify` is the token check
 * (platform/auth/token-cache.ts: remembered until the token's expiry).
 */
export async function authenticate(
  authorization: string | null,
  verify: (token: string) => Promise<Identity>,
): Promise<Authentication> {
  if (authorization === null) return { ok: true, identity: ANONYMOUS, anonymous: true };
  const token = bearerToken(authorization);
  if (!token) return { ok: false, reason: 'authorization is not a bearer token' };
  try {
    return { ok: true, identity: await verify(token), anonymous: false };
  } catch (error) {
    if (error instanceof InvalidTokenError) return { ok: false, reason: error.reason };
    throw error;
  }
}
