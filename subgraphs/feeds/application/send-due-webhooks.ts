import type { EntityManager } from '@mikro-orm/postgresql';
import { Webhook } from 'standardwebhooks';
import { afterFailure, isDelivered } from '../domain/webhook-retry';
import {
  AttemptRecord,
  DueDelivery,
  claimDueDeliveries,
  pauseSubscriptions,
  recordAttempts,
} from '../persistence/webhook.repository';
import { WebhookConfig } from './webhook-config';

/** How the sender reaches a receiver (events/deliver/webhook-http.ts); tests and the benchmark use the real one. */
export interface WebhookTransport {
  post(
    url: string,
    headers: Record<string, string>,
    body: string,
  ): Promise<{ statusCode: number | null; latencyMs: number; error: string | null; responseBody: string | null }>;
}

/**
 * CloudEvents 1.0 HTTP binary mode (attributes as `ce-*` headers, the data as the JSON body) signed per Standard
 * Webhooks: `webhook-signature` is `v1,` + base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<body>` with the
 * subscription's secret. Signed at each attempt, so a retry's timestamp is fresh for the receiver's 5-minute window.
 */
export function signedHeaders(delivery: DueDelivery, signer: Webhook, now: Date): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'property-governance-hub-webhooks/1',
    'ce-specversion': '1.0',
    'ce-id': delivery.eventId,
    'ce-type': delivery.eventType,
    'ce-source': delivery.eventSource,
    'ce-time': delivery.eventTime.toISOString(),
    'ce-dataschema': `urn:property-governance-hub:schemas:events:${delivery.eventType}.json`,
    'webhook-id': delivery.messageId,
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    'webhook-signature': signer.sign(delivery.messageId, now, delivery.body),
  };
  if (delivery.eventSubject) headers['ce-subject'] = delivery.eventSubject;
  return headers;
}

/**
 * One pass of a sender loop, in one transaction: claim due deliveries (SKIP LOCKED: other instances take other
 * rows), send them side by side, record each attempt, schedule retries with backoff and pause the subscriptions
 * whose retry window ran out. Returns how many deliveries were attempted.
 */
export async function sendDueWebhooks(
  em: EntityManager,
  transport: WebhookTransport,
  config: WebhookConfig,
  { probe = true } = {},
): Promise<number> {
  // An idle loop looks outside a transaction first: an empty pass commits nothing, so it wakes no other loop
  // (WebhookSender.nudge). A loop that just sent a batch goes straight to the claim.
  if (probe && (await claimDueDeliveries(em, 1)).length === 0) return 0;
  return em.transactional(async (tx) => {
    const due = await claimDueDeliveries(tx, config.batchSize);
    if (due.length === 0) return 0;
    const signers = new Map<string, Webhook>();
    const signerOf = (d: DueDelivery) =>
      signers.get(d.subscriptionId) ?? signers.set(d.subscriptionId, new Webhook(d.secret)).get(d.subscriptionId)!;
    const toPause = new Set<string>();
    const records = await Promise.all(
      due.map(async (delivery): Promise<AttemptRecord> => {
        const attemptedAt = new Date();
        const outcome = await transport.post(
          delivery.url,
          signedHeaders(delivery, signerOf(delivery), attemptedAt),
          delivery.body,
        );
        const attempt = delivery.attempts + 1;
        const firstAttemptAt = delivery.firstAttemptAt ?? attemptedAt;
        const delivered = isDelivered(outcome.statusCode);
        let nextAttemptAt: Date | null = null;
        if (!delivered) {
          const next = afterFailure(attempt, firstAttemptAt, new Date(), config.retry);
          if ('pause' in next) toPause.add(delivery.subscriptionId);
          else nextAttemptAt = next.retryAt;
        }
        const error = outcome.error ?? (delivered ? null : `HTTP ${outcome.statusCode}`);
        return {
          deliveryId: delivery.id,
          attempt,
          attemptedAt,
          ...outcome,
          error,
          delivered,
          nextAttemptAt,
          firstAttemptAt,
        };
      }),
    );
    await recordAttempts(tx, records);
    await pauseSubscriptions(
      tx,
      [...toPause],
      `Deliveries kept failing for the whole retry window (${Math.round(config.retry.windowMs / 1000)} s)`,
    );
    return due.length;
  });
}
