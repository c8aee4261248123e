import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlArray, sqlRows, sqlRun } from '../../../platform/db/sql';
import { uploadPartsIn } from '../../../platform/documents/upload-parts';
import type { FilingDocumentFile } from '../domain/filing-document-file';

interface DocumentColumns {
  id: string;
  contract_id: string;
  company_id: string;
  filing_id: string | null;
  name: string;
  type: FilingDocumentFile['type'];
  media_type: FilingDocumentFile['mediaType'];
  sha256: string;
  size_bytes: number;
  storage_key: string;
  uploaded_at: string;
}

const documentOf = (r: DocumentColumns): FilingDocumentFile => ({
  id: r.id,
  contractId: r.contract_id,
  companyId: r.company_id,
  filingId: r.filing_id,
  name: r.name,
  type: r.type,
  mediaType: r.media_type,
  sha256: r.sha256,
  sizeBytes: r.size_bytes,
  storageKey: r.storage_key,
  uploadedAt: new Date(r.uploaded_at),
});

export async function findFilingDocument(em: EntityManager, id: string): Promise<FilingDocumentFile | null> {
  const [row] = await sqlRows<DocumentColumns>(em, `select * from contracts.filing_document where id = ?::uuid`, [id]);
  return row ? documentOf(row) : null;
}

/** The documents of the contracts, oldest first: one query for a list. */
export async function documentsOfContracts(
  em: EntityManager,
  contractIds: readonly string[],
): Promise<FilingDocumentFile[]> {
  const rows = await sqlRows<DocumentColumns>(
    em,
    `select * from contracts.filing_document where contract_id = any(?::uuid[]) order by contract_id, uploaded_at, id`,
    [sqlArray(contractIds)],
  );
  return rows.map(documentOf);
}

/** Serialises uploads to one contract for the rest of the caller's transaction, so the 100 MiB total holds. */
export async function lockContractDocuments(tx: EntityManager, contractId: string): Promise<void> {
  await sqlRun(tx, `select pg_advisory_xact_lock(hashtext('contracts.filing_document'), hashtext(?))`, [contractId]);
}

/** Records the file unless the contract has one with the same digest already; true when it was recorded. */
export async function insertFilingDocument(
  tx: EntityManager,
  d: FilingDocumentFile,
  uploadedBy: string,
): Promise<boolean> {
  return (
    (await sqlRun(
      tx,
      `insert into contracts.filing_document (id, contract_id, company_id, filing_id, name, type, media_type, sha256, size_bytes, storage_key, uploaded_at, uploaded_by)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (contract_id, sha256) do nothing`,
      [
        d.id,
        d.contractId,
        d.companyId,
        d.filingId,
        d.name,
        d.type,
        d.mediaType,
        d.sha256,
        d.sizeBytes,
        d.storageKey,
        d.uploadedAt,
        uploadedBy,
      ],
    )) > 0
  );
}

/** Attaches the documents to the filing whose version carries them. */
export async function attachDocuments(tx: EntityManager, filingId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await sqlRun(
    tx,
    `update contracts.filing_document set filing_id = ? where id = any(?::uuid[]) and filing_id is null`,
    [filingId, sqlArray(ids)],
  );
}

/** An upload in parts, as started: what the whole file must be once its parts are joined. */
export interface DocumentUploadRecord {
  id: string;
  contractId: string;
  companyId: string;
  name: string;
  type: string;
  sizeBytes: number;
  sha256: string;
  /** The filing document it recorded, once completed. */
  completedFileId: string | null;
}

export async function insertDocumentUpload(
  tx: EntityManager,
  u: Omit<DocumentUploadRecord, 'completedFileId'>,
  startedBy: string,
) {
  await sqlRun(
    tx,
    `insert into contracts.filing_document_upload (id, contract_id, company_id, name, type, size_bytes, sha256, started_by) values (?, ?, ?, ?, ?, ?, ?, ?)`,
    [u.id, u.contractId, u.companyId, u.name, u.type, u.sizeBytes, u.sha256, startedBy],
  );
}

/** The upload; with `lock`, locked for the rest of the caller's transaction. */
export async function findDocumentUpload(
  em: EntityManager,
  id: string,
  options: { lock?: boolean } = {},
): Promise<DocumentUploadRecord | null> {
  const [r] = await sqlRows<{
    id: string;
    contract_id: string;
    company_id: string;
    name: string;
    type: string;
    size_bytes: number;
    sha256: string;
    completed_file_id: string | null;
  }>(em, `select * from contracts.filing_document_upload where id = ?::uuid${options.lock ? ' for update' : ''}`, [id]);
  return r
    ? {
        id: r.id,
        contractId: r.contract_id,
        companyId: r.company_id,
        name: r.name,
        type: r.type,
        sizeBytes: r.size_bytes,
        sha256: r.sha256,
        completedFileId: r.completed_file_id,
      }
    : null;
}

/** Where uploads in parts and their parts are kept (platform/documents/upload-parts.ts). */
export const DOCUMENT_UPLOAD_TABLES = {
  uploads: 'contracts.filing_document_upload',
  parts: 'contracts.filing_document_upload_part',
} as const;

/** The parts of uploads in progress (platform/documents/upload-parts.ts). */
export const documentUploadParts = uploadPartsIn(DOCUMENT_UPLOAD_TABLES.parts);

/** One download: which document, of which contract, by whom. */
export interface DocumentDownload {
  documentId: string;
  contractId: string;
  at: Date;
  organisationId: string;
  role: string;
  subject: string;
}

export async function logDownload(em: EntityManager, d: Omit<DocumentDownload, 'at'>): Promise<void> {
  await sqlRun(
    em,
    `insert into contracts.filing_document_download (document_id, contract_id, organisation_id, role, subject) values (?, ?, ?, ?, ?)`,
    [d.documentId, d.contractId, d.organisationId, d.role, d.subject],
  );
}

/** The contract's downloads, newest first, at most `limit`. */
export async function downloadsOfContract(
  em: EntityManager,
  contractId: string,
  limit: number,
): Promise<DocumentDownload[]> {
  const rows = await sqlRows<{
    document_id: string;
    contract_id: string;
    at: string;
    organisation_id: string;
    role: string;
    subject: string;
  }>(
    em,
    `select * from contracts.filing_document_download where contract_id = ?::uuid order by at desc, id desc limit ?`,
    [contractId, limit],
  );
  return rows.map((r) => ({
    documentId: r.document_id,
    contractId: r.contract_id,
    at: new Date(r.at),
    organisationId: r.organisation_id,
    role: r.role,
    subject: r.subject,
  }));
}
