import { REFERRAL_SUBMITTED } from '../../../../catalog';
import { ConsumerDefinition, on } from '../../../../platform/events/consumer';
import { grantCourtReferral } from '../../application/grant-court-referral';

/** Referrals of arrears to courts: each lets its court read the contract the case is under. */
export const courtReferralConsumer: ConsumerDefinition = {
  name: 'contracts.court-referrals',
  subscriptions: [on(REFERRAL_SUBMITTED, (em, event) => grantCourtReferral(em, event.data))],
};
