import { once } from 'node:events';
import http from 'node:http';
import { AddressInfo } from 'node:net';

export interface CountingProxy {
  url: string;
  /** GraphQL requests forwarded so far. */
  graphqlRequests: number;
  /** Readiness probes (`/readyz`) forwarded so far. */
  readinessRequests: number;
  stop(): Promise<void>;
}

/**
 * Stands between the gateway and one real subgraph and counts the GraphQL requests that pass: a refusal at the
 * edge must leave the count where it was.
 */
export async function startCountingProxy(targetGraphqlUrl: string): Promise<CountingProxy> {
  const target = new URL(targetGraphqlUrl);
  const proxy = { graphqlRequests: 0, readinessRequests: 0 };
  const server = http.createServer((req, res) => {
    if ((req.url ?? '').startsWith('/graphql')) proxy.graphqlRequests++;
    if ((req.url ?? '').startsWith('/readyz')) proxy.readinessRequests++;
    const upstream = http.request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return Object.assign(proxy, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
