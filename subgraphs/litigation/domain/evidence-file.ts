import { InvalidInputError } from '../../../kernel/errors';

import {
  DOCUMENT_MEDIA_TYPES,
  type DocumentMediaType,
  MEDIA_TYPE_MIME,
  UPLOAD_PART_BYTES,
  UPLOAD_TTL_MS,
  sniffMediaType,
} from '../../../kernel/media-type';

/**
 * A file the company attaches to a referral as evidence (a contract scan, demand letters, delivery receipts,
 * statements). Only the formats courts' e-filing systems take are accepted, recognised by their first bytes, never
 * by the name (kernel/media-type.ts: PDF, JPEG, PNG, OFD).
 */
export const EVIDENCE_MEDIA_TYPES = DOCUMENT_MEDIA_TYPES;
export type EvidenceMediaType = DocumentMediaType;
export { MEDIA_TYPE_MIME, sniffMediaType };

export const EVIDENCE_LIMITS = {
  /** 20 MiB a file. */
  maxBytes: 20 * 1024 * 1024,
  maxNameLength: 120,
  maxTypeLength: 40,
  /** Files per referral. */
  maxFiles: 50,
  /** A part of an upload in parts: 512 KiB, so a part in base64 stays under the gateway's 1 MiB body limit. */
  partBytes: UPLOAD_PART_BYTES,
  /** An upload in parts not completed within 24 hours of its start is abandoned: its parts are deleted. */
  uploadTtlMs: UPLOAD_TTL_MS,
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
  /** Its entry in the evidence chain (EVIDENCE_FILE); null only before it is recorded. */
  chainSequence: number | null;
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
    /^\.+$/.test(name) ||
    [...name].some((c) => c === '/' || c === '\\' || c.charCodeAt(0) < 0x20)
  ) {
    fields.name = `a file name of 1–${EVIDENCE_LIMITS.maxNameLength} characters, not dots only, without slashes or control characters`;
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
