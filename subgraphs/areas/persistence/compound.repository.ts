import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { Compound } from './compound.entity';
import { visibleStreets } from './area.repository';

export interface CompoundStatistics {
  compoundId: string;
  buildings: number;
  elevators: number;
  households: number;
  floorAreaCentiM2: bigint;
}

export async function listVisibleCompounds(em: EntityManager, identity: Identity, filter: { streetCode?: string; first: number }) {
  const visible = visibleStreets<Compound>(identity);
  if (!visible) return [];
  return em.find(Compound, { $and: [visible, filter.streetCode ? { streetCode: filter.streetCode } : {}] }, {
    orderBy: { name: 'asc' },
    limit: filter.first,
  });
}

export async function findVisibleCompounds(em: EntityManager, identity: Identity, ids: readonly string[]) {
  const visible = visibleStreets<Compound>(identity);
  if (!visible || ids.length === 0) return [];
  return em.find(Compound, { $and: [{ id: { $in: [...ids] } }, visible] });
}

/** Statistics of many compounds in one set-based query (no per-compound round trips). */
export async function compoundStatistics(em: EntityManager, compoundIds: readonly string[]): Promise<Map<string, CompoundStatistics>> {
  const rows = await em.getConnection().execute<
    { compound_id: string; buildings: string; elevators: string; households: string; floor_area: string }[]
  >(
    `select c.id as compound_id,
            (select count(*) from areas.building b where b.compound_id = c.id) as buildings,
            (select coalesce(sum(b.elevators), 0) from areas.building b where b.compound_id = c.id) as elevators,
            count(h.id) as households,
            coalesce(sum(h.floor_area_centi_m2), 0) as floor_area
       from areas.compound c
       left join areas.building b on b.compound_id = c.id
       left join areas.household h on h.building_id = b.id
      where c.id in (select value::uuid from json_array_elements_text(?::json))
      group by c.id`,
    [JSON.stringify(compoundIds)],
  );
  return new Map(
    rows.map((r) => [
      r.compound_id,
      {
        compoundId: r.compound_id,
        buildings: Number(r.buildings),
        elevators: Number(r.elevators),
        households: Number(r.households),
        floorAreaCentiM2: BigInt(r.floor_area),
      },
    ]),
  );
}

export interface HouseholdRow {
  id: string;
  buildingId: string;
  unit: string;
  room: string;
  floorAreaCentiM2: number;
  ownerReference: string;
  ownerName?: string;
}

/** One page of a compound's households in building / unit / room order, with the total, in one query. */
export async function pageHouseholds(
  em: EntityManager,
  page: { compoundId: string; buildingId?: string; first: number; offset: number },
): Promise<{ items: HouseholdRow[]; totalCount: number }> {
  const rows = await em.getConnection().execute<
    { id: string; building_id: string; unit: string; room: string; floor_area_centi_m2: number; owner_reference: string; owner_name: string | null; total: string }[]
  >(
    `select h.*, count(*) over () as total
       from areas.household h join areas.building b on b.id = h.building_id
      where b.compound_id = ? and (?::uuid is null or b.id = ?::uuid)
      order by b.label, h.unit, h.room
      limit ? offset ?`,
    [page.compoundId, page.buildingId ?? null, page.buildingId ?? null, page.first, page.offset],
  );
  const totalCount = rows.length > 0 ? Number(rows[0].total) : await countHouseholds(em, page);
  return {
    totalCount,
    items: rows.map(householdOf),
  };
}

type HouseholdColumns = { id: string; building_id: string; unit: string; room: string; floor_area_centi_m2: number; owner_reference: string; owner_name: string | null };

const householdOf = (r: HouseholdColumns): HouseholdRow => ({
  id: r.id,
  buildingId: r.building_id,
  unit: r.unit,
  room: r.room,
  floorAreaCentiM2: r.floor_area_centi_m2,
  ownerReference: r.owner_reference,
  ownerName: r.owner_name ?? undefined,
});

async function countHouseholds(em: EntityManager, page: { compoundId: string; buildingId?: string }): Promise<number> {
  const [row] = await em.getConnection().execute<{ n: string }[]>(
    `select count(*) as n from areas.household h join areas.building b on b.id = h.building_id
      where b.compound_id = ? and (?::uuid is null or b.id = ?::uuid)`,
    [page.compoundId, page.buildingId ?? null, page.buildingId ?? null],
  );
  return Number(row.n);
}

/** Households by id with their compound's street (for the access rule), in one query: the `_entities` batch. */
export async function findHouseholds(em: EntityManager, ids: readonly string[]): Promise<(HouseholdRow & { streetCode: string; areaId: string | null })[]> {
  const rows = await em.getConnection().execute<(HouseholdColumns & { street_code: string; area_id: string | null })[]>(
    `select h.*, c.street_code, b.area_id from areas.household h join areas.building b on b.id = h.building_id join areas.compound c on c.id = b.compound_id
      where h.id::text in (select jsonb_array_elements_text(?::jsonb))`,
    [JSON.stringify(ids)],
  );
  return rows.map((r) => ({ ...householdOf(r), streetCode: r.street_code, areaId: r.area_id }));
}
