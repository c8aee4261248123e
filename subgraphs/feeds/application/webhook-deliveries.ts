import type { EntityManager } from '@mikro-orm/postgresql';
import { InvalidInputError } from '../../../kernel/errors';
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
  if (filter.eventType && filter.eventType.length > 200)
    throw new InvalidInputError('An event type has at most 200 characters', {
      fields: { eventType: 'at most 200 characters' },
    });
  const subscription = await ownWebhookSubscription(em, identity, subscriptionId);
  return deliveriesOf(em, subscription.id, filter, page);
}
