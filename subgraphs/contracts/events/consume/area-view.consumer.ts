import type { EntityManager } from '@mikro-orm/core';
import { AREA_CHANGED, AREA_REGISTERED, AreaChangedData, AreaRegisteredData } from '../../../../catalog';
import { DomainError } from '../../../../kernel/errors';
import { ConsumerDefinition, on } from '../../../../platform/events/consumer';
import { AreaView } from '../../persistence/area-view.entity';

async function applyAreaRegistered(em: EntityManager, data: AreaRegisteredData): Promise<void> {
  await em.upsert(AreaView, {
    areaId: data.areaId,
    name: data.name,
    districtCode: data.districtCode,
    streetCode: data.streetCode,
    registeredAt: new Date(data.registeredAt),
    syncedAt: new Date(),
  });
}

/** Events of one area share its key and partition, so `changed` never overtakes `registered`. */
async function applyAreaChanged(em: EntityManager, data: AreaChangedData): Promise<void> {
  const view = await em.findOne(AreaView, { areaId: data.areaId });
  if (!view) throw new DomainError('UNKNOWN_AREA', `area ${data.areaId} changed before it was registered`);
  view.totalFloorAreaCentiM2 = String(data.totalFloorAreaCentiM2);
  view.households = data.households;
  view.buildingClasses = [...new Set(data.buildings.map((b) => b.buildingClass))].sort();
  view.syncedAt = new Date();
}

export const areaViewConsumer: ConsumerDefinition = {
  name: 'contracts.area-view',
  subscriptions: [on(AREA_REGISTERED, (em, event) => applyAreaRegistered(em, event.data)), on(AREA_CHANGED, (em, event) => applyAreaChanged(em, event.data))],
};
