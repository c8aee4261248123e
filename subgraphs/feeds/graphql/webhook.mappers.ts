import type { WebhookDelivery, WebhookSubscription } from '../persistence/webhook.repository';
import { WebhookDeliveryType, WebhookSubscriptionType } from './webhook.type';

/** A subscription as its owner sees it: never the secret. */
export const subscriptionView = (s: WebhookSubscription): WebhookSubscriptionType => ({
  id: s.id,
  eventTypes: s.eventTypes,
  url: s.url,
  status: s.status,
  pausedAt: s.pausedAt,
  pausedReason: s.pausedReason,
  jurisdictions: s.jurisdictions,
  createdAt: s.createdAt,
  secretRotatedAt: s.secretRotatedAt,
  previousSecretExpiresAt: s.previousSecretExpiresAt,
});

export const deliveryView = (d: WebhookDelivery): WebhookDeliveryType => ({ ...d, id: String(d.id) });
