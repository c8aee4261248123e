import type { EntityManager } from '@mikro-orm/postgresql';
import { AreaRegisteredData } from '../../../catalog';
import { upsertRegisteredArea } from '../persistence/area-view.repository';

/** An area registered in the areas subgraph: from now on contracts may be drafted for it. */
export async function recordAreaRegistered(em: EntityManager, data: AreaRegisteredData): Promise<void> {
  await upsertRegisteredArea(em, {
    areaId: data.areaId,
    name: data.name,
    districtCode: data.districtCode,
    streetCode: data.streetCode,
    registeredAt: new Date(data.registeredAt),
    syncedAt: new Date(),
  });
}
