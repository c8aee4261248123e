import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLSchema } from 'graphql';
import { Identity } from '../../kernel/identity';
import { isPublicOperation } from '../auth/public-operations';
import { cachedAssertionVerifier } from '../auth/token-cache';
import { IDENTITY_HEADER, InvalidTokenError, TokenSettings, canonicalJws } from '../auth/tokens';
import { HubOrm } from '../db/orm';
import { SubgraphName, asSubgraph } from '../config';
import { logger } from '../logging';
import { SpanKind, contextFromHeaders, tracer } from '../tracing';
import { context as otelContext, trace } from '@opentelemetry/api';
import { RequestContext } from './context';
import type { BrokerAdministration } from '../events/broker-admin';
import { ANSWER_SLICE_CHARS, sendInSlices } from '../graphql/answer-slices';
import { boundedEchoPlugin, formatError } from './errors';
import type { ReadinessCheck } from './readiness';

export interface SubgraphServerOptions {
  name: SubgraphName;
  schema: GraphQLSchema;
  orm: HubOrm;
  tokens: TokenSettings;
  port: number;
  host?: string;
  /** Answers `/readyz`; without it the subgraph reports ready once it listens. */
  readiness?: ReadinessCheck;
  /** Given to resolvers of a subgraph that administers the broker (RequestContext.broker). */
  broker?: BrokerAdministration;
}

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

const unauthenticated = (res: express.Response, message: string) =>
  res.status(401).json({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });

/** Every answer `cache-control: no-store`, as Apollo's cache-control plugin set it for answers without hints. */
const noStorePlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};

/**
 * A subgraph answers only requests that carry the gateway's identity assertion; anything else gets 401 before
 * GraphQL runs. Each request gets its own EntityManager fork.
 */
export async function startSubgraphServer(options: SubgraphServerOptions): Promise<RunningServer> {
  const app = express();
  // Express hashes every answer into an ETag (SHA-1 of the body) for conditional GETs; a subgraph answers the gateway's
  // POSTs, never conditionally, and `no-store` forbids keeping them: the hash was work on every answer for nothing.
  app.set('etag', false);
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<RequestContext>({
    schema: options.schema,
    formatError: (formatted, error) => formatError(formatted, error, options.name),
    includeStacktraceInErrorResponses: false,
    // The process owner (npm start, a container's main, a test) stops subgraphs in order: relay and consumers too.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginInlineTraceDisabled(),
      // No field carries a cache hint, so Apollo's default cache-control plugin only ever answered `no-store`, after
      // wrapping every field of every answer (a policy object and closures per field per row: issue 16's households
      // page resolves some 400 fields per request). The header stays; the per-field work goes.
      ApolloServerPluginCacheControlDisabled(),
      noStorePlugin,
      boundedEchoPlugin,
    ],
  });
  await apollo.start();
  // The gateway reuses an assertion per caller for a few seconds: verified once, remembered until its expiry.
  const verifyAssertion = cachedAssertionVerifier(asSubgraph(options.tokens, options.name));

  app.get('/healthz', (_req, res) => {
    res.json({ subgraph: options.name, status: 'OK' });
  });

  // Public and minimal: which dependency is down, never why (the gateway's /readyz aggregates these).
  app.get('/readyz', async (_req, res) => {
    const state = (await options.readiness?.check()) ?? { database: 'UP', broker: 'UP' };
    const ready = state.database === 'UP' && state.broker === 'UP';
    res.status(ready ? 200 : 503).json({ status: ready ? 'READY' : 'NOT_READY', ...state });
  });

  app.use(
    '/graphql',
    // The gateway only POSTs. A GET ran the query of its URL while the public-operation check below read a JSON body
    // the parser took from the same GET: a PUBLIC assertion ran a private query beside a public body.
    (req, res, next) => {
      if (req.method === 'POST') return next();
      res.set('Allow', 'POST');
      return res
        .status(405)
        .json({ errors: [{ message: 'POST to a subgraph', extensions: { code: 'METHOD_NOT_ALLOWED' } }] });
    },
    // The gateway's identity before any body is read: the body parser took up to 32 MB (decompressing gzip to it)
    // from anyone who reached the port, before this check; 15 KB of gzip ran a subgraph's heap out.
    async (req, res, next) => {
      const sent = req.header(IDENTITY_HEADER);
      if (!sent) return unauthenticated(res, 'missing identity: call the hub through its gateway');
      const assertion = canonicalJws(sent);
      if (!assertion) return unauthenticated(res, 'invalid identity: not a compact JWS in canonical base64url');
      try {
        res.locals.identity = await verifyAssertion(assertion);
        next();
      } catch (error) {
        if (error instanceof InvalidTokenError) return unauthenticated(res, `invalid identity: ${error.reason}`);
        next(error);
      }
    },
    // Bulk imports (up to 200,000 CSV rows) travel as one mutation so they stay all-or-nothing; the gateway never
    // compresses a body, so none is inflated (415).
    express.json({ limit: '32mb', inflate: false }),
    // A SERVER span continuing the gateway's fetch (its traceparent): everything the request does, the outbox row
    // it records included, happens in that span's context.
    (req, res, next) => {
      const span = tracer().startSpan(
        `${options.name} ${req.method} /graphql`,
        {
          kind: SpanKind.SERVER,
          attributes: {
            'graphql.subgraph.name': options.name,
            ...(typeof req.body?.operationName === 'string'
              ? { 'graphql.operation.name': req.body.operationName.slice(0, 100) }
              : {}),
          },
        },
        contextFromHeaders(req.headers),
      );
      res.on('close', () => {
        span.setAttribute('http.response.status_code', res.statusCode);
        span.end();
      });
      otelContext.with(trace.setSpan(otelContext.active(), span), next);
    },
    (req, res, next) => {
      // The gateway forwards anonymous callers only for public operations; a subgraph checks again, so a mistake or
      // a bypass at the edge cannot open a private field.
      if (
        (res.locals.identity as Identity).role === 'PUBLIC' &&
        !isPublicOperation(req.body?.query, req.body?.operationName)
      ) {
        return res
          .status(403)
          .json({ errors: [{ message: 'this operation needs a token', extensions: { code: 'FORBIDDEN' } }] });
      }
      next();
    },
    // Apollo hands its answer to Express whole (res.send): one longer than a slice (a whole file's base64) goes out
    // in slices instead of being copied into one buffer held until the gateway has read it all.
    (_req, res, next) => {
      const send = res.send.bind(res);
      res.send = (body?: unknown) => {
        if (typeof body !== 'string' || body.length <= ANSWER_SLICE_CHARS) return send(body);
        sendInSlices(res, body);
        return res;
      };
      next();
    },
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = req.header('x-request-id') ?? randomUUID();
        const identity = res.locals.identity as Identity;
        return {
          identity,
          em: options.orm.em.fork(),
          requestId,
          loaders: new Map(),
          broker: options.broker,
          responded: new Promise<void>((resolve) => res.once('close', () => resolve())),
          log: logger.child({ subgraph: options.name, requestId, org: identity.organisationId }),
        };
      },
    }),
  );

  // The gateway keeps connections alive and drops an idle one after 5 s (Node's agent): the subgraph keeps them
  // longer, so it never closes a connection just as the gateway sends on it (a reset that a loaded machine's
  // late timers make likely when both wait 5 s).
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  httpServer.listen(options.port, options.host ?? '127.0.0.1');
  await once(httpServer, 'listening');
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/graphql`,
    stop: () => apollo.stop(),
  };
}
