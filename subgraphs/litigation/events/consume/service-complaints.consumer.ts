import { BUILDING_ROSTER_CHANGED, COMPLAINT_ORDER_CHANGED } from '../../../../catalog';
import { ConsumerDefinition, on } from '../../../../platform/events/consumer';
import { recordBuildingCompound, recordServiceComplaint } from '../../application/record-service-complaint';

/**
 * The hotline orders (complaints.orders.v1, no caller data) and each building's compound (areas' rosters): a case
 * package lists the complaints about the service at the defendant household's compound (seed 004 §六(六)).
 */
export const serviceComplaintsConsumer: ConsumerDefinition = {
  name: 'litigation.service-complaints',
  subscriptions: [
    on(COMPLAINT_ORDER_CHANGED, (em, event) => recordServiceComplaint(em, event.data)),
    on(BUILDING_ROSTER_CHANGED, (em, event) => recordBuildingCompound(em, event.data)),
  ],
};
