import { ComplaintOrderChangedData } from '../../../../catalog';
import { ComplaintOrder } from '../../persistence/order.repository';

/** The CloudEvents `source` of everything the complaints subgraph publishes. */
export const COMPLAINTS_EVENT_SOURCE = '/property-governance-hub/complaints';

/** The order for bureaus: no caller, no address text, no call text. */
export function orderChanged(o: ComplaintOrder): ComplaintOrderChangedData {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    orderId: o.id,
    orderNumber: o.orderNumber,
    sequence: o.sequence,
    status: o.status,
    receivedAt: o.receivedAt.toISOString(),
    streetCode: o.streetCode,
    compoundId: o.compoundId,
    categoryCode: o.categoryCode,
    itemCode: o.itemCode,
    responsiblePartyKind: o.responsiblePartyKind,
    partyOrganisationId: o.partyOrganisationId,
    respondBy: o.respondBy.toISOString(),
    resolveBy: o.resolveBy.toISOString(),
    respondedAt: iso(o.respondedAt),
    resolvedAt: iso(o.resolvedAt),
    closedAt: iso(o.closedAt),
    satisfaction: o.satisfaction,
    demo: o.demo,
  };
}
