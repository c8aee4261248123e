import type { EntityManager } from '@mikro-orm/postgresql';
import { AREA_CHANGED, AREA_REGISTERED, AreaChangedData, AreaRegisteredData } from '../../../infra/events/catalog';
import { recordEvent } from '../../../infra/events/outbox';
import { Area } from '../persistence/area.entity';

export const AREAS_EVENT_SOURCE = '/property-governance-hub/areas';

export function recordAreaRegistered(em: EntityManager, area: Area): void {
  recordEvent<AreaRegisteredData>(em, AREA_REGISTERED, {
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
  recordEvent<AreaChangedData>(em, AREA_CHANGED, {
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
