import { generateKeyPairSync } from 'node:crypto';
import { Identity } from '../../kernel/identity';
import { tokenSettings } from '../config';
import { LapsingCache, cachedAssertionSigner, cachedAssertionVerifier, cachedUserTokenVerifier } from './token-cache';
import { InvalidTokenError, mintUserToken, signIdentityAssertion, verifyUserTokenUntil } from './tokens';

const settings = tokenSettings({ NODE_ENV: 'test' });
const clerk: Identity = {
  subject: 'clerk',
  role: 'COURT',
  organisationId: 'bj-haidian-court',
  jurisdictions: ['110108'],
};
const other: Identity = { ...clerk, subject: 'other-clerk' };

describe('LapsingCache', () => {
  it('answers an entry until its time and forgets it from then on', () => {
    const cache = new LapsingCache<string>(10);
    cache.set('token', 'identity', 1_000);
    expect(cache.get('token', 999)).toBe('identity');
    expect(cache.get('token', 1_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('holds at most its capacity, dropping the oldest entry first', () => {
    const cache = new LapsingCache<number>(3);
    for (let i = 0; i < 5; i++) cache.set(`t${i}`, i, Number.MAX_SAFE_INTEGER);
    expect(cache.size).toBe(3);
    expect([0, 1, 2, 3, 4].map((i) => cache.get(`t${i}`))).toEqual([undefined, undefined, 2, 3, 4]);
  });
});

describe('the remembered token check', () => {
  it("remembers a verified token exactly until the token's exp", async () => {
    const token = await mintUserToken(clerk, settings, '10m');
    const { identity, expiresAt } = await verifyUserTokenUntil(token, settings, 3600);
    const exp = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).exp as number;
    expect(identity).toEqual(clerk);
    expect(expiresAt).toBe(exp * 1000);
    const verify = cachedUserTokenVerifier(settings, 3600);
    await expect(verify(token)).resolves.toEqual(clerk);
    await expect(verify(token)).resolves.toEqual(clerk);
  });

  it('refuses a bad token every time (a refusal is not remembered as an identity)', async () => {
    const verify = cachedUserTokenVerifier(settings, 3600);
    const token = await mintUserToken(
      clerk,
      { ...settings, userTokenSecret: 'another secret of enough length!!' },
      '10m',
    );
    await expect(verify(token)).rejects.toBeInstanceOf(InvalidTokenError);
    await expect(verify(token)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('still applies the lifetime limit to a token it has not seen', async () => {
    const verify = cachedUserTokenVerifier(settings, 60);
    await expect(verify(await mintUserToken(clerk, settings, '2h'))).rejects.toThrow(/lifetime exceeds/);
  });
});

describe('identity assertions', () => {
  it('signs one per identity while it is reused, and a new one after', async () => {
    const sign = cachedAssertionSigner(settings);
    const first = await sign(clerk);
    expect(await sign({ ...clerk, jurisdictions: ['110108'] })).toBe(first);
    expect(await sign(other)).not.toBe(first);
    const neverReused = cachedAssertionSigner(settings, 10, 0);
    const a = await neverReused(clerk);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // iat has one-second resolution
    expect(await neverReused(clerk)).not.toBe(a);
  });

  it('a subgraph remembers a verified assertion and still refuses one signed with another key', async () => {
    const verify = cachedAssertionVerifier(settings);
    const assertion = await signIdentityAssertion(clerk, settings);
    await expect(verify(assertion)).resolves.toEqual(clerk);
    await expect(verify(assertion)).resolves.toEqual(clerk);
    const forged = await signIdentityAssertion(clerk, {
      ...settings,
      signingKeys: { gateway: generateKeyPairSync('ed25519').privateKey },
    });
    await expect(verify(forged)).rejects.toBeInstanceOf(InvalidTokenError);
  });
});
