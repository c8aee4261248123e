import type { EntityManager } from '@mikro-orm/postgresql';
import { AREA_CHANGED, AREA_REGISTERED, BUILDING_ROSTER_CHANGED, BuildingRosterData } from '../../../../catalog';
import { recordEvent } from '../../../../platform/events/outbox';
import { Area } from '../../persistence/area.entity';

export const AREAS_EVENT_SOURCE = '/property-governance-hub/areas';

export function recordAreaRegistered(em: EntityManager, area: Area): void {
  recordEvent(em, AREA_REGISTERED, {
    source: AREAS_EVENT_SOURCE,
    key: area.id,
    subject: area.id,
    occurredAt: area.registeredAt,
    data: {
      areaId: area.id,
      name: area.name,
      districtCode: area.districtCode,
      streetCode: area.streetCode,
      registeredBy: area.registeredBy,
      registeredAt: area.registeredAt.toISOString(),
    },
  });
}

/** Publishes the area's buildings as they now stand, summed in the database inside the caller's transaction. */
export async function recordAreaChanged(em: EntityManager, area: Area): Promise<void> {
  const buildings = await em.getConnection().execute<
    { building_id: string; label: string; building_class: 'LOW_RISE' | 'HIGH_RISE'; households: string; floor_area: string }[]
  >(
    `select b.id as building_id, b.label, b.building_class, count(h.id) as households, coalesce(sum(h.floor_area_centi_m2), 0) as floor_area
       from areas.building b left join areas.household h on h.building_id = b.id
      where b.area_id = ? group by b.id order by b.label`,
    [area.id],
    'all',
    em.getTransactionContext(),
  );
  const rows = buildings.map((b) => ({
    buildingId: b.building_id,
    label: b.label,
    buildingClass: b.building_class,
    households: Number(b.households),
    floorAreaCentiM2: Number(b.floor_area),
  }));
  recordEvent(em, AREA_CHANGED, {
    source: AREAS_EVENT_SOURCE,
    key: area.id,
    subject: area.id,
    data: {
      areaId: area.id,
      streetCode: area.streetCode,
      buildings: rows,
      totalFloorAreaCentiM2: rows.reduce((sum, b) => sum + b.floorAreaCentiM2, 0),
      households: rows.reduce((sum, b) => sum + b.households, 0),
    },
  });
}

/**
 * Publishes the whole household roster of each given building (one event per building, read in one query inside
 * the caller's transaction), so consumers replace rather than patch and a lost update cannot linger.
 */
export async function recordBuildingRosters(em: EntityManager, buildingIds: string[]): Promise<void> {
  if (buildingIds.length === 0) return;
  const rows = await em.getConnection().execute<
    { building_id: string; compound_id: string; area_id: string | null; building_class: 'LOW_RISE' | 'HIGH_RISE'; households: BuildingRosterData['households'] | null }[]
  >(
    `select b.id as building_id, b.compound_id, b.area_id, b.building_class,
            json_agg(json_build_object('householdId', h.id, 'unit', h.unit, 'room', h.room,
                                       'floorAreaCentiM2', h.floor_area_centi_m2, 'ownerReference', h.owner_reference)
                     order by h.unit, h.room) filter (where h.id is not null) as households
       from areas.building b left join areas.household h on h.building_id = b.id
      where b.id in (select value::uuid from json_array_elements_text(?::json))
      group by b.id`,
    [JSON.stringify([...new Set(buildingIds)])],
    'all',
    em.getTransactionContext(),
  );
  for (const row of rows) {
    recordEvent(em, BUILDING_ROSTER_CHANGED, {
      source: AREAS_EVENT_SOURCE,
      key: row.building_id,
      subject: row.building_id,
      data: { buildingId: row.building_id, compoundId: row.compound_id, areaId: row.area_id, buildingClass: row.building_class, households: row.households ?? [] },
    });
  }
}
