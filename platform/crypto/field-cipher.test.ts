import { randomBytes } from 'node:crypto';
import { FieldDecryptionError, fieldCipher } from './field-cipher';

describe('field cipher (AES-256-GCM)', () => {
  const cipher = fieldCipher(randomBytes(32));
  const where = 'areas.owner_identity:7d1e0c4e-0000-4000-8000-000000000001:id_number';

  it('round-trips a value, with a fresh IV each time', () => {
    const a = cipher.encrypt('11010519491231002X', where);
    const b = cipher.encrypt('11010519491231002X', where);
    expect(a).toMatch(/^v1:/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('11010519491231002X');
    expect(cipher.decrypt(a, where)).toBe('11010519491231002X');
    expect(cipher.decrypt(cipher.encrypt('王小明 13812345678', where), where)).toBe('王小明 13812345678');
  });

  it('refuses a tampered value, a value moved to another row or column, and another key', () => {
    const sealed = cipher.encrypt('13812345678', where);
    const raw = Buffer.from(sealed.slice(3), 'base64');
    for (const at of [0, 12, raw.length - 1]) {
      const tampered = Buffer.from(raw);
      tampered[at] ^= 1;
      expect(() => cipher.decrypt('v1:' + tampered.toString('base64'), where)).toThrow(FieldDecryptionError);
    }
    expect(() => cipher.decrypt(sealed, where.replace('id_number', 'phone'))).toThrow(FieldDecryptionError);
    expect(() => fieldCipher(randomBytes(32)).decrypt(sealed, where)).toThrow(FieldDecryptionError);
    expect(() => cipher.decrypt('v1:AAAA', where)).toThrow(FieldDecryptionError);
    expect(() => cipher.decrypt('13812345678', where)).toThrow(FieldDecryptionError);
  });

  it('takes only a 32-byte key', () => {
    expect(() => fieldCipher(randomBytes(16))).toThrow(/32 bytes/);
  });
});
