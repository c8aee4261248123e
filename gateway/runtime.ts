import { GatewayPlugin, createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { IDENTITY_HEADER, TokenSettings } from '../platform/auth/tokens';
import { useAdmission } from './admission';
import { useAnswerBudget } from './answer-budget';
import { EdgeContext, callerOf } from './caller';
import { EdgeConfig } from './config';
import { corsFor } from './cors';
import { useDocumentLimits } from './document-limits';
import { useLargeAnswers } from './large-answers';
import { useBoundedEcho } from './bounded-echo';
import { useMetrics } from './metrics';
import { useSubgraphInstances } from './instances';
import { useOperationGuard } from './operation-guard';
import { usePlannerAnswers } from './planner-answers';
import { useRequestBody } from './request-body';
import { useSubgraphAbortSignals } from './subgraph-signals';
import { useTracing } from './tracing';
import { documentCaches } from './document-cache';

export const GRAPHQL_ENDPOINT = '/graphql';

export interface EdgeRuntimeOptions {
  /** The supergraph with each subgraph's real URL. */
  supergraph: string;
  tokens: TokenSettings;
  config: EdgeConfig;
  /** Each subgraph's URL, naming the subgraph of a fetch in the metrics. */
  subgraphUrls: Record<string, string>;
  /** Each subgraph's instances (the first is its URL in the supergraph); one instance each when not given. */
  subgraphInstances?: Record<string, string[]>;
}

/**
 * Hive Gateway's runtime with the edge as its plugins, in the order a request meets them: admission (shape, token,
 * rate, declared size), the body as it streams, the document's limits, then the public decision and the cost on
 * the operation about to run. Everything works on what the runtime itself parsed: there is one parse.
 */
export function createEdgeRuntime(options: EdgeRuntimeOptions) {
  const { config } = options;
  return createGatewayRuntime<EdgeContext>({
    supergraph: options.supergraph,
    // Hive's Rust query planner (README › Performance › Gateway and lists).
    unifiedGraphHandler,
    graphqlEndpoint: GRAPHQL_ENDPOINT,
    landingPage: false,
    graphiql: false,
    logging: process.env.GATEWAY_LOG_LEVEL === 'debug' ? 'debug' : false,
    // Off (the default), stated because a batch would need every check per item.
    batching: false,
    // Off (the default), stated because with it the Rust planner plans with the client's abort signal and keeps a
    // plan it rejected: one hang-up would break that operation for everyone (test/edge-plan-abort.test.ts).
    executionCancellation: false,
    // Plain errors become "Unexpected error." with INTERNAL_SERVER_ERROR; the edge's coded refusals pass as they are.
    maskedErrors: true,
    // Off: every body is already bounded by the caller's own limit (gateway/config.ts), a declared length by admission
    // and a streamed one by useRequestBody; Yoga's 25 MB limit piped every body through one more stream
    // (patches/README.md).
    maxRequestBodySize: false,
    // Parsed documents and parse errors kept by their estimated bytes, not 1,024 of each however large
    // (gateway/document-cache.ts; the runtime passes it on to Yoga: patches/README.md).
    parserAndValidationCache: documentCaches(),
    cors: corsFor(config.corsOrigins),
    propagateHeaders: {
      // Only these reach a subgraph: a client's own x-hub-identity is never forwarded.
      fromClientToSubgraphs: async ({ request, context }) => {
        const caller = context?.caller ?? callerOf(request);
        return {
          [IDENTITY_HEADER]: caller ? await caller.assertion() : null,
          'x-request-id': request.headers.get('x-request-id'),
        };
      },
    },
    plugins: () => [
      useTracing(options.subgraphUrls),
      useMetrics(options.subgraphUrls),
      useSubgraphInstances({ instances: options.subgraphInstances ?? {}, timeoutMs: config.subgraphTimeoutMs }),
      useSubgraphAbortSignals(),
      useAdmission({ config, tokens: options.tokens, graphqlEndpoint: GRAPHQL_ENDPOINT }),
      useRequestBody(),
      useDocumentLimits(config),
      {
        onContextBuilding({ context, extendContext }) {
          extendContext({ caller: callerOf(context.request) });
        },
      } satisfies GatewayPlugin<EdgeContext>,
      useOperationGuard(config),
      usePlannerAnswers(),
      useBoundedEcho(),
      {
        onResponse({ response }) {
          // Responses differ by Origin (CORS headers or none): caches must know.
          response.headers.append('vary', 'Origin');
        },
      } satisfies GatewayPlugin<EdgeContext>,
      // Then, with every header set, an answer with a whole file's base64 (or any over 1 MiB) goes out in slices.
      useLargeAnswers(),
      // What a caller (and all of them) may hold of answers still being read, by the answer's final length.
      useAnswerBudget(config),
    ],
  });
}
