import { Webhook } from 'standardwebhooks';
import { verifyWebhook } from '../examples/webhook-receiver';
import { signedHeaders } from '../subgraphs/feeds/application/send-due-webhooks';
import { newWebhookSecret } from '../subgraphs/feeds/domain/webhook-secret';
import { DueDelivery } from '../subgraphs/feeds/persistence/webhook.repository';

/**
 * During a rotation's overlap the hub signs each delivery under the new secret and the one it replaced: both headers
 * carry one `v1,<sig>` per secret, space-separated (Standard Webhooks), and a receiver holding either secret takes it.
 */
describe("a delivery signed during a secret rotation's overlap", () => {
  const [current, previous, stranger] = [newWebhookSecret(), newWebhookSecret(), newWebhookSecret()];
  const delivery: DueDelivery = {
    id: 1,
    claimToken: 't',
    subscriptionId: '5d3f0f7e-3f3b-4a8e-9a55-0d0b8b7c1e11',
    url: 'https://hooks.bureau.example/hub',
    secret: current,
    previousSecret: previous,
    messageId: 'msg_0123456789abcdef0123456789abcdef',
    eventId: '0b9f3a50-8a2c-4b7e-9f0e-6a3c2d1e0f99',
    eventType: 'hub.contracts.filing.accepted',
    eventSource: '/property-governance-hub/contracts',
    eventSubject: '3f1b8c1e-0a5e-4d43-9d2b-2b8d3c1f2e11',
    eventTime: new Date('2026-12-07T08:00:00.000Z'),
    body: JSON.stringify({ filingId: '3f1b8c1e-0a5e-4d43-9d2b-2b8d3c1f2e11', status: 'ACCEPTED' }),
    attempts: 0,
    firstAttemptAt: null,
  };
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
