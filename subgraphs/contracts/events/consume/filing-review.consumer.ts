import { FILING_REVIEW_DECIDED } from '../../../../catalog';
import { ConsumerDefinition, on } from '../../../../platform/events/consumer';
import { applyInboundReview } from '../../application/apply-inbound-review';

/**
 * Review decisions from bureaus' own systems. A redelivered event is skipped by the inbox; the same decision under
 * a new event id changes nothing (already applied); stale, unauthorised or invalid decisions are refused with a
 * DomainError and so reach contracts.dead-letter.v1 with the reason.
 */
export const filingReviewConsumer: ConsumerDefinition = {
  name: 'contracts.filing-reviews',
  subscriptions: [on(FILING_REVIEW_DECIDED, (em, event) => applyInboundReview(em, event.data))],
};
