import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { deleteSubscription } from '../persistence/webhook.repository';
import { ownWebhookSubscription } from './own-webhook-subscription';

/** Ends a subscription with its deliveries and their history. */
export async function deleteWebhookSubscription(em: EntityManager, identity: Identity, id: string): Promise<boolean> {
  return em.transactional(async (tx) => {
    await ownWebhookSubscription(tx, identity, id, { lock: true });
    return (await deleteSubscription(tx, id)) > 0;
  });
}
