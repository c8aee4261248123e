import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenError, InvalidInputError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { feedsError } from '../domain/errors';
import { mayUseWebhooks, receivesByJurisdiction, refusedEventTypes } from '../domain/webhook-access';
import { newWebhookSecret } from '../domain/webhook-secret';
import {
  WebhookSubscription,
  countSubscriptionsOf,
  insertSubscription,
  lockSubscriptionsOf,
} from '../persistence/webhook.repository';
import { WebhookConfig } from './webhook-config';
import { assertWebhookUrl, hostResolver } from './webhook-url-check';

/** An organisation's subscriptions are bounded, like everything an outsider sends. */
export const MAX_SUBSCRIPTIONS_PER_ORGANISATION = 20;
export const MAX_EVENT_TYPES = 20;

/**
 * A court or bureau subscribes its own endpoint. The organisation and jurisdictions are the verified token's, fixed
 * at creation: what the subscription receives is what the organisation could read. The signing secret (Standard
 * Webhooks `whsec_` + base64 of 32 random bytes) is returned here once and never again.
 */
export async function createWebhookSubscription(
  em: EntityManager,
  identity: Identity,
  input: { eventTypes: string[]; url: string },
  config: WebhookConfig,
): Promise<{ subscription: WebhookSubscription; secret: string }> {
  if (!mayUseWebhooks(identity))
    throw new ForbiddenError('Only courts, bureaus, companies and street offices subscribe to webhooks');
  const eventTypes = [...new Set(input.eventTypes)];
  if (
    eventTypes.length === 0 ||
    eventTypes.length > MAX_EVENT_TYPES ||
    eventTypes.some((t) => typeof t !== 'string' || t.length > 200)
  ) {
    throw new InvalidInputError('Name 1–20 event types', {
      fields: { eventTypes: `1–${MAX_EVENT_TYPES} event types` },
    });
  }
  const refused = refusedEventTypes(identity.role, eventTypes);
  if (refused.length > 0)
    throw feedsError('EVENT_TYPE_NOT_SUBSCRIBABLE', `Your role receives none of: ${refused.join(', ')}`, {
      eventTypes: refused,
    });
  if (receivesByJurisdiction(identity.role) && identity.jurisdictions.length === 0)
    throw new ForbiddenError('Your token names no jurisdiction');
  await assertWebhookUrl(input.url, config.policy, hostResolver(config.dnsServers));

  const secret = newWebhookSecret();
  const subscription: WebhookSubscription = {
    id: randomUUID(),
    organisationId: identity.organisationId,
    role: identity.role,
    jurisdictions: [...identity.jurisdictions],
    eventTypes,
    url: input.url,
    status: 'ACTIVE',
    pausedAt: null,
    pausedReason: null,
    createdBy: identity.subject,
    createdAt: new Date(),
    secretRotatedAt: null,
    previousSecretExpiresAt: null,
  };
  await em.transactional(async (tx) => {
    await lockSubscriptionsOf(tx, identity.organisationId);
    if ((await countSubscriptionsOf(tx, identity.organisationId)) >= MAX_SUBSCRIPTIONS_PER_ORGANISATION) {
      throw new InvalidInputError(`An organisation has at most ${MAX_SUBSCRIPTIONS_PER_ORGANISATION} subscriptions`, {
        fields: { url: `at most ${MAX_SUBSCRIPTIONS_PER_ORGANISATION} subscriptions` },
      });
    }
    await insertSubscription(tx, { ...subscription, secret });
  });
  return { subscription, secret };
}
