import { randomBytes, randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { WEBHOOK_SIGNER_CAPACITY, webhookSigners } from './webhook-sender';

const secret = () => `whsec_${randomBytes(32).toString('base64')}`;

/** Whether `signer` signs as a fresh signer of `key` does (same HMAC key). */
const signsAs = (signer: Webhook, key: string) => {
  const at = new Date(1_700_000_000_000);
  return signer.sign('msg_1', at, '{}') === new Webhook(key).sign('msg_1', at, '{}');
};

describe("the webhook sender's signers", () => {
  it("makes one signer per subscription's secret and reuses it while the secrets stay the same", () => {
    const signers = webhookSigners();
    const [s1, s2] = [randomUUID(), randomUUID()];
    const a = secret();
    const [signer] = signers.signersFor(s1, [a]);
    expect(signers.signersFor(s1, [a])[0]).toBe(signer);
    expect(signers.signersFor(s2, [secret()])[0]).not.toBe(signer);
    expect(signers.size).toBe(2);
  });

  it('drops a rotated-out secret’s signer at the first delivery without it: a rotation never leaves it signing', () => {
    const signers = webhookSigners();
    const subscription = randomUUID();
    const [old, rotated] = [secret(), secret()];
    const [before] = signers.signersFor(subscription, [old]);
    // The rotation's overlap: the new secret first, the old one beside it (the old signer kept, not made again).
    const overlap = signers.signersFor(subscription, [rotated, old]);
    expect(overlap).toHaveLength(2);
    expect(signsAs(overlap[0], rotated)).toBe(true);
    expect(overlap[1]).toBe(before);
    // The overlap over: the new secret alone signs, its signer the same object, the old one gone from the cache.
    const after = signers.signersFor(subscription, [rotated]);
    expect(after).toEqual([overlap[0]]);
    expect(after[0]).toBe(overlap[0]);
    expect(signsAs(after[0], old)).toBe(false);
    expect(signers.size).toBe(1);
    // A delivery claimed before the rotation (its lease running) still signs under what it was claimed with, and the
    // next one under the current secret: each gets the signers of its own secrets, never another's.
    expect(signsAs(signers.signersFor(subscription, [old])[0], old)).toBe(true);
    const [current] = signers.signersFor(subscription, [rotated]);
    expect(signsAs(current, rotated)).toBe(true);
    expect(signsAs(current, old)).toBe(false);
  });

  it('keeps at most its capacity of subscriptions, dropping the oldest first', () => {
    const signers = webhookSigners(3);
    const subscriptions = Array.from({ length: 10 }, () => ({ id: randomUUID(), secret: secret() }));
    const made = subscriptions.map((s) => signers.signersFor(s.id, [s.secret])[0]);
    expect(signers.size).toBe(3);
    // the three latest are still the same signers; the first is made again
    expect(subscriptions.slice(-3).map((s) => signers.signersFor(s.id, [s.secret])[0])).toEqual(made.slice(-3));
    expect(signers.signersFor(subscriptions[0].id, [subscriptions[0].secret])[0]).not.toBe(made[0]);
    expect(signers.size).toBe(3);
  });

  it('is bounded by default', () => {
    const signers = webhookSigners();
    for (let i = 0; i < WEBHOOK_SIGNER_CAPACITY + 50; i++) signers.signersFor(randomUUID(), [secret()]);
    expect(signers.size).toBe(WEBHOOK_SIGNER_CAPACITY);
  });
});
