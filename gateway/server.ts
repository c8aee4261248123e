import { once } from 'node:events';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { IDENTITY_HEADER, TokenSettings } from '../platform/auth/tokens';
import { withSubgraphUrls } from '../platform/federation/compose';
import { logger } from '../platform/logging';
import { authenticate } from './auth';

export interface GatewayOptions {
  supergraphSdl: string;
  /** Where each subgraph really listens; overrides the development URLs of the checked-in supergraph. */
  subgraphUrls: Record<string, string>;
  tokens: TokenSettings;
  port: number;
  host?: string;
}

export interface RunningGateway {
  url: string;
  stop(): Promise<void>;
}

const log = logger.child({ component: 'gateway' });

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/**
 * The edge: authentication first, then Hive Gateway's runtime plans and executes the query over the subgraphs,
 * forwarding only the gateway-signed identity assertion to them.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const runtime = createGatewayRuntime({
    supergraph: withSubgraphUrls(options.supergraphSdl, options.subgraphUrls),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: false,
    logging: process.env.GATEWAY_LOG_LEVEL === 'debug' ? 'debug' : false,
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({
        [IDENTITY_HEADER]: request.headers.get(IDENTITY_HEADER),
        'x-request-id': request.headers.get('x-request-id'),
      }),
    },
  });

  const server = http.createServer(async (req, res) => {
    try {
      const path = (req.url ?? '/').split('?')[0];
      if (path === '/healthz') return sendJson(res, 200, { status: 'OK' });
      if (path !== '/graphql') return sendJson(res, 404, { errors: [{ message: 'not found', extensions: { code: 'NOT_FOUND' } }] });
      const auth = await authenticate(req, options.tokens);
      if (!auth.ok) {
        res.setHeader('www-authenticate', 'Bearer');
        return sendJson(res, 401, { errors: [{ message: `unauthenticated: ${auth.reason}`, extensions: { code: 'UNAUTHENTICATED' } }] });
      }
      await runtime.requestListener(req, res);
    } catch (error) {
      log.error({ err: error }, 'gateway request failed');
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    }
  });

  server.listen(options.port, options.host ?? '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/graphql`,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await runtime.dispose();
    },
  };
}
