import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { InvalidInputError, NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { mayActForPlaintiff } from '../domain/access';
import { EVIDENCE_LIMITS, EvidenceFile, checkEvidenceUpload } from '../domain/evidence-file';
import { isSent } from '../domain/referral';
import { evidenceFilesOf, insertEvidenceFile } from '../persistence/document.repository';
import { largeObjectStore } from '../persistence/large-object.store';
import { lockReferral } from '../persistence/referral.repository';
import { appendToChain } from './evidence-chain.append';

/** Base64 text for at most 20 MiB of bytes (4 characters per 3 bytes, padded). */
const MAX_BASE64_LENGTH = Math.ceil(EVIDENCE_LIMITS.maxBytes / 3) * 4;

function decodeBase64(text: string): Buffer {
  if (typeof text !== 'string' || text.length > MAX_BASE64_LENGTH || !/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
    throw new InvalidInputError('The evidence file is refused', { fields: { contentBase64: `standard base64 of at most ${EVIDENCE_LIMITS.maxBytes} bytes (20 MiB)` } });
  }
  return Buffer.from(text, 'base64');
}

/**
 * The company attaches a file to one of its sent referrals: checked (name, type, 20 MiB, PDF/JPEG/PNG/OFD by its
 * first bytes), stored, and its SHA-256 appended to the evidence chain, all in one transaction. The same bytes
 * uploaded again for the referral are the same evidence: the file already recorded is returned.
 */
export async function uploadEvidence(
  em: EntityManager,
  identity: Identity,
  input: { referralId: string; name: string; type: string; contentBase64: string },
): Promise<EvidenceFile> {
  const bytes = decodeBase64(input.contentBase64);
  const mediaType = checkEvidenceUpload({ name: input.name, type: input.type, bytes });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return em.transactional(async (tx) => {
    const referral = await lockReferral(tx, input.referralId);
    if (!referral || !mayActForPlaintiff(identity, referral) || !isSent(referral)) throw new NotFoundError('Referral', input.referralId);
    const existing = await evidenceFilesOf(tx, [referral.id]);
    const same = existing.find((f) => f.sha256 === sha256);
    if (same) return same;
    if (existing.length >= EVIDENCE_LIMITS.maxFiles) {
      throw new InvalidInputError('The referral has as many evidence files as it may hold', { fields: { referralId: `at most ${EVIDENCE_LIMITS.maxFiles} files a referral` } });
    }
    const storageKey = await largeObjectStore.put(tx, bytes);
    const entry = await appendToChain(tx, { kind: 'EVIDENCE_FILE', subjectId: referral.id, payloadDigest: sha256 });
    const file: EvidenceFile = {
      id: randomUUID(),
      referralId: referral.id,
      name: input.name.trim(),
      type: input.type.trim(),
      mediaType,
      sha256,
      sizeBytes: bytes.length,
      storageKey,
      uploadedAt: new Date(),
    };
    await insertEvidenceFile(tx, file, { chainSequence: entry.sequence, uploadedBy: identity.subject });
    return file;
  });
}
