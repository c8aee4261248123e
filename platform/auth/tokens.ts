import { JWTPayload, SignJWT, errors as joseErrors, jwtVerify } from 'jose';
import { INTERNAL_ROLES, Identity, isRole } from '../../kernel/identity';

/**
 * Two kinds of token:
 * - the caller's JWT, verified by the gateway (issuer and audience checked, expiry enforced);
 * - the identity assertion the gateway forwards to subgraphs (header `x-hub-identity`), signed with a separate
 *   internal key and valid for one minute, so a subgraph reached directly refuses anything not from the gateway.
 */
export const IDENTITY_HEADER = 'x-hub-identity';

export interface TokenSettings {
  userTokenSecret: string;
  userTokenIssuer: string;
  userTokenAudience: string;
  internalSecret: string;
}

const INTERNAL_ISSUER = 'hub-gateway';
const INTERNAL_AUDIENCE = 'hub-subgraphs';
const key = (secret: string) => new TextEncoder().encode(secret);

export class InvalidTokenError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

function identityFromClaims(claims: Record<string, unknown>): Identity {
  const { sub, role, org, jurisdictions } = claims;
  if (typeof sub !== 'string' || !sub) throw new InvalidTokenError('token has no subject');
  if (!isRole(role)) throw new InvalidTokenError('token has no valid role');
  if (typeof org !== 'string' || !org) throw new InvalidTokenError('token has no organisation');
  const codes = jurisdictions ?? [];
  if (!Array.isArray(codes) || !codes.every((c) => typeof c === 'string')) {
    throw new InvalidTokenError('token jurisdictions must be a list of division codes');
  }
  return { subject: sub, role, organisationId: org, jurisdictions: codes as string[] };
}

async function verifiedClaims(token: string, secret: string, issuer: string, audience: string): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(token, key(secret), { issuer, audience, algorithms: ['HS256'] });
    return payload;
  } catch (e) {
    if (e instanceof joseErrors.JWTExpired) throw new InvalidTokenError('token expired');
    if (e instanceof joseErrors.JWSSignatureVerificationFailed)
      throw new InvalidTokenError('token signature is invalid');
    if (e instanceof joseErrors.JWTClaimValidationFailed)
      throw new InvalidTokenError(`token claim ${e.claim} is invalid`);
    if (e instanceof joseErrors.JOSEError) throw new InvalidTokenError(`token rejected (${e.code})`);
    throw e;
  }
}

/** A verified token's identity and when it lapses (ms since the epoch, from its `exp`). */
export interface VerifiedIdentity {
  identity: Identity;
  expiresAt: number;
}

const expiresAtOf = (claims: JWTPayload) => (typeof claims.exp === 'number' ? claims.exp * 1000 : 0);

/**
 * A caller's token must expire, and soon: a leaked token without `exp`, or one minted for a year, would open the
 * hub to whoever holds it for that long. The lifetime counts from `iat`, or from now when `iat` is missing or
 * lies in the future (otherwise a future `iat` would stretch the validity past the maximum).
 */
function assertBoundedLifetime(claims: JWTPayload, maxLifetimeSeconds: number) {
  if (typeof claims.exp !== 'number') throw new InvalidTokenError('token has no expiry (exp)');
  const now = Math.floor(Date.now() / 1000);
  const from = typeof claims.iat === 'number' ? Math.min(claims.iat, now) : now;
  if (claims.exp - from > maxLifetimeSeconds) {
    throw new InvalidTokenError(`token lifetime exceeds the maximum of ${maxLifetimeSeconds} seconds`);
  }
}

function sign(identity: Identity, secret: string, issuer: string, audience: string, ttl: string): Promise<string> {
  return new SignJWT({ role: identity.role, org: identity.organisationId, jurisdictions: identity.jurisdictions })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(identity.subject)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(key(secret));
}

/** The caller's identity and when the token lapses (gateway/authentication.ts remembers it until then). */
export async function verifyUserTokenUntil(
  token: string,
  s: TokenSettings,
  maxLifetimeSeconds: number,
): Promise<VerifiedIdentity> {
  const claims = await verifiedClaims(token, s.userTokenSecret, s.userTokenIssuer, s.userTokenAudience);
  assertBoundedLifetime(claims, maxLifetimeSeconds);
  const identity = identityFromClaims(claims as Record<string, unknown>);
  if (INTERNAL_ROLES.has(identity.role))
    throw new InvalidTokenError(`the ${identity.role} role is the hub's own, not a caller's`);
  return { identity, expiresAt: expiresAtOf(claims) };
}

export const verifyUserToken = async (token: string, s: TokenSettings, maxLifetimeSeconds: number): Promise<Identity> =>
  (await verifyUserTokenUntil(token, s, maxLifetimeSeconds)).identity;

export const mintUserToken = (identity: Identity, s: TokenSettings, ttl = '8h') =>
  sign(identity, s.userTokenSecret, s.userTokenIssuer, s.userTokenAudience, ttl);

export const signIdentityAssertion = (identity: Identity, s: TokenSettings) =>
  sign(identity, s.internalSecret, INTERNAL_ISSUER, INTERNAL_AUDIENCE, '60s');

export async function verifyIdentityAssertion(token: string, s: TokenSettings): Promise<VerifiedIdentity> {
  const claims = await verifiedClaims(token, s.internalSecret, INTERNAL_ISSUER, INTERNAL_AUDIENCE);
  return { identity: identityFromClaims(claims as Record<string, unknown>), expiresAt: expiresAtOf(claims) };
}

/** The longest token taken (the hub's own are some 400 characters). */
export const MAX_TOKEN_LENGTH = 4096;

/** A JWS segment in base64url as its encoder writes it: jose's decoder also took padding, trailing junk and spare bits. */
const canonicalSegment = (segment: string) =>
  segment !== '' && Buffer.from(segment, 'base64url').toString('base64url') === segment;

/**
 * Reads `Authorization: Bearer <jwt>`; undefined when absent or not a bearer token. Only a compact JWS of at most
 * MAX_TOKEN_LENGTH characters whose three segments are canonical base64url: jose decodes `<token>=`, `<token>=AAA…`
 * or a last character with other spare bits as the same token, and each such variant of one valid token was
 * verified and kept in the token cache as a new entry until the token expired (10,000 variants of 15 KB: the
 * gateway's heap 39 → 198 MB; a helper's audit, 2026-12-04).
 */
export function bearerToken(header: string | null | undefined): string | undefined {
  return canonicalJws(/^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1]);
}

/**
 * The token when it is a compact JWS of at most MAX_TOKEN_LENGTH characters in canonical base64url (bearerToken), the
 * gateway's identity assertion as a subgraph takes it too: each padded variant of one captured assertion was a new
 * entry of a subgraph's cache (a platform audit, 2026-12-06).
 */
export function canonicalJws(token: string | undefined): string | undefined {
  if (!token || token.length > MAX_TOKEN_LENGTH) return undefined;
  const segments = token.split('.');
  return segments.length === 3 && segments.every(canonicalSegment) ? token : undefined;
}
