import type { EntityManager } from '@mikro-orm/postgresql';
import { BuildingRosterData, ComplaintOrderChangedData } from '../../../catalog';
import { IsoDate } from '../../../kernel/calendar';
import { chinaDayStart, sqlRows, sqlRun } from '../../../platform/db/sql';
import { ServiceComplaint, companyOfOrder, companyResponseOfOrder } from '../domain/service-complaints';

/** Keeps the building's compound (the roster's owners are not kept). */
export async function saveBuildingCompound(em: EntityManager, r: BuildingRosterData): Promise<void> {
  await sqlRun(
    em,
    `insert into litigation.building_compound (building_id, compound_id) values (?, ?)
     on conflict (building_id) do update set compound_id = excluded.compound_id`,
    [r.buildingId, r.compoundId],
  );
}

/**
 * Keeps the order as it last stood: a message replaces the row only when its sequence is newer, its time received,
 * item and respondBy too (a re-routed order sent back to its street takes the new message's: receiveOrder).
 */
export async function saveServiceComplaintIfNewer(em: EntityManager, o: ComplaintOrderChangedData): Promise<void> {
  await sqlRun(
    em,
    `insert into litigation.service_complaint as s (order_id, sequence, order_number, received_at, compound_id, category_code, item_code, status,
        responsible_party_kind, party_organisation_id, company_organisation_id, respond_by, responded_at, company_responded_at, closed_at,
        satisfaction, demo)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (order_id) do update set sequence = excluded.sequence, received_at = excluded.received_at, compound_id = excluded.compound_id,
        category_code = excluded.category_code, item_code = excluded.item_code, respond_by = excluded.respond_by, status = excluded.status,
        responsible_party_kind = excluded.responsible_party_kind, party_organisation_id = excluded.party_organisation_id,
        company_organisation_id = excluded.company_organisation_id,
        responded_at = excluded.responded_at, company_responded_at = excluded.company_responded_at, closed_at = excluded.closed_at, satisfaction = excluded.satisfaction
     where s.sequence < excluded.sequence`,
    [
      o.orderId,
      o.sequence,
      o.orderNumber,
      o.receivedAt,
      o.compoundId,
      o.categoryCode,
      o.itemCode,
      o.status,
      o.responsiblePartyKind,
      o.partyOrganisationId,
      companyOfOrder(o),
      o.respondBy,
      o.respondedAt,
      companyResponseOfOrder(o),
      o.closedAt,
      o.satisfaction,
      o.demo,
    ],
  );
}

const iso = (v: unknown): string | null =>
  v == null ? null : (v instanceof Date ? v : new Date(String(v))).toISOString();

/**
 * The orders dispatched to the company (escalated since or not) at the compound of the account's building, received from `from` to `to`
 * (China dates, inclusive), oldest first; not a copy the hotline re-routed to another street (REROUTED), which was not
 * this compound's.
 */
export async function serviceComplaintsOf(
  em: EntityManager,
  accountId: string,
  companyId: string,
  from: IsoDate,
  to: IsoDate,
): Promise<ServiceComplaint[]> {
  const rows = await sqlRows<Record<string, unknown>>(
    em,
    `select o.order_number, o.received_at, o.category_code, o.item_code, o.status, o.respond_by, o.responded_at, o.company_responded_at,
            o.closed_at, o.satisfaction
       from litigation.claim_account a
       join litigation.building_compound b on b.building_id = (a.claim->>'buildingId')::uuid
       join litigation.service_complaint o on o.compound_id = b.compound_id
      where a.account_id = ?::uuid and o.company_organisation_id = ? and o.status <> 'REROUTED'
        and o.received_at >= ${chinaDayStart()} and o.received_at < ${chinaDayStart('next')}
      order by o.received_at, o.order_number`,
    [accountId, companyId, from, to],
  );
  return rows.map((r) => ({
    orderNumber: r.order_number as string,
    receivedAt: iso(r.received_at)!,
    categoryCode: r.category_code as string,
    itemCode: r.item_code as string,
    status: r.status as string,
    respondBy: iso(r.respond_by)!,
    respondedAt: iso(r.responded_at),
    companyRespondedAt: iso(r.company_responded_at),
    closedAt: iso(r.closed_at),
    satisfaction: (r.satisfaction as string | null) ?? null,
  }));
}
