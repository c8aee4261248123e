import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { isAsyncIterable } from '@graphql-tools/utils';
import { DocumentNode, GraphQLError, GraphQLSchema } from 'graphql';
import { isPublicDocument } from '../platform/auth/public-operations';
import { Caller, EdgeContext } from './caller';
import { EdgeConfig } from './config';
import { CostExceeded, cachedCostEstimator } from './cost';
import { edgeError } from './errors';

interface ExecutionArgs {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variableValues?: unknown;
  contextValue: unknown;
}

/**
 * The last word before the runtime plans the operation and calls any subgraph, on exactly the document and
 * operation it will execute: a caller without a token may run only the public question, and no caller an
 * operation that costs more than its limit.
 */
export function useOperationGuard(config: EdgeConfig): GatewayPlugin<EdgeContext> {
  const estimateCost = cachedCostEstimator({
    defaultListSize: config.defaultListSize,
    mutationCost: config.mutationCost,
  });
  const guard = (args: ExecutionArgs) => {
    const caller: Caller | undefined = (args.contextValue as EdgeContext).caller;
    if (!caller) throw edgeError('UNAUTHENTICATED', 'the request did not pass the edge', 401);
    if (caller.anonymous && !isPublicDocument(args.document, args.operationName)) {
      throw edgeError('UNAUTHENTICATED', 'missing bearer token: this operation needs one', 401, {
        'WWW-Authenticate': 'Bearer',
      });
    }
    try {
      estimateCost(
        args.schema,
        args.document,
        args.operationName,
        args.variableValues as Record<string, unknown> | undefined,
        caller.limits.cost,
      );
    } catch (error) {
      if (error instanceof RangeError) throw edgeError('DOCUMENT_TOO_DEEP', 'the request is nested too deeply', 400);
      // Pricing reads the arguments that size lists: GraphQL's refusal of one (a null `first: Int!`) is bad input.
      if (error instanceof GraphQLError && !error.extensions?.code) {
        throw new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'BAD_USER_INPUT' } });
      }
      if (error instanceof CostExceeded) {
        const found = Number.isFinite(error.estimated) ? `at least ${error.estimated}` : 'too many fields to count';
        throw edgeError(
          'COST_LIMIT_EXCEEDED',
          `the operation costs ${found}, over the limit of ${caller.limits.cost}`,
          400,
        );
      }
      throw error;
    }
  };
  return {
    onExecute({ args }) {
      guard(args);
      return {
        // Errors of execution itself (variable coercion, an unknown operation name) come without a code, and so do
        // GraphQL's refusals of an argument's value while a field runs (a null for a non-null argument): the
        // caller's input was wrong.
        onExecuteDone({ result, setResult }) {
          if (isAsyncIterable(result) || !result.errors?.length) return;
          const isInputError = (e: GraphQLError) =>
            !e.extensions?.code && (result.data === undefined || /^(Argument|Variable) "/.test(e.message));
          if (!result.errors.some(isInputError)) return;
          setResult({
            ...result,
            errors: result.errors.map((e) =>
              isInputError(e)
                ? new GraphQLError(e.message, {
                    nodes: e.nodes,
                    path: e.path,
                    originalError: e.originalError,
                    extensions: { ...e.extensions, code: 'BAD_USER_INPUT' },
                  })
                : e,
            ),
          });
        },
      };
    },
    // Subscriptions do not pass onExecute.
    onSubscribe({ args }) {
      guard(args);
    },
  };
}
