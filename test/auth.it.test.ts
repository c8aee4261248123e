import { gzipSync } from 'node:zlib';
import { SignJWT } from 'jose';
import request from 'supertest';
import { ANONYMOUS, systemActor } from '../kernel/identity';
import { signIdentityAssertion } from '../platform/auth/tokens';
import { TestHub, identity, startTestHub, testTokens, tokenFor } from './support/hub-fixture';

const clerk = identity('COURT', 'court-zj-hz-xihu', ['330106']);
const QUERY = '{ litigationHealth { status } }';
const PUBLIC_OPERATION = '{ __typename }'; // public: only public fields (or __typename) at the root

describe('identity at the gateway and the subgraphs', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['litigation'] });
  });
  afterAll(async () => {
    await t?.stop();
  });

  const expect401 = (res: request.Response, reason: RegExp) => {
    expect(res.status).toBe(401);
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(res.body.errors[0].message).toMatch(reason);
  };

  it('answers a valid token', async () => {
    const res = await t.gql(clerk, QUERY);
    expect(res.status).toBe(200);
    expect(res.body.data.litigationHealth.status).toBe('OK');
  });

  it('answers 401 without a token', async () => {
    expect401(await t.gql(undefined, QUERY), /missing bearer token/);
  });

  it('answers 401 for a token signed with another key', async () => {
    const forged = await new SignJWT({ role: 'ADMIN', org: 'intruder', jurisdictions: [] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('intruder')
      .setIssuer(testTokens.userTokenIssuer)
      .setAudience(testTokens.userTokenAudience)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('not-the-hub-secret-not-the-hub-secret'));
    expect401(await t.gql(forged, QUERY), /signature/);
  });

  it('answers 401 for an expired token', async () => {
    const expired = await new SignJWT({ role: 'COURT', org: 'court-zj-hz-xihu', jurisdictions: [] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('clerk')
      .setIssuer(testTokens.userTokenIssuer)
      .setAudience(testTokens.userTokenAudience)
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(new TextEncoder().encode(testTokens.userTokenSecret));
    expect401(await t.gql(expired, QUERY), /expired/);
  });

  it('answers 401 for a token without a valid role', async () => {
    const noRole = await new SignJWT({ role: 'JUDGE', org: 'x' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('s')
      .setIssuer(testTokens.userTokenIssuer)
      .setAudience(testTokens.userTokenAudience)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(testTokens.userTokenSecret));
    expect401(await t.gql(noRole, QUERY), /role/);
  });

  it('answers 401 when a subgraph is called directly without the gateway identity, even with a user token', async () => {
    const direct = (headers: Record<string, string>) =>
      request(t.hub.subgraphs.litigation!.url.replace(/\/graphql$/, ''))
        .post('/graphql')
        .set({ 'content-type': 'application/json', ...headers })
        .send({ query: QUERY });
    expect401(await direct({}), /missing identity/);
    expect401(await direct({ authorization: `Bearer ${await tokenFor(clerk)}` }), /missing identity/);
    expect401(await direct({ 'x-hub-identity': await tokenFor(clerk) }), /invalid identity/);
    const assertion = await signIdentityAssertion(clerk, testTokens);
    // A padded spelling of a good assertion, which jose decodes as the same: each was a new entry of the subgraph's
    // cache (a platform audit).
    expect401(await direct({ 'x-hub-identity': `${assertion}==` }), /not a compact JWS in canonical base64url/);
    const fromGateway = await direct({ 'x-hub-identity': assertion });
    expect(fromGateway.status).toBe(200);
    expect(fromGateway.body.data.litigationHealth.status).toBe('OK');
    // Litigation's own key signs a court's assertions for areas alone (its calls to the owners' register): no other
    // subgraph takes one, in this one-process hub as in production, whatever the role.
    for (const who of [clerk, identity('ADMIN', 'hub-admin')])
      expect401(
        await direct({ 'x-hub-identity': await signIdentityAssertion(who, testTokens, 'litigation') }),
        /invalid identity: token is not signed by a signer this subgraph trusts/,
      );
  });

  it('reads no body before the identity, and inflates none after it', async () => {
    const subgraph = request(t.hub.subgraphs.litigation!.url.replace(/\/graphql$/, ''));
    // A body the parser would refuse (400) or inflate: without the identity it is never read.
    const broken = await subgraph.post('/graphql').set('content-type', 'application/json').send('{');
    expect401(broken, /missing identity/);
    const zipped = gzipSync(
      JSON.stringify({ query: '{ litigationHealth { status } }', variables: { a: '0'.repeat(1e6) } }),
    );
    const unidentified = await subgraph
      .post('/graphql')
      .set({ 'content-type': 'application/json', 'content-encoding': 'gzip' })
      .send(zipped);
    expect401(unidentified, /missing identity/);
    const identified = await subgraph
      .post('/graphql')
      .set({
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'x-hub-identity': await signIdentityAssertion(clerk, testTokens),
      })
      .send(zipped);
    expect(identified.status).toBe(415);
  });

  it('ignores an identity header a client sends to the gateway', async () => {
    const admin = await signIdentityAssertion(identity('ADMIN', 'hub-admin'), testTokens);
    const res = await request(t.hub.gatewayUrl.replace(/\/graphql$/, ''))
      .post('/graphql')
      .set({
        'content-type': 'application/json',
        authorization: `Bearer ${await tokenFor(clerk)}`,
        'x-hub-identity': admin,
      })
      .send({
        query:
          'mutation { registerCourt(input: { courtId: "zj-fake", name: "x", provinceCode: "330000", districtCodes: ["330106"] }) { courtId } }',
      });
    expect(res.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('answers for a subgraph this hub does not run (litigation only) with an error naming it', async () => {
    const res = await t.gql(clerk, '{ areasHealth { status } }');
    expect(res.status).toBe(200);
    expect(res.body.data).toBeNull();
    expect(
      res.body.errors.map((e: { message: string; extensions: { code: string } }) => [e.message, e.extensions.code]),
    ).toEqual([['the areas subgraph is not running in this hub', 'SUBGRAPH_NOT_RUNNING']]);
  });

  it("the gateway's answers are never to be stored nor sniffed as another type", async () => {
    const res = await t.gql(clerk, QUERY);
    expect(res.status).toBe(200);
    expect([res.headers['cache-control'], res.headers['x-content-type-options']]).toEqual(['no-store', 'nosniff']);
  });

  it("a subgraph's answers are never to be stored (cache-control: no-store), as Apollo's cache-control plugin said", async () => {
    const res = await request(t.hub.subgraphs.litigation!.url.replace(/\/graphql$/, ''))
      .post('/graphql')
      .set({ 'content-type': 'application/json', 'x-hub-identity': await signIdentityAssertion(clerk, testTokens) })
      .send({ query: QUERY });
    expect([res.status, res.body.data?.litigationHealth?.status]).toEqual([200, 'OK']);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('lets the anonymous identity run only public operations, even when it reaches a subgraph directly', async () => {
    const anonymous = await signIdentityAssertion(ANONYMOUS, testTokens);
    const direct = (query: string) =>
      request(t.hub.subgraphs.litigation!.url.replace(/\/graphql$/, ''))
        .post('/graphql')
        .set({ 'content-type': 'application/json', 'x-hub-identity': anonymous })
        .send({ query });
    const refused = await direct(QUERY);
    expect([refused.status, refused.body.errors[0].extensions.code]).toEqual([403, 'FORBIDDEN']);
    // A GET runs the query of its URL: with a public operation in a JSON body beside it, the check read the body and
    // let the private query of the URL run (a gateway audit's finding). The gateway only POSTs: a GET is 405.
    const split = await request(t.hub.subgraphs.litigation!.url.replace(/\/graphql$/, ''))
      .get('/graphql')
      .query({ query: QUERY })
      .set({ 'content-type': 'application/json', 'x-hub-identity': anonymous, 'apollo-require-preflight': 'true' })
      .send({ query: PUBLIC_OPERATION });
    expect([split.status, split.body.data, split.body.errors?.[0]?.extensions?.code]).toEqual([
      405,
      undefined,
      'METHOD_NOT_ALLOWED',
    ]);
    const asPublicToken = await tokenFor({ ...ANONYMOUS });
    expect401(await t.gql(asPublicToken, QUERY), /PUBLIC role/);
    // The hub's own subgraphs act as SYSTEM on each other's events; no caller may claim it.
    expect401(await t.gql(await tokenFor(systemActor('litigation')), QUERY), /SYSTEM role/);
  });
});
