import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { Page, checkPage } from '../../../kernel/pagination';
import { DeliveryFilter, WebhookDelivery, deliveriesOf } from '../persistence/webhook.repository';
import { ownWebhookSubscription } from './own-webhook-subscription';

/** The deliveries of one of the caller's subscriptions, oldest first; each delivery's attempts come from a loader. */
export async function webhookDeliveries(
  em: EntityManager,
  identity: Identity,
  subscriptionId: string,
  filter: DeliveryFilter,
  page: Page,
): Promise<{ items: WebhookDelivery[]; totalCount: number }> {
  checkPage(page);
  const subscription = await ownWebhookSubscription(em, identity, subscriptionId);
  return deliveriesOf(em, subscription.id, filter, page);
}
