import type { EntityManager } from '@mikro-orm/postgresql';
import { Webhook } from 'standardwebhooks';
import { todayInChina } from '../../../kernel/clock';
import { afterFailure, isDelivered, retryWindowDeadline, retryWindowKey } from '../domain/webhook-retry';
import { failingSince, keepOwnDeadline, openRetryWindows } from '../persistence/deadline.repository';
import {
  AttemptRecord,
  ClaimLimits,
  DueDelivery,
  claimDueDeliveries,
  erasePreviousSecrets,
  lockSubscriptions,
  pauseSubscriptions,
  recordAttempts,
  repairHeads,
  sealPlaintextSecrets,
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
 * What `webhook-ce-signature` covers: the CloudEvents attributes a receiver keys and routes by, as the JSON array
 * `[ce-id, ce-type, ce-source, ce-subject or "", ce-time]` (README › Webhooks; examples/webhook-receiver.ts builds
 * the same).
 */
export const signedAttributes = (headers: Record<string, string>): string =>
  JSON.stringify([
    headers['ce-id'],
    headers['ce-type'],
    headers['ce-source'],
    headers['ce-subject'] ?? '',
    headers['ce-time'],
  ]);

/**
 * The text the attribute key is made from: the attribute key is HMAC-SHA256(secret, ATTRIBUTE_KEY_TEXT), the secret
 * being the bytes of the whsec_… value. Written as the Standard Webhooks signer's `id.timestamp.payload` so the
 * signer computes it (`attributeSigner`); a receiver in another language takes the text as it stands. Never sent.
 */
export const ATTRIBUTE_KEY_TEXT = 'webhook-ce-signature.0.property-governance-hub/v2';

const attributeSigners = new WeakMap<Webhook, Webhook>();

/**
 * The signer of `webhook-ce-signature`: the same HMAC-SHA256 and `id.timestamp.text` layout as the body's signature,
 * under a key of its own (HMAC-SHA256(secret, ATTRIBUTE_KEY_TEXT)), not the secret itself. Under one key the two
 * signatures could not be told apart: the attributes' signature was a valid `webhook-signature` for a body that is
 * the attributes' JSON array, so a relay that saw one delivery could swap its body for that array and the receiver
 * stored it under the genuine ids (helper-270's audit, test/webhook-signature-domains.test.ts). A text signed under
 * the attribute key is never a valid signature under the secret, whatever the body, id or timestamp.
 */
export function attributeSigner(signer: Webhook): Webhook {
  let attributes = attributeSigners.get(signer);
  if (!attributes) {
    const [id, timestamp, text] = ATTRIBUTE_KEY_TEXT.split('.');
    const key = signer.sign(id, new Date(Number(timestamp) * 1000), text).slice('v1,'.length);
    attributes = new Webhook(Buffer.from(key, 'base64'), { format: 'raw' });
    attributeSigners.set(signer, attributes);
  }
  return attributes;
}

/**
 * CloudEvents 1.0 HTTP binary mode (attributes as `ce-*` headers, the data as the JSON body) signed per Standard
 * Webhooks: `webhook-signature` is `v1,` + base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<body>` with the
 * subscription's secret. Signed at each attempt, so a retry's timestamp is fresh for the receiver's 5-minute window.
 * The standard signs the body only: `webhook-ce-signature` signs the attributes (signedAttributes) under the attribute
 * key (attributeSigner), so a relay that rewrote `ce-id` or `ce-type` of a genuine delivery (stored again under a new
 * id, a submission relabelled as an acceptance) is refused by a receiver that checks it (a feeds audit of 2026-12-07),
 * and the attributes' signature is no body signature (helper-270's audit).
 *
 * During a rotation's overlap there are two signers, the new secret's first: each header then carries one `v1,<sig>`
 * per secret, space-separated, as the Standard Webhooks spec provides for zero-downtime rotation ("The signature
 * header is a space delimited list of signatures"); its libraries, and the reference receiver, accept the request
 * when any of them verifies, so a receiver holding either secret takes it.
 */
export function signedHeaders(delivery: DueDelivery, signers: readonly Webhook[], now: Date): Record<string, string> {
  if (signers.length === 0) throw new Error('a delivery is signed under at least one secret');
  const sign = (signed: (signer: Webhook) => string) => signers.map(signed).join(' ');
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
    'webhook-signature': sign((signer) => signer.sign(delivery.messageId, now, delivery.body)),
  };
  if (delivery.eventSubject) headers['ce-subject'] = delivery.eventSubject;
  const attributes = signedAttributes(headers);
  headers['webhook-ce-signature'] = sign((signer) => attributeSigner(signer).sign(delivery.messageId, now, attributes));
  return headers;
}

/** A claimed delivery's attempt, and whether its subscription's retry window ran out with it. */
export interface SentDelivery {
  subscriptionId: string;
  record: AttemptRecord;
  exhausted: boolean;
}

/** Leases the due deliveries a sender has room for (persistence/webhook.repository.ts claimDueDeliveries). */
export const claimWebhooks = (em: EntityManager, claim: ClaimLimits): Promise<DueDelivery[]> =>
  claimDueDeliveries(em, claim);

/** The sender's periodic repair of the per-key order (persistence/webhook.repository.ts repairHeads). */
export const repairWebhookOrder = (em: EntityManager): Promise<number> => repairHeads(em);

/** Seals the signing secrets stored in plain text (persistence/webhook.repository.ts), at each of the sender's repairs. */
export const sealStoredWebhookSecrets = (em: EntityManager): Promise<number> => sealPlaintextSecrets(em);

/** Erases the rotated-out secrets whose overlap has ended (persistence/webhook.repository.ts), at each repair too. */
export const eraseExpiredWebhookSecrets = (em: EntityManager): Promise<number> => erasePreviousSecrets(em);

/**
 * What a receiver's party sees of a delivery whose secret did not open (the sender logs the cause for the operator):
 * nothing is sent unsigned, and the attempt fails and is retried like any other until the key is set right.
 */
export const UNSIGNABLE_DELIVERY = 'The hub could not sign this delivery and did not send it; its operator is told';

/**
 * Sends one claimed delivery, outside any transaction: signs it afresh, POSTs it and works out the delivery's next
 * state (delivered, or the retry with backoff, or the end of the retry window). Without a signer (its secret did not
 * open) nothing is posted and the attempt fails. `signers`: the current secret's, then, during a rotation's overlap,
 * the replaced one's.
 */
export async function sendWebhook(
  transport: WebhookTransport,
  delivery: DueDelivery,
  signers: readonly Webhook[] | null,
  config: WebhookConfig,
): Promise<SentDelivery> {
  const attemptedAt = new Date();
  const outcome = signers
    ? await transport.post(delivery.url, signedHeaders(delivery, signers, attemptedAt), delivery.body)
    : { statusCode: null, latencyMs: 0, error: UNSIGNABLE_DELIVERY, responseBody: null };
  const attempt = delivery.attempts + 1;
  const firstAttemptAt = delivery.firstAttemptAt ?? attemptedAt;
  const delivered = isDelivered(outcome.statusCode);
  let nextAttemptAt: Date | null = null;
  let exhausted = false;
  if (!delivered) {
    const next = afterFailure(attempt, firstAttemptAt, new Date(), config.retry);
    if ('pause' in next) exhausted = true;
    else nextAttemptAt = next.retryAt;
  }
  const error = outcome.error ?? (delivered ? null : `HTTP ${outcome.statusCode}`);
  return {
    subscriptionId: delivery.subscriptionId,
    record: {
      deliveryId: delivery.id,
      claimToken: delivery.claimToken,
      attempt,
      attemptedAt,
      ...outcome,
      error,
      delivered,
      nextAttemptAt,
      firstAttemptAt,
    },
    exhausted,
  };
}

/**
 * Records sent deliveries in one short transaction: the attempts, the deliveries' new state (their lease
 * released) and the pause of the subscriptions whose retry window ran out. Returns the attempts recorded.
 */
export function recordWebhookAttempts(
  em: EntityManager,
  sent: readonly SentDelivery[],
  config: WebhookConfig,
): Promise<number> {
  return em.transactional(async (tx) => {
    // The subscriptions first, then their deliveries, as a deletion takes them: the other way round, a batch holding
    // its deliveries while waiting to pause a subscription deadlocked with that subscription's deletion.
    await lockSubscriptions(tx, [...new Set(sent.map((s) => s.subscriptionId))]);
    const recorded = await recordAttempts(
      tx,
      sent.map((s) => s.record),
    );
    await pauseSubscriptions(
      tx,
      [...new Set(sent.filter((s) => s.exhausted).map((s) => s.subscriptionId))],
      `Deliveries kept failing for the whole retry window (${Math.round(config.retry.windowMs / 1000)} s)`,
    );
    await keepRetryWindows(tx, sent, config);
    return recorded;
  });
}

/**
 * Keeps the retry windows of the batch's subscriptions in the deadline register, so their owners are reminded before
 * a failing subscription is paused (issue 21): opened by a failed attempt, met once nothing of the subscription is
 * failing. A batch without failures costs one look-up by key (are any of its subscriptions' windows open?).
 */
async function keepRetryWindows(tx: EntityManager, sent: readonly SentDelivery[], config: WebhookConfig) {
  const all = [...new Set(sent.map((s) => s.subscriptionId))];
  const failed = new Set(sent.filter((s) => !s.record.delivered).map((s) => s.subscriptionId));
  const open = await openRetryWindows(tx, all.filter((id) => !failed.has(id)).map(retryWindowKey));
  const now = new Date();
  for (const subscription of await failingSince(tx, [...failed, ...open])) {
    await keepOwnDeadline(
      tx,
      retryWindowDeadline(subscription, subscription.firstFailedAt, config.retry, now, todayInChina),
    );
  }
}
