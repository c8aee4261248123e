import type { EntityManager } from '@mikro-orm/postgresql';
import { CITY_FILING_REVIEWS_TOPIC, FILING_REVIEW_DECIDED, FilingReviewDecidedData } from '../../../catalog';
import { ConsumerDefinition } from '../../../platform/events/consumer';
import { applyInboundReview } from '../application/review-systems';

/**
 * Review decisions from bureaus' own systems. A redelivered event is skipped by the inbox; the same decision under
 * a new event id changes nothing (already applied); stale, unauthorised or invalid decisions are refused with a
 * DomainError and so reach contracts.dead-letter.v1 with the reason.
 */
export const filingReviewConsumer: ConsumerDefinition = {
  name: 'contracts.filing-reviews',
  topics: [CITY_FILING_REVIEWS_TOPIC.name],
  handlers: {
    [FILING_REVIEW_DECIDED.type]: (em, event) => applyInboundReview(em as EntityManager, event.data as FilingReviewDecidedData),
  },
};
