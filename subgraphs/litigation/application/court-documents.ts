import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError, isDomainError } from '../../../kernel/errors';
import { logger } from '../../../platform/logging';
import { Identity } from '../../../kernel/identity';
import { isPartyToReferral, mayReportForCourt } from '../domain/access';
import { litigationError } from '../domain/errors';
import { buildComplaint, complaintFileStem } from '../domain/complaint';
import { EvidenceFile, MEDIA_TYPE_MIME } from '../domain/evidence-file';
import { beforeDocketing } from '../domain/case-status';
import { SentReferral, isSent } from '../domain/referral';
import { packageVersions } from '../persistence/case-package.repository';
import { findCompanyProfile } from '../persistence/company-profile.repository';
import { findCourt } from '../persistence/court.repository';
import {
  CourtDocumentRecord,
  courtDocuments,
  evidenceFilesOf,
  insertCourtDocument,
  lockReferralDocuments,
} from '../persistence/document.repository';
import { largeObjectStore, readChecked } from '../../../platform/documents/document-store';
import { findReferral } from '../persistence/referral.repository';
import { renderComplaint } from './complaint.render';
import { defendantIdentities } from './defendant-identities';
import { appendToChain } from './evidence-chain.append';
import { readReferral } from './read-referral';

export type DocumentKind = 'COMPLAINT_PDF' | 'COMPLAINT_DOCX' | 'EVIDENCE' | 'BUNDLE';

/** A document as the court (or company) lists it; `content` reads the bytes, checked against the digest. */
export interface DocumentView {
  name: string;
  kind: DocumentKind;
  mediaType: string;
  sha256: string;
  sizeBytes: number;
  /** The evidence-chain entry recording the digest (none for a bundle: each file in it has its own). */
  chainSequence: number | null;
  content(): Promise<Buffer>;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Reads stored bytes back and refuses them if they no longer match the digest recorded when they were stored. */
export function storedContent(em: EntityManager, storageKey: string, digest: string): () => Promise<Buffer> {
  return () => readChecked(largeObjectStore, em, storageKey, digest);
}

export const evidenceView = (em: EntityManager, f: EvidenceFile): DocumentView => ({
  name: f.name,
  kind: 'EVIDENCE',
  mediaType: MEDIA_TYPE_MIME[f.mediaType],
  sha256: f.sha256,
  sizeBytes: f.sizeBytes,
  chainSequence: f.chainSequence,
  content: storedContent(em, f.storageKey, f.sha256),
});

const complaintView = (em: EntityManager, d: CourtDocumentRecord): DocumentView => ({
  name: d.name,
  kind: d.kind,
  mediaType:
    d.kind === 'COMPLAINT_PDF'
      ? 'application/pdf'
      : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  sha256: d.sha256,
  sizeBytes: d.sizeBytes,
  chainSequence: d.chainSequence,
  content: storedContent(em, d.storageKey, d.sha256),
});

/** Complaints being rendered in this process, by referral, package version and complaint digest. */
const rendering = new Map<string, Promise<{ docx: Buffer; pdf: Buffer }>>();

/** The owners' register did not answer (complaintDocuments serves the stored complaint then). */
const UNREACHABLE = Symbol('owners register unreachable');
const log = logger.child({ component: 'litigation.court-documents' });

/**
 * The complaint of the referral's latest package version, as PDF and .docx: generated when its court first asks for
 * it (with the defendant's identity as the owners' register discloses it to that court), then stored, its digests
 * appended to the evidence chain, and served as stored, so the court always gets the papers whose digests the chain
 * recorded. Until docketing it is built again on each read and, where it now states something else (evidence uploaded
 * since, the company's particulars entered since), generated again as the version's next generation; an owner
 * recorded dead since is DEFENDANT_DECEASED. Before, the first read's complaint was served for good: evidence uploaded
 * afterwards went to the court but not into its evidence list, and the deceased stayed the defendant (a court
 * documents audit). Once docketed, the court has the papers it docketed on: they are served as stored. While the
 * owners' register cannot be reached, the complaint stored is served.
 */
export async function complaintDocuments(
  em: EntityManager,
  identity: Identity,
  referral: SentReferral,
): Promise<CourtDocumentRecord[]> {
  const versions = await packageVersions(em, [referral.id]);
  const latest = versions[versions.length - 1];
  if (!latest) throw new Error(`Referral ${referral.id} has no case package`);
  const stored = await courtDocuments(em, referral.id, latest.version);
  const docketed = !beforeDocketing(referral.status);
  if (stored.length > 0 && docketed) return stored;
  const [court, plaintiff, uploads, defendant] = await Promise.all([
    findCourt(em, referral.courtId),
    findCompanyProfile(em, referral.companyId),
    evidenceFilesOf(em, [referral.id]),
    defendantIdentities()
      .find({
        caller: identity,
        householdId: referral.householdId,
        referralId: referral.id,
        // The owner the package names (the household's id stands in a package whose claim named none).
        ownerReference: latest.package.property.owner === referral.householdId ? null : latest.package.property.owner,
      })
      .catch((error: unknown): typeof UNREACHABLE => {
        // The register unreachable (not its answer, such as DEFENDANT_DECEASED): the complaint stored is served
        // rather than nothing, the court's evidence files with it (a review: a failed call blocked every download).
        if (isDomainError(error) || stored.length === 0) throw error;
        log.warn(
          { referralId: referral.id, error: String(error) },
          'owners’ register unreachable: stored complaint served',
        );
        return UNREACHABLE;
      }),
  ]);
  if (defendant === UNREACHABLE) return stored;
  // A masked identity means the register has not learnt of the referral yet: a complaint frozen now would keep the
  // masked number for good, so nothing is generated until the court can be told who the defendant is.
  if (defendant?.masked)
    throw litigationError('DEFENDANT_IDENTITY_PENDING', 'The defendant’s identity is not disclosed to this court yet', {
      referralId: referral.id,
    });
  const complaint = buildComplaint({
    pkg: latest.package,
    packageDigest: latest.digest,
    courtName: court?.name ?? referral.courtId,
    referredOn: referral.submittedOn,
    plaintiff,
    defendant,
    uploads,
  });
  const complaintDigest = sha256(Buffer.from(JSON.stringify(complaint)));
  if (stored.length > 0 && stored[0].complaintDigest === complaintDigest) return stored;
  // Readers of the same complaint at once share one render (the first to store it wins either way, below).
  const key = `${referral.id}:${latest.version}:${complaintDigest}`;
  let rendered = rendering.get(key);
  if (!rendered) {
    rendered = renderComplaint(complaint, latest.createdAt).finally(() => rendering.delete(key));
    rendering.set(key, rendered);
  }
  const { docx, pdf } = await rendered;
  const stem = complaintFileStem(complaint, referral.id);
  return em.transactional(async (tx) => {
    await lockReferralDocuments(tx, referral.id);
    const meanwhile = await courtDocuments(tx, referral.id, latest.version);
    // Docketed since this read began: the court has docketed on the complaint stored (a review).
    const docketedNow = async () => !beforeDocketing((await findReferral(tx, referral.id))?.status ?? 'DOCKETED');
    if (meanwhile.length > 0 && (meanwhile[0].complaintDigest === complaintDigest || (await docketedNow())))
      return meanwhile;
    const generation = (meanwhile[0]?.generation ?? 0) + 1;
    const records: CourtDocumentRecord[] = [];
    for (const [kind, bytes, ext] of [
      ['COMPLAINT_PDF', pdf, 'pdf'],
      ['COMPLAINT_DOCX', docx, 'docx'],
    ] as const) {
      const digest = sha256(bytes);
      const entry = await appendToChain(tx, { kind: 'COURT_DOCUMENT', subjectId: referral.id, payloadDigest: digest });
      const record: CourtDocumentRecord = {
        referralId: referral.id,
        packageVersion: latest.version,
        kind,
        name: `${stem}.${ext}`,
        sha256: digest,
        sizeBytes: bytes.length,
        storageKey: await largeObjectStore.put(tx, bytes),
        chainSequence: entry.sequence,
        generation,
        complaintDigest,
      };
      await insertCourtDocument(tx, record);
      records.push(record);
    }
    return records;
  });
}

/**
 * A referral's documents. Its court gets the complaint (PDF and .docx) and the evidence files; the company that
 * referred it gets its evidence files (the complaint carries the owner's identity, which only the court may read
 * unmasked); the admin, who reads the referral, none of its files. Anyone else: NOT_FOUND, as for a referral that
 * does not exist.
 */
export async function referralDocuments(
  em: EntityManager,
  identity: Identity,
  referralId: string,
  sha256?: string,
): Promise<DocumentView[]> {
  const referral = await readReferral(em, identity, referralId);
  if (!isPartyToReferral(identity, referral)) return [];
  const evidence = (await evidenceFilesOf(em, [referral.id])).map((f) => evidenceView(em, f));
  // One evidence file asked for: the complaint is not built for it (nor the owners' register asked).
  const asked = sha256 === undefined ? [] : evidence.filter((d) => d.sha256 === sha256);
  if (asked.length > 0) return asked;
  if (!isSent(referral) || !mayReportForCourt(identity, referral)) return evidence;
  const complaints = await complaintDocuments(em, identity, referral);
  return [...complaints.map((d) => complaintView(em, d)), ...evidence];
}

/** The referral a court may generate documents for (its own, sent); NOT_FOUND otherwise. */
export async function courtReferral(em: EntityManager, identity: Identity, referralId: string): Promise<SentReferral> {
  const referral = await findReferral(em, referralId);
  if (!referral || !isSent(referral) || !mayReportForCourt(identity, referral))
    throw new NotFoundError('Referral', referralId);
  return referral;
}

export { complaintView };
