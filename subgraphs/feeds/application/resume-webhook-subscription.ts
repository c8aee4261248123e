import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { WebhookSubscription, resumeSubscription } from '../persistence/webhook.repository';
import { ownWebhookSubscription } from './own-webhook-subscription';

/**
 * Resumes a paused subscription once its receiver is fixed: what waited is sent at once, in order. An active one is
 * left as it is: resuming it reset its failing deliveries' retry window, so calling resume every few hours kept a
 * failing subscription from ever being paused and moved its retry-window deadline each time.
 */
export async function resumeWebhookSubscription(
  em: EntityManager,
  identity: Identity,
  id: string,
): Promise<WebhookSubscription> {
  return em.transactional(async (tx) => {
    const subscription = await ownWebhookSubscription(tx, identity, id, { lock: true });
    if (subscription.status !== 'PAUSED') return subscription;
    await resumeSubscription(tx, id);
    return ownWebhookSubscription(tx, identity, id);
  });
}
