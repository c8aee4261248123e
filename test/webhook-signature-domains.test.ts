import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { dueDelivery } from './support/due-delivery';
import { ATTRIBUTE_KEY_TEXT as RECEIVER_KEY_TEXT, verifyWebhook } from '../examples/webhook-receiver';
import { ATTRIBUTE_KEY_TEXT, signedHeaders } from '../subgraphs/feeds/application/send-due-webhooks';

/**
 * The hub signs two texts with one key in one format: the body (`webhook-signature`, HMAC of `id.timestamp.body`) and
 * the CloudEvents attributes (`webhook-ce-signature`, HMAC of `id.timestamp.<JSON array of the attributes>`). Nothing
 * tells the two apart, so the attributes' signature is also a valid body signature for a body that is the attributes'
 * JSON array. A relay that sees one genuine delivery (the threat README › Webhooks names) can send it on with its
 * body replaced by that array and `webhook-signature` set to the `webhook-ce-signature` it carried: both checks of the
 * reference receiver pass, the receiver stores `[ce-id, ce-type, …]` as the event's data under the genuine ce-id and
 * webhook-id, and the genuine delivery that follows is then a duplicate of it (same webhook-id), so the filing's real
 * data never reaches the bureau while the hub records the delivery as made.
 */
describe('audit: webhook body and attribute signatures share one domain', () => {
  const secret = `whsec_${Buffer.from('a test secret of thirty-two bytes').toString('base64')}`;
  const delivery = dueDelivery(secret);

  it('the genuine delivery verifies', () => {
    const headers = signedHeaders(delivery, [new Webhook(secret)], new Date());
    expect(verifyWebhook(secret, headers, delivery.body)).toMatchObject({ ok: true });
  });

  it('refuses a delivery whose body was swapped for the attributes, signed by the attribute signature', () => {
    const headers = signedHeaders(delivery, [new Webhook(secret)], new Date());
    const forgedBody = JSON.stringify([
      headers['ce-id'],
      headers['ce-type'],
      headers['ce-source'],
      headers['ce-subject'] ?? '',
      headers['ce-time'],
    ]);
    const forged = { ...headers, 'webhook-signature': headers['webhook-ce-signature'] };
    const verdict = verifyWebhook(secret, forged, forgedBody);
    // Today: { ok: true, event: { id: <genuine ce-id>, webhookId: <genuine webhook-id>, data: [ce-id, ce-type, …] } }
    expect(verdict.ok).toBe(false);
  });

  it("signs the attributes under the README's attribute key, the text the reference receiver uses", () => {
    expect(RECEIVER_KEY_TEXT).toBe(ATTRIBUTE_KEY_TEXT);
    const now = new Date();
    const headers = signedHeaders(delivery, [new Webhook(secret)], now);
    const attributeKey = createHmac('sha256', Buffer.from(secret.slice('whsec_'.length), 'base64'))
      .update(ATTRIBUTE_KEY_TEXT)
      .digest();
    const attributesJson = JSON.stringify([
      delivery.eventId,
      delivery.eventType,
      delivery.eventSource,
      delivery.eventSubject,
      delivery.eventTime.toISOString(),
    ]);
    const text = `${delivery.messageId}.${Math.floor(now.getTime() / 1000)}.${attributesJson}`;
    expect(headers['webhook-ce-signature']).toBe(
      `v1,${createHmac('sha256', attributeKey).update(text).digest('base64')}`,
    );
    // The body's signature is the Standard Webhooks one, unchanged: a receiver checking the body alone still verifies.
    expect(new Webhook(secret).verify(delivery.body, headers)).toEqual(JSON.parse(delivery.body));
  });
});
