import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { isDomainError } from '../../kernel/errors';
import { isUniqueViolation } from '../db/sql';
import { logger } from '../logging';

const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST', 'UNAUTHENTICATED', 'FORBIDDEN',
]);

/**
 * Domain errors reach clients with their stable code and details; GraphQL's own client errors pass unchanged;
 * anything else is logged with its context and reaches the client as a bare INTERNAL_SERVER_ERROR.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, subgraph: string): GraphQLFormattedError {
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
        details: { fields: original.extensions.validationErrors?.map((v) => ({ field: v.property, constraints: v.constraints })) },
      },
    };
  }
  // PostgreSQL refused a value's format (an id that is not a UUID, say): the caller's input, not our fault.
  if ((original as { code?: unknown })?.code === '22P02') {
    return { message: 'A value in the request is malformed (for example an id that is not a UUID)', path: formatted.path, extensions: { code: 'BAD_USER_INPUT' } };
  }
  // A race lost on a unique index that no use case answers itself: the state changed under the request, nothing was
  // written. Only the constraint is logged: the violation's detail quotes the values.
  if (isUniqueViolation(original)) {
    logger.warn({ subgraph, path: formatted.path, constraint: (original as { constraint?: unknown }).constraint }, 'request lost a race on a unique index');
    return { message: 'The request conflicts with a concurrent change: read the current state, then retry', path: formatted.path, extensions: { code: 'CONFLICT' } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && CLIENT_CODES.has(code)) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  logger.error({ err: original, subgraph, path: formatted.path }, 'unexpected error in resolver');
  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
