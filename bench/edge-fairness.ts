/**
 * `npm run bench:edge-fairness -- [burst] [rounds]`: what one organisation's burst costs another's request at the
 * edge. One subgraph answers as a database pool would: 6 connections, 20 ms a statement, the rest waiting in arrival
 * order. Organisation A sends `burst` requests at once (600 by default); 200 ms later organisation B sends one. Two
 * gateways on the same subgraph, compared in interleaved rounds: requests in flight per organisation unlimited (as
 * before) and the edge's default (64, gateway/config.ts). Prints B's latency per round, the medians and their ratio.
 * Every request has its own x-request-id, so no two are merged in flight.
 */
import { once } from 'node:events';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { ConcurrencyLimit } from '../kernel/concurrency-limit';
import { loadHubModules } from './hub-modules';
import { median } from './load';

const BURST = Number(process.argv[2] ?? 600);
const ROUNDS = Number(process.argv[3] ?? 3);
const POOL = 6;
const STATEMENT_MS = 20;

const SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
  type Query { items: [Item!]! }
  type Item { id: ID! }
`;

/** The subgraph: each request waits for one of POOL connections, holds it STATEMENT_MS, then answers. */
async function pooledSubgraph() {
  const apollo = new ApolloServer({
    schema: buildSubgraphSchema({ typeDefs: parse(SDL), resolvers: { Query: { items: () => [{ id: '1' }] } } }),
  });
  await apollo.start();
  const pool = new ConcurrencyLimit({ running: POOL, queued: Number.MAX_SAFE_INTEGER, waitMs: 600_000 }, (reason) =>
    Error(`the bench's pool refused a statement: ${reason}`),
  );
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    await pool.run(() => new Promise((resolve) => setTimeout(resolve, STATEMENT_MS)));
    const { query } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query: string };
    const result = await apollo.executeOperation({ query });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(result.body.kind === 'single' ? result.body.singleResult : {}));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return { url, server, apollo };
}

async function main() {
  const hub = await loadHubModules();
  const { startGateway } = await import('../gateway/server');
  const subgraph = await pooledSubgraph();
  const tokens = hub.tokenSettings({ NODE_ENV: 'test' });
  const supergraphSdl = hub.composeSupergraph([{ name: 'pooled', sdl: SDL, url: subgraph.url }]);
  const d = hub.DEFAULT_EDGE_CONFIG;
  // The burst comes from one address here: the connection limit per address would refuse most of it first.
  const gateway = (inFlight: number) =>
    startGateway({
      supergraphSdl,
      subgraphUrls: {},
      tokens,
      port: 0,
      config: {
        ...d,
        connections: { ...d.connections, perAddress: 100_000 },
        authenticated: {
          ...d.authenticated,
          rate: { max: Number.MAX_SAFE_INTEGER, windowMs: 60_000 },
          inFlight: { ...d.authenticated.inFlight, max: inFlight, queued: 100_000 },
        },
      },
    });
  const sides = {
    unlimited: await gateway(Number.MAX_SAFE_INTEGER),
    default: await gateway(d.authenticated.inFlight.max),
  };
  const [a, b] = await Promise.all(
    ['bench-org-a', 'bench-org-b'].map((organisationId) =>
      hub.mintUserToken(
        { subject: `${organisationId}-user`, role: 'PROPERTY_COMPANY', organisationId, jurisdictions: [] },
        tokens,
      ),
    ),
  );
  let sequence = 0;
  const ask = async (url: string, token: string) => {
    const started = performance.now();
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'x-request-id': `fairness-${sequence++}`,
      },
      body: JSON.stringify({ query: '{ items { id } }' }),
    });
    await res.text();
    if (res.status !== 200) throw new Error(`answered ${res.status}`);
    return performance.now() - started;
  };
  const latencies: Record<keyof typeof sides, number[]> = { unlimited: [], default: [] };
  for (let round = 0; round < ROUNDS; round++) {
    const order = (round % 2 ? ['default', 'unlimited'] : ['unlimited', 'default']) as (keyof typeof sides)[];
    for (const side of order) {
      const url = sides[side].url;
      const started = performance.now();
      const burst = Promise.all(Array.from({ length: BURST }, () => ask(url, a)));
      await new Promise((resolve) => setTimeout(resolve, 200));
      const bMs = await ask(url, b);
      await burst;
      latencies[side].push(bMs);
      console.log(
        `round ${round + 1} ${side}: B answered in ${bMs.toFixed(0)} ms; A's ${BURST} in ${(performance.now() - started).toFixed(0)} ms`,
      );
    }
  }
  const [before, now] = [median(latencies.unlimited), median(latencies.default)];
  console.log(
    `B's request during A's burst of ${BURST} (subgraph pool ${POOL} × ${STATEMENT_MS} ms), median of ${ROUNDS}: ` +
      `unlimited ${before.toFixed(0)} ms, ${d.authenticated.inFlight.max} in flight per organisation ${now.toFixed(0)} ms, ` +
      `ratio ${(now / before).toFixed(2)}`,
  );
  for (const g of Object.values(sides)) await g.stop();
  subgraph.server.closeAllConnections();
  subgraph.server.close();
  await subgraph.apollo.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
