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

/**
 * What each code means to a client. Every subgraph lists the codes it raises once, in its `domain/errors.ts`, as
 * such a catalog; the README's error table is generated from them and a test fails on a code thrown but not listed.
 */
export type ErrorCatalog = Readonly<Record<string, string>>;

/** The codes every part of the hub may raise. */
export const GENERIC_ERRORS = {
  UNAUTHENTICATED: 'No valid token (HTTP 401): missing, forged, expired, or a role no caller may claim.',
  FORBIDDEN: 'Your role may not do this at all (for data outside your reach the answer is NOT_FOUND).',
  NOT_FOUND: 'No such record, or none you may see: the hub does not disclose whether it exists.',
  BAD_USER_INPUT: 'The request is malformed or a value is out of bounds; `details.fields` names each field.',
  CONFLICT: 'The request contradicts the current state (e.g. a retry whose content differs).',
  OUTSIDE_HOLIDAY_CALENDAR:
    'A judgement needs a period (Civil Code art. 203) or working-day deadline past the State Council holiday data the hub holds; `details` gives the date, the range held and `missingYear`, the year whose arrangement the admin must record (recordHolidayArrangement).',
  TEMPORARILY_UNAVAILABLE:
    'The hub was busy or briefly out of reach of its database (connections exhausted, a connection lost, a deadlock it could not retry away): retry the request, a mutation with the same idempotency key.',
  DOWNLOADS_BUSY:
    "Too many whole files (documents, a batch bundle) are being downloaded from the hub at once, by everyone or by the caller's organisation (`details.reason` `ORGANISATION_…`), or the wait for a turn ran out: retry after `details.retryAfterSeconds`.",
  DOWNLOAD_TOO_LARGE:
    'The whole files asked for in one request add up to more than 48 MiB (a batch bundle counts as all of it), or a batch bundle would hold more: ask for them in several requests (`details.maxBytes`).',
  INTERNAL_SERVER_ERROR: 'An unexpected failure; it is logged with its context and nothing of it is disclosed.',
} as const satisfies ErrorCatalog;

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

/**
 * The DomainError factory of one catalog: it takes only the catalog's codes, so no code is thrown without the meaning
 * the README lists for it. Each subgraph makes its own from its `domain/errors.ts`.
 */
export const errorsOf =
  <C extends ErrorCatalog>(_catalog: C) =>
  (code: Extract<keyof C, string>, message: string, details?: Record<string, unknown>): DomainError =>
    new DomainError(code, message, details);

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
