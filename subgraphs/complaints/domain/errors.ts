import { ErrorCatalog, errorsOf } from '../../../kernel/errors';

/**
 * Every code the complaints subgraph raises besides the generic ones: in GraphQL `extensions.code`, and as
 * `dlq_reason_code` when a hotline order on city.hotline-orders.v1 is refused.
 */
export const COMPLAINTS_ERRORS = {
  UNAUTHORISED_SENDER:
    'A hotline system that is not registered, or not registered for the order’s street, sent a work order (dead-letter reason).',
  JURISDICTION_OVERLAP:
    'Another hotline system is registered for some of these divisions (details.overlapping): a street is served by one, so each of its orders comes from one system and is counted once.',
  UNKNOWN_COMPLAINT_ITEM:
    "The order names a category and item its street's taxonomy does not hold for the day it was received.",
  INVALID_ORDER_TRANSITION: 'The work order is not in a state for this step (details.from, details.to).',
  NO_RESPONSIBLE_PARTY:
    'The taxonomy and the compound’s governance model name no party the hub can identify (e.g. no accepted filing for a property company): name the party or escalate.',
} as const satisfies ErrorCatalog;

export type ComplaintsErrorCode = keyof typeof COMPLAINTS_ERRORS;

export const complaintsError = errorsOf(COMPLAINTS_ERRORS);
