import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { mayUseWebhooks } from '../domain/webhook-access';
import { WebhookSubscription, subscriptionsOf } from '../persistence/webhook.repository';

/**
 * The caller's organisation's subscriptions, oldest first, with their status (PAUSED once retries ran out); others
 * have none. The admin lists an organisation's by its id: a subscription keeps the role and jurisdictions of the token
 * that created it, so when an organisation loses a jurisdiction the admin finds and ends what it still receives
 * (before, nobody but the organisation could see or end its subscriptions; an authorization audit of 2026-12-04).
 */
export async function listWebhookSubscriptions(
  em: EntityManager,
  identity: Identity,
  organisationId?: string,
): Promise<WebhookSubscription[]> {
  if (identity.role === 'ADMIN') return organisationId ? subscriptionsOf(em, organisationId) : [];
  if (!mayUseWebhooks(identity) || (organisationId !== undefined && organisationId !== identity.organisationId))
    return [];
  return subscriptionsOf(em, identity.organisationId);
}
