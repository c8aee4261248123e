import type { EntityManager } from '@mikro-orm/postgresql';
import { AreaRegisteredData } from '../../../catalog';
import { upsertArea } from '../persistence/webhook.repository';

/** Keeps an area's district, which routes its filings to the bureaus whose jurisdiction covers it. */
export const recordWebhookArea = (em: EntityManager, area: AreaRegisteredData): Promise<void> =>
  upsertArea(em, {
    areaId: area.areaId,
    districtCode: area.districtCode,
    streetCode: area.streetCode,
    registeredAt: new Date(area.registeredAt),
  });
