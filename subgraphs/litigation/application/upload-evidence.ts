import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { UploadProgress, admitUpload } from '../../../platform/documents/upload-parts';
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
import { Referral, isSent } from '../domain/referral';
import {
  deleteEvidenceUpload,
  evidenceFilesOf,
  insertEvidenceFile,
  insertEvidenceUpload,
  evidenceUploadParts,
  lockEvidenceUpload,
} from '../persistence/document.repository';
import { largeObjectStore } from '../../../platform/documents/document-store';
import { assertNoVirus } from '../../../platform/documents/virus-scan';
import { decodeBase64 as decodedOrNull, expectedPartBytes, missingParts, partCount } from '../../../kernel/media-type';
import { lockReferral } from '../persistence/referral.repository';
import { appendToChain } from './evidence-chain.append';

const refused = (field: string, message: string) =>
  new InvalidInputError('The evidence file is refused', { fields: { [field]: message } });

function decodeBase64(text: string, maxBytes: number): Buffer {
  const bytes = decodedOrNull(text, maxBytes);
  if (!bytes) throw refused('contentBase64', `standard base64 of at most ${maxBytes} bytes`);
  return bytes;
}

/** The caller's own sent referral, locked; NOT_FOUND for anyone else, as for a referral that does not exist. */
async function plaintiffReferral(tx: EntityManager, identity: Identity, referralId: string): Promise<Referral> {
  const referral = await lockReferral(tx, referralId);
  if (!referral || !mayActForPlaintiff(identity, referral) || !isSent(referral))
    throw new NotFoundError('Referral', referralId);
  return referral;
}

/**
 * Checks the file (name, type, 20 MiB, PDF/JPEG/PNG/OFD by its first bytes), stores it and appends its SHA-256 to
 * the evidence chain, in the caller's transaction. The same bytes again for the referral are the same evidence:
 * the file already recorded is returned.
 */
async function recordEvidence(
  tx: EntityManager,
  identity: Identity,
  referral: Referral,
  input: { name: string; type: string; bytes: Buffer },
): Promise<EvidenceFile> {
  const mediaType = checkEvidenceUpload(input);
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const existing = await evidenceFilesOf(tx, [referral.id]);
  const same = existing.find((f) => f.sha256 === sha256);
  if (same) return same;
  if (existing.length >= EVIDENCE_LIMITS.maxFiles)
    throw refused('referralId', `at most ${EVIDENCE_LIMITS.maxFiles} files a referral`);
  await assertNoVirus(input.bytes, { name: input.name, sha256 }, 'The evidence file is refused');
  const storageKey = await largeObjectStore.put(tx, input.bytes);
  const entry = await appendToChain(tx, { kind: 'EVIDENCE_FILE', subjectId: referral.id, payloadDigest: sha256 });
  const file: EvidenceFile = {
    id: randomUUID(),
    referralId: referral.id,
    name: input.name.trim(),
    type: input.type.trim(),
    mediaType,
    sha256,
    sizeBytes: input.bytes.length,
    storageKey,
    uploadedAt: new Date(),
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
    await admitUpload(tx, 'litigation.evidence_upload', referral.companyId);
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
    const upload = await lockEvidenceUpload(tx, input.uploadId);
    if (!upload || identity.role !== 'PROPERTY_COMPANY' || upload.companyId !== identity.organisationId)
      throw new NotFoundError('Evidence upload', input.uploadId);
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

export async function completeEvidenceUpload(
  em: EntityManager,
  identity: Identity,
  uploadId: string,
): Promise<EvidenceFile> {
  return em.transactional(async (tx) => {
    const upload = await lockEvidenceUpload(tx, uploadId);
    if (!upload || identity.role !== 'PROPERTY_COMPANY' || upload.companyId !== identity.organisationId)
      throw new NotFoundError('Evidence upload', uploadId);
    const received = await evidenceUploadParts.received(tx, upload.id);
    const missing = missingParts(upload.sizeBytes, received.indexes);
    if (missing.length > 0) {
      throw new InvalidInputError('The upload is missing parts', {
        fields: { uploadId: `parts not received: ${missing.join(', ')}` },
      });
    }
    const bytes = await evidenceUploadParts.joined(tx, upload.id);
    if (createHash('sha256').update(bytes).digest('hex') !== upload.sha256)
      throw refused('sha256', 'the parts joined do not have the SHA-256 declared when the upload started');
    const referral = await plaintiffReferral(tx, identity, upload.referralId);
    const file = await recordEvidence(tx, identity, referral, { name: upload.name, type: upload.type, bytes });
    await deleteEvidenceUpload(tx, upload.id);
    return file;
  });
}
