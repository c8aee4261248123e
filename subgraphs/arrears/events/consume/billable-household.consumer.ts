import { BUILDING_ROSTER_CHANGED } from '../../../../catalog';
import { ConsumerDefinition, on } from '../../../../platform/events/consumer';
import { keepBillableHouseholds } from '../../application/keep-billable-households';

/** Each event on the households feed is a building's whole roster: the billable households follow it. */
export const billableHouseholdConsumer: ConsumerDefinition = {
  name: 'arrears.billable-households',
  subscriptions: [on(BUILDING_ROSTER_CHANGED, (em, { data }) => keepBillableHouseholds(em, data))],
};
