import { AREA_CHANGED, AREA_REGISTERED } from '../../../../catalog';
import { ConsumerDefinition, on } from '../../../../platform/events/consumer';
import { recordAreaChanged } from '../../application/record-area-changed';
import { recordAreaRegistered } from '../../application/record-area-registered';

/** The areas contracts may be drafted for, with the facts their terms are checked against. */
export const areaViewConsumer: ConsumerDefinition = {
  name: 'contracts.area-view',
  subscriptions: [
    on(AREA_REGISTERED, (em, event) => recordAreaRegistered(em, event.data)),
    on(AREA_CHANGED, (em, event) => recordAreaChanged(em, event.data)),
  ],
};
