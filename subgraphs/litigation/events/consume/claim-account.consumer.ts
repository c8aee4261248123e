import { CLAIM_UPDATED } from '../../../../catalog';
import { ConsumerDefinition, on } from '../../../../platform/events/consumer';
import { recordClaim } from '../../application/record-claim';

/** Each arrears account's latest claim from arrears.claims.v1 (application/record-claim.ts). */
export const claimAccountConsumer: ConsumerDefinition = {
  name: 'litigation.claims',
  subscriptions: [on(CLAIM_UPDATED, (em, event) => recordClaim(em, event.data))],
};
