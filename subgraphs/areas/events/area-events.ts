import type { EntityManager } from '@mikro-orm/postgresql';
import { AREA_REGISTERED, AreaRegisteredData } from '../../../infra/events/catalog';
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
