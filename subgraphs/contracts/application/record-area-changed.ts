import type { EntityManager } from '@mikro-orm/postgresql';
import { AreaChangedData } from '../../../catalog';
import { contractsError } from '../domain/errors';
import { findAreaView } from '../persistence/area-view.repository';

/**
 * The facts contracts are checked against (floor area, households, building classes), as the area now stands.
 * Events of one area share its key and partition, so `changed` never overtakes `registered`.
 */
export async function recordAreaChanged(em: EntityManager, data: AreaChangedData): Promise<void> {
  const view = await findAreaView(em, data.areaId);
  if (!view) throw contractsError('UNKNOWN_AREA', `area ${data.areaId} changed before it was registered`);
  view.totalFloorAreaCentiM2 = data.totalFloorAreaCentiM2;
  view.households = data.households;
  view.buildingClasses = [...new Set(data.buildings.map((b) => b.buildingClass))].sort();
  view.syncedAt = new Date();
}
