import type { KeyObject } from 'node:crypto';
import { JWTPayload, SignJWT, decodeProtectedHeader, errors as joseErrors, jwtVerify } from 'jose';
import { INTERNAL_ROLES, Identity, isDivisionCode, isRole } from '../../kernel/identity';

/**
 * Two kinds of token:
 * - the caller's JWT, verified by the gateway (issuer and audience checked, expiry enforced);
 * - the identity assertion a subgraph takes (header `x-hub-identity`), valid for one minute and signed with a private
 *   key (Ed25519) only its signer holds: the gateway's for every caller, litigation's own when it asks the owners'
 *   register for a court. A subgraph holds only the public keys, so one reached directly refuses anything its signers
 *   did not sign, and a subgraph broken into can sign nothing another takes. Before, every subgraph held the one
 *   shared HMAC secret (and the callers' token secret): whoever read one subgraph's environment could sign an ADMIN
 *   assertion every other subgraph took.
 */
export const IDENTITY_HEADER = 'x-hub-identity';

/** Who signs identity assertions (the assertion's `kid`; its issuer is `hub-<kid>`). */
export type AssertionSigner = 'gateway' | 'litigation';
export const ASSERTION_SIGNERS: readonly AssertionSigner[] = ['gateway', 'litigation'];

/**
 * The roles a signer may assert: the gateway any caller's; litigation only a court's (it asks the owners' register
 * for a complaint's defendant with the court's identity: subgraphs/litigation/persistence/owner-register.client.ts).
 */
const SIGNER_ROLES: Record<AssertionSigner, ReadonlySet<string> | 'any'> = {
  gateway: 'any',
  litigation: new Set(['COURT']),
};

export interface TokenSettings {
  userTokenSecret: string;
  userTokenIssuer: string;
  userTokenAudience: string;
  /** The private keys this process signs assertions with (the gateway's in the gateway, litigation's in litigation). */
  signingKeys: Partial<Record<AssertionSigner, KeyObject>>;
  /** The public keys of the signers whose assertions this process takes. */
  trustedKeys: Partial<Record<AssertionSigner, KeyObject>>;
}

const INTERNAL_AUDIENCE = 'hub-subgraphs';
const issuerOf = (signer: AssertionSigner) => `hub-${signer}`;
const key = (secret: string) => new TextEncoder().encode(secret);

export class InvalidTokenError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** The most division codes one token names (a city bureau's districts, a court's territory). */
const MAX_JURISDICTIONS = 100;

function identityFromClaims(claims: Record<string, unknown>): Identity {
  const { sub, role, org, jurisdictions } = claims;
  if (typeof sub !== 'string' || !sub) throw new InvalidTokenError('token has no subject');
  if (!isRole(role)) throw new InvalidTokenError('token has no valid role');
  if (typeof org !== 'string' || !org) throw new InvalidTokenError('token has no organisation');
  const codes = jurisdictions ?? [];
  // Digits only, as every read scope matches them as prefixes of codes: `_`, `%` or `9,1` in a token's list made the
  // complaints subgraph's lists match every street (a LIKE pattern and a hand-built array literal; an audit,
  // 2026-12-07), while its one-order check refused the same orders.
  if (!Array.isArray(codes) || codes.length > MAX_JURISDICTIONS || !codes.every(isDivisionCode)) {
    throw new InvalidTokenError('token jurisdictions must be a list of division codes');
  }
  return { subject: sub, role, organisationId: org, jurisdictions: codes as string[] };
}

async function verifiedClaims(
  token: string,
  verifier: Uint8Array | KeyObject,
  options: { issuer: string; audience: string; algorithm: 'HS256' | 'EdDSA' },
): Promise<JWTPayload> {
  try {
    const { issuer, audience, algorithm } = options;
    const { payload } = await jwtVerify(token, verifier, { issuer, audience, algorithms: [algorithm] });
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

const claimsOf = (identity: Identity) => ({
  role: identity.role,
  org: identity.organisationId,
  jurisdictions: identity.jurisdictions,
});

/** The caller's identity and when the token lapses (gateway/authentication.ts remembers it until then). */
export async function verifyUserTokenUntil(
  token: string,
  s: TokenSettings,
  maxLifetimeSeconds: number,
): Promise<VerifiedIdentity> {
  const claims = await verifiedClaims(token, key(s.userTokenSecret), {
    issuer: s.userTokenIssuer,
    audience: s.userTokenAudience,
    algorithm: 'HS256',
  });
  assertBoundedLifetime(claims, maxLifetimeSeconds);
  const identity = identityFromClaims(claims as Record<string, unknown>);
  if (INTERNAL_ROLES.has(identity.role))
    throw new InvalidTokenError(`the ${identity.role} role is the hub's own, not a caller's`);
  return { identity, expiresAt: expiresAtOf(claims) };
}

export const verifyUserToken = async (token: string, s: TokenSettings, maxLifetimeSeconds: number): Promise<Identity> =>
  (await verifyUserTokenUntil(token, s, maxLifetimeSeconds)).identity;

export const mintUserToken = (identity: Identity, s: TokenSettings, ttl = '8h') =>
  new SignJWT(claimsOf(identity))
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(identity.subject)
    .setIssuer(s.userTokenIssuer)
    .setAudience(s.userTokenAudience)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(key(s.userTokenSecret));

/** An assertion of `identity` for the subgraphs, valid for 60 s, signed as `signer` (its private key must be held). */
export function signIdentityAssertion(
  identity: Identity,
  s: TokenSettings,
  signer: AssertionSigner = 'gateway',
): Promise<string> {
  const privateKey = s.signingKeys[signer];
  if (!privateKey) throw new Error(`this process holds no key to sign identity assertions as ${signer}`);
  return new SignJWT(claimsOf(identity))
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: signer })
    .setSubject(identity.subject)
    .setIssuer(issuerOf(signer))
    .setAudience(INTERNAL_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('60s')
    .sign(privateKey);
}

/** The signer an assertion names (its `kid`) when this process trusts it; refused otherwise, before any verification. */
function trustedSigner(token: string, s: TokenSettings): { signer: AssertionSigner; publicKey: KeyObject } {
  let kid: unknown;
  try {
    kid = decodeProtectedHeader(token).kid;
  } catch {
    throw new InvalidTokenError('token header is not valid');
  }
  const signer = ASSERTION_SIGNERS.find((name) => name === kid);
  const publicKey = signer && s.trustedKeys[signer];
  if (!signer || !publicKey) throw new InvalidTokenError('token is not signed by a signer this subgraph trusts');
  return { signer, publicKey };
}

export async function verifyIdentityAssertion(token: string, s: TokenSettings): Promise<VerifiedIdentity> {
  const { signer, publicKey } = trustedSigner(token, s);
  const claims = await verifiedClaims(token, publicKey, {
    issuer: issuerOf(signer),
    audience: INTERNAL_AUDIENCE,
    algorithm: 'EdDSA',
  });
  const identity = identityFromClaims(claims as Record<string, unknown>);
  const roles = SIGNER_ROLES[signer];
  if (roles !== 'any' && !roles.has(identity.role))
    throw new InvalidTokenError(`${signer} may not assert the ${identity.role} role`);
  return { identity, expiresAt: expiresAtOf(claims) };
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
