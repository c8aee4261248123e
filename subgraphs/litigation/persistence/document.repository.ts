import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlArray, sqlRows, sqlRun } from '../../../platform/db/sql';
import { uploadPartsIn } from '../../../platform/documents/upload-parts';
import { EvidenceFile, EvidenceMediaType } from '../domain/evidence-file';

/** A generated court document of a package version (the complaint as PDF or .docx), as stored. */
export interface CourtDocumentRecord {
  referralId: string;
  packageVersion: number;
  kind: 'COMPLAINT_PDF' | 'COMPLAINT_DOCX';
  name: string;
  sha256: string;
  sizeBytes: number;
  storageKey: string;
  chainSequence: number;
  /** The version's complaints generated so far, 1 first: one is generated again while what it states changes. */
  generation: number;
  /** The digest of the complaint this renders (complaint-documents.ts); null for those stored before it was kept. */
  complaintDigest: string | null;
}

interface CourtDocumentColumns {
  referral_id: string;
  package_version: number;
  kind: CourtDocumentRecord['kind'];
  name: string;
  sha256: string;
  size_bytes: number;
  storage_key: string;
  chain_sequence: number;
  generation: number;
  complaint_digest: string | null;
}

const courtDocumentOf = (r: CourtDocumentColumns): CourtDocumentRecord => ({
  referralId: r.referral_id,
  packageVersion: r.package_version,
  kind: r.kind,
  name: r.name,
  sha256: r.sha256,
  sizeBytes: r.size_bytes,
  storageKey: r.storage_key,
  chainSequence: r.chain_sequence,
  generation: r.generation,
  complaintDigest: r.complaint_digest,
});

/** The latest generation of a package version's complaint (PDF and .docx), or none yet. */
export async function courtDocuments(
  em: EntityManager,
  referralId: string,
  packageVersion: number,
): Promise<CourtDocumentRecord[]> {
  const rows = await sqlRows<CourtDocumentColumns>(
    em,
    `select * from litigation.court_document d where referral_id = ?::uuid and package_version = ?
        and generation = (select max(generation) from litigation.court_document
                           where referral_id = d.referral_id and package_version = d.package_version)
      order by kind desc`,
    [referralId, packageVersion],
  );
  return rows.map(courtDocumentOf);
}

/** Serialises generation for one referral for the rest of the caller's transaction, so two reads generate once. */
export async function lockReferralDocuments(tx: EntityManager, referralId: string): Promise<void> {
  await sqlRun(tx, `select pg_advisory_xact_lock(hashtext('litigation.court_document'), hashtext(?))`, [referralId]);
}

export async function insertCourtDocument(tx: EntityManager, d: CourtDocumentRecord): Promise<void> {
  await sqlRun(
    tx,
    `insert into litigation.court_document (referral_id, package_version, generation, complaint_digest, kind, name, sha256, size_bytes, storage_key, chain_sequence)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      d.referralId,
      d.packageVersion,
      d.generation,
      d.complaintDigest,
      d.kind,
      d.name,
      d.sha256,
      d.sizeBytes,
      d.storageKey,
      d.chainSequence,
    ],
  );
}

interface EvidenceColumns {
  id: string;
  referral_id: string;
  name: string;
  type: string;
  media_type: EvidenceMediaType;
  sha256: string;
  size_bytes: number;
  storage_key: string;
  /** timestamptz arrives as text in raw queries. */
  uploaded_at: string;
  chain_sequence: number;
}

const evidenceOf = (r: EvidenceColumns): EvidenceFile => ({
  id: r.id,
  referralId: r.referral_id,
  name: r.name,
  type: r.type,
  mediaType: r.media_type,
  sha256: r.sha256,
  sizeBytes: r.size_bytes,
  storageKey: r.storage_key,
  uploadedAt: new Date(r.uploaded_at),
  chainSequence: Number(r.chain_sequence),
});

/** The evidence files of the referrals, in upload order: one query for a whole list. */
export async function evidenceFilesOf(em: EntityManager, referralIds: readonly string[]): Promise<EvidenceFile[]> {
  const rows = await sqlRows<EvidenceColumns>(
    em,
    `select id, referral_id, name, type, media_type, sha256, size_bytes, storage_key, uploaded_at, chain_sequence from litigation.evidence_file
      where referral_id = any(?::uuid[]) order by referral_id, uploaded_at, id`,
    [sqlArray(referralIds)],
  );
  return rows.map(evidenceOf);
}

/** Records the file unless the referral has one with the same digest already; true when it was recorded. */
export async function insertEvidenceFile(
  tx: EntityManager,
  f: EvidenceFile,
  meta: { chainSequence: number; uploadedBy: string },
): Promise<boolean> {
  const inserted = await sqlRun(
    tx,
    `insert into litigation.evidence_file (id, referral_id, name, type, media_type, sha256, size_bytes, storage_key, chain_sequence, uploaded_by)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (referral_id, sha256) do nothing`,
    [
      f.id,
      f.referralId,
      f.name,
      f.type,
      f.mediaType,
      f.sha256,
      f.sizeBytes,
      f.storageKey,
      meta.chainSequence,
      meta.uploadedBy,
    ],
  );
  return inserted > 0;
}

/** An upload in parts, as started: what the whole file must be once its parts are joined. */
export interface EvidenceUploadRecord {
  id: string;
  referralId: string;
  companyId: string;
  name: string;
  type: string;
  sizeBytes: number;
  sha256: string;
  /** The evidence file it recorded, once completed. */
  completedFileId: string | null;
}

interface UploadColumns {
  id: string;
  referral_id: string;
  company_id: string;
  name: string;
  type: string;
  size_bytes: number;
  sha256: string;
  completed_file_id: string | null;
}

export async function insertEvidenceUpload(
  tx: EntityManager,
  u: Omit<EvidenceUploadRecord, 'completedFileId'>,
  startedBy: string,
): Promise<void> {
  await sqlRun(
    tx,
    `insert into litigation.evidence_upload (id, referral_id, company_id, name, type, size_bytes, sha256, started_by) values (?, ?, ?, ?, ?, ?, ?, ?)`,
    [u.id, u.referralId, u.companyId, u.name, u.type, u.sizeBytes, u.sha256, startedBy],
  );
}

/** The upload; with `lock`, locked for the rest of the caller's transaction. */
export async function findEvidenceUpload(
  em: EntityManager,
  id: string,
  options: { lock?: boolean } = {},
): Promise<EvidenceUploadRecord | null> {
  const [row] = await sqlRows<UploadColumns>(
    em,
    `select * from litigation.evidence_upload where id = ?::uuid${options.lock ? ' for update' : ''}`,
    [id],
  );
  return row
    ? {
        id: row.id,
        referralId: row.referral_id,
        companyId: row.company_id,
        name: row.name,
        type: row.type,
        sizeBytes: row.size_bytes,
        sha256: row.sha256,
        completedFileId: row.completed_file_id,
      }
    : null;
}

/** Where uploads in parts and their parts are kept (platform/documents/upload-parts.ts). */
export const EVIDENCE_UPLOAD_TABLES = {
  uploads: 'litigation.evidence_upload',
  parts: 'litigation.evidence_upload_part',
} as const;

/** The parts of uploads in progress (platform/documents/upload-parts.ts). */
export const evidenceUploadParts = uploadPartsIn(EVIDENCE_UPLOAD_TABLES.parts);
