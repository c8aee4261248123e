/**
 * Errors that cross a boundary carry a stable `code`: clients and bureau systems branch on it, so a code never
 * changes meaning once published. Domain code throws these; transports map them (GraphQL `extensions.code`,
 * dead-letter `reason`). Anything else is an unexpected error and is never shown to a client in detail.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | (string & { readonly brand?: 'domain-code' });

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super('NOT_FOUND', `${what} ${id} was not found`, { id });
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this') {
    super('FORBIDDEN', message);
  }
}

export class InvalidInputError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('BAD_USER_INPUT', message, details);
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
