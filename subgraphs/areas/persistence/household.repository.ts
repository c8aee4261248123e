import { randomUUID } from 'node:crypto';
import { LockMode, type RequiredEntityData } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { IsoDate } from '../../../kernel/calendar';
import { cursorOf, keyOfCursor } from '../../../kernel/pagination';
import { sqlArray, sqlRows, sqlRun } from '../../../platform/db/sql';
import type { RegisteredUnit } from '../domain/joint-decision';
import { Household, HouseholdSchema } from './compound.entity';
import { ownerKeySql } from './owner-key.sql';

/** A household as read from the register; the owner's name is whatever is on record, masking is the caller's. */
export interface HouseholdRecord {
  id: string;
  buildingId: string;
  unit: string;
  room: string;
  floorAreaCentiM2: number;
  ownerReference: string;
  ownerName: string | null;
  /** The day the owner became the owner, where the register keeps one (domain/compound.ts ownerDaysOf). */
  ownerSince: IsoDate | null;
  /** The day the registered owner died, where the register knows it (domain/compound.ts ownerDaysOf). */
  ownerDiedOn: IsoDate | null;
}

/** A household with what its access rule needs: its compound's street and its building's area. */
export interface LocatedHousehold extends HouseholdRecord {
  streetCode: string;
  areaId: string | null;
}

interface HouseholdColumns {
  id: string;
  building_id: string;
  unit: string;
  room: string;
  floor_area_centi_m2: number;
  owner_reference: string;
  owner_name: string | null;
  /** `to_char(owner_since, 'YYYY-MM-DD')`: the date column as text, whatever the process's time zone. */
  owner_since_day: IsoDate | null;
  owner_died_on_day: IsoDate | null;
}

/** The one mapper of `areas.household` rows read in SQL. */
const householdOf = (r: HouseholdColumns): HouseholdRecord => ({
  id: r.id,
  buildingId: r.building_id,
  unit: r.unit,
  room: r.room,
  floorAreaCentiM2: r.floor_area_centi_m2,
  ownerReference: r.owner_reference,
  ownerName: r.owner_name,
  ownerSince: r.owner_since_day,
  ownerDiedOn: r.owner_died_on_day,
});

/**
 * A household to change, locked until the caller's transaction ends: two changes at once are decided one after the
 * other on the row as the first left it (before, each checked the owner's days it had read and wrote only what it
 * changed, so heirs registered at the moment the former owner's death was recorded were stored dead since before
 * they owned the flat: a helper's attacker audit).
 */
export function lockHousehold(em: EntityManager, id: string): Promise<Household | null> {
  return em.findOne(HouseholdSchema, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
}

/** A room (unit and room number) is registered once per building. */
export async function isRoomTaken(em: EntityManager, buildingId: string, unit: string, room: string): Promise<boolean> {
  return (await em.count(HouseholdSchema, { buildingId, unit, room })) > 0;
}

export function insertHousehold(em: EntityManager, household: Omit<RequiredEntityData<Household>, 'id'>): Household {
  return em.create(HouseholdSchema, { id: randomUUID(), ...household });
}

/** Rows per statement of a bulk insert: one JSON parameter each, since knex would expand array bindings into lists. */
const INSERT_CHUNK = 20_000;

/** A household as the compound file registers it: its owner registered with it, so no day of a change of owner or death. */
export type NewHouseholdRecord = Omit<HouseholdRecord, 'ownerSince' | 'ownerDiedOn'>;

/** Many new households in a few set-based statements (the compound file's import); ids are the caller's. */
export async function insertHouseholds(em: EntityManager, households: readonly NewHouseholdRecord[]): Promise<void> {
  for (let i = 0; i < households.length; i += INSERT_CHUNK) {
    const part = households.slice(i, i + INSERT_CHUNK);
    await sqlRun(
      em,
      `insert into areas.household (id, building_id, unit, room, floor_area_centi_m2, owner_reference, owner_name)
       select id, building_id, unit, room, floor_area_centi_m2, owner_reference, owner_name
         from json_to_recordset(?::json)
           as t(id uuid, building_id uuid, unit text, room text, floor_area_centi_m2 int, owner_reference text, owner_name text)`,
      [
        JSON.stringify(
          part.map((h) => ({
            id: h.id,
            building_id: h.buildingId,
            unit: h.unit,
            room: h.room,
            floor_area_centi_m2: h.floorAreaCentiM2,
            owner_reference: h.ownerReference,
            owner_name: h.ownerName,
          })),
        ),
      ],
    );
  }
}

/** The rooms already registered in a compound, by building label, unit and room. */
export function registeredRooms(
  em: EntityManager,
  compoundId: string,
): Promise<{ label: string; unit: string; room: string }[]> {
  return sqlRows(
    em,
    `select b.label, h.unit, h.room from areas.household h join areas.building b on b.id = h.building_id where b.compound_id = ?`,
    [compoundId],
  );
}

/**
 * Every household of an area with its certificate floor area, owner reference, the day its owner became the owner
 * (where the register recorded a change) and the day its building joined the area (where added later): the
 * electorate of a joint decision.
 */
export async function householdAreasOfArea(em: EntityManager, areaId: string): Promise<RegisteredUnit[]> {
  const rows = await sqlRows<{
    id: string;
    floor_area_centi_m2: number;
    owner_reference: string;
    owner_since_day: IsoDate | null;
    joined_area_on: IsoDate | null;
  }>(
    em,
    `select h.id, h.floor_area_centi_m2, h.owner_reference, to_char(h.owner_since, 'YYYY-MM-DD') as owner_since_day,
            to_char(b.joined_area_on, 'YYYY-MM-DD') as joined_area_on
       from areas.household h join areas.building b on b.id = h.building_id where b.area_id = ?`,
    [areaId],
  );
  return rows.map((r) => ({
    id: r.id,
    floorAreaCentiM2: r.floor_area_centi_m2,
    ownerReference: r.owner_reference,
    ownerSince: r.owner_since_day,
    joinedAreaOn: r.joined_area_on,
  }));
}

/**
 * One page of a compound's households in building / unit / room order (unique in a compound), from an offset or
 * after a cursor naming the last row's `(label, unit, room)`: buildings are read in label order from their
 * `(compound_id, label)` key, starting at the cursor's, and each building's households in order from its
 * `(building_id, unit, room)` key, so a deep page reads only the rows up to it. `endCursor`: null on the last page.
 */
export async function pageHouseholds(
  em: EntityManager,
  page: { compoundId: string; buildingId?: string; first: number; offset: number; after?: string | null },
): Promise<{ items: HouseholdRecord[]; endCursor: string | null }> {
  const [label, unit, room] = page.after != null ? householdKeyOf(page.after) : [null, null, null];
  const rows = await sqlRows<HouseholdColumns & { label: string }>(
    em,
    `select h.*, to_char(h.owner_since, 'YYYY-MM-DD') as owner_since_day, to_char(h.owner_died_on, 'YYYY-MM-DD') as owner_died_on_day, b.label
       from areas.household h join areas.building b on b.id = h.building_id
      where b.compound_id = ? and (?::uuid is null or b.id = ?::uuid)
        and (?::text is null or (b.label >= ?::text and (b.label, h.unit, h.room) > (?::text, ?::text, ?::text)))
      order by b.label, h.unit, h.room
      limit ? offset ?`,
    [
      page.compoundId,
      page.buildingId ?? null,
      page.buildingId ?? null,
      label,
      label,
      label,
      unit,
      room,
      page.first + 1,
      page.offset,
    ],
  );
  const items = rows.slice(0, page.first);
  const last = items[items.length - 1];
  return {
    items: items.map(householdOf),
    endCursor: rows.length > page.first ? cursorOf([last.label, last.unit, last.room]) : null,
  };
}

/** The `(label, unit, room)` a household cursor names; BAD_USER_INPUT unless it is one this list gave. */
function householdKeyOf(cursor: string): [string, string, string] {
  const [label, unit, room] = keyOfCursor(cursor, 3);
  return [label, unit, room];
}

/** How many households the compound (or one of its buildings) has: read only when a caller selects `totalCount`. */
export async function countHouseholds(
  em: EntityManager,
  page: { compoundId: string; buildingId?: string },
): Promise<number> {
  const [row] = await sqlRows<{ n: number }>(
    em,
    `select count(*) as n from areas.household h join areas.building b on b.id = h.building_id
      where b.compound_id = ? and (?::uuid is null or b.id = ?::uuid)`,
    [page.compoundId, page.buildingId ?? null, page.buildingId ?? null],
  );
  return row.n;
}

/** Households by id with their compound's street and their area, in one query: the `_entities` batch. */
export async function findLocatedHouseholds(em: EntityManager, ids: readonly string[]): Promise<LocatedHousehold[]> {
  const rows = await sqlRows<HouseholdColumns & { street_code: string; area_id: string | null }>(
    em,
    `select h.*, to_char(h.owner_since, 'YYYY-MM-DD') as owner_since_day, to_char(h.owner_died_on, 'YYYY-MM-DD') as owner_died_on_day, c.street_code, b.area_id
       from areas.household h join areas.building b on b.id = h.building_id join areas.compound c on c.id = b.compound_id
      where h.id = any(?::uuid[])`,
    [sqlArray(ids)],
  );
  return rows.map((r) => ({ ...householdOf(r), streetCode: r.street_code, areaId: r.area_id }));
}

/**
 * The owners of many areas counted as 法释〔2009〕7号 art. 9 does (domain/joint-decision.ts countOwners): one per
 * distinct owner reference of the register (in NFKC form, as countOwners compares them), with the registered area of
 * all their units; set-based, one query.
 */
export async function ownerCountsOfAreas(
  em: EntityManager,
  areaIds: readonly string[],
): Promise<{ areaId: string; owners: number; households: number; floorAreaCentiM2: number }[]> {
  const rows = await sqlRows<{ area_id: string; owners: number; households: number; floor_area: string }>(
    em,
    `select b.area_id, count(distinct ${ownerKeySql('h.owner_reference')})::int as owners, count(*)::int as households, sum(h.floor_area_centi_m2)::text as floor_area
       from areas.household h join areas.building b on b.id = h.building_id
      where b.area_id = any(?::uuid[])
      group by b.area_id`,
    [sqlArray(areaIds)],
  );
  return rows.map((r) => ({
    areaId: r.area_id,
    owners: r.owners,
    households: r.households,
    floorAreaCentiM2: Number(r.floor_area),
  }));
}
