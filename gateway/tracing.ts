import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { Span, context as otelContext, trace } from '@opentelemetry/api';
import { getOperationAST } from 'graphql';
import {
  SpanKind,
  UnrecordedTrace,
  contextFrom,
  failed,
  recordingSpans,
  traceHeadersOf,
  tracer,
  unrecordedChildHeaders,
  unrecordedTrace,
} from '../platform/tracing';
import type { EdgeContext } from './caller';
import { subgraphNamer } from './subgraph-names';

/**
 * One SERVER span per GraphQL request, continuing the client's `traceparent` (not its `tracestate`: callerTrace) when it sends one, and one CLIENT span
 * per subgraph fetch under it, whose `traceparent` the subgraph continues (platform/subgraph/server.ts). The spans
 * are kept per request object, so no hook depends on the async context surviving the runtime's scheduling.
 *
 * With no exporter (platform/tracing.ts) no span is built at all: each fetch still sends a `traceparent` in the
 * caller's trace (or a new one per request), with a fresh span id and the sampled flag unset, as the SDK's
 * non-recording spans would, so the subgraph, the outbox row and the Kafka message keep one trace id.
 */
/**
 * What the gateway continues of an outside caller's trace: its `traceparent` (a trace id the caller can quote), not its
 * `tracestate`, vendor data of the caller's own choosing (up to 512 characters) that went on to every subgraph fetch
 * and into the hub's spans and their exporter. The hub's events never carried it (an outbox row keeps the
 * traceparent only).
 */
const callerTrace = (request: Request) => ({ traceparent: request.headers.get('traceparent') });

export function useTracing(subgraphUrls: Record<string, string>): GatewayPlugin<EdgeContext> {
  const subgraphOf = subgraphNamer(subgraphUrls);
  const spans = new WeakMap<Request, Span>();
  const unrecorded = new WeakMap<Request, UnrecordedTrace>();
  const unrecordedOf = (request: Request) => {
    let found = unrecorded.get(request);
    if (!found) {
      found = unrecordedTrace(callerTrace(request));
      unrecorded.set(request, found);
    }
    return found;
  };
  return {
    onRequest({ request, url }) {
      if (!recordingSpans()) return;
      const parent = contextFrom(callerTrace(request));
      spans.set(
        request,
        tracer().startSpan(
          `gateway ${request.method} ${url.pathname}`,
          { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method, 'url.path': url.pathname } },
          parent,
        ),
      );
    },
    onExecute({ args }) {
      const span = spans.get(args.contextValue.request);
      if (!span) return;
      const operation = getOperationAST(args.document, args.operationName);
      if (operation) {
        span.setAttribute('graphql.operation.type', operation.operation);
        if (operation.name) span.setAttribute('graphql.operation.name', operation.name.value);
      }
    },
    onResponse({ request, response }) {
      const span = spans.get(request);
      if (!span) return;
      spans.delete(request);
      span.setAttribute('http.response.status_code', response.status);
      span.end();
    },
    onFetch({ url, options, setOptions, context }) {
      const request = (context as { request?: Request } | undefined)?.request;
      const requestSpan = request ? spans.get(request) : undefined;
      if (!requestSpan && !recordingSpans()) {
        const headers = unrecordedChildHeaders(request ? unrecordedOf(request) : unrecordedTrace({}));
        setOptions({ ...options, headers: { ...options.headers, ...headers } });
        return;
      }
      const parent = requestSpan ? trace.setSpan(otelContext.active(), requestSpan) : otelContext.active();
      const subgraph = subgraphOf(url);
      const span = tracer().startSpan(
        `gateway fetch ${subgraph}`,
        { kind: SpanKind.CLIENT, attributes: { 'graphql.subgraph.name': subgraph, 'url.full': url } },
        parent,
      );
      setOptions({ ...options, headers: { ...options.headers, ...traceHeadersOf(trace.setSpan(parent, span)) } });
      return ({ response }) => {
        span.setAttribute('http.response.status_code', response.status);
        if (response.status >= 500) failed(span, { code: `HTTP_${response.status}` });
        span.end();
      };
    },
  };
}
