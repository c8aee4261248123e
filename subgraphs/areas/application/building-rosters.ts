import type { EntityManager } from '@mikro-orm/postgresql';
import { BUILDING_ROSTER_CHANGED } from '../../../catalog';
import { recordEvent } from '../../../platform/events/outbox';
import { AREAS_EVENT_SOURCE, buildingRosterChanged } from '../events/publish/area-events';
import { buildingRosters } from '../persistence/building.repository';

/**
 * Records the whole household roster of each given building, one event per building, as it stands in the caller's
 * transaction: every change to a building or its households ends here, so consumers never patch a roster.
 */
export async function recordBuildingRosters(em: EntityManager, buildingIds: readonly string[]): Promise<void> {
  await em.flush(); // the rosters are read in SQL, which sees only what the unit of work has written
  for (const roster of await buildingRosters(em, buildingIds)) {
    recordEvent(em, BUILDING_ROSTER_CHANGED, {
      source: AREAS_EVENT_SOURCE,
      key: roster.buildingId,
      subject: roster.buildingId,
      data: buildingRosterChanged(roster),
    });
  }
}
