import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { WebhookSubscription, resumeSubscription } from '../persistence/webhook.repository';
import { ownWebhookSubscription } from './own-webhook-subscription';

/** Resumes a paused subscription once its receiver is fixed: what waited is sent at once, in order. */
export async function resumeWebhookSubscription(
  em: EntityManager,
  identity: Identity,
  id: string,
): Promise<WebhookSubscription> {
  return em.transactional(async (tx) => {
    await ownWebhookSubscription(tx, identity, id, { lock: true });
    await resumeSubscription(tx, id);
    return ownWebhookSubscription(tx, identity, id);
  });
}
