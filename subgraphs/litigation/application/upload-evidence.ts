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
import { mayActForPlaintiff } from '../domain/access';
import {
  EVIDENCE_LIMITS,
  EvidenceFile,
  EvidenceUploadDeclaration,
  checkEvidenceUpload,
  checkUploadDeclaration,
} from '../domain/evidence-file';
import { litigationError } from '../domain/errors';
import { Referral, isSent } from '../domain/referral';
import {
  EVIDENCE_UPLOAD_TABLES,
  evidenceFilesOf,
  insertEvidenceFile,
  insertEvidenceUpload,
  evidenceUploadParts,
  findEvidenceUpload,
} from '../persistence/document.repository';
import { largeObjectStore } from '../../../platform/documents/document-store';
import { assertNoVirus } from '../../../platform/documents/virus-scan';
import { decodeBase64 as decodedOrNull, expectedPartBytes, nameOfFormat, partCount } from '../../../kernel/media-type';
import { findReferral, lockReferral } from '../persistence/referral.repository';
import { appendToChain } from './evidence-chain.append';
import { beforeDocketing } from '../domain/case-status';

const REFUSED = 'The evidence file is refused';
const refused = (field: string, message: string) => new InvalidInputError(REFUSED, { fields: { [field]: message } });
const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function decodeBase64(text: string, maxBytes: number): Buffer {
  const bytes = decodedOrNull(text, maxBytes);
  if (!bytes) throw refused('contentBase64', `standard base64 of at most ${maxBytes} bytes`);
  return bytes;
}

/**
 * The caller's own sent referral, locked unless `lock` is false (a check before a transaction); NOT_FOUND for anyone
 * else, as for a referral that does not exist. Evidence is added while the package may still be corrected (before
 * docketing), as corrections are: the complaint the court reads first is kept as it was (court-documents.ts), so a
 * file uploaded after docketing, or after the judgment, went into the referral's documents and the batch bundle
 * without appearing in the complaint's evidence list. Later evidence goes to the court in its proceedings.
 */
async function plaintiffReferral(em: EntityManager, identity: Identity, referralId: string, lock = true) {
  const referral = lock ? await lockReferral(em, referralId) : await findReferral(em, referralId);
  if (!referral || !mayActForPlaintiff(identity, referral) || !isSent(referral))
    throw new NotFoundError('Referral', referralId);
  if (!beforeDocketing(referral.status))
    throw litigationError(
      'PACKAGE_LOCKED',
      `The case is ${referral.status}: evidence now goes to the court in its proceedings`,
      { status: referral.status },
    );
  return referral;
}

/** The company's own upload in parts (locked with `lock`); NOT_FOUND for anyone else. */
async function ownUpload(em: EntityManager, identity: Identity, uploadId: string, lock = true) {
  const upload = await findEvidenceUpload(em, uploadId, { lock });
  if (!upload || identity.role !== 'PROPERTY_COMPANY' || upload.companyId !== identity.organisationId)
    throw new NotFoundError('Evidence upload', uploadId);
  return upload;
}

/**
 * The virus-scan hook, run before the transaction that records the file: a scanner takes as long as it takes (an
 * operator's clamd or a vendor's API), and inside the transaction it held the referral's row lock, so the court's
 * report on that referral waited behind it, and a pool connection.
 */
const scanEvidence = (bytes: Buffer, name: string) => assertNoVirus(bytes, { name, sha256: sha256Of(bytes) }, REFUSED);

/**
 * Checks the file (name, type, 20 MiB, PDF/JPEG/PNG/OFD by its first bytes), stores it and appends its SHA-256 to
 * the evidence chain, in the caller's transaction; the caller scanned it before (`scanEvidence`). The same bytes
 * again for the referral are the same evidence: the file already recorded is returned.
 */
async function recordEvidence(
  tx: EntityManager,
  identity: Identity,
  referral: Referral,
  input: { name: string; type: string; bytes: Buffer },
): Promise<EvidenceFile> {
  const mediaType = checkEvidenceUpload(input);
  const sha256 = sha256Of(input.bytes);
  const existing = await evidenceFilesOf(tx, [referral.id]);
  const same = existing.find((f) => f.sha256 === sha256);
  if (same) return same;
  if (existing.length >= EVIDENCE_LIMITS.maxFiles)
    throw refused('referralId', `at most ${EVIDENCE_LIMITS.maxFiles} files a referral`);
  const storageKey = await largeObjectStore.put(tx, input.bytes);
  const entry = await appendToChain(tx, { kind: 'EVIDENCE_FILE', subjectId: referral.id, payloadDigest: sha256 });
  const file: EvidenceFile = {
    id: randomUUID(),
    referralId: referral.id,
    name: nameOfFormat(input.name.trim(), mediaType),
    type: input.type.trim(),
    mediaType,
    sha256,
    sizeBytes: input.bytes.length,
    storageKey,
    uploadedAt: new Date(),
    chainSequence: entry.sequence,
  };
  await insertEvidenceFile(tx, file, { chainSequence: entry.sequence, uploadedBy: identity.subject });
  return file;
}

/** The company attaches a file to one of its sent referrals in one request (as large as the gateway's body limit allows). */
export async function uploadEvidence(
  em: EntityManager,
  identity: Identity,
  input: { referralId: string; name: string; type: string; contentBase64: string },
): Promise<EvidenceFile> {
  const bytes = decodeBase64(input.contentBase64, EVIDENCE_LIMITS.maxBytes);
  checkEvidenceUpload({ name: input.name, type: input.type, bytes });
  await plaintiffReferral(em, identity, input.referralId, false);
  await scanEvidence(bytes, input.name);
  return em.transactional(async (tx) =>
    recordEvidence(tx, identity, await plaintiffReferral(tx, identity, input.referralId), { ...input, bytes }),
  );
}

/**
 * A file of up to 20 MiB in parts of 512 KiB, each small enough for the gateway's body limit: start with the whole
 * file's name, type, size and SHA-256, send the parts (in any order, a part again replaces it), then complete: the
 * parts are joined, checked against the declaration and recorded as one evidence file.
 */
export async function startEvidenceUpload(
  em: EntityManager,
  identity: Identity,
  input: EvidenceUploadDeclaration & { referralId: string },
): Promise<UploadProgress> {
  const parts = checkUploadDeclaration(input);
  return em.transactional(async (tx) => {
    const referral = await plaintiffReferral(tx, identity, input.referralId);
    await admitUpload(tx, EVIDENCE_UPLOAD_TABLES.uploads, referral.companyId);
    const id = randomUUID();
    await insertEvidenceUpload(
      tx,
      {
        id,
        referralId: referral.id,
        companyId: referral.companyId,
        name: input.name.trim(),
        type: input.type.trim(),
        sizeBytes: input.sizeBytes,
        sha256: input.sha256,
      },
      identity.subject,
    );
    return { uploadId: id, partBytes: EVIDENCE_LIMITS.partBytes, parts, receivedParts: [], receivedBytes: 0 };
  });
}

export async function uploadEvidencePart(
  em: EntityManager,
  identity: Identity,
  input: { uploadId: string; index: number; contentBase64: string },
): Promise<UploadProgress> {
  const bytes = decodeBase64(input.contentBase64, EVIDENCE_LIMITS.partBytes);
  return em.transactional(async (tx) => {
    const upload = await ownUpload(tx, identity, input.uploadId);
    assertUploadOpen(upload);
    const parts = partCount(upload.sizeBytes);
    if (!Number.isSafeInteger(input.index) || input.index < 0 || input.index >= parts)
      throw refused('index', `a part index from 0 to ${parts - 1}`);
    const expected = expectedPartBytes(upload.sizeBytes, input.index);
    if (bytes.length !== expected) throw refused('contentBase64', `part ${input.index} holds ${expected} bytes`);
    await evidenceUploadParts.save(tx, upload.id, input.index, bytes);
    const received = await evidenceUploadParts.received(tx, upload.id);
    return {
      uploadId: upload.id,
      partBytes: EVIDENCE_LIMITS.partBytes,
      parts,
      receivedParts: received.indexes,
      receivedBytes: received.bytes,
    };
  });
}

/**
 * Joins the parts, checks them against the declaration and records the evidence file; completing it again (a retry
 * after a lost answer) answers the file recorded (platform/documents/upload-parts.ts completeUpload).
 */
export function completeEvidenceUpload(em: EntityManager, identity: Identity, uploadId: string): Promise<EvidenceFile> {
  return completeUpload(em, {
    table: EVIDENCE_UPLOAD_TABLES.uploads,
    parts: evidenceUploadParts,
    refusedMessage: REFUSED,
    upload: (db, lock) => ownUpload(db, identity, uploadId, lock),
    completed: async (db, upload) =>
      (await evidenceFilesOf(db, [upload.referralId])).find((f) => f.id === upload.completedFileId) ?? null,
    scan: (bytes, upload) => scanEvidence(bytes, upload.name),
    record: async (tx, upload, bytes) =>
      recordEvidence(tx, identity, await plaintiffReferral(tx, identity, upload.referralId), {
        name: upload.name,
        type: upload.type,
        bytes,
      }),
  });
}
