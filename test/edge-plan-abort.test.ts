import { pbkdf2 } from 'node:crypto';
import net from 'node:net';
import { DEFAULT_EDGE_CONFIG } from '../gateway/config';
import { RunningGateway, startGateway } from '../gateway/server';
import { mintUserToken } from '../platform/auth/tokens';
import { tokenSettings } from '../platform/config';
import { StubSubgraph, startStubSubgraph } from './support/stub-subgraph';
import { companyUser } from './support/identity';

/**
 * Hive's Rust planner (`@graphql-hive/router-runtime` 1.4.23) caches each document's plan as the promise of its first
 * planning, started with that request's abort signal, and never drops a rejected one; the native planner rejects
 * with AbortError when the signal fires before its thread-pool work starts. Were the client's signal to reach the
 * planner (Hive's `executionCancellation`, off in gateway/runtime.ts), one client hanging up on the first request of
 * an operation would break that operation for every caller ("Unexpected error.") while its parsed document stays
 * cached. This guards that: with `executionCancellation: true` it fails (3, 3 and 4 of the 4 documents below
 * answered "Unexpected error." in three runs).
 */
const tokens = tokenSettings({ NODE_ENV: 'test' });

/** A POST the client hangs up on once it is sent and `afterMs` has passed. */
function postAndHangUp(url: string, token: string, query: string, afterMs: number) {
  const { port } = new URL(url);
  const body = JSON.stringify({ query });
  return new Promise<void>((resolve) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => {
      socket.write(
        `POST /graphql HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n` +
          `authorization: Bearer ${token}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
        () => setTimeout(() => socket.destroy(), afterMs),
      );
    });
    socket.on('close', () => resolve());
    socket.on('error', () => resolve());
  });
}

/**
 * Keeps libuv's thread pool (where the native planner runs) busy for a while, so a planning started now waits in
 * its queue and the client's hang-up lands before it starts: the only moment an abort rejects it.
 */
function occupyThreadPool() {
  const threads = Number(process.env.UV_THREADPOOL_SIZE ?? 4);
  return Promise.all(
    Array.from(
      { length: threads },
      () => new Promise((resolve) => pbkdf2('busy', 'salt', 50_000, 32, 'sha256', resolve)),
    ),
  );
}

describe('an operation whose first request the client abandons', () => {
  let stub: StubSubgraph;
  let gateway: RunningGateway;

  beforeAll(async () => {
    stub = await startStubSubgraph();
    gateway = await startGateway({
      supergraphSdl: stub.supergraphSdl,
      subgraphUrls: {},
      tokens,
      port: 0,
      config: DEFAULT_EDGE_CONFIG,
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    await stub?.stop();
  });

  it('still answers the next caller of the same document', async () => {
    const client = await mintUserToken(companyUser('org-a'), tokens);
    const other = await mintUserToken(companyUser('org-b'), tokens);
    const post = async (token: string, query: string) => {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query }),
      });
      return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: unknown } };
    };
    // Both tokens verified (and cached) first, so the abandoned requests reach planning at once.
    expect((await post(client, '{ items { id } }')).status).toBe(200);
    expect((await post(other, '{ items { id } }')).status).toBe(200);

    const answers: unknown[] = [];
    const hangUpsMs = [0, 1, 5, 20];
    for (const [i, afterMs] of hangUpsMs.entries()) {
      // A document no request has planned yet.
      const query = `query Abandoned${i} { items(first: ${i + 1}) { id } }`;
      const busy = occupyThreadPool();
      await postAndHangUp(gateway.url, client, query, afterMs);
      await busy;
      answers.push((await post(other, query)).body);
    }
    expect(answers).toEqual(
      hangUpsMs.map((_, i) => ({
        data: { items: Array.from({ length: Math.min(i + 1, 3) }, (_, n) => ({ id: String(n) })) },
      })),
    );
  });
});
