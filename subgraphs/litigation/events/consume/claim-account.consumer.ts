import { CLAIM_UPDATED } from '../../../../catalog';
import { ConsumerDefinition, batchOf, on } from '../../../../platform/events/consumer';
import { recordClaims } from '../../application/record-claim';

/**
 * Each arrears account's latest claim from arrears.claims.v1 (application/record-claim.ts). A statement imported or a
 * month billed publishes one snapshot per account paid or moved, so a fetched batch is kept in one transaction and one
 * statement, not one transaction per account (the referral of those accounts waits until litigation holds them).
 */
export const claimAccountConsumer: ConsumerDefinition = {
  name: 'litigation.claims',
  subscriptions: [on(CLAIM_UPDATED, (em, event) => recordClaims(em, [event.data]))],
  handleBatch: batchOf([CLAIM_UPDATED], (em, events) =>
    recordClaims(
      em,
      events.map((event) => event.data),
    ),
  ),
};
