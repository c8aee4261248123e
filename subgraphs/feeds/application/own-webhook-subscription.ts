import type { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenError, NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { mayUseWebhooks } from '../domain/webhook-access';
import { WebhookSubscription, findOwnSubscription } from '../persistence/webhook.repository';

/** The caller's own subscription; another organisation's is NOT_FOUND, exactly as one that does not exist. */
export async function ownWebhookSubscription(
  em: EntityManager,
  identity: Identity,
  id: string,
  options: { lock?: boolean } = {},
): Promise<WebhookSubscription> {
  if (!mayUseWebhooks(identity))
    throw new ForbiddenError('Only courts, bureaus, companies and street offices have webhook subscriptions');
  const subscription = await findOwnSubscription(em, id, identity.organisationId, options);
  if (!subscription) throw new NotFoundError('WebhookSubscription', id);
  return subscription;
}
