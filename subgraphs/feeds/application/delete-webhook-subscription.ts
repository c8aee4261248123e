import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { NotFoundError } from '../../../kernel/errors';
import { retryWindowKey } from '../domain/webhook-retry';
import { cancelOwnDeadline } from '../persistence/deadline.repository';
import { deleteSubscription, findOwnSubscription } from '../persistence/webhook.repository';
import { ownWebhookSubscription } from './own-webhook-subscription';

/**
 * Ends a subscription with its deliveries and their history: the organisation its own, the admin any. The retry
 * window of its failing deliveries ends with it: left open, it showed OVERDUE for ever and was reminded of.
 */
export async function deleteWebhookSubscription(em: EntityManager, identity: Identity, id: string): Promise<boolean> {
  return em.transactional(async (tx) => {
    if (identity.role !== 'ADMIN') await ownWebhookSubscription(tx, identity, id, { lock: true });
    else if (!(await findOwnSubscription(tx, id, null, { lock: true })))
      throw new NotFoundError('WebhookSubscription', id);
    const deleted = (await deleteSubscription(tx, id)) > 0;
    // After its deliveries, as the sender takes them (deliveries, then the window): the other way round, a delete
    // holding the window while waiting for deliveries the sender held deadlocked with it (TEMPORARILY_UNAVAILABLE).
    await cancelOwnDeadline(tx, retryWindowKey(id));
    return deleted;
  });
}
