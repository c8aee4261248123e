import { type ErrorCatalog, errorsOf } from '../../../kernel/errors';

/**
 * The codes the feeds subgraph raises beyond the generic ones (kernel/errors.ts GENERIC_ERRORS), each with what it
 * means to a client.
 */
export const FEEDS_ERRORS = {
  WEBHOOK_URL_REFUSED:
    'The webhook URL is not https (in production), or its host resolves to a private, loopback, link-local or otherwise internal address; `details.reason` says which.',
  EVENT_TYPE_NOT_SUBSCRIBABLE: 'Your role receives no such event type by webhook; `details.eventTypes` names those refused.',
} as const satisfies ErrorCatalog;

export type FeedsErrorCode = keyof typeof FEEDS_ERRORS;

/** A DomainError whose code is one of the feeds catalog's, so a code cannot be thrown without being listed. */
export const feedsError = errorsOf(FEEDS_ERRORS);
