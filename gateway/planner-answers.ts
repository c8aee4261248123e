import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { isAsyncIterable } from '@graphql-tools/utils';
import { DocumentNode, GraphQLError, GraphQLSchema, Kind, getOperationAST, isNonNullType } from 'graphql';

type ExecuteFn = Parameters<NonNullable<GatewayPlugin['onExecute']>>[0]['executeFn'];
type ExecuteArgs = Parameters<ExecuteFn>[0];
type Result = Awaited<ReturnType<ExecuteFn>>;

/**
 * Hive's Rust query planner (`@graphql-hive/router-runtime`) answers an operation as graphql-js does but for two
 * things, made alike here so a client sees the same answers whichever planner runs:
 * - it throws its refusal of the variables' values (one GraphQL error, or an AggregateError of several) before it
 *   plans: graphql-js answers them as a result of errors alone with HTTP status 400, then coded BAD_USER_INPUT by
 *   the operation guard like every refusal of the caller's input;
 * - when no subgraph returned anything (every root field failed) its result has no `data`: graphql-js answers
 *   `data: null`, or each nullable root field as null (GraphQL spec, "Handling Execution Errors").
 */
export function usePlannerAnswers(): GatewayPlugin {
  const wrappers = new WeakMap<ExecuteFn, ExecuteFn>();
  return {
    onExecute({ executeFn, setExecuteFn }) {
      let wrapped = wrappers.get(executeFn);
      if (!wrapped) {
        wrapped = answering(executeFn);
        wrappers.set(executeFn, wrapped);
      }
      setExecuteFn(wrapped);
    },
  };
}

function answering(executeFn: ExecuteFn): ExecuteFn {
  return ((args: ExecuteArgs) => {
    let result: ReturnType<ExecuteFn>;
    try {
      result = executeFn(args);
    } catch (error) {
      return refused(error);
    }
    return isThenable(result)
      ? Promise.resolve(result).then((r) => withData(args, r), refused)
      : withData(args, result as Result);
  }) as ExecuteFn;
}

const isThenable = (value: unknown): value is PromiseLike<Result> =>
  typeof (value as PromiseLike<unknown> | undefined)?.then === 'function';

function refused(error: unknown): Result {
  const errors = error instanceof AggregateError ? (error.errors as unknown[]) : [error];
  if (!errors.every((e) => e instanceof GraphQLError && !e.extensions?.code)) throw error;
  return {
    errors: (errors as GraphQLError[]).map(
      (e) =>
        new GraphQLError(e.message, {
          nodes: e.nodes,
          originalError: e.originalError,
          extensions: { ...e.extensions, http: { ...(e.extensions?.http as object), status: 400 } },
        }),
    ),
  };
}

function withData(args: ExecuteArgs, result: Result): Result {
  if (isAsyncIterable(result) || result.data !== undefined || !result.errors?.length) return result;
  return { ...result, data: rootNulls(args.schema, args.document, args.operationName) };
}

/** Each root field as null when all are plain nullable fields; otherwise null itself (as a non-null field's error). */
function rootNulls(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null) {
  const operation = getOperationAST(document, operationName);
  const fields = operation && schema.getRootType(operation.operation)?.getFields();
  if (!fields) return null;
  const data: Record<string, null> = {};
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || selection.directives?.length) return null;
    const field = fields[selection.name.value];
    if (!field || isNonNullType(field.type)) return null;
    data[selection.alias?.value ?? selection.name.value] = null;
  }
  return data;
}
