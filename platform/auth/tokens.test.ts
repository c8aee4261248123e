import { KeyObject, generateKeyPairSync } from 'node:crypto';
import { JWTHeaderParameters, SignJWT } from 'jose';
import { Identity } from '../../kernel/identity';
import { tokenSettings } from '../config';
import {
  InvalidTokenError,
  MAX_TOKEN_LENGTH,
  TokenSettings,
  bearerToken,
  signIdentityAssertion,
  verifyIdentityAssertion,
  verifyUserToken,
} from './tokens';

const settings = tokenSettings({ NODE_ENV: 'test' });
const TWELVE_HOURS = 12 * 3600;
const now = () => Math.floor(Date.now() / 1000);

function token(times: { iat?: number; exp?: number }, jurisdictions: unknown = []) {
  const jwt = new SignJWT({ role: 'COURT', org: 'court-1', jurisdictions })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('clerk')
    .setIssuer(settings.userTokenIssuer)
    .setAudience(settings.userTokenAudience);
  if (times.iat !== undefined) jwt.setIssuedAt(times.iat);
  if (times.exp !== undefined) jwt.setExpirationTime(times.exp);
  return jwt.sign(new TextEncoder().encode(settings.userTokenSecret));
}

const reason = async (jwt: Promise<string>) => {
  try {
    await verifyUserToken(await jwt, settings, TWELVE_HOURS);
    return 'accepted';
  } catch (error) {
    if (error instanceof InvalidTokenError) return error.reason;
    throw error;
  }
};

describe("a caller's token lifetime", () => {
  it('accepts a token of 8 hours', async () => {
    expect(await reason(token({ iat: now(), exp: now() + 8 * 3600 }))).toBe('accepted');
  });

  it('refuses a token without an expiry', async () => {
    expect(await reason(token({ iat: now() }))).toMatch(/no expiry/);
  });

  it('refuses a token whose exp − iat exceeds 12 hours, even when most of it has passed', async () => {
    expect(await reason(token({ iat: now() - 12 * 3600, exp: now() + 60 }))).toMatch(/lifetime exceeds/);
  });

  it('counts from now when iat is missing, and from now when iat lies in the future', async () => {
    expect(await reason(token({ exp: now() + 11 * 3600 }))).toBe('accepted');
    expect(await reason(token({ exp: now() + 13 * 3600 }))).toMatch(/lifetime exceeds/);
    expect(await reason(token({ iat: now() + 365 * 86400, exp: now() + 365 * 86400 + 3600 }))).toMatch(
      /lifetime exceeds/,
    );
  });
});

describe("a caller's jurisdictions", () => {
  const times = () => ({ iat: now(), exp: now() + 3600 });
  it('are division codes of 2 to 12 digits, at most 100 of them', async () => {
    expect(await reason(token(times(), ['11', '110102', '110102014']))).toBe('accepted');
    for (const list of [['_'], ['%'], ['9,1'], [''], ['1'], ['1'.repeat(13)], [110102], 'all', Array(101).fill('11')])
      expect(await reason(token(times(), list))).toBe('token jurisdictions must be a list of division codes');
  });
});

describe('the bearer token read from the Authorization header', () => {
  it('takes a compact JWS in canonical base64url only: no padding, trailing junk, spare bits or oversize', async () => {
    const jwt = await token({ iat: now(), exp: now() + 3600 });
    expect(bearerToken(`Bearer ${jwt}`)).toBe(jwt);
    expect(bearerToken(`bearer  ${jwt} `)).toBe(jwt);
    // Each of these jose verified as the same token, and the token cache kept each as a new entry.
    const lastFlipped = jwt.slice(0, -1) + String.fromCharCode(jwt.charCodeAt(jwt.length - 1) ^ 1);
    for (const variant of [`${jwt}=`, `${jwt}=${'A'.repeat(15_000)}`, `${jwt}*`, lastFlipped, jwt.replace(/-/g, '+')])
      if (variant !== jwt) expect(bearerToken(`Bearer ${variant}`)).toBeUndefined();
    expect(bearerToken(`Bearer ${'a'.repeat(MAX_TOKEN_LENGTH)}.b.c`)).toBeUndefined();
    expect(bearerToken(`Bearer a.b`)).toBeUndefined();
    expect(bearerToken('Basic abc')).toBeUndefined();
  });
});

describe('identity assertions', () => {
  const court: Identity = { subject: 'clerk', role: 'COURT', organisationId: 'bj-haidian-court', jurisdictions: [] };
  const admin: Identity = { subject: 'admin', role: 'ADMIN', organisationId: 'hub-admin', jurisdictions: [] };
  const gatewayOnly: TokenSettings = { ...settings, trustedKeys: { gateway: settings.trustedKeys.gateway } };
  const refusal = async (assertion: Promise<string> | string, s: TokenSettings = settings) => {
    try {
      await verifyIdentityAssertion(await assertion, s);
      return 'accepted';
    } catch (error) {
      if (error instanceof InvalidTokenError) return error.reason;
      throw error;
    }
  };
  /** An assertion of `claims` with the protected header `header`, signed with `key`. */
  const assertion = (header: JWTHeaderParameters, key: KeyObject | Uint8Array, issuer = 'hub-gateway') =>
    new SignJWT({ role: 'ADMIN', org: 'hub-admin', jurisdictions: [] })
      .setProtectedHeader(header)
      .setSubject('admin')
      .setIssuer(issuer)
      .setAudience('hub-subgraphs')
      .setIssuedAt()
      .setExpirationTime('60s')
      .sign(key);

  it("takes the gateway's for any role, and litigation's for a court only, where litigation is trusted", async () => {
    expect(await refusal(signIdentityAssertion(admin, settings))).toBe('accepted');
    expect(await refusal(signIdentityAssertion(court, settings, 'litigation'))).toBe('accepted');
    expect(await refusal(signIdentityAssertion(admin, settings, 'litigation'))).toBe(
      'litigation may not assert the ADMIN role',
    );
    // a subgraph other than areas trusts the gateway alone
    expect(await refusal(signIdentityAssertion(court, settings, 'litigation'), gatewayOnly)).toMatch(
      /not signed by a signer this subgraph trusts/,
    );
  });

  it('refuses one signed with another key, an HMAC one, one under another signer or issuer', async () => {
    const stranger = generateKeyPairSync('ed25519').privateKey;
    expect(await refusal(assertion({ alg: 'EdDSA', kid: 'gateway' }, stranger))).toBe('token signature is invalid');
    // An HMAC assertion keyed with the gateway's public key (the algorithm confusion) or any secret: refused.
    const publicBytes = settings.trustedKeys.gateway!.export({ format: 'der', type: 'spki' });
    expect(await refusal(assertion({ alg: 'HS256', kid: 'gateway' }, new Uint8Array(publicBytes)))).toMatch(
      /token rejected/,
    );
    expect(await refusal(assertion({ alg: 'EdDSA' }, settings.signingKeys.gateway!))).toMatch(/not signed by a signer/);
    expect(await refusal(assertion({ alg: 'EdDSA', kid: 'areas' }, settings.signingKeys.gateway!))).toMatch(
      /not signed by a signer/,
    );
    // litigation's key naming the gateway as its signer, or the gateway's issuer under litigation's kid
    expect(await refusal(assertion({ alg: 'EdDSA', kid: 'gateway' }, settings.signingKeys.litigation!))).toBe(
      'token signature is invalid',
    );
    expect(
      await refusal(assertion({ alg: 'EdDSA', kid: 'litigation' }, settings.signingKeys.litigation!, 'hub-gateway')),
    ).toBe('token claim iss is invalid');
    expect(await refusal('not.a.jws')).toBe('token header is not valid');
  });

  it('is signed only by a process holding the key', () => {
    expect(() => signIdentityAssertion(admin, { ...settings, signingKeys: {} })).toThrow(/holds no key/);
  });
});
