import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { isAsyncIterable } from '@graphql-tools/utils';
import {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLError,
  GraphQLSchema,
  Kind,
  SelectionSetNode,
  getOperationAST,
} from 'graphql';
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

/** The names of an operation's root fields, through the fragments spread at its root. */
function rootFieldNames(
  set: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  seen = new Set<string>(),
) {
  const names: string[] = [];
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) names.push(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT)
      names.push(...rootFieldNames(selection.selectionSet, fragments, seen));
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = fragments.get(selection.name.value);
      if (fragment) names.push(...rootFieldNames(fragment.selectionSet, fragments, seen));
    }
  }
  return names;
}

/**
 * What the runtime cannot execute, refused as the caller's error rather than failing as the server's: an operation
 * of a kind the supergraph has no root for (a subscription: HTTP 500 INTERNAL_SERVER_ERROR before), and introspection
 * beside data fields (the runtime answers an operation whose first field is `__schema` or `__type` itself, so the
 * data fields beside it failed as INTERNAL_SERVER_ERROR).
 */
function assertExecutable(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): void {
  const operation = getOperationAST(document, operationName);
  if (!operation) return; // execution refuses a missing or ambiguous operation with its own error
  if (!schema.getRootType(operation.operation))
    throw edgeError('BAD_REQUEST', `the hub has no ${operation.operation} operations`, 400);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const names = rootFieldNames(operation.selectionSet, fragments);
  const introspection = names.filter((n) => n === '__schema' || n === '__type');
  if (introspection.length > 0 && names.some((n) => !n.startsWith('__')))
    throw edgeError('BAD_REQUEST', 'ask for __schema or __type in an operation of their own, without data fields', 400);
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
    assertExecutable(args.schema, args.document, args.operationName);
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
