import { createHash } from 'node:crypto';
import { InvalidInputError } from '../../../kernel/errors';
import { DocumentMediaType, partCount, sniffMediaType } from '../../../kernel/media-type';
import { DOCUMENT_TYPES, DocumentType, MAX_DOCUMENT_BYTES, MAX_FILING_BYTES, MAX_LISTED_DOCUMENTS } from './filing';

/**
 * A file of a filing's materials, uploaded to its contract before a submission and attached to the filing version
 * that carries it: PDF, OFD, JPEG or PNG by its first bytes (kernel/media-type.ts), 20 MiB at most, 100 MiB for all
 * the documents a filing version carries.
 */
export interface FilingDocumentFile {
  id: string;
  contractId: string;
  companyId: string;
  /** The filing whose version carries it; null until a submission attaches it. */
  filingId: string | null;
  name: string;
  type: DocumentType;
  mediaType: DocumentMediaType;
  sha256: string;
  sizeBytes: number;
  storageKey: string;
  uploadedAt: Date;
}

export const MAX_DOCUMENT_NAME_LENGTH = 120;

const refused = (fields: Record<string, string>) => new InvalidInputError('The filing document is refused', { fields });

function nameAndTypeProblems(name: unknown, type: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  const trimmed = typeof name === 'string' ? name.trim() : '';
  if (
    trimmed === '' ||
    trimmed.length > MAX_DOCUMENT_NAME_LENGTH ||
    /^\.+$/.test(trimmed) ||
    [...trimmed].some((c) => c === '/' || c === '\\' || c.charCodeAt(0) < 0x20)
  )
    fields.name = `a file name of 1–${MAX_DOCUMENT_NAME_LENGTH} characters, not dots only, without slashes or control characters`;
  if (!DOCUMENT_TYPES.includes(type as DocumentType)) fields.type = `one of ${DOCUMENT_TYPES.join(', ')}`;
  return fields;
}

/** Checks a declared upload in parts before any part is taken; the number of parts. */
export function checkDocumentDeclaration(d: { name: string; type: string; sizeBytes: number; sha256: string }): number {
  const fields = nameAndTypeProblems(d.name, d.type);
  if (!Number.isSafeInteger(d.sizeBytes) || d.sizeBytes < 1 || d.sizeBytes > MAX_DOCUMENT_BYTES)
    fields.sizeBytes = `1 to ${MAX_DOCUMENT_BYTES} bytes (20 MiB)`;
  if (typeof d.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(d.sha256))
    fields.sha256 = 'the SHA-256 of the whole file, 64 lower-case hex digits';
  if (Object.keys(fields).length > 0) throw refused(fields);
  return partCount(d.sizeBytes);
}

/** Checks the file itself: name, type, size and format by its first bytes. Its format and SHA-256. */
export function checkDocumentFile(input: { name: string; type: string; bytes: Buffer }): {
  mediaType: DocumentMediaType;
  sha256: string;
} {
  const fields = nameAndTypeProblems(input.name, input.type);
  const mediaType = input.bytes.length > 0 ? sniffMediaType(input.bytes) : null;
  if (input.bytes.length === 0) fields.content = 'the file is empty';
  else if (input.bytes.length > MAX_DOCUMENT_BYTES) fields.content = `at most ${MAX_DOCUMENT_BYTES} bytes (20 MiB)`;
  else if (mediaType === null) fields.content = 'only PDF, OFD, JPEG or PNG files, recognised by their first bytes';
  if (Object.keys(fields).length > 0) throw refused(fields);
  return { mediaType: mediaType!, sha256: createHash('sha256').update(input.bytes).digest('hex') };
}

/** The documents waiting for the next submission (and those of the open filing) may total 100 MiB with this one. */
export function checkFilingTotal(heldBytes: number, addedBytes: number, heldDocuments = 0, addedDocuments = 1): void {
  if (heldBytes + addedBytes > MAX_FILING_BYTES)
    throw refused({
      content: `a filing's documents total at most ${MAX_FILING_BYTES} bytes (100 MiB); ${heldBytes} bytes are held already`,
    });
  // Counted as well as weighed: 100 MiB of one-byte files was a million rows for one filing.
  if (heldDocuments + addedDocuments > MAX_LISTED_DOCUMENTS)
    throw refused({
      content: `a filing carries at most ${MAX_LISTED_DOCUMENTS} documents; ${heldDocuments} are held already`,
    });
}
