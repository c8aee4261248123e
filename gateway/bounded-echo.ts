import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { isAsyncIterable } from '@graphql-tools/utils';
import { ExecutionResult, GraphQLError, GraphQLFormattedError } from 'graphql';
import { boundEcho } from '../platform/graphql/bound-echo';
import { EdgeContext } from './caller';

/**
 * Yoga's refusal of a body that is not JSON carries the parser's own message in `extensions.originalError`, and that
 * message holds the whole body: 64 KiB of NUL sent without a token came back as 393 KB (each NUL as `\u0000`), a
 * 1 MiB body as 6.3 MB. Only the error's name is kept.
 */
const withoutOriginalMessage = (extensions: GraphQLError['extensions'] | undefined) => {
  const original = extensions?.originalError as { name?: unknown; message?: unknown } | undefined;
  if (!original || typeof original !== 'object' || !('message' in original)) return extensions;
  return { ...extensions, originalError: { name: original.name } };
};

const clip = (e: GraphQLError | GraphQLFormattedError): GraphQLError | GraphQLFormattedError => {
  const message = boundEcho(e.message);
  const extensions = withoutOriginalMessage(e.extensions);
  if (message === e.message && extensions === e.extensions) return e;
  if (!(e instanceof GraphQLError)) return { ...e, message, ...(extensions ? { extensions } : {}) };
  return new GraphQLError(message, {
    nodes: e.nodes,
    source: e.source,
    positions: e.positions,
    path: e.path,
    originalError: e.originalError,
    extensions,
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
