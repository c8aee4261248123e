import { Webhook } from 'standardwebhooks';
import { dueDelivery } from './support/due-delivery';
import { verifyWebhook } from '../examples/webhook-receiver';
import { signedHeaders } from '../subgraphs/feeds/application/send-due-webhooks';
import { newWebhookSecret } from '../subgraphs/feeds/domain/webhook-secret';

/**
 * During a rotation's overlap the hub signs each delivery under the new secret and the one it replaced: both headers
 * carry one `v1,<sig>` per secret, space-separated (Standard Webhooks), and a receiver holding either secret takes it.
 */
describe("a delivery signed during a secret rotation's overlap", () => {
  const [current, previous, stranger] = [newWebhookSecret(), newWebhookSecret(), newWebhookSecret()];
  const delivery = dueDelivery(current, previous);
  const now = new Date();
  const headers = signedHeaders(delivery, [new Webhook(current), new Webhook(previous)], now);

  it("carries each secret's signature, the new one's first, in both headers", () => {
    const alone = (secret: string) => signedHeaders(delivery, [new Webhook(secret)], now);
    for (const name of ['webhook-signature', 'webhook-ce-signature']) {
      expect(headers[name]).toBe(`${alone(current)[name]} ${alone(previous)[name]}`);
      expect(headers[name]).toMatch(/^v1,[A-Za-z0-9+/=]+ v1,[A-Za-z0-9+/=]+$/);
    }
  });

  it('verifies under either secret, with the standard library and the reference receiver, and under no other', () => {
    for (const secret of [current, previous]) {
      expect(new Webhook(secret).verify(delivery.body, headers)).toEqual(JSON.parse(delivery.body));
      expect(verifyWebhook(secret, headers, delivery.body)).toMatchObject({ ok: true });
    }
    expect(verifyWebhook(stranger, headers, delivery.body)).toMatchObject({ ok: false, status: 401 });
  });

  it('still refuses rewritten ce- headers under either secret (each signature covers the attributes)', () => {
    const relabelled = { ...headers, 'ce-type': 'hub.contracts.filing.submitted' };
    for (const secret of [current, previous])
      expect(verifyWebhook(secret, relabelled, delivery.body)).toMatchObject({ ok: false, status: 401 });
  });
});
