import type { EntityManager } from '@mikro-orm/core';
import { AREAS_TOPIC, AREA_REGISTERED, AreaRegisteredData } from '../../../infra/events/catalog';
import { ConsumerDefinition } from '../../../infra/events/consumer';
import { AreaView } from '../persistence/area-view.entity';

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

export const areaViewConsumer: ConsumerDefinition = {
  name: 'contracts.area-view',
  topics: [AREAS_TOPIC.name],
  handlers: {
    [AREA_REGISTERED.type]: (em, event) => applyAreaRegistered(em, event.data as AreaRegisteredData),
  },
};
