import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlRows, sqlRun } from '../../../platform/db/sql';
import type { CertificateFacts } from '../domain/filing-certificate';

/** An accepted filing's certificate as stored: its facts, their digest, the PDF's digest and where its bytes are. */
export interface CertificateRecord {
  filingId: string;
  recordNumber: string;
  contentSha256: string;
  pdfSha256: string;
  sizeBytes: number;
  storageKey: string;
  issuedOn: string;
  facts: CertificateFacts;
}

interface Columns {
  filing_id: string;
  record_number: string;
  content_sha256: string;
  pdf_sha256: string;
  size_bytes: number;
  storage_key: string;
  issued_on: string | Date;
  facts: CertificateFacts;
}

const recordOf = (r: Columns): CertificateRecord => ({
  filingId: r.filing_id,
  recordNumber: r.record_number,
  contentSha256: r.content_sha256,
  pdfSha256: r.pdf_sha256,
  sizeBytes: r.size_bytes,
  storageKey: r.storage_key,
  issuedOn: typeof r.issued_on === 'string' ? r.issued_on.slice(0, 10) : r.facts.acceptedOn,
  facts: r.facts,
});

export async function insertCertificate(tx: EntityManager, c: CertificateRecord): Promise<void> {
  await sqlRun(
    tx,
    `insert into contracts.filing_certificate (filing_id, record_number, content_sha256, pdf_sha256, size_bytes, storage_key, issued_on, facts)
     values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)`,
    [
      c.filingId,
      c.recordNumber,
      c.contentSha256,
      c.pdfSha256,
      c.sizeBytes,
      c.storageKey,
      c.issuedOn,
      JSON.stringify(c.facts),
    ],
  );
}

export async function certificateOfFiling(em: EntityManager, filingId: string): Promise<CertificateRecord | null> {
  const [row] = await sqlRows<Columns>(em, `select * from contracts.filing_certificate where filing_id = ?::uuid`, [
    filingId,
  ]);
  return row ? recordOf(row) : null;
}

export async function certificateByRecordNumber(
  em: EntityManager,
  recordNumber: string,
): Promise<CertificateRecord | null> {
  const [row] = await sqlRows<Columns>(em, `select * from contracts.filing_certificate where record_number = ?`, [
    recordNumber,
  ]);
  return row ? recordOf(row) : null;
}
