import { sqlRun } from '../../../../platform/db/sql';
import { REFERRAL_SUBMITTED } from '../../../../catalog';
import { ConsumerDefinition, on } from '../../../../platform/events/consumer';

/** A court reads the household (and its area) of each case referred to it; the grant stays with the court's file. */
export const courtHouseholdConsumer: ConsumerDefinition = {
  name: 'areas.court-households',
  subscriptions: [
    on(REFERRAL_SUBMITTED, async (em, event) => {
      const { courtId, referralId, householdId, areaId } = event.data;
      await sqlRun(em, `insert into areas.court_household (court_id, referral_id, household_id, area_id) values (?, ?, ?, ?) on conflict do nothing`, [
        courtId, referralId, householdId, areaId,
      ]);
    }),
  ],
};
