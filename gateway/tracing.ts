import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { Span, context as otelContext, trace } from '@opentelemetry/api';
import { getOperationAST } from 'graphql';
import { SpanKind, contextFrom, failed, traceparentOf, tracer } from '../platform/tracing';
import type { EdgeContext } from './caller';
import { subgraphNamer } from './subgraph-names';

/**
 * One SERVER span per GraphQL request, continuing the client's `traceparent` when it sends one, and one CLIENT span
 * per subgraph fetch under it, whose `traceparent` the subgraph continues (platform/subgraph/server.ts). The spans
 * are kept per request object, so no hook depends on the async context surviving the runtime's scheduling. Without
 * an exporter they are not recorded but still carry the trace on (platform/tracing.ts): same trace id, fresh span
 * ids, sampled flag unset.
 */
export function useTracing(subgraphUrls: Record<string, string>): GatewayPlugin<EdgeContext> {
  const subgraphOf = subgraphNamer(subgraphUrls);
  const spans = new WeakMap<Request, Span>();
  return {
    onRequest({ request, url }) {
      const parent = contextFrom({
        traceparent: request.headers.get('traceparent'),
        tracestate: request.headers.get('tracestate'),
      });
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
      // Not recording (no exporter, platform/tracing.ts): nothing would keep the attributes.
      if (!span?.isRecording()) return;
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
      const parent = requestSpan ? trace.setSpan(otelContext.active(), requestSpan) : otelContext.active();
      const subgraph = subgraphOf(url);
      const span = tracer().startSpan(
        `gateway fetch ${subgraph}`,
        { kind: SpanKind.CLIENT, attributes: { 'graphql.subgraph.name': subgraph, 'url.full': url } },
        parent,
      );
      const traceparent = traceparentOf(trace.setSpan(parent, span));
      if (traceparent) setOptions({ ...options, headers: { ...options.headers, traceparent } });
      return ({ response }) => {
        span.setAttribute('http.response.status_code', response.status);
        if (response.status >= 500) failed(span, { code: `HTTP_${response.status}` });
        span.end();
      };
    },
  };
}
