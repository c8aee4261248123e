import { REFERRAL_SUBMITTED } from '../../../../catalog';
import { ConsumerDefinition, on } from '../../../../platform/events/consumer';
import { grantCourtHousehold } from '../../application/grant-court-household';

/**
 * A court reads the household (and its area) of each case referred to it, and the owner the referral names (absent
 * from referrals published before it was added: the register's owner when read); the grant stays with the court's file.
 */
export const courtHouseholdConsumer: ConsumerDefinition = {
  name: 'areas.court-households',
  subscriptions: [
    on(REFERRAL_SUBMITTED, (em, { data }) =>
      grantCourtHousehold(em, {
        courtId: data.courtId,
        referralId: data.referralId,
        householdId: data.householdId,
        areaId: data.areaId,
        referredOwner: data.ownerReference,
      }),
    ),
  ],
};
