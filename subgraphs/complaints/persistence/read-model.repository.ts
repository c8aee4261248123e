import type { EntityManager } from '@mikro-orm/postgresql';
import { BuildingRosterData, CompoundChangedData, GovernanceModel } from '../../../catalog';
import { sqlArray, sqlRows, sqlRun } from '../../../platform/db/sql';
import { servesOnSql } from '../../../platform/read-models/filing-snapshot';
import { todayInChina } from '../../../kernel/clock';

/** A compound as the complaints subgraph knows it from areas.compounds.v1 and areas.households.v1. */
export interface CompoundView {
  compoundId: string;
  name: string;
  districtCode: string;
  streetCode: string;
  governanceModel: GovernanceModel;
  households: number;
}

type CompoundRow = {
  compound_id: string;
  name: string;
  district_code: string;
  street_code: string;
  governance_model: GovernanceModel;
  households: number;
};
const compoundView = (r: CompoundRow): CompoundView => ({
  compoundId: r.compound_id,
  name: r.name,
  districtCode: r.district_code,
  streetCode: r.street_code,
  governanceModel: r.governance_model,
  households: Number(r.households),
});

const COMPOUND_SELECT = `select c.compound_id, c.name, c.district_code, c.street_code, c.governance_model,
    coalesce((select sum(b.households) from complaints.building_view b where b.compound_id = c.compound_id), 0)::int as households
  from complaints.compound_view c`;

/**
 * Keeps the compound as areas last published it: an event replaces the copy only when its version is higher, so of two
 * corrections at once the later one stays whichever event arrives last, and a redelivered or replayed event never
 * rolls the copy back (dispatch chooses who answers an order by its governance model). An event without a version
 * (0 here) was published before compounds had one: it replaces only a copy taken from such an event, as before.
 */
export async function upsertCompound(em: EntityManager, c: CompoundChangedData): Promise<void> {
  await sqlRun(
    em,
    `insert into complaints.compound_view as c (compound_id, name, district_code, street_code, governance_model, property_rights_units, version)
     values (?, ?, ?, ?, ?, ?, ?)
     on conflict (compound_id) do update set name = excluded.name, governance_model = excluded.governance_model,
        property_rights_units = excluded.property_rights_units, version = excluded.version
     where c.version < excluded.version or c.version = 0`,
    [c.compoundId, c.name, c.districtCode, c.streetCode, c.governanceModel, c.propertyRightsUnits, c.version ?? 0],
  );
}

/** A building's roster replaces what was known of it (only its area and household count are kept, no owners). */
export async function replaceBuilding(em: EntityManager, r: BuildingRosterData): Promise<void> {
  await sqlRun(
    em,
    `insert into complaints.building_view (building_id, compound_id, area_id, households) values (?, ?, ?, ?)
     on conflict (building_id) do update set compound_id = excluded.compound_id, area_id = excluded.area_id, households = excluded.households`,
    [r.buildingId, r.compoundId, r.areaId, r.households.length],
  );
}

export async function compoundsOfStreet(em: EntityManager, streetCode: string): Promise<CompoundView[]> {
  return (await sqlRows<CompoundRow>(em, `${COMPOUND_SELECT} where c.street_code = ?`, [streetCode])).map(compoundView);
}

/** The compounds of several streets at once (a backfill), households included. */
export async function compoundsOfStreets(em: EntityManager, streetCodes: readonly string[]): Promise<CompoundView[]> {
  if (streetCodes.length === 0) return [];
  return (
    await sqlRows<CompoundRow>(em, `${COMPOUND_SELECT} where c.street_code = any(?::text[])`, [sqlArray(streetCodes)])
  ).map(compoundView);
}

/** The compounds of these ids that the subgraph knows. */
export async function findCompounds(em: EntityManager, compoundIds: readonly string[]): Promise<CompoundView[]> {
  return (
    await sqlRows<CompoundRow>(em, `${COMPOUND_SELECT} where c.compound_id = any(?::uuid[])`, [sqlArray(compoundIds)])
  ).map(compoundView);
}

export async function findCompound(em: EntityManager, compoundId: string): Promise<CompoundView | undefined> {
  const [row] = await sqlRows<CompoundRow>(em, `${COMPOUND_SELECT} where c.compound_id = ?::uuid`, [compoundId]);
  return row && compoundView(row);
}

const SERVING = servesOnSql('complaints', { from: 'start' });

/**
 * The companies serving an area of the compound (normally one) on `day` under an accepted filing, judged by the
 * contract's dates (servesOnSql): a preliminary provider until the owners' regular contract starts, a terminated one
 * through its terminatedOn. Before, stored status ACCEPTED was read, so from the regular contract's acceptance, or a
 * termination recorded ahead, no company took the compound's orders for the weeks its provider still served.
 */
export async function companiesServingCompound(em: EntityManager, compoundId: string, day: string): Promise<string[]> {
  const rows = await sqlRows<{ company_id: string }>(
    em,
    `select distinct f.company_id from complaints.filing_snapshot f
      where ${SERVING}
        and f.area_id in (select b.area_id from complaints.building_view b where b.compound_id = ?::uuid and b.area_id is not null)
      order by 1`,
    [day, compoundId],
  );
  return rows.map((r) => r.company_id);
}

/**
 * The companies an order is about: those serving its compound on the day it was received (China date of receivedAt),
 * whenever it is dispatched or escalated. The one rule for dispatch, escalation and the parties they refuse: an order
 * backfilled from the hotline's export, or dispatched days late, after a change of provider goes to, and counts
 * against, the company whose service was complained of. Before, the day dispatched was taken, and the new provider
 * answered, and was measured by, calls from before it served. None for an order without a compound, or received on a
 * day no company served (the owners' own management, between providers).
 */
export async function companiesServingOrder(
  em: EntityManager,
  order: { compoundId: string | null; receivedAt: Date },
): Promise<string[]> {
  return order.compoundId ? companiesServingCompound(em, order.compoundId, todayInChina(order.receivedAt)) : [];
}
