import { randomUUID } from 'node:crypto';
import { getEventListeners, getMaxListeners } from 'node:events';
import http from 'node:http';
import net from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { SignJWT, decodeJwt } from 'jose';
import request from 'supertest';
import { DEFAULT_EDGE_CONFIG, EdgeConfig } from '../gateway/config';
import { WeightedLruCache } from '../gateway/document-cache';
import { MAX_VALIDATION_ERRORS } from '../gateway/document-limits';
import { RunningGateway, startGateway } from '../gateway/server';
import { tokenSettings } from '../platform/config';
import { mintUserToken } from '../platform/auth/tokens';
import { connectionsRefused } from '../platform/metrics';
import { STUB_FILE, StubSubgraph, startStubSubgraph } from './support/stub-subgraph';
import { companyUser } from './support/identity';
import { waitFor } from './support/wait-for';

/**
 * The edge's own behaviour over a stub subgraph that counts what reaches it: rate limits, CORS, token lifetime,
 * health and readiness, and the per-caller limits that a shared cache could mix up. The refusals of issue 12
 * through the real hub are in edge-refusals.it.test.ts.
 */
const tokens = tokenSettings({ NODE_ENV: 'test' });
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const PUBLIC_QUERY = '{ publicServiceStandards(compoundName: "红居") { compoundName } }';

describe('the edge over a stub subgraph', () => {
  let stub: StubSubgraph;
  const gateways: RunningGateway[] = [];
  const start = async (config: Partial<EdgeConfig> = {}, supergraphSdl = stub.supergraphSdl) => {
    const gateway = await startGateway({
      supergraphSdl,
      subgraphUrls: {},
      tokens,
      port: 0,
      config: { ...DEFAULT_EDGE_CONFIG, ...config },
    });
    gateways.push(gateway);
    return request(gateway.url.replace(/\/graphql$/, ''));
  };
  const post = (client: request.Agent | ReturnType<typeof request>, body: unknown, token?: string) => {
    const call = client.post('/graphql').set('content-type', 'application/json');
    if (token) call.set('authorization', `Bearer ${token}`);
    return call.send(body as object);
  };

  beforeAll(async () => {
    stub = await startStubSubgraph();
  });
  beforeEach(() => {
    stub.requests.length = 0;
    stub.ready = true;
    stub.delayMs = 0;
  });
  afterAll(async () => {
    for (const gateway of gateways) await gateway.stop();
    await stub?.stop();
  });

  it('forwards the caller as a signed assertion, and an anonymous caller as PUBLIC for the public query only', async () => {
    const client = await start();
    const authenticated = await post(
      client,
      { query: '{ items { id } }' },
      await mintUserToken(companyUser('org-a'), tokens),
    );
    expect(authenticated.body).toEqual({ data: { items: [{ id: '0' }, { id: '1' }, { id: '2' }] } });
    const anonymous = await post(client, { query: PUBLIC_QUERY });
    expect(anonymous.body.data.publicServiceStandards).toEqual([{ compoundName: '红居' }]);
    expect(stub.requests.map((r) => decodeJwt(r.identity!).role)).toEqual(['PROPERTY_COMPANY', 'PUBLIC']);
  });

  it('carries the caller trace id to the subgraph without recording spans (no exporter): same trace id, fresh span id, unsampled, no tracestate', async () => {
    const client = await start();
    const token = await mintUserToken(companyUser('org-a'), tokens);
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const traced = await post(client, { query: '{ items { id } }' }, token)
      .set('traceparent', `00-${traceId}-00f067aa0ba902b7-01`)
      .set('tracestate', 'vendor=abc');
    expect(traced.body.errors).toBeUndefined();
    await post(client, { query: '{ items { id } }' }, token);
    await post(client, { query: '{ items { id } }' }, token).set(
      'traceparent',
      `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`,
    );
    const [caller, fresh, invalid] = stub.requests.map((r) => ({
      parts: /^00-([0-9a-f]{32})-([0-9a-f]{16})-00$/.exec(r.traceparent ?? '')?.slice(1),
      tracestate: r.tracestate,
    }));
    expect(caller.parts?.[0]).toBe(traceId);
    expect(caller.parts?.[1]).not.toBe('00f067aa0ba902b7');
    // The caller's tracestate stays at the edge: free-form data of the caller's choosing.
    expect(caller.tracestate).toBeUndefined();
    // Without a (valid) traceparent each request starts a trace of its own.
    expect(fresh.parts?.[0]).toMatch(/^(?!0{32})[0-9a-f]{32}$/);
    expect(invalid.parts?.[0]).toMatch(/^(?!0{32})[0-9a-f]{32}$/);
    expect(new Set([traceId, fresh.parts?.[0], invalid.parts?.[0]]).size).toBe(3);
  });

  it("sends the caller's x-request-id to the subgraph and answers with it; a request without one gets a new one", async () => {
    const client = await start();
    const token = await mintUserToken(companyUser('org-a'), tokens);
    const named = await post(client, { query: '{ items { id } }' }, token).set('x-request-id', 'req-42');
    const unnamed = await post(client, { query: '{ items { id } }' }, token);
    const refused = await post(client, { query: '{ items { id } }' }, 'not-a-token');
    expect(named.headers['x-request-id']).toBe('req-42');
    expect(unnamed.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(refused.status).toBe(401);
    expect(refused.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(stub.requests.map((r) => r.requestId)).toEqual(['req-42', unnamed.headers['x-request-id']]);
    // One too long or with other characters than visible ASCII is replaced by a fresh one, everywhere it goes.
    for (const bad of ['x'.repeat(129), 'req 42', 'req-\u00e9']) {
      const res = await post(client, { query: '{ items { id } }' }, token).set('x-request-id', bad);
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(stub.requests.at(-1)?.requestId).toBe(res.headers['x-request-id']);
    }
    const longest = await post(client, { query: '{ items { id } }' }, token).set('x-request-id', 'x'.repeat(128));
    expect(longest.headers['x-request-id']).toBe('x'.repeat(128));
  });

  it("never lets one caller's subgraph call answer another's identical query sent at the same moment", async () => {
    // The gateway's HTTP executor merges identical subgraph requests in flight, keyed on the headers it knows before
    // its fetch hooks: the identity assertion must be one of them, or a caller who copies another's query (and
    // x-request-id) while it runs would get the other's answer.
    const client = await start();
    stub.delayMs = 300;
    const [a, b] = await Promise.all(
      ['org-a', 'org-b'].map(async (org) =>
        post(client, { query: '{ items { id } }' }, await mintUserToken(companyUser(org), tokens)).set(
          'x-request-id',
          'same-request-id',
        ),
      ),
    );
    expect(a.body.errors).toBeUndefined();
    expect(b.body.errors).toBeUndefined();
    expect(stub.requests.map((r) => decodeJwt(r.identity!).org).sort()).toEqual(['org-a', 'org-b']);
  });

  it('keeps more requests in flight to one subgraph than Node warns of for one abort signal, without that warning', async () => {
    // Every subgraph fetch of the runtime's HTTP executor listens on the executor's own abort signal (aborted when the
    // gateway stops) until its answer ends; Node warns of a listener leak at the 11th listener of one signal.
    const client = await start();
    // Node's own condition for the warning (event_target.js), checked at each listener added to any abort signal: Jest's
    // sandbox does not share the process object Node warns on.
    const overLimit: number[] = [];
    let busiest: { signal: AbortSignal; peak: number } | undefined;
    const add = AbortSignal.prototype.addEventListener;
    const listening = jest.spyOn(AbortSignal.prototype, 'addEventListener').mockImplementation(function (
      this: AbortSignal,
      ...args: Parameters<AbortSignal['addEventListener']>
    ) {
      add.apply(this, args);
      if (args[0] !== 'abort') return;
      const listeners = getEventListeners(this, 'abort').length;
      if (listeners > getMaxListeners(this)) overLimit.push(listeners);
      if (!busiest || listeners > busiest.peak) busiest = { signal: this, peak: listeners };
    });
    try {
      // long enough that many of the 24 overlap at the subgraph even on a loaded machine
      stub.delayMs = 1000;
      const token = await mintUserToken(companyUser('org-a'), tokens);
      const answers = await Promise.all(
        // a request id each, or the executor merges the identical subgraph requests into one
        Array.from({ length: 24 }, (_, i) =>
          post(client, { query: '{ items { id } }' }, token).set('x-request-id', `in-flight-${i}`),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(24).fill(200));
      expect(stub.requests).toHaveLength(24);
    } finally {
      listening.mockRestore();
    }
    expect(overLimit).toEqual([]);
    // more than Node's default of 10 were in flight on the subgraph's one signal at once (all 24 on a quiet machine),
    // and each request's listener went with its answer
    expect(busiest?.peak).toBeGreaterThan(10);
    await waitFor(
      'the requests to release the signal',
      () => getEventListeners(busiest!.signal, 'abort').length === 0,
      {
        timeoutMs: 2000,
      },
    );
  });

  it('limits each organisation, and each address without a token, to its rate: 429 RATE_LIMITED with Retry-After', async () => {
    const client = await start({
      authenticated: { ...DEFAULT_EDGE_CONFIG.authenticated, rate: { max: 3, windowMs: 60_000 } },
      anonymous: { ...DEFAULT_EDGE_CONFIG.anonymous, rate: { max: 2, windowMs: 60_000 } },
    });
    // two people of one organisation share its budget
    const alice = await mintUserToken({ ...companyUser('org-a'), subject: 'alice' }, tokens);
    const bob = await mintUserToken({ ...companyUser('org-a'), subject: 'bob' }, tokens);
    const statuses = [];
    for (const token of [alice, bob, alice])
      statuses.push((await post(client, { query: '{ items { id } }' }, token)).status);
    expect(statuses).toEqual([200, 200, 200]);
    const limited = await post(client, { query: '{ items { id } }' }, bob);
    expect(limited.status).toBe(429);
    expect(limited.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(
      (await post(client, { query: '{ items { id } }' }, await mintUserToken(companyUser('org-b'), tokens))).status,
    ).toBe(200);

    expect((await post(client, { query: PUBLIC_QUERY })).status).toBe(200);
    expect((await post(client, { query: PUBLIC_QUERY })).status).toBe(200);
    const anonymous = await post(client, { query: PUBLIC_QUERY });
    expect([anonymous.status, anonymous.body.errors[0].extensions.code]).toEqual([429, 'RATE_LIMITED']);
    expect(stub.requests).toHaveLength(6);
  });

  it('counts callers without a token behind a trusted proxy by the address the proxy saw, and nobody else by a header', async () => {
    // A helper's edge audit: behind the TLS terminator every anonymous caller shared the proxy's address, so one
    // caller's second request a window refused everyone's public question.
    const limits = { anonymous: { ...DEFAULT_EDGE_CONFIG.anonymous, rate: { max: 1, windowMs: 60_000 } } };
    const ask = (client: ReturnType<typeof request>, forwardedFor: string) =>
      post(client, { query: PUBLIC_QUERY })
        .set('x-forwarded-for', forwardedFor)
        .then((r) => r.status);
    const behindProxy = await start({ ...limits, trustedProxies: ['127.0.0.1'] });
    expect(await ask(behindProxy, '203.0.113.1')).toBe(200);
    expect(await ask(behindProxy, '203.0.113.2')).toBe(200);
    expect(await ask(behindProxy, '203.0.113.1')).toBe(429);
    // what the client wrote left of what the proxy appended is not read
    expect(await ask(behindProxy, '192.0.2.50, 203.0.113.2')).toBe(429);
    const direct = await start(limits);
    expect(await ask(direct, '203.0.113.1')).toBe(200);
    expect(await ask(direct, '203.0.113.2')).toBe(429);
  });

  it("keeps an organisation's requests being answered to its limit: the rest wait their turn, another's go at once; past the queue 429", async () => {
    const client = await start({
      authenticated: { ...DEFAULT_EDGE_CONFIG.authenticated, inFlight: { max: 2, queued: 2, waitMs: 10_000 } },
    });
    const [a, b] = await Promise.all(['org-a', 'org-b'].map((org) => mintUserToken(companyUser(org), tokens)));
    const ask = (token: string, id: string) =>
      post(client, { query: '{ items { id } }' }, token)
        .set('x-request-id', id)
        .then((r) => r);
    const orgsAtSubgraph = () => stub.requests.map((r) => decodeJwt(r.identity!).org);
    stub.delayMs = 800;
    const burst = Array.from({ length: 5 }, (_, i) => ask(a, `a-${i}`));
    await waitFor('two of its requests at the subgraph', () => stub.requests.length >= 2, { timeoutMs: 5000 });
    // Its third and fourth wait at the edge, its fifth is past the queue: answered at once.
    const refused = await Promise.race(burst);
    expect([refused.status, refused.body.errors[0].extensions.code, refused.headers['retry-after']]).toEqual([
      429,
      'RATE_LIMITED',
      '1',
    ]);
    const other = ask(b, 'b-0');
    await waitFor("the other organisation's request at the subgraph", () => stub.requests.length >= 3, {
      timeoutMs: 5000,
    });
    // It went ahead of the two waiting: they reach the subgraph only once the first two are answered.
    expect(orgsAtSubgraph()).toEqual(['org-a', 'org-a', 'org-b']);
    const answers = await Promise.all([...burst, other]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 429]);
    expect(orgsAtSubgraph()).toEqual(['org-a', 'org-a', 'org-b', 'org-a', 'org-a']);

    // A request whose caller went away gives its turn back at once: with room for one and no queue, the next is served.
    const single = await start({
      authenticated: { ...DEFAULT_EDGE_CONFIG.authenticated, inFlight: { max: 1, queued: 0, waitMs: 10_000 } },
    });
    const abandoned = post(single, { query: '{ items { id } }' }, a).timeout(300);
    await expect(abandoned).rejects.toThrow(/Timeout/);
    const next = await post(single, { query: '{ items { id } }' }, a);
    expect([next.status, next.body.errors]).toEqual([200, undefined]);
  });

  it('answers 401 to a token without exp or living longer than the configured maximum', async () => {
    const client = await start();
    const sign = (jwt: SignJWT) =>
      jwt
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('s')
        .setIssuer(tokens.userTokenIssuer)
        .setAudience(tokens.userTokenAudience)
        .sign(new TextEncoder().encode(tokens.userTokenSecret));
    const claims = { role: 'ADMIN', org: 'hub-operator', jurisdictions: [] };
    const forever = await sign(new SignJWT(claims).setIssuedAt());
    const thirteenHours = await sign(new SignJWT(claims).setIssuedAt().setExpirationTime('13h'));
    for (const token of [forever, thirteenHours]) {
      const res = await post(client, { query: '{ items { id } }' }, token);
      expect([res.status, res.body.errors[0].extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
    }
    expect(
      (await post(client, { query: '{ items { id } }' }, await mintUserToken(companyUser('org-a'), tokens, '12h')))
        .status,
    ).toBe(200);
    expect(stub.requests).toHaveLength(1);
  });

  it('answers CORS preflights from configured origins without a token, and gives other origins no CORS headers', async () => {
    const closed = await start();
    const none = await closed
      .options('/graphql')
      .set({ origin: 'https://bureau.example', 'access-control-request-method': 'POST' });
    expect(none.headers['access-control-allow-origin']).toBeUndefined();

    const client = await start({ corsOrigins: ['https://bureau.example'] });
    const preflight = await client.options('/graphql').set({
      origin: 'https://bureau.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type',
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://bureau.example');
    expect(preflight.headers['access-control-allow-headers']).toMatch(/authorization/);
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
    const other = await client.options('/graphql').set({ origin: 'null', 'access-control-request-method': 'POST' });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    // a refusal to an allowed origin still carries CORS headers, so the page can read its code
    const refused = await post(client, { query: '{ items { id } }' }).set('origin', 'https://bureau.example');
    expect(refused.status).toBe(401);
    expect(refused.headers['access-control-allow-origin']).toBe('https://bureau.example');
    expect(stub.requests).toHaveLength(0);
  });

  it('answers /healthz from the process and /readyz from the subgraphs, publicly and minimally', async () => {
    const client = await start({ readiness: { timeoutMs: 500, ttlMs: 0 } });
    expect((await client.get('/healthz')).body).toEqual({ status: 'OK' });
    const ready = await client.get('/readyz');
    expect([ready.status, ready.body]).toEqual([
      200,
      { status: 'READY', checks: { database: 'UP', broker: 'UP', subgraphs: 'UP' } },
    ]);
    stub.ready = false;
    const notReady = await client.get('/readyz');
    expect([notReady.status, notReady.body]).toEqual([
      503,
      { status: 'NOT_READY', checks: { database: 'DOWN', broker: 'UP', subgraphs: 'UP' } },
    ]);
  });

  describe('connections', () => {
    /** A raw connection from `localAddress` (any of 127.0.0.0/8 reaches the gateway on 127.0.0.1). */
    const connect = async (port: number, localAddress = '127.0.0.1') => {
      const socket = net.connect({ port, host: '127.0.0.1', localAddress });
      socket.on('error', () => undefined);
      const opened = Date.now();
      let received = '';
      socket.on('data', (chunk) => (received += String(chunk)));
      const closedAfterMs = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now() - opened)));
      await new Promise((resolve) => socket.once('connect', resolve));
      return { socket, closedAfterMs, received: () => received };
    };
    const stillOpen = async (closedAfterMs: Promise<number>, ms: number) =>
      (await Promise.race([
        closedAfterMs.then(() => false),
        new Promise((r) => setTimeout(() => r(true), ms)),
      ])) as boolean;
    const healthz = (port: number, localAddress: string) =>
      new Promise<number | undefined>((resolve) =>
        http
          .get({ host: '127.0.0.1', port, path: '/healthz', localAddress, agent: false }, (res) => {
            res.resume();
            resolve(res.statusCode);
          })
          .on('error', () => resolve(undefined)),
      );
    const refused = async (reason: string) =>
      (await connectionsRefused.get()).values.find((v) => v.labels.reason === reason)?.value ?? 0;
    const portOf = () => Number(new URL(gateways[gateways.length - 1].url).port);

    it("closes a connection past its address's limit at once; another address, and the same one after a close, are served", async () => {
      await start({
        connections: { ...DEFAULT_EDGE_CONFIG.connections, max: 100, perAddress: 3, headersMs: 10_000, bodyMs: 10_000 },
      });
      const port = portOf();
      const before = await refused('per_address');
      const held = [await connect(port), await connect(port), await connect(port)];
      const extra = await connect(port);
      expect(await Promise.race([extra.closedAfterMs, new Promise((r) => setTimeout(() => r('open'), 5000))])).toEqual(
        expect.any(Number),
      );
      expect(extra.received()).toBe('');
      expect(await refused('per_address')).toBe(before + 1);
      expect(await healthz(port, '127.0.0.2')).toBe(200);
      for (const { closedAfterMs } of held) expect(await stillOpen(closedAfterMs, 50)).toBe(true);

      held[0].socket.destroy();
      await held[0].closedAfterMs;
      await waitFor('a freed place for 127.0.0.1', async () => (await healthz(port, '127.0.0.1')) === 200, {
        timeoutMs: 5000,
      });
      for (const { socket } of held) socket.destroy();
    });

    it('closes a connection that sends no request, stops in its headers or trickles its body, but not one waiting for its answer', async () => {
      await start({
        connections: { ...DEFAULT_EDGE_CONFIG.connections, max: 100, perAddress: 100, headersMs: 300, bodyMs: 600 },
      });
      const port = portOf();
      const slowHeaders = await refused('slow_headers');
      const slowBody = await refused('slow_body');

      const silent = await connect(port);
      const partial = await connect(port);
      partial.socket.write('GET /healthz HTTP/1.1\r\nHost: hub\r\n');
      // a second request stopped in its headers after a first one answered on the same connection
      const second = await connect(port);
      second.socket.write('GET /healthz HTTP/1.1\r\nHost: hub\r\n\r\n');
      await waitFor('the first answer', () => second.received().includes('"OK"'), { timeoutMs: 5000 });
      second.socket.write('GET /healthz HTTP/1.1\r\n');
      const trickle = await connect(port);
      trickle.socket.write(
        'POST /graphql HTTP/1.1\r\nHost: hub\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{',
      );
      const drip = setInterval(() => trickle.socket.write(' '), 100);
      try {
        // Closed by the gateway, not before its limit, with no (further) answer; which limit closed each, the
        // counts below say (the server's own 60 s headers timeout is counted nowhere here).
        for (const connection of [silent, partial, second])
          expect(await connection.closedAfterMs).toBeGreaterThanOrEqual(250);
        await trickle.closedAfterMs;
      } finally {
        clearInterval(drip);
      }
      expect([silent, partial, trickle].map((c) => c.received())).toEqual(['', '', '']);
      expect(second.received().match(/HTTP\/1\.1 /g)).toHaveLength(1);
      expect(await refused('slow_headers')).toBe(slowHeaders + 3);
      expect(await refused('slow_body')).toBe(slowBody + 1);

      // a request whose answer takes longer than both limits is answered
      stub.delayMs = 1000;
      const answer = await post(
        request(gateways[gateways.length - 1].url.replace(/\/graphql$/, '')),
        {
          query: '{ items { id } }',
        },
        await mintUserToken(companyUser('org-a'), tokens),
      );
      expect([answer.status, answer.body.errors]).toEqual([200, undefined]);
    });

    /** `files` copies of the stub's file in one answer (about 1.35 MB each), asked on a raw connection. */
    const askForFiles = async (port: number, files: number, token: string) => {
      const connection = await connect(port);
      const query = `{ ${Array.from({ length: files }, (_, i) => `f${i}: file`).join(' ')} }`;
      const body = JSON.stringify({ query });
      connection.socket.write(
        `POST /graphql HTTP/1.1\r\nHost: hub\r\ncontent-type: application/json\r\nauthorization: Bearer ${token}\r\n` +
          `content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
      return connection;
    };
    /** How many bytes the answer's head announces, once it has come. */
    const announced = async (received: () => string) =>
      Number(
        /content-length: (\d+)/i.exec(
          // A 27 MB answer takes a while to build on a busy 2-core machine (it timed out at 10 s in a full run).
          await waitFor('the answer to start', () => received().includes('\r\n\r\n') && received(), {
            timeoutMs: 30_000,
          }),
        )![1],
      );

    it('closes a connection whose client takes none of its answer, but not one that reads it slowly', async () => {
      // Before, an answer its client never read was held for as long as the client kept the connection open.
      // The gateway sees a client's progress only when the kernel has room for more of the answer (its send buffer,
      // some MB on loopback, half empty), so the checks are further apart than the slow reader takes for that.
      await start({ connections: { ...DEFAULT_EDGE_CONFIG.connections, answerStallMs: 2000 } });
      const port = portOf();
      const token = await mintUserToken(companyUser('org-a'), tokens);
      const slowRead = await refused('slow_read');

      // 20 files (27 MB): more than the loopback's socket buffers take, so most of it waits in the gateway.
      const stalled = await askForFiles(port, 20, token);
      const length = await announced(stalled.received);
      expect(length).toBeGreaterThan(20_000_000);
      stalled.socket.pause();
      await waitFor(
        'the gateway to close the stalled connection',
        async () => (await refused('slow_read')) > slowRead,
        {
          timeoutMs: 10_000,
        },
      );
      // What the client had not taken is gone: resumed, it reads what its socket's buffers held, never the answer's end.
      stalled.socket.resume();
      await stalled.closedAfterMs;
      expect(stalled.received()).not.toMatch(/"}}$/);
      expect(await refused('slow_read')).toBe(slowRead + 1);

      // 6 files (8 MB) read a chunk (up to 64 KiB) at a time, a pause of 25 ms after each: slower than the gateway sends.
      const slow = await askForFiles(port, 6, token);
      let bytes = 0;
      let pauses = 0;
      slow.socket.removeAllListeners('data');
      slow.socket.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        pauses++;
        slow.socket.pause();
        setTimeout(() => slow.socket.resume(), 25);
      });
      await waitFor('the slow reader to have its whole answer', () => bytes > 8_000_000 && bytes, {
        timeoutMs: 30_000,
      });
      await new Promise((r) => setTimeout(r, 500));
      // It read for longer than the stall limit: one pause of at least 25 ms after each chunk, one after another.
      expect(pauses * 25).toBeGreaterThan(2000);
      expect(await stillOpen(slow.closedAfterMs, 50)).toBe(true);
      expect(await refused('slow_read')).toBe(slowRead + 1);
      slow.socket.destroy();
    });

    it('bounds the answers a caller, and all callers, may hold while their clients read them', async () => {
      // Before, every answer was held until its client had read it: 64 unread 27 MB documents of one organisation
      // would have been held at once.
      await start({
        authenticated: { ...DEFAULT_EDGE_CONFIG.authenticated, answerBytes: 20 * 1024 * 1024 },
        answerBytes: 36 * 1024 * 1024,
        connections: { ...DEFAULT_EDGE_CONFIG.connections, answerStallMs: 60_000 },
      });
      const port = portOf();
      const client = request(gateways[gateways.length - 1].url.replace(/\/graphql$/, ''));
      const [orgA, orgB, orgC] = await Promise.all(
        ['org-a', 'org-b', 'org-c'].map((org) => mintUserToken(companyUser(`${org}-${randomUUID()}`), tokens)),
      );
      const FILE = '{ file }';

      // org A's client does not read its 27 MB: A's next large answer would pass its 20 MiB; a tiny one still goes.
      const unread = await askForFiles(port, 20, orgA);
      await announced(unread.received);
      unread.socket.pause();
      const refusedToA = await post(client, { query: FILE }, orgA);
      expect([refusedToA.status, refusedToA.body.errors[0].extensions.code]).toEqual([429, 'RATE_LIMITED']);
      expect(refusedToA.headers['retry-after']).toBe('1');
      expect(refusedToA.body.errors[0].message).toMatch(/of answers to your organisation are still being read/);
      expect((await post(client, { query: '{ items { id } }' }, orgA)).body.data.items).toHaveLength(3);

      // Another organisation gets a file while the gateway holds 27 MB of 36, not 10 more (the gateway's bound).
      expect((await post(client, { query: FILE }, orgB)).body.data.file).toBe(STUB_FILE);
      const tenMore = await post(
        client,
        { query: `{ ${Array.from({ length: 8 }, (_, i) => `f${i}: file`).join(' ')} }` },
        orgC,
      );
      expect([tenMore.status, tenMore.body.errors[0].extensions.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);

      // Once A's connection is gone, what it held is free again.
      unread.socket.destroy();
      await unread.closedAfterMs;
      await waitFor(
        'A to be served a file again',
        async () => (await post(client, { query: FILE }, orgA)).status === 200,
        {
          timeoutMs: 5000,
        },
      );
      expect(
        (await post(client, { query: `{ ${Array.from({ length: 8 }, (_, i) => `f${i}: file`).join(' ')} }` }, orgC))
          .status,
      ).toBe(200);
    });
  });

  it('reports a subgraph that does not answer as not ready', async () => {
    const silent = http.createServer(() => undefined).listen(0, '127.0.0.1');
    await new Promise((resolve) => silent.once('listening', resolve));
    try {
      const url = `http://127.0.0.1:${(silent.address() as { port: number }).port}/graphql`;
      const gateway = await startGateway({
        supergraphSdl: stub.supergraphSdl,
        subgraphUrls: { stub: url },
        tokens,
        port: 0,
        config: { ...DEFAULT_EDGE_CONFIG, readiness: { timeoutMs: 300, ttlMs: 0 } },
      });
      gateways.push(gateway);
      const res = await request(gateway.url.replace(/\/graphql$/, '')).get('/readyz');
      expect([res.status, res.body.checks.subgraphs]).toEqual([503, 'DOWN']);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  it('answers a subgraph whose connection breaks with SUBGRAPH_UNAVAILABLE, never INTERNAL_SERVER_ERROR', async () => {
    // One instance, as npm start and the tests run it: before, the runtime masked the failed fetch as "Unexpected error."
    const breaking = http.createServer((req) => req.socket.destroy()).listen(0, '127.0.0.1');
    await new Promise((resolve) => breaking.once('listening', resolve));
    try {
      const url = `http://127.0.0.1:${(breaking.address() as { port: number }).port}/graphql`;
      const gateway = await startGateway({
        supergraphSdl: stub.supergraphSdl,
        subgraphUrls: { stub: url },
        tokens,
        port: 0,
        config: DEFAULT_EDGE_CONFIG,
      });
      gateways.push(gateway);
      const res = await post(
        request(gateway.url.replace(/\/graphql$/, '')),
        { query: '{ items { id } }' },
        await mintUserToken(companyUser('org-a'), tokens),
      );
      expect([res.status, res.body.errors?.map((e: { extensions: { code: string } }) => e.extensions.code)]).toEqual([
        200,
        ['SUBGRAPH_UNAVAILABLE'],
      ]);
    } finally {
      breaking.closeAllConnections();
      breaking.close();
    }
  });

  it('answers SUBGRAPH_TIMEOUT when a subgraph does not answer in time, and the organisation can go on', async () => {
    // Before, nothing bounded the wait: the caller, its connection and its organisation's turn in flight were held for
    // as long as the subgraph took (a frozen instance: for ever).
    const client = await start({ subgraphTimeoutMs: 300 });
    const token = await mintUserToken(companyUser('org-a'), tokens);
    stub.delayMs = 3000;
    const answered = stub.answered;
    const late = await post(client, { query: '{ items { id } }' }, token);
    expect([late.status, late.body.errors?.map((e: { extensions: { code: string } }) => e.extensions.code)]).toEqual([
      200,
      ['SUBGRAPH_TIMEOUT'],
    ]);
    // The caller had its answer before the subgraph had answered the request: the gateway did not wait for it.
    expect(stub.answered).toBe(answered);
    stub.delayMs = 0;
    const next = await post(client, { query: '{ items { id } }' }, token);
    expect([next.status, next.body.errors]).toEqual([200, undefined]);
  });

  it("keeps each caller's limits apart although the runtime caches validation by document", async () => {
    const client = await start();
    const sevenAliases = `{ ${Array.from({ length: 7 }, (_, i) => `p${i}: publicServiceStandards(compoundName: "x") { compoundName }`).join(' ')} }`;
    expect(
      (await post(client, { query: sevenAliases }, await mintUserToken(companyUser('org-a'), tokens))).status,
    ).toBe(200);
    const anonymous = await post(client, { query: sevenAliases });
    expect([anonymous.status, anonymous.body.errors[0].extensions.code]).toEqual([400, 'ALIAS_LIMIT_EXCEEDED']);
  });

  it('refuses as bad requests a subscription and introspection beside data fields, which the runtime cannot execute', async () => {
    // Before: HTTP 500 INTERNAL_SERVER_ERROR for the subscription, and the data fields beside __type failed as
    // INTERNAL_SERVER_ERROR (the runtime answers introspection itself and never called the subgraph).
    const client = await start();
    const token = await mintUserToken(companyUser('org-a'), tokens);
    for (const query of [
      'subscription { x }',
      '{ __type(name: "Query") { name } publicServiceStandards(compoundName: "x") { compoundName } }',
      'query { ...Both } fragment Both on Query { __schema { queryType { name } } publicServiceStandards(compoundName: "x") { compoundName } }',
    ]) {
      const res = await post(client, { query }, token);
      expect([res.status, res.body.errors[0].extensions.code]).toEqual([400, 'BAD_REQUEST']);
    }
    const alone = await post(client, { query: '{ __typename __type(name: "Query") { name } }' }, token);
    expect([alone.status, alone.body.data.__type]).toEqual([200, { name: 'Query' }]);
    expect(stub.requests).toHaveLength(0);
  });

  it('hides "Did you mean" from anonymous callers always, and from everyone in production', async () => {
    const typo = { query: '{ publicServiceStandard(compoundName: "x") { compoundName } }' };
    const development = await start();
    const token = await mintUserToken(companyUser('org-a'), tokens);
    expect((await post(development, typo, token)).body.errors[0].message).toMatch(/Did you mean/);
    expect((await post(development, typo)).body.errors[0].message).not.toMatch(/Did you mean/);
    const production = await start({ production: true });
    expect((await post(production, typo, token)).body.errors[0].message).not.toMatch(/Did you mean/);
    expect(stub.requests).toHaveLength(0);
  });

  it('writes an answer carrying a string longer than a slice (a whole file) as JSON.stringify does, with its length', async () => {
    const client = await start();
    const res = await post(
      client,
      { query: '{ file items { id } }' },
      await mintUserToken(companyUser('org-a'), tokens),
    );
    expect(res.status).toBe(200);
    expect(STUB_FILE.length).toBeGreaterThan(2 ** 20);
    expect(res.text).toBe(
      JSON.stringify({ data: { file: STUB_FILE, items: [{ id: '0' }, { id: '1' }, { id: '2' }] } }),
    );
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.text));
  });

  /** POSTs `body` in 8 KiB chunks with no declared length, as a streaming client would. */
  const postChunked = (body: string, token?: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const url = new URL(gateways[gateways.length - 1].url);
      const headers: Record<string, string> = { 'content-type': 'application/json', 'transfer-encoding': 'chunked' };
      if (token) headers.authorization = `Bearer ${token}`;
      const req = http.request(
        { host: url.hostname, port: url.port, path: '/graphql', method: 'POST', headers },
        (r) => {
          let text = '';
          r.on('data', (c) => (text += c));
          r.on('end', () => resolve({ status: r.statusCode!, body: text }));
        },
      );
      req.on('error', reject);
      for (let i = 0; i < body.length; i += 8192) req.write(body.slice(i, i + 8192));
      req.end();
    });
  const padded = (kib: number) =>
    JSON.stringify({ query: '{ items { id } }', variables: { pad: 'x'.repeat(kib * 1024) } });

  it("counts a chunked body as it streams against the caller's own limit: 413 beyond it, never read whole", async () => {
    // An authenticated caller's limit set below the anonymous one (64 KiB), so that each refusal shows whose it is.
    await start({ authenticated: { ...DEFAULT_EDGE_CONFIG.authenticated, bodyBytes: 32 * 1024 } });
    const token = await mintUserToken(companyUser('org-a'), tokens);
    for (const [kib, who] of [
      [80, undefined],
      [40, token],
    ] as const) {
      const refused = await postChunked(padded(kib), who);
      expect(refused.status).toBe(413);
      expect(JSON.parse(refused.body).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    }
    expect(stub.requests).toHaveLength(0);
    const within = await postChunked(padded(16), token);
    expect(within.status).toBe(200);
    expect(JSON.parse(within.body)).toEqual({ data: { items: [{ id: '0' }, { id: '1' }, { id: '2' }] } });
  });

  it("answers a request without the runtime's unused per-request work: Yoga's own body limit, its readiness route (patches/)", async () => {
    // The packages' own classes, whose prototypes every request body and the readiness route's pattern share.
    const { ReadableStream } = jest.requireActual<typeof import('@whatwg-node/node-fetch')>('@whatwg-node/node-fetch');
    const { URLPattern } = jest.requireActual<typeof import('urlpattern-polyfill')>('urlpattern-polyfill');
    const pipeThrough = jest.spyOn(ReadableStream.prototype, 'pipeThrough');
    const matchPattern = jest.spyOn(URLPattern.prototype, 'test');
    try {
      const client = await start();
      const token = await mintUserToken(companyUser('org-a'), tokens);
      expect((await post(client, { query: '{ items { id } }' }, token)).body.errors).toBeUndefined();
      const chunked = await postChunked(padded(1), token);
      expect(chunked.status).toBe(200);
      // Only the chunked body is piped, to be counted as it streams (gateway/request-body.ts): a declared length is
      // bounded by admission, and Yoga's 25 MB limit (a stream around every body) is off.
      expect(pipeThrough).toHaveBeenCalledTimes(1);
      // The server routes only /graphql to the runtime, so Hive's /readiness route never matches; its literal path
      // is compared as a string, no longer matched against a URLPattern on every request.
      expect(matchPattern).not.toHaveBeenCalled();
    } finally {
      pipeThrough.mockRestore();
      matchPattern.mockRestore();
    }
  });

  it('answers a body that is not JSON without quoting it back', async () => {
    const client = await start();
    const sent = `x${'\u0000'.repeat(65_535)}`;
    const answer = await client.post('/graphql').set('content-type', 'application/json').send(sent);
    expect(answer.status).toBe(400);
    expect(answer.text.length).toBeLessThan(1024);
    expect(answer.text).not.toContain('\\u0000');
  });

  it('answers at most MAX_VALIDATION_ERRORS validation errors and the note that validation stopped', async () => {
    const client = await start();
    const token = await mintUserToken(companyUser('org-a'), tokens);
    const errors = (await post(client, { query: `{ ${'nope '.repeat(150)}}` }, token)).body.errors;
    expect(errors).toHaveLength(MAX_VALIDATION_ERRORS + 1);
    expect(errors[0].message).toMatch(/Cannot query field "nope"/);
    expect(errors.at(-1).message).toMatch(/Too many validation errors/);
  });

  it('keeps parsed documents and parse errors in caches bounded by their bytes, not by their count (patches/)', async () => {
    const set = jest.spyOn(WeightedLruCache.prototype, 'set');
    try {
      const client = await start();
      const token = await mintUserToken(companyUser('org-a'), tokens);
      const query = `{ items { id } } # ${randomUUID()}`;
      expect((await post(client, { query }, token)).body.errors).toBeUndefined();
      const broken = `{ items { id } # ${randomUUID()}`;
      expect((await post(client, { query: broken }, token)).body.errors[0].message).toMatch(/Syntax Error/);
      // Yoga's own caches (1,024 of each, however large) would have taken them instead.
      expect(set.mock.calls.map(([key]) => key)).toEqual([query, broken]);
    } finally {
      set.mockRestore();
    }
  });

  it("makes one transport executor for a subgraph's first requests at once, and keeps none of the requests (patches/)", async () => {
    // Before, each request that came before the executor existed made one, and each executor kept the request that
    // made it (and its answer) until the supergraph changed: four first answers of 13 MB held 97 MB for good.
    const transport = jest.requireActual<{ getSubgraphExecutor: (payload: unknown) => unknown }>(
      '@graphql-mesh/transport-http',
    );
    const original = transport.getSubgraphExecutor;
    const made = jest.spyOn(transport, 'getSubgraphExecutor');
    const requests: WeakRef<object>[] = [];
    const executeThrough = (execute: (request: { context?: { request?: object } }) => unknown) =>
      Object.assign((request: { context?: { request?: object } }) => {
        if (request.context?.request) requests.push(new WeakRef(request.context.request));
        return execute(request);
      }, execute);
    made.mockImplementation(function (this: unknown, payload) {
      return executeThrough(original.call(this, payload) as Parameters<typeof executeThrough>[0]);
    });
    try {
      const token = await mintUserToken(companyUser('org-a'), tokens);
      const client = await start();
      const answers = await Promise.all(
        Array.from({ length: 4 }, () => post(client, { query: '{ items { id } }' }, token)),
      );
      for (const answer of answers) expect(answer.body.errors).toBeUndefined();
      expect(made).toHaveBeenCalledTimes(1);
      expect(requests.length).toBe(4);
      await new Promise((resolve) => setTimeout(resolve, 50));
      collectGarbage();
      expect(requests.filter((request) => request.deref() !== undefined)).toEqual([]);
    } finally {
      made.mockRestore();
    }
  });

  it('answers its first subgraph queries without stitching the supergraph, unless GraphQL Mesh transforms may need it (patches/)', async () => {
    // The package's own exports object, which Hive's planner runtime calls through (an `import *` would be a copy).
    const fusionRuntime =
      jest.requireActual<typeof import('@graphql-mesh/fusion-runtime')>('@graphql-mesh/fusion-runtime');
    const stitch = jest.spyOn(fusionRuntime, 'handleFederationSupergraph');
    try {
      const token = await mintUserToken(companyUser('org-a'), tokens);
      const client = await start();
      for (const query of ['{ items { id } }', '{ items { id } }', PUBLIC_QUERY])
        expect((await post(client, { query }, token)).body.errors).toBeUndefined();
      expect(stitch).not.toHaveBeenCalled();

      // A supergraph naming @hoist (here only in a description) keeps the package's own path: stitched, once.
      const marked = await start({}, stub.supergraphSdl.replace(/^type Query/m, '"mentions @hoist"\ntype Query'));
      for (let i = 0; i < 2; i++)
        expect((await post(marked, { query: '{ items { id } }' }, token)).body.errors).toBeUndefined();
      expect(stitch).toHaveBeenCalledTimes(1);
    } finally {
      stitch.mockRestore();
    }
  });
});
