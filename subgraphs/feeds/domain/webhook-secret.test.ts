import { newWebhookSecret, rotationOverlapRunning } from './webhook-secret';

describe('webhook signing secrets', () => {
  it('are whsec_ + base64 of 32 random bytes, each new', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(secret);
  });

  it("keep a rotation's overlap running until its end, not at it", () => {
    const now = new Date('2026-12-08T00:00:00Z');
    expect(rotationOverlapRunning(null, now)).toBe(false);
    expect(rotationOverlapRunning(new Date('2026-12-08T00:00:01Z'), now)).toBe(true);
    expect(rotationOverlapRunning(now, now)).toBe(false);
    expect(rotationOverlapRunning(new Date('2026-12-07T23:59:59Z'), now)).toBe(false);
  });
});
