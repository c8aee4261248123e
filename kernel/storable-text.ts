/**
 * Characters PostgreSQL refuses in text and jsonb: NUL, and half a surrogate pair (JSON.parse gives both from `\u0000`
 * and `\ud800` escapes; JSON.stringify writes a lone half back as an escape, which jsonb refuses).
 */
const UNSTORABLE = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');
const encoder = new TextEncoder();

export const isStorableText = (text: string): boolean => !UNSTORABLE.test(text);

/**
 * Text PostgreSQL stores, of at most `max` UTF-8 bytes, whole characters only: each unstorable character becomes
 * U+FFFD, as invalid UTF-8 does when bytes are decoded. For text an outsider's system answered, kept as it came.
 */
export function storableText(text: string, max: number): string {
  const clean = text.replace(UNSTORABLE_ALL, '\uFFFD');
  return clean.slice(0, encoder.encodeInto(clean, new Uint8Array(max)).read);
}
