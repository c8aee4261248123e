import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Encryption of single values at rest (AES-256-GCM, node:crypto): a fresh 96-bit IV per value, the 128-bit tag kept
 * with it, and associated data naming where the value belongs (table, row, column), so a ciphertext copied onto
 * another row or column does not decrypt. A value altered in the database fails to decrypt; it is never returned
 * garbled. Stored as `v1:` + base64(iv ‖ tag ‖ ciphertext).
 */
export interface FieldCipher {
  encrypt(plaintext: string, associatedData: string): string;
  decrypt(sealed: string, associatedData: string): string;
}

const VERSION = 'v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const FIELD_KEY_BYTES = 32;

export class FieldDecryptionError extends Error {
  constructor() {
    super('A sealed value failed to decrypt: it was altered, moved, or sealed with another key');
    this.name = 'FieldDecryptionError';
  }
}

export function fieldCipher(key: Buffer): FieldCipher {
  if (key.length !== FIELD_KEY_BYTES)
    throw new Error(`an AES-256-GCM key has ${FIELD_KEY_BYTES} bytes, not ${key.length}`);
  return {
    encrypt(plaintext, associatedData) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(associatedData, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return VERSION + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    decrypt(sealed, associatedData) {
      if (!sealed.startsWith(VERSION)) throw new FieldDecryptionError();
      const raw = Buffer.from(sealed.slice(VERSION.length), 'base64');
      if (raw.length < IV_BYTES + TAG_BYTES) throw new FieldDecryptionError();
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(associatedData, 'utf8'));
        decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw new FieldDecryptionError();
      }
    },
  };
}
