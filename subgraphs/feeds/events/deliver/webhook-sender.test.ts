import { randomBytes } from 'node:crypto';
import { WEBHOOK_SIGNER_CAPACITY, webhookSigners } from './webhook-sender';

const secret = () => `whsec_${randomBytes(32).toString('base64')}`;

describe("the webhook sender's signers", () => {
  it('makes one signer per secret and reuses it', () => {
    const signers = webhookSigners();
    const a = secret();
    const signer = signers.signerFor(a);
    expect(signers.signerFor(a)).toBe(signer);
    expect(signers.signerFor(secret())).not.toBe(signer);
    expect(signers.size).toBe(2);
  });

  it('keeps at most its capacity however many secrets it has seen, dropping the oldest first', () => {
    const signers = webhookSigners(3);
    const secrets = Array.from({ length: 10 }, secret);
    const made = secrets.map((s) => signers.signerFor(s));
    expect(signers.size).toBe(3);
    // the three latest are still the same signers; the first is made again
    expect(secrets.slice(-3).map((s) => signers.signerFor(s))).toEqual(made.slice(-3));
    expect(signers.signerFor(secrets[0])).not.toBe(made[0]);
    expect(signers.size).toBe(3);
  });

  it('is bounded by default', () => {
    const signers = webhookSigners();
    for (let i = 0; i < WEBHOOK_SIGNER_CAPACITY + 50; i++) signers.signerFor(secret());
    expect(signers.size).toBe(WEBHOOK_SIGNER_CAPACITY);
  });
});
