import {
  LITIGATION_DEADLINE_CHANGED,
  REFERRAL_STATUS_CHANGED,
  REFERRAL_SUBMITTED,
  REFERRAL_WITHDRAWN,
} from '../../../../catalog';
import { todayInChina } from '../../../../kernel/clock';
import { ConsumerDefinition, on } from '../../../../platform/events/consumer';
import { followEnforcementApplication, followReferralStatus } from '../../application/follow-court-case';
import { grantCourtHousehold } from '../../application/grant-court-household';

/** The day in China on which a reported step happened. */
const dayOf = (occurredAt: string) => todayInChina(new Date(occurredAt));

/**
 * A court reads the household (and its area) of each case referred to it, and the owner the referral names (absent
 * from referrals published before it was added: the register's owner when read), until the case is over: withdrawn,
 * refused or closed (litigation.referrals.v1, read in order with the referral: one key), or judged or settled and the
 * period to apply for enforcement run (litigation.deadlines.v1, ENFORCEMENT_APPLICATION). Both topics are litigation's
 * alone: the topic, not the message, says who sent it.
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
    on(REFERRAL_STATUS_CHANGED, (em, { data }) =>
      followReferralStatus(em, { referralId: data.referralId, status: data.status, day: dayOf(data.occurredAt) }),
    ),
    on(REFERRAL_WITHDRAWN, (em, { data }) =>
      followReferralStatus(em, { referralId: data.referralId, status: 'WITHDRAWN', day: dayOf(data.occurredAt) }),
    ),
    on(LITIGATION_DEADLINE_CHANGED, (em, { data }) => followEnforcementApplication(em, data)),
  ],
};
