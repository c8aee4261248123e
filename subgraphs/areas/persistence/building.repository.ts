import { LockMode } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { RequiredEntityData } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlArray, sqlRows, sqlRun } from '../../../platform/db/sql';
import type { BuildingClass, BuildingRegistration } from '../domain/compound';
import { Building, BuildingSchema } from './compound.entity';

export function findBuilding(em: EntityManager, id: string): Promise<Building | null> {
  return em.findOne(BuildingSchema, { id });
}

/** Whether any building belongs to the area already. */
export async function areaHasBuildings(em: EntityManager, areaId: string): Promise<boolean> {
  return (await em.count(BuildingSchema, { areaId })) > 0;
}

/** Buildings by id; `lock` holds them (FOR UPDATE, in id order) until the transaction ends. */
export function findBuildings(
  em: EntityManager,
  ids: readonly string[],
  options: { lock?: boolean } = {},
): Promise<Building[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return em.find(
    BuildingSchema,
    { id: { $in: [...ids] } },
    options.lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true, orderBy: { id: 'asc' } } : {},
  );
}

/** The buildings of many compounds in one query, by label. */
export function buildingsOfCompounds(em: EntityManager, compoundIds: readonly string[]): Promise<Building[]> {
  return em.find(BuildingSchema, { compoundId: { $in: [...compoundIds] } }, { orderBy: { label: 'asc' } });
}

/** A building's label is unique in its compound. */
export async function isBuildingLabelTaken(em: EntityManager, compoundId: string, label: string): Promise<boolean> {
  return (await em.count(BuildingSchema, { compoundId, label })) > 0;
}

export function insertBuilding(em: EntityManager, building: Omit<RequiredEntityData<Building>, 'id'>): Building {
  return em.create(BuildingSchema, { id: randomUUID(), ...building });
}

/** Many new buildings of one compound in one statement (the compound file's import); ids are the caller's. */
export async function insertBuildings(
  em: EntityManager,
  compoundId: string,
  buildings: readonly (BuildingRegistration & { id: string })[],
): Promise<void> {
  if (buildings.length === 0) return;
  await sqlRun(
    em,
    `insert into areas.building (id, compound_id, label, building_class, floors, elevators)
     select id, ?::uuid, label, building_class, floors, elevators
       from json_to_recordset(?::json) as t(id uuid, label text, building_class text, floors int, elevators int)`,
    [
      compoundId,
      JSON.stringify(
        buildings.map((b) => ({
          id: b.id,
          label: b.label,
          building_class: b.buildingClass,
          floors: b.floors,
          elevators: b.elevators,
        })),
      ),
    ],
  );
}

/** A building of an area with what it holds, as the area's consumers need it (households and floor area summed). */
export interface AreaBuilding {
  buildingId: string;
  label: string;
  buildingClass: BuildingClass;
  households: number;
  floorAreaCentiM2: number;
}

/** The buildings of an area as they now stand, summed in the database (inside the caller's transaction). */
export async function areaBuildings(em: EntityManager, areaId: string): Promise<AreaBuilding[]> {
  const rows = await sqlRows<{
    building_id: string;
    label: string;
    building_class: BuildingClass;
    households: number;
    floor_area: number;
  }>(
    em,
    `select b.id as building_id, b.label, b.building_class, count(h.id) as households, coalesce(sum(h.floor_area_centi_m2), 0) as floor_area
       from areas.building b left join areas.household h on h.building_id = b.id
      where b.area_id = ? group by b.id order by b.label`,
    [areaId],
  );
  return rows.map((b) => ({
    buildingId: b.building_id,
    label: b.label,
    buildingClass: b.building_class,
    households: b.households,
    floorAreaCentiM2: b.floor_area,
  }));
}

/** One household of a building's roster. */
export interface RosterHousehold {
  id: string;
  unit: string;
  room: string;
  floorAreaCentiM2: number;
  ownerReference: string;
  /** Where the register recorded a change of owner: the day (YYYY-MM-DD) the owner became the owner. */
  ownerSince: string | null;
  /** The day the registered owner died, where the register knows it (YYYY-MM-DD). */
  ownerDiedOn: string | null;
}

/** A building with all its households, by unit and room. */
export interface BuildingRoster {
  buildingId: string;
  compoundId: string;
  areaId: string | null;
  buildingClass: BuildingClass;
  households: RosterHousehold[];
}

/** The whole roster of each given building, read in one query (inside the caller's transaction). */
export async function buildingRosters(em: EntityManager, buildingIds: readonly string[]): Promise<BuildingRoster[]> {
  if (buildingIds.length === 0) return [];
  const rows = await sqlRows<{
    building_id: string;
    compound_id: string;
    area_id: string | null;
    building_class: BuildingClass;
    households: RosterHousehold[] | null;
  }>(
    em,
    `select b.id as building_id, b.compound_id, b.area_id, b.building_class,
            json_agg(json_build_object('id', h.id, 'unit', h.unit, 'room', h.room,
                                       'floorAreaCentiM2', h.floor_area_centi_m2, 'ownerReference', h.owner_reference,
                                       'ownerSince', to_char(h.owner_since, 'YYYY-MM-DD'),
                                       'ownerDiedOn', to_char(h.owner_died_on, 'YYYY-MM-DD'))
                     order by h.unit, h.room) filter (where h.id is not null) as households
       from areas.building b left join areas.household h on h.building_id = b.id
      where b.id = any(?::uuid[])
      group by b.id`,
    [sqlArray([...new Set(buildingIds)])],
  );
  return rows.map((r) => ({
    buildingId: r.building_id,
    compoundId: r.compound_id,
    areaId: r.area_id,
    buildingClass: r.building_class,
    households: r.households ?? [],
  }));
}
