import type { EntityManager } from '@mikro-orm/postgresql';
import { pruneDeliveredWebhooks } from '../persistence/webhook.repository';

/**
 * The hourly sweep of delivered webhooks older than the retention (HUB_WEBHOOK_RETENTION_DAYS, webhook-config.ts):
 * before, every delivery and attempt stayed for good, a row per event and subscription and one per attempt.
 */
export const pruneWebhookDeliveries = (em: EntityManager, days: number): Promise<number> =>
  pruneDeliveredWebhooks(em, days);
