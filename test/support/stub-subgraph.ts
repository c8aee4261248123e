import { once } from 'node:events';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { composeSupergraph } from '../../platform/federation/compose';

const SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@listSize"])
  type Query {
    items(first: Int! = 10): [Item!]! @listSize(slicingArguments: ["first"])
    publicServiceStandards(compoundName: String!): [Standards!]! @listSize(assumedSize: 5)
    file: String!
  }
  type Item { id: ID! name: String! }
  type Standards { compoundName: String! }
`;

/** What the stub's `file` answers: a string longer than the gateway's answer slices, with escapes, CJK and pairs. */
export const STUB_FILE = `${'0123456789abcdef'.repeat(7)}"\\\n\t😀漢\u2028\u0001`.repeat(10_000);

export interface StubSubgraph {
  url: string;
  supergraphSdl: string;
  /** GraphQL requests that reached the subgraph, with the identity assertion and trace context each carried. */
  requests: { identity: string | undefined; traceparent?: string; tracestate?: string; requestId?: string }[];
  ready: boolean;
  /** How long the stub waits before answering (ms), so that concurrent requests overlap at the gateway. */
  delayMs: number;
  /** GraphQL requests the stub has answered (a late one nobody waits for any more is not). */
  answered: number;
  stop(): Promise<void>;
}

/**
 * One small federated subgraph (no database, no broker) that counts what reaches it, for gateway tests that need
 * no real data: whatever the edge refuses must leave `requests` empty.
 */
export async function startStubSubgraph(): Promise<StubSubgraph> {
  const apollo = new ApolloServer({
    schema: buildSubgraphSchema({
      typeDefs: parse(SDL),
      resolvers: {
        Query: {
          items: (_: unknown, { first }: { first: number }) =>
            Array.from({ length: Math.min(first, 3) }, (_, i) => ({ id: String(i), name: `item ${i}` })),
          publicServiceStandards: (_: unknown, { compoundName }: { compoundName: string }) => [{ compoundName }],
          file: () => STUB_FILE,
        },
      },
    }),
  });
  await apollo.start();
  const stub: Omit<StubSubgraph, 'url' | 'supergraphSdl' | 'stop'> = {
    requests: [],
    ready: true,
    delayMs: 0,
    answered: 0,
  };
  let stopped = false;
  const server = http.createServer(async (req, res) => {
    if (req.url === '/readyz') {
      res.writeHead(stub.ready ? 200 : 503, { 'content-type': 'application/json' });
      return res.end(
        JSON.stringify({
          status: stub.ready ? 'READY' : 'NOT_READY',
          database: stub.ready ? 'UP' : 'DOWN',
          broker: 'UP',
        }),
      );
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    stub.requests.push({
      identity: req.headers['x-hub-identity'] as string | undefined,
      traceparent: req.headers.traceparent as string | undefined,
      tracestate: req.headers.tracestate as string | undefined,
      requestId: req.headers['x-request-id'] as string | undefined,
    });
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as {
      query: string;
      variables?: Record<string, unknown>;
    };
    if (stub.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, stub.delayMs));
    // A late answer nobody waits for any more (the gateway gave up on it, or the stub was stopped meanwhile) is not
    // worked out: after the stop it would throw into whichever test file the worker runs next.
    if (res.destroyed || stopped) return res.destroy();
    const result = await apollo.executeOperation({ query: body.query, variables: body.variables });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(result.body.kind === 'single' ? result.body.singleResult : {}));
    stub.answered++;
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return Object.assign(stub, {
    url,
    supergraphSdl: composeSupergraph([{ name: 'stub', sdl: SDL, url }]),
    stop: async () => {
      stopped = true;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await apollo.stop();
    },
  });
}
