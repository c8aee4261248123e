import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { mayUseWebhooks } from '../domain/webhook-access';
import { WebhookSubscription, subscriptionsOf } from '../persistence/webhook.repository';

/** The caller's organisation's subscriptions, oldest first, with their status (PAUSED once retries ran out); others have none. */
export async function listWebhookSubscriptions(em: EntityManager, identity: Identity): Promise<WebhookSubscription[]> {
  if (!mayUseWebhooks(identity)) return [];
  return subscriptionsOf(em, identity.organisationId);
}
