import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { isAsyncIterable } from '@graphql-tools/utils';
import { ExecutionResult, GraphQLError, GraphQLFormattedError } from 'graphql';
import { boundEcho } from '../platform/graphql/bound-echo';
import { EdgeContext } from './caller';

const clip = (e: GraphQLError | GraphQLFormattedError): GraphQLError | GraphQLFormattedError => {
  const message = boundEcho(e.message);
  if (message === e.message) return e;
  if (!(e instanceof GraphQLError)) return { ...e, message };
  return new GraphQLError(message, {
    nodes: e.nodes,
    source: e.source,
    positions: e.positions,
    path: e.path,
    originalError: e.originalError,
    extensions: e.extensions,
  });
};

const bounded = (result: ExecutionResult): ExecutionResult =>
  result.errors?.length ? { ...result, errors: result.errors.map(clip) as GraphQLError[] } : result;

/**
 * Every answer of the gateway, whatever raised its errors (parsing, validation, variable coercion, a subgraph),
 * quotes at most 100 characters of any value the caller sent (platform/graphql/bound-echo.ts).
 */
export function useBoundedEcho(): GatewayPlugin<EdgeContext> {
  return {
    onResultProcess({ result, setResult }) {
      if (isAsyncIterable(result)) return;
      setResult(Array.isArray(result) ? result.map(bounded) : bounded(result as ExecutionResult));
    },
  };
}
