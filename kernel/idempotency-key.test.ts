import { checkIdempotencyKey } from './idempotency-key';

describe('idempotency keys', () => {
  it('accepts 8–128 letters, digits or . _ : - and refuses anything else as BAD_USER_INPUT naming the field', () => {
    expect(checkIdempotencyKey('7f0c2a7e-5d1b-4c1e-9a57-0c5b6c1f2e3d')).toBe('7f0c2a7e-5d1b-4c1e-9a57-0c5b6c1f2e3d');
    expect(checkIdempotencyKey('a'.repeat(128))).toHaveLength(128);
    for (const bad of ['short', 'a'.repeat(129), 'key with space', 'key\u0000nul00', '付款-00000001']) {
      expect(() => checkIdempotencyKey(bad)).toThrow(
        expect.objectContaining({
          code: 'BAD_USER_INPUT',
          details: { fields: { idempotencyKey: expect.any(String) } },
        }),
      );
    }
  });
});
