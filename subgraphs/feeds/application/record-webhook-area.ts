import type { EntityManager } from '@mikro-orm/postgresql';
import { AreaRegisteredData } from '../../../catalog';
import { upsertArea } from '../persistence/webhook.repository';
import { lockArea, releaseWaitingEvents } from './dispatch-webhooks';

/**
 * Keeps an area's district, which routes its filings to the bureaus whose jurisdiction covers it, and dispatches the
 * filings of the area that arrived before its registration (they waited for it).
 */
export async function recordWebhookArea(em: EntityManager, area: AreaRegisteredData): Promise<void> {
  await lockArea(em, area.areaId);
  await upsertArea(em, {
    areaId: area.areaId,
    districtCode: area.districtCode,
    streetCode: area.streetCode,
    registeredAt: new Date(area.registeredAt),
  });
  await releaseWaitingEvents(em, area.areaId);
}
