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
    taxonomyDivision: o.taxonomyDivision,
    responsiblePartyKind: o.responsiblePartyKind,
    partyOrganisationId: o.partyOrganisationId,
    companyOrganisationId: o.companyOrganisationId,
    respondBy: o.respondBy.toISOString(),
    resolveBy: o.resolveBy.toISOString(),
    respondedAt: iso(o.respondedAt),
    companyRespondedAt: iso(o.companyRespondedAt),
    resolvedAt: iso(o.resolvedAt),
    closedAt: iso(o.closedAt),
    satisfaction: o.satisfaction,
    demo: o.demo,
  };
}

const isoSql = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * orderChanged as SQL over a row of complaint_order named `row` (a jsonb), for a bulk import that writes its events
 * set-based without the orders passing through Node; the same fields with the same values, as the import test checks
 * against orderChanged (timestamps as toISOString writes them, in UTC with milliseconds).
 */
export function orderChangedSql(row: string): string {
  const fields: { [K in keyof ComplaintOrderChangedData]-?: string } = {
    orderId: `${row}.id`,
    orderNumber: `${row}.order_number`,
    sequence: `${row}.sequence`,
    status: `${row}.status`,
    receivedAt: isoSql(`${row}.received_at`),
    streetCode: `${row}.street_code`,
    compoundId: `${row}.compound_id`,
    categoryCode: `${row}.category_code`,
    itemCode: `${row}.item_code`,
    taxonomyDivision: `${row}.taxonomy_division`,
    responsiblePartyKind: `${row}.responsible_party_kind`,
    partyOrganisationId: `${row}.party_organisation_id`,
    companyOrganisationId: `${row}.company_organisation_id`,
    respondBy: isoSql(`${row}.respond_by`),
    resolveBy: isoSql(`${row}.resolve_by`),
    respondedAt: isoSql(`${row}.responded_at`),
    companyRespondedAt: isoSql(`${row}.company_responded_at`),
    resolvedAt: isoSql(`${row}.resolved_at`),
    closedAt: isoSql(`${row}.closed_at`),
    satisfaction: `${row}.satisfaction`,
    demo: `${row}.demo`,
  };
  return `jsonb_build_object(${Object.entries(fields)
    .map(([name, value]) => `'${name}', ${value}`)
    .join(', ')})`;
}
