import { once } from 'node:events';
import http from 'node:http';
import { AddressInfo } from 'node:net';

export interface AbsentSubgraphs {
  /** Where the gateway sends each absent subgraph's part of a query. */
  urls: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * A hub started with some subgraphs only (a test that needs areas and contracts) keeps the whole supergraph at its
 * gateway. The others get one local endpoint that answers every request with a GraphQL error naming the subgraph,
 * so a query touching them fails plainly and at once, and never reaches whatever else listens on 4001-4005.
 */
export async function startAbsentSubgraphs(names: string[]): Promise<AbsentSubgraphs> {
  if (names.length === 0) return { urls: {}, stop: async () => undefined };
  const server = http.createServer((req, res) => {
    const name = (req.url ?? '').split('/')[1] ?? 'unknown';
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          data: null,
          errors: [
            {
              message: `the ${name} subgraph is not running in this hub`,
              extensions: { code: 'SUBGRAPH_NOT_RUNNING' },
            },
          ],
        }),
      );
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    urls: Object.fromEntries(names.map((name) => [name, `http://127.0.0.1:${port}/${name}/graphql`])),
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
