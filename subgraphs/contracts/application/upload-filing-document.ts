import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  UploadProgress,
  admitUpload,
  assertUploadOpen,
  completeUpload,
} from '../../../platform/documents/upload-parts';
import { InvalidInputError, NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import {
  UPLOAD_PART_BYTES,
  decodeBase64,
  expectedPartBytes,
  nameOfFormat,
  partCount,
} from '../../../kernel/media-type';
import { largeObjectStore } from '../../../platform/documents/document-store';
import { assertNoVirus } from '../../../platform/documents/virus-scan';
import { MAX_DOCUMENT_BYTES, OPEN_FILING_STATUSES } from '../domain/filing';
import {
  FilingDocumentFile,
  checkDocumentDeclaration,
  checkDocumentFile,
  checkFilingTotal,
} from '../domain/filing-document-file';
import { Contract } from '../persistence/contract.entity';
import {
  DOCUMENT_UPLOAD_TABLES,
  documentUploadParts,
  documentsOfContracts,
  findFilingDocument,
  insertDocumentUpload,
  insertFilingDocument,
  findDocumentUpload,
  lockContractDocuments,
} from '../persistence/filing-document.repository';
import { filingsOfContractIn } from '../persistence/filing.repository';
import { ownContractTakingDocuments } from './contract.lookup';

const REFUSED = 'The filing document is refused';
const refused = (field: string, message: string) => new InvalidInputError(REFUSED, { fields: { [field]: message } });

/**
 * The virus-scan hook, run before the transaction that records the document: a scanner takes as long as it takes
 * (an operator's clamd or a vendor's API), and inside the transaction it held the contract's row lock, so every
 * filing, amendment and review of that contract waited behind it, and a pool connection.
 */
const scanDocument = (bytes: Buffer, name: string) =>
  assertNoVirus(bytes, { name, sha256: createSha256(bytes) }, REFUSED);

function decoded(text: string, maxBytes: number): Buffer {
  const bytes = decodeBase64(text, maxBytes);
  if (!bytes) throw refused('contentBase64', `standard base64 of at most ${maxBytes} bytes`);
  return bytes;
}

/**
 * The bytes a filing of the contract would carry already: the documents waiting for the next submission and those
 * of a filing under review (a resubmission carries them again).
 */
async function heldBytes(
  tx: EntityManager,
  contract: Contract,
): Promise<{ all: FilingDocumentFile[]; held: number; heldCount: number }> {
  const open = new Set((await filingsOfContractIn(tx, contract.id, OPEN_FILING_STATUSES)).map((f) => f.id));
  const all = await documentsOfContracts(tx, [contract.id]);
  const heldFiles = all.filter((d) => d.filingId === null || open.has(d.filingId));
  return { all, held: heldFiles.reduce((s, d) => s + d.sizeBytes, 0), heldCount: heldFiles.length };
}

/**
 * Checks the file (name, type, 20 MiB, PDF/OFD/JPEG/PNG by its first bytes, 100 MiB for the filing), stores it and
 * records it against the contract, in the caller's transaction; the caller scanned it before (`scanDocument`). The
 * same bytes again for the contract are the same document: the one recorded is returned.
 */
async function recordDocument(
  tx: EntityManager,
  identity: Identity,
  contract: Contract,
  input: { name: string; type: string; bytes: Buffer },
): Promise<FilingDocumentFile> {
  const { mediaType, sha256 } = checkDocumentFile(input);
  await lockContractDocuments(tx, contract.id);
  const { all, held, heldCount } = await heldBytes(tx, contract);
  const same = all.find((d) => d.sha256 === sha256);
  if (same) return same;
  checkFilingTotal(held, input.bytes.length, heldCount);
  const document: FilingDocumentFile = {
    id: randomUUID(),
    contractId: contract.id,
    companyId: contract.companyId,
    filingId: null,
    name: nameOfFormat(input.name.trim(), mediaType),
    type: input.type as FilingDocumentFile['type'],
    mediaType,
    sha256,
    sizeBytes: input.bytes.length,
    storageKey: await largeObjectStore.put(tx, input.bytes),
    uploadedAt: new Date(),
  };
  await insertFilingDocument(tx, document, identity.subject);
  return document;
}

/** The company uploads a document of its contract in one request (as large as the gateway's body limit allows). */
export async function uploadFilingDocument(
  em: EntityManager,
  identity: Identity,
  input: { contractId: string; name: string; type: string; contentBase64: string },
): Promise<FilingDocumentFile> {
  const bytes = decoded(input.contentBase64, MAX_DOCUMENT_BYTES);
  checkDocumentFile({ name: input.name, type: input.type, bytes });
  await ownContractTakingDocuments(em, identity, input.contractId, false);
  await scanDocument(bytes, input.name);
  return em.transactional(async (tx) =>
    recordDocument(tx, identity, await ownContractTakingDocuments(tx, identity, input.contractId), { ...input, bytes }),
  );
}

/**
 * A document of up to 20 MiB in parts of 512 KiB, each within the gateway's body limit: start with the whole file's
 * name, type, size and SHA-256, send the parts (any order; a part again replaces it), then complete.
 */
export async function startFilingDocumentUpload(
  em: EntityManager,
  identity: Identity,
  input: { contractId: string; name: string; type: string; sizeBytes: number; sha256: string },
): Promise<UploadProgress> {
  const parts = checkDocumentDeclaration(input);
  return em.transactional(async (tx) => {
    const contract = await ownContractTakingDocuments(tx, identity, input.contractId);
    const { held, heldCount } = await heldBytes(tx, contract);
    checkFilingTotal(held, input.sizeBytes, heldCount);
    await admitUpload(tx, DOCUMENT_UPLOAD_TABLES.uploads, contract.companyId);
    const id = randomUUID();
    await insertDocumentUpload(
      tx,
      {
        id,
        contractId: contract.id,
        companyId: contract.companyId,
        name: input.name.trim(),
        type: input.type,
        sizeBytes: input.sizeBytes,
        sha256: input.sha256,
      },
      identity.subject,
    );
    return { uploadId: id, partBytes: UPLOAD_PART_BYTES, parts, receivedParts: [], receivedBytes: 0 };
  });
}

/** The company's own upload in parts (locked with `lock`); NOT_FOUND for anyone else. */
async function ownUpload(em: EntityManager, identity: Identity, uploadId: string, lock = true) {
  const upload = await findDocumentUpload(em, uploadId, { lock });
  if (!upload || identity.role !== 'PROPERTY_COMPANY' || upload.companyId !== identity.organisationId)
    throw new NotFoundError('Filing document upload', uploadId);
  return upload;
}

export async function uploadFilingDocumentPart(
  em: EntityManager,
  identity: Identity,
  input: { uploadId: string; index: number; contentBase64: string },
): Promise<UploadProgress> {
  const bytes = decoded(input.contentBase64, UPLOAD_PART_BYTES);
  return em.transactional(async (tx) => {
    const upload = await ownUpload(tx, identity, input.uploadId);
    assertUploadOpen(upload);
    const parts = partCount(upload.sizeBytes);
    if (!Number.isSafeInteger(input.index) || input.index < 0 || input.index >= parts)
      throw refused('index', `a part index from 0 to ${parts - 1}`);
    const expected = expectedPartBytes(upload.sizeBytes, input.index);
    if (bytes.length !== expected) throw refused('contentBase64', `part ${input.index} holds ${expected} bytes`);
    await documentUploadParts.save(tx, upload.id, input.index, bytes);
    const received = await documentUploadParts.received(tx, upload.id);
    return {
      uploadId: upload.id,
      partBytes: UPLOAD_PART_BYTES,
      parts,
      receivedParts: received.indexes,
      receivedBytes: received.bytes,
    };
  });
}

/**
 * Joins the parts, checks them against the declaration and records the document; completing it again (a retry after
 * a lost answer) answers the document recorded (platform/documents/upload-parts.ts completeUpload).
 */
export function completeFilingDocumentUpload(
  em: EntityManager,
  identity: Identity,
  uploadId: string,
): Promise<FilingDocumentFile> {
  return completeUpload(em, {
    table: DOCUMENT_UPLOAD_TABLES.uploads,
    parts: documentUploadParts,
    refusedMessage: REFUSED,
    upload: (db, lock) => ownUpload(db, identity, uploadId, lock),
    completed: (db, upload) => findFilingDocument(db, upload.completedFileId!),
    scan: (bytes, upload) => scanDocument(bytes, upload.name),
    record: async (tx, upload, bytes) =>
      recordDocument(tx, identity, await ownContractTakingDocuments(tx, identity, upload.contractId), {
        name: upload.name,
        type: upload.type,
        bytes,
      }),
  });
}

const createSha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
