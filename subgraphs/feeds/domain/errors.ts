import { type ErrorCatalog, errorsOf } from '../../../kernel/errors';

/**
 * The codes the feeds subgraph raises beyond the generic ones (kernel/errors.ts GENERIC_ERRORS), each with what it
 * means to a client.
 */
export const FEEDS_ERRORS = {
  WEBHOOK_URL_REFUSED:
    'The webhook URL is not https (in production), or its host resolves to a private, loopback, link-local or otherwise internal address; `details.reason` says which.',
  EVENT_TYPE_NOT_SUBSCRIBABLE:
    'Your role receives no such event type by webhook; `details.eventTypes` names those refused.',
  FEED_SUBSCRIBER_EXISTS:
    'The party is registered for the feeds already: rotate its credential, or revoke it before registering it anew.',
  FEED_SUBSCRIBER_REVOKED: "The party's feed access was revoked: register it again to give it a new credential.",
  REPLAY_IN_PROGRESS:
    "The subscription's last replay is still being delivered: ask again once it is (`webhookDeliveries` with `status: PENDING`), from the time of its last event for more.",
  SECRET_ROTATION_IN_PROGRESS:
    "The subscription's last secret rotation is still in its overlap, both secrets signing: rotate again after `details.previousSecretExpiresAt` (a second rotation now would end the secret your receiver may still hold).",
  BROKER_NOT_SECURED:
    'The hub runs against a broker without authentication (no KAFKA_ADMIN credential): there are no principals to register.',
} as const satisfies ErrorCatalog;

export type FeedsErrorCode = keyof typeof FEEDS_ERRORS;

/** A DomainError whose code is one of the feeds catalog's, so a code cannot be thrown without being listed. */
export const feedsError = errorsOf(FEEDS_ERRORS);
