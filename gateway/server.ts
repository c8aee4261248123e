import { once } from 'node:events';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { cachedUserTokenVerifier } from '../platform/auth/token-cache';
import { TokenSettings } from '../platform/auth/tokens';
import { subgraphUrlsOf, withSubgraphUrls } from '../platform/federation/supergraph-urls';
import { logger } from '../platform/logging';
import { metrics } from '../platform/metrics';
import { authenticate } from './authentication';
import { ConsoleOptions, consoleHandler } from './console';
import { EdgeConfig, edgeConfig } from './config';
import { limitConnections } from './connections';
import { gatewayReadiness } from './readiness';
import { GRAPHQL_ENDPOINT, createEdgeRuntime } from './runtime';

/** A caller's own request id, as the hub passes it on: visible ASCII, at most 128 characters. */
const REQUEST_ID = /^[\x21-\x7e]{1,128}$/;

export interface GatewayOptions {
  supergraphSdl: string;
  /** Where each subgraph really listens; overrides the development URLs of the checked-in supergraph. */
  subgraphUrls: Record<string, string>;
  /** Several instances of a subgraph (round robin, gateway/instances.ts); its `subgraphUrls` entry is the first. */
  subgraphInstances?: Record<string, string[]>;
  tokens: TokenSettings;
  port: number;
  host?: string;
  /** The edge's limits; `edgeConfig()` (the environment and the documented defaults) when not given. */
  config?: EdgeConfig;
  /** Serve the web console under /console (hub/start-hub.ts gives it; tests of the API alone leave it out). */
  console?: Omit<ConsoleOptions, 'tokens'>;
}

export interface RunningGateway {
  url: string;
  stop(): Promise<void>;
}

const log = logger.child({ component: 'gateway' });

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * The edge's HTTP server only routes: `/healthz` (the process answers), `/readyz` (the subgraphs, their databases
 * and the broker answer), `/metrics` (Prometheus text, ADMIN only), `/console` (the web console's files, gateway/console.ts), and `/graphql` to Hive Gateway's runtime, where every decision about a GraphQL request
 * is taken (gateway/runtime.ts). It reads no request body itself.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const config = options.config ?? edgeConfig();
  const verifyToken = cachedUserTokenVerifier(options.tokens, config.tokenMaxLifetimeSeconds);
  const supergraph = withSubgraphUrls(options.supergraphSdl, options.subgraphUrls);
  const subgraphUrls = subgraphUrlsOf(supergraph);
  const instances = {
    ...Object.fromEntries(Object.entries(subgraphUrls).map(([name, url]) => [name, [url]])),
    ...options.subgraphInstances,
  };
  const runtime = createEdgeRuntime({
    supergraph,
    tokens: options.tokens,
    config,
    subgraphUrls,
    // Every subgraph's fetches go through the instances plugin, one instance or several, so a connection that
    // breaks is always answered SUBGRAPH_UNAVAILABLE (and a read retried), never the runtime's "Unexpected error."
    subgraphInstances: instances,
  });
  const readiness = gatewayReadiness(instances, config.readiness);
  const serveConsole = options.console ? consoleHandler({ ...options.console, tokens: options.tokens }) : undefined;

  const server = http.createServer(async (req, res) => {
    // Every answer of the edge, whoever writes it (its own, the metrics, the console's files, GraphQL), is never
    // sniffed as another type: set once here.
    res.setHeader('x-content-type-options', 'nosniff');
    try {
      const path = (req.url ?? '/').split('?')[0];
      if (path === '/healthz') return sendJson(res, 200, { status: 'OK' });
      if (path === '/readyz') {
        const state = await readiness();
        return sendJson(res, state.ready ? 200 : 503, {
          status: state.ready ? 'READY' : 'NOT_READY',
          checks: state.checks,
        });
      }
      if (path === '/metrics') {
        // Operators only: the figures say how busy each organisation's subgraph is and what fails.
        const caller = await authenticate(req.headers.authorization ?? null, verifyToken);
        if (!caller.ok || caller.identity.role !== 'ADMIN') {
          return sendJson(res, caller.ok && !caller.anonymous ? 403 : 401, {
            errors: [
              {
                message: 'metrics are for ADMIN',
                extensions: { code: caller.ok && !caller.anonymous ? 'FORBIDDEN' : 'UNAUTHENTICATED' },
              },
            ],
          });
        }
        res.writeHead(200, { 'content-type': metrics.contentType, 'cache-control': 'no-store' });
        return res.end(await metrics.metrics());
      }
      if (serveConsole && (await serveConsole(req, res, path))) return;
      if (path !== GRAPHQL_ENDPOINT)
        return sendJson(res, 404, { errors: [{ message: 'not found', extensions: { code: 'NOT_FOUND' } }] });
      // The caller's x-request-id goes into the logs of every process the request reaches and comes back in the
      // answer: kept when it is 1–128 visible ASCII characters, otherwise left out, so the runtime gives a fresh one.
      const requestId = req.headers['x-request-id'];
      if (typeof requestId !== 'string' || !REQUEST_ID.test(requestId)) delete req.headers['x-request-id'];
      // An answer holds one caller's data: never stored by a shared cache or the browser (the console's files and the
      // edge's own answers said so already; GraphQL answers did not).
      res.setHeader('cache-control', 'no-store');
      await runtime.requestListener(req, res);
    } catch (error) {
      log.error({ err: error }, 'gateway request failed');
      if (!res.headersSent)
        sendJson(res, 500, {
          errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
        });
    }
  });

  limitConnections(server, config.connections, config.trustedProxies);
  server.listen(options.port, options.host ?? '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}${GRAPHQL_ENDPOINT}`,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await runtime.dispose();
    },
  };
}
