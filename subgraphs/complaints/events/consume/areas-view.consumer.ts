import { BUILDING_ROSTER_CHANGED, COMPOUND_CHANGED } from '../../../../catalog';
import { ConsumerDefinition, on } from '../../../../platform/events/consumer';
import { recordBuildingRoster, recordCompound } from '../../application/record-areas-view';

/** The compounds (name, street, governance model) and buildings (area, households) addresses are matched against. */
export const areasViewConsumer: ConsumerDefinition = {
  name: 'complaints.areas-view',
  subscriptions: [
    on(COMPOUND_CHANGED, (em, event) => recordCompound(em, event.data)),
    on(BUILDING_ROSTER_CHANGED, (em, event) => recordBuildingRoster(em, event.data)),
  ],
};
