import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, GraphQLFormattedError, Token } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { isDomainError } from '../../kernel/errors';
import { isUniqueViolation } from '../db/sql';
import { isConstraintRefusal, transientCode } from '../db/transient';
import type { ApolloServerPlugin } from '@apollo/server';
import { boundEcho, callerStrings, clipEchoes } from '../graphql/bound-echo';
import { InputRefusedError, isInputRefused } from '../graphql/scalars';
import { logger } from '../logging';

const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
]);

/**
 * Domain errors reach clients with their stable code and details; GraphQL's own client errors pass unchanged;
 * anything else is logged with its context and reaches the client as a bare INTERNAL_SERVER_ERROR.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, subgraph: string): GraphQLFormattedError {
  const refused = refusedInput(error);
  if (refused) {
    const field = fieldOf(error as GraphQLError, refused);
    return {
      message: field ? `${field}: ${refused.problem}` : refused.message,
      locations: formatted.locations,
      path: formatted.path,
      // As every BAD_USER_INPUT: details.fields maps each refused field to what is wrong with it.
      extensions: {
        code: 'BAD_USER_INPUT',
        details: { fields: { [field ?? refused.type]: `${refused.type} ${refused.problem}` } },
      },
    };
  }
  const original = unwrapResolverError(error);
  if (isDomainError(original)) {
    return {
      message: original.message,
      path: formatted.path,
      extensions: { code: original.code, ...(original.details ? { details: original.details } : {}) },
    };
  }
  if (original instanceof ArgumentValidationError) {
    return {
      message: 'Input is invalid',
      path: formatted.path,
      extensions: {
        code: 'BAD_USER_INPUT',
        details: {
          fields: original.extensions.validationErrors?.map((v) => ({ field: v.property, constraints: v.constraints })),
        },
      },
    };
  }
  // PostgreSQL refused a value (SQLSTATE class 22, data exception: an id that is not a UUID, a NUL, a number or a
  // year out of range, a time zone it does not know): the caller's input, not our fault. The scalars and the domain
  // refuse these before any SQL; this is the net beneath them.
  if (/^22[0-9A-Z]{3}$/.test(String((original as { code?: unknown })?.code))) {
    return {
      message: 'A value in the request is malformed (for example an id that is not a UUID)',
      path: formatted.path,
      extensions: { code: 'BAD_USER_INPUT' },
    };
  }
  // A value the tables' constraints refuse (NOT NULL, CHECK) that the domain let through: the request's values, which
  // fail every retry; and a race lost on a unique index that no use case answers itself: the state changed under the
  // request, nothing was written. Only the constraint is logged: a violation's detail quotes the values.
  const refusal = isConstraintRefusal(original)
    ? {
        log: 'request refused by a table constraint the domain did not check',
        message: 'A value in the request is not one the hub can store',
        code: 'BAD_USER_INPUT',
      }
    : isUniqueViolation(original)
      ? {
          log: 'request lost a race on a unique index',
          message: 'The request conflicts with a concurrent change: read the current state, then retry',
          code: 'CONFLICT',
        }
      : undefined;
  if (refusal) {
    const constraint = (original as { constraint?: unknown }).constraint;
    logger.warn({ subgraph, path: formatted.path, constraint }, refusal.log);
    return { message: refusal.message, path: formatted.path, extensions: { code: refusal.code } };
  }
  // The database was busy or briefly out of reach (connections exhausted, a connection lost, a deadlock): a matter
  // of load or operations, not of the request. Only the kind of failure is logged: a driver's message may quote values.
  const transient = transientCode(original);
  if (transient) {
    logger.warn(
      { subgraph, path: formatted.path, code: transient },
      'request failed on a momentary database condition',
    );
    return {
      message:
        'The hub could not complete the request just now (it is busy or briefly out of reach of its database): retry it, a mutation with the same idempotency key',
      path: formatted.path,
      extensions: { code: 'TEMPORARILY_UNAVAILABLE' },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && CLIENT_CODES.has(code)) {
    return {
      message: boundEcho(formatted.message),
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code },
    };
  }
  logger.error({ err: original, subgraph, path: formatted.path }, 'unexpected error in resolver');
  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/** The refusal of one of the hub's scalars, wherever GraphQL wrapped it (variable coercion, literal validation). */
function refusedInput(error: unknown): InputRefusedError | undefined {
  for (let e = error; e; e = (e as { originalError?: unknown }).originalError) {
    if (isInputRefused(e)) return e;
    if (!(e instanceof Error)) return undefined;
  }
  return undefined;
}

/**
 * The argument or input field whose value was refused. A variable's error names its path in GraphQL's message
 * (`Variable "$p" got invalid value …; at "p.idempotencyKey"`): the last input field on it, or, when the variable
 * itself was refused, the argument it is passed to (a caller's variable names are its own: Hive's Rust planner
 * forwards them as they are). A literal's is the name before the value in the document.
 */
function fieldOf(error: GraphQLError, refused: InputRefusedError): string | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  const variable = /^Variable "\$([^"]+)" got invalid value /.exec(error.message);
  if (variable) {
    // graphql-js ends the message with `; Expected type "<type>". <our message>` (or just `; <our message>`).
    const tails = [`; Expected type "${refused.type}". ${refused.message}`, `; ${refused.message}`];
    const tail = tails.find((t) => error.message.endsWith(t));
    const prefix = tail ? error.message.slice(0, -tail.length) : '';
    const path = / at "([^"]*)"$/.exec(prefix)?.[1] ?? variable[1];
    const fields = path.split(/[.[\]]/).filter((segment) => segment && !/^\d+$/.test(segment));
    if (fields.length > 1) return fields.pop();
    return nameBefore(usageOf(variable[1], error.nodes?.[0]?.loc?.startToken)) ?? variable[1];
  }
  return nameBefore(error.nodes?.[0]?.loc?.startToken);
}

/** The first use of variable `$name` in the document of `token` (not its definition, which a colon follows). */
function usageOf(name: string, token: Token | undefined): Token | undefined {
  let t: Token | null | undefined = token;
  while (t?.prev) t = t.prev;
  for (; t; t = t.next) {
    if (t.kind === '$' && t.next?.value === name && t.next.next?.kind !== ':') return t;
  }
  return undefined;
}

/** The argument or input field a value at `token` is given to: the name before the colon, skipping enclosing lists. */
function nameBefore(token: Token | undefined): string | undefined {
  let depth = 0;
  for (let t: Token | null | undefined = token?.prev; t; t = t.prev) {
    if (t.kind === ']' || t.kind === '}' || t.kind === ')') depth++;
    else if (t.kind === '[' || t.kind === '{' || t.kind === '(') depth = Math.max(0, depth - 1);
    else if (depth === 0 && t.kind === ':') return t.prev?.value;
  }
  return undefined;
}

/**
 * No answer quotes more than 100 characters of any value the caller sent, not even a rule's message that names it
 * (a compound's 200-character name in a CONFLICT): each message is clipped against the request's own strings.
 */
export const boundedEchoPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ request, document, response }) {
        if (response.body.kind !== 'single' || !response.body.singleResult.errors?.length) return;
        const sent = callerStrings(request.variables, document).filter((value) => value.length > 100);
        if (sent.length === 0) return;
        const result = response.body.singleResult;
        result.errors = result.errors!.map((e) => ({ ...e, message: clipEchoes(e.message, sent) }));
      },
    };
  },
};
