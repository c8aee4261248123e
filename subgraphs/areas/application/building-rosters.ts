import type { EntityManager } from '@mikro-orm/postgresql';
import { AREA_CHANGED, BUILDING_ROSTER_CHANGED } from '../../../catalog';
import { advisoryLock } from '../../../platform/db/sql';
import { recordEvent } from '../../../platform/events/outbox';
import { AREAS_EVENT_SOURCE, areaChanged, buildingRosterChanged } from '../events/publish/area-events';
import { findArea } from '../persistence/area.repository';
import { areaBuildings, buildingRosters } from '../persistence/building.repository';

/**
 * Records the whole household roster of each given building, one event per building, as it stands in the caller's
 * transaction, and the totals of the areas they belong to (AREA_CHANGED): every change to a building or its
 * households ends here, so consumers never patch a roster and an area's floor area and households follow every
 * correction. Before, only grouping buildings into an area told contracts the area's totals: an import or a
 * corrected floor area afterwards left contracts checking selection thresholds and fee classes against stale ones.
 */
export async function recordBuildingRosters(em: EntityManager, buildingIds: readonly string[]): Promise<void> {
  await em.flush(); // the rosters are read in SQL, which sees only what the unit of work has written
  // One roster (and area total) read at a time per building and area, buildings first, each in id order: two
  // changes to one building at once each read the roster without the other's change, and the event published last
  // dropped the other's. Waiting here, the second reads once the first committed, and its event follows the first's.
  for (const id of [...new Set(buildingIds)].sort()) await advisoryLock(em, `building-roster:${id}`);
  const areaIds = new Set<string>();
  for (const roster of await buildingRosters(em, buildingIds)) {
    recordEvent(em, BUILDING_ROSTER_CHANGED, {
      source: AREAS_EVENT_SOURCE,
      key: roster.buildingId,
      subject: roster.buildingId,
      data: buildingRosterChanged(roster),
    });
    if (roster.areaId) areaIds.add(roster.areaId);
  }
  for (const areaId of [...areaIds].sort()) await advisoryLock(em, `area-totals:${areaId}`);
  for (const areaId of areaIds) {
    const area = await findArea(em, areaId);
    if (!area) throw new Error(`Area ${areaId} of a building is missing`);
    recordEvent(em, AREA_CHANGED, {
      source: AREAS_EVENT_SOURCE,
      key: area.id,
      subject: area.id,
      data: areaChanged(area, await areaBuildings(em, area.id)),
    });
  }
}
