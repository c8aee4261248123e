import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { getOperationAST } from 'graphql';
import { operationLabel, requestDuration, subgraphFetchDuration } from '../platform/metrics';
import type { EdgeContext } from './caller';
import { subgraphNamer } from './subgraph-names';

/**
 * Request duration per operation name and HTTP status, and each subgraph fetch's duration, for the process's
 * Prometheus registry (platform/metrics.ts). `subgraphUrls` names the subgraph behind each URL.
 */
export function useMetrics(subgraphUrls: Record<string, string>): GatewayPlugin<EdgeContext> {
  const subgraphOf = subgraphNamer(subgraphUrls);
  const requests = new WeakMap<Request, { at: number; operation: string }>();
  return {
    onRequest({ request }) {
      requests.set(request, { at: performance.now(), operation: 'anonymous' });
    },
    // the operation the runtime parsed: a request need not name it in `operationName`
    onExecute({ args }) {
      const started = requests.get(args.contextValue.request);
      if (!started) return;
      const caller = args.contextValue.caller;
      // Callers without a token together, whatever their address: a new address is cheap.
      const adder = caller && !caller.anonymous ? caller.key : 'public';
      started.operation = operationLabel(getOperationAST(args.document, args.operationName)?.name?.value, adder);
    },
    onResponse({ request, response }) {
      const started = requests.get(request);
      if (!started) return;
      requestDuration.observe(
        { operation: started.operation, status: String(response.status) },
        (performance.now() - started.at) / 1000,
      );
    },
    onFetch({ url }) {
      const at = performance.now();
      const subgraph = subgraphOf(url);
      return ({ response }) =>
        subgraphFetchDuration.observe({ subgraph, status: String(response.status) }, (performance.now() - at) / 1000);
    },
  };
}
