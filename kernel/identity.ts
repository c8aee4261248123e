/**
 * Who is calling. The gateway derives it from the caller's JWT and hands it to subgraphs as a short-lived
 * assertion signed with a key only the gateway and the subgraphs hold, so a subgraph trusts nothing a client
 * sends directly.
 */
/**
 * PUBLIC is nobody in particular: the gateway gives it to a caller without a token, and only for the public
 * operations (see public-operations.ts). SYSTEM is one of the hub's own subgraphs acting on what another reported
 * (e.g. litigation moving an arrears account after a court's judgment); it never arrives from outside. No user token
 * may carry either.
 */
export const ROLES = [
  'COURT',
  'CITY_BUREAU',
  'ENFORCEMENT_BUREAU',
  'STREET_OFFICE',
  'PROPERTY_COMPANY',
  'OWNERS_COMMITTEE',
  'ADMIN',
  'PUBLIC',
  'SYSTEM',
] as const;
/** Roles the hub assigns itself; a caller's token may not claim them. */
export const INTERNAL_ROLES: ReadonlySet<Role> = new Set<Role>(['PUBLIC', 'SYSTEM']);
export type Role = (typeof ROLES)[number];

export interface Identity {
  /** The person or system account (JWT `sub`). */
  subject: string;
  role: Role;
  /** The organisation acting: a company's registration, a court's or bureau's id. */
  organisationId: string;
  /**
   * Administrative division codes (GB/T 2260 and street codes) the organisation acts for. A code covers every
   * code it prefixes: 110102 (Xicheng district) covers 110102014 (a street in it).
   */
  jurisdictions: string[];
}

/** A division code as the hub takes one (GB/T 2260, or a street or community code extending it): 2 to 12 digits. */
export const DIVISION_CODE = /^[0-9]{2,12}$/;
export const isDivisionCode = (code: unknown): code is string => typeof code === 'string' && DIVISION_CODE.test(code);

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** True when one of the identity's jurisdictions covers the given division code. */
export function coversDivision(identity: Identity, divisionCode: string): boolean {
  return identity.role === 'ADMIN' || identity.jurisdictions.some((j) => j.length > 0 && divisionCode.startsWith(j));
}

/** The identity of a caller without a token, asking a public question. */
/** A subgraph of the hub acting on events another subgraph published: `SYSTEM:litigation`. */
export const systemActor = (subgraph: string): Identity =>
  Object.freeze({
    subject: `SYSTEM:${subgraph}`,
    role: 'SYSTEM',
    organisationId: subgraph,
    jurisdictions: [] as string[],
  });

export const ANONYMOUS: Identity = Object.freeze({
  subject: 'anonymous',
  role: 'PUBLIC',
  organisationId: 'public',
  jurisdictions: [] as string[],
});
