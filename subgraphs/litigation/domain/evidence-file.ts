import { InvalidInputError } from '../../../kernel/errors';

/**
 * A file the company attaches to a referral as evidence (a contract scan, demand letters, delivery receipts,
 * statements). Only the formats courts' e-filing systems take are accepted, recognised by their first bytes, never
 * by the name: PDF (`%PDF-`), JPEG (FF D8 FF), PNG (89 50 4E 47 0D 0A 1A 0A) and OFD (GB/T 33190-2016: a ZIP
 * package, `PK\x03\x04`, whose entry OFD.xml is the document's entry point).
 */
export const EVIDENCE_MEDIA_TYPES = ['PDF', 'JPEG', 'PNG', 'OFD'] as const;
export type EvidenceMediaType = (typeof EVIDENCE_MEDIA_TYPES)[number];

export const MEDIA_TYPE_MIME: Record<EvidenceMediaType, string> = {
  PDF: 'application/pdf',
  JPEG: 'image/jpeg',
  PNG: 'image/png',
  OFD: 'application/ofd',
};

export const EVIDENCE_LIMITS = {
  /** 20 MiB a file. */
  maxBytes: 20 * 1024 * 1024,
  maxNameLength: 120,
  maxTypeLength: 40,
  /** Files per referral. */
  maxFiles: 50,
  /** A part of an upload in parts: 512 KiB, so a part in base64 stays under the gateway's 1 MiB body limit. */
  partBytes: 512 * 1024,
  /** An upload in parts not completed within 24 hours of its start is abandoned: its parts are deleted. */
  uploadTtlMs: 24 * 60 * 60 * 1000,
} as const;

export interface EvidenceFile {
  id: string;
  referralId: string;
  name: string;
  /** What it proves, as in the case package's evidence list: CONTRACT, DEMAND_LETTER, DELIVERY_RECEIPT, STATEMENT … */
  type: string;
  mediaType: EvidenceMediaType;
  sha256: string;
  sizeBytes: number;
  /** Where the storage keeps the bytes. */
  storageKey: string;
  uploadedAt: Date;
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

/** The format the bytes are in, by their first bytes (and, for OFD, an OFD.xml entry in the ZIP); null for anything else. */
export function sniffMediaType(bytes: Uint8Array): EvidenceMediaType | null {
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

/** An upload in parts, as declared when it starts: the whole file's name, type, size and SHA-256. */
export interface EvidenceUploadDeclaration {
  name: string;
  type: string;
  sizeBytes: number;
  sha256: string;
}

/** Checks a declaration before any part is taken; returns the number of parts of `partBytes` each. */
export function checkUploadDeclaration(d: EvidenceUploadDeclaration): number {
  const fields = nameAndTypeProblems(d.name, d.type);
  if (!Number.isSafeInteger(d.sizeBytes) || d.sizeBytes < 1 || d.sizeBytes > EVIDENCE_LIMITS.maxBytes)
    fields.sizeBytes = `1 to ${EVIDENCE_LIMITS.maxBytes} bytes (20 MiB)`;
  if (typeof d.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(d.sha256))
    fields.sha256 = 'the SHA-256 of the whole file, 64 lower-case hex digits';
  if (Object.keys(fields).length > 0) throw new InvalidInputError('The evidence upload is refused', { fields });
  return Math.ceil(d.sizeBytes / EVIDENCE_LIMITS.partBytes);
}

function nameAndTypeProblems(rawName: unknown, rawType: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  const name = typeof rawName === 'string' ? rawName.trim() : '';
  if (
    name === '' ||
    name.length > EVIDENCE_LIMITS.maxNameLength ||
    [...name].some((c) => c === '/' || c === '\\' || c.charCodeAt(0) < 0x20)
  ) {
    fields.name = `a file name of 1–${EVIDENCE_LIMITS.maxNameLength} characters, without slashes or control characters`;
  }
  const type = typeof rawType === 'string' ? rawType.trim() : '';
  if (!/^[A-Z][A-Z_]{1,39}$/.test(type))
    fields.type = 'what it proves, in capitals: CONTRACT, DEMAND_LETTER, DELIVERY_RECEIPT, STATEMENT …';
  return fields;
}

/** Checks an upload: its name and type, its size and its format. Returns the format. */
export function checkEvidenceUpload(input: { name: string; type: string; bytes: Uint8Array }): EvidenceMediaType {
  const fields = nameAndTypeProblems(input.name, input.type);
  if (input.bytes.length === 0) fields.content = 'the file is empty';
  else if (input.bytes.length > EVIDENCE_LIMITS.maxBytes)
    fields.content = `at most ${EVIDENCE_LIMITS.maxBytes} bytes (20 MiB)`;
  const mediaType = input.bytes.length > 0 ? sniffMediaType(input.bytes) : null;
  if (input.bytes.length > 0 && mediaType === null)
    fields.content = 'only PDF, JPEG, PNG or OFD files, recognised by their first bytes';
  if (Object.keys(fields).length > 0) throw new InvalidInputError('The evidence file is refused', { fields });
  return mediaType!;
}
