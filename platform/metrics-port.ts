import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { metrics } from './metrics';
import { portFromEnv } from './config';

export interface MetricsPort {
  url: string;
  stop(): Promise<void>;
}

/**
 * A separate process's Prometheus endpoint (a subgraph container has no gateway to serve `/metrics` behind ADMIN): a
 * second listener that answers only `GET /metrics`, bound to loopback unless the operator names another address (a
 * scraper in the same pod or network namespace reads it; it is never the service's public port).
 */
export async function startMetricsPort(port: number, host = '127.0.0.1'): Promise<MetricsPort> {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found\n');
    }
    metrics.metrics().then(
      (text) => {
        res.writeHead(200, { 'content-type': metrics.contentType, 'cache-control': 'no-store' });
        res.end(text);
      },
      () => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('metrics unavailable\n');
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}/metrics`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** METRICS_PORT (unset: no listener) and METRICS_HOST (default 127.0.0.1), validated at start. */
export function metricsPortFromEnv(env: NodeJS.ProcessEnv = process.env): { port: number; host: string } | undefined {
  const port = portFromEnv('METRICS_PORT', undefined, env);
  return port === undefined ? undefined : { port, host: env.METRICS_HOST || '127.0.0.1' };
}
