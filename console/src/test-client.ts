import { Client, Exchange, Operation, getOperationName, makeResult } from 'urql';
import type { GraphQLError } from 'graphql';
import { filter, fromValue, mergeMap, pipe } from 'wonka';

/** What the test's hub answers one operation: data, or the API's errors. */
export type Answer = { data: unknown } | { errors: { message: string; extensions?: Record<string, unknown> }[] };

/** One call the component made: the operation's name and its variables. */
export interface Call {
  name: string;
  variables: Record<string, unknown>;
}

/**
 * A urql client whose only exchange answers each operation with `answer(name, variables)` and records the call:
 * the component's own behaviour (what it sends, what it shows), without a hub. Hooks and client.query/mutation
 * both go through it.
 */
export function answeringClient(answer: (call: Call) => Answer, calls: Call[] = []): Client {
  const exchange: Exchange = () => (ops$) =>
    pipe(
      ops$,
      filter((op: Operation) => op.kind !== 'teardown'),
      mergeMap((op: Operation) => {
        const call = { name: getOperationName(op.query) ?? '', variables: op.variables as Record<string, unknown> };
        calls.push(call);
        const a = answer(call);
        return fromValue(
          'data' in a
            ? makeResult(op, { data: a.data as Record<string, unknown> })
            : makeResult(op, { errors: a.errors as unknown as GraphQLError[] }),
        );
      }),
    );
  return new Client({ url: '/graphql', exchanges: [exchange] });
}
