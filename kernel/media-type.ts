/**
 * The document formats the hub takes from its users (evidence for a court, a filing's materials), recognised by
 * their first bytes, never by a name or a declared type: PDF (`%PDF-`), JPEG (FF D8 FF), PNG (89 50 4E 47 0D 0A 1A
 * 0A) and OFD (GB/T 33190-2016: a ZIP package, `PK\x03\x04`, whose entry OFD.xml is the document's entry point).
 * Pure, so domain rules of any subgraph use it; storage and upload plumbing is in platform/documents/.
 */
export const DOCUMENT_MEDIA_TYPES = ['PDF', 'JPEG', 'PNG', 'OFD'] as const;
export type DocumentMediaType = (typeof DOCUMENT_MEDIA_TYPES)[number];

export const MEDIA_TYPE_MIME: Record<DocumentMediaType, string> = {
  PDF: 'application/pdf',
  JPEG: 'image/jpeg',
  PNG: 'image/png',
  OFD: 'application/ofd',
};

/** The extensions a file of each format is named with; the first is the one added to a name without any. */
const EXTENSIONS: Record<DocumentMediaType, readonly string[]> = {
  PDF: ['.pdf'],
  JPEG: ['.jpg', '.jpeg'],
  PNG: ['.png'],
  OFD: ['.ofd'],
};

/**
 * The name a stored file keeps: as given when it ends in an extension of its format, else with the format's own
 * extension added (`催缴函.hta` holding a PDF is `催缴函.hta.pdf`). The format is checked by the first bytes only, so
 * a PDF named `.hta` reached a court clerk's disk in the batch bundle under that name, where a double-click ran it
 * as an HTML application (mshta tolerates the leading PDF bytes).
 */
export function nameOfFormat(name: string, mediaType: DocumentMediaType): string {
  const lower = name.toLowerCase();
  return EXTENSIONS[mediaType].some((e) => lower.endsWith(e)) ? name : `${name}${EXTENSIONS[mediaType][0]}`;
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

/** The format the bytes are in, by their first bytes (and, for OFD, an OFD.xml entry in the ZIP); null for anything else. */
export function sniffMediaType(bytes: Uint8Array): DocumentMediaType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'PDF';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'JPEG';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'PNG';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && zipHasEntry(bytes, 'OFD.xml')) return 'OFD';
  return null;
}

/** Whether a local file header of the ZIP names the entry (case-insensitively, at the package root). */
function zipHasEntry(bytes: Uint8Array, name: string): boolean {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const wanted = name.toLowerCase();
  for (
    let at = view.indexOf('PK\x03\x04', 0, 'latin1');
    at >= 0 && at + 30 <= view.length;
    at = view.indexOf('PK\x03\x04', at + 4, 'latin1')
  ) {
    const nameLength = view.readUInt16LE(at + 26);
    const entry = view.toString('utf8', at + 30, Math.min(view.length, at + 30 + nameLength));
    if (entry.toLowerCase() === wanted) return true;
  }
  return false;
}

/**
 * An upload too large for one request goes in parts of `partBytes` (512 KiB, so a part in base64 stays under the
 * gateway's 1 MiB body limit): how many parts a file of `sizeBytes` has, and how large part `index` must be.
 */
export const UPLOAD_PART_BYTES = 512 * 1024;

/**
 * An upload in parts not completed within 24 hours of its start is abandoned and swept with its parts; a completed
 * one is kept as long, so a retried completion (an answer lost) is answered with the file it recorded.
 */
export const UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

export const partCount = (sizeBytes: number, partBytes = UPLOAD_PART_BYTES): number => Math.ceil(sizeBytes / partBytes);

export function expectedPartBytes(sizeBytes: number, index: number, partBytes = UPLOAD_PART_BYTES): number {
  const parts = partCount(sizeBytes, partBytes);
  return index < parts - 1 ? partBytes : sizeBytes - partBytes * (parts - 1);
}

/** The part indexes not received yet, in order. */
export const missingParts = (sizeBytes: number, received: readonly number[], partBytes = UPLOAD_PART_BYTES): number[] =>
  Array.from({ length: partCount(sizeBytes, partBytes) }, (_, i) => i).filter((i) => !received.includes(i));

/** Standard base64 of at most `maxBytes` bytes, decoded; null when the text is not that. */
export function decodeBase64(text: unknown, maxBytes: number): Buffer | null {
  const maxLength = Math.ceil(maxBytes / 3) * 4;
  if (
    typeof text !== 'string' ||
    text.length > maxLength ||
    text.length % 4 !== 0 ||
    !/^[A-Za-z0-9+/]*={0,2}$/.test(text)
  )
    return null;
  return Buffer.from(text, 'base64');
}
