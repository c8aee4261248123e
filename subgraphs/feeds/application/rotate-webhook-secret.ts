import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { feedsError } from '../domain/errors';
import { newWebhookSecret } from '../domain/webhook-secret';
import { WebhookSubscription, rotateSecret } from '../persistence/webhook.repository';
import { ownWebhookSubscription } from './own-webhook-subscription';
import { WebhookConfig } from './webhook-config';

/**
 * Gives the organisation's subscription a new signing secret, returned here once (as at creation), keeping its
 * deliveries, their history and replay. The secret it replaces signs every delivery beside the new one for the overlap
 * (`HUB_WEBHOOK_SECRET_OVERLAP_MS`, 24 h), so the receiver changes over whenever it likes within it; then only the new
 * one signs and the old one is erased. Before, the only way was to delete and recreate the subscription: its history
 * and replay were lost, and deliveries made between the two moments were refused by the receiver or never sent.
 * Another rotation while the overlap runs is SECRET_ROTATION_IN_PROGRESS, judged by the database's clock as the
 * overlap's end is (persistence rotateSecret), not made by dropping the oldest secret: the receiver may still hold that
 * one (the overlap exists for it), and a retried or doubled request would otherwise end its deliveries at once.
 * Another organisation's subscription is NOT_FOUND.
 */
export async function rotateWebhookSecret(
  em: EntityManager,
  identity: Identity,
  subscriptionId: string,
  config: Pick<WebhookConfig, 'secretOverlapMs'>,
): Promise<{ subscription: WebhookSubscription; secret: string }> {
  return em.transactional(async (tx) => {
    const subscription = await ownWebhookSubscription(tx, identity, subscriptionId, { lock: true });
    const secret = newWebhookSecret();
    if (!(await rotateSecret(tx, subscriptionId, secret, config.secretOverlapMs))) {
      const until = subscription.previousSecretExpiresAt?.toISOString() ?? null;
      throw feedsError(
        'SECRET_ROTATION_IN_PROGRESS',
        `This subscription's last rotation overlaps until ${until}: rotate again after that`,
        { previousSecretExpiresAt: until },
      );
    }
    return { subscription: await ownWebhookSubscription(tx, identity, subscriptionId), secret };
  });
}
