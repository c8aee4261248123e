import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { largeObjectStore, readChecked } from '../../../platform/documents/document-store';
import { CertificateRecord, certificateOfFiling } from '../persistence/filing-certificate.repository';
import { verificationUrl } from './filing-certificate.render';
import { readableFiling } from './readable-filing';

export interface CertificateView extends Omit<CertificateRecord, 'storageKey' | 'facts'> {
  verificationUrl: string;
  content(): Promise<Buffer>;
}

/** The certificate of a filing the caller may read (its company, its reviewers, a court holding a referral). */
export async function filingCertificate(
  em: EntityManager,
  identity: Identity,
  filingId: string,
): Promise<CertificateView | null> {
  const filing = await readableFiling(em, identity, filingId);
  const c = await certificateOfFiling(em, filing.id);
  if (!c) return null;
  return {
    filingId: c.filingId,
    recordNumber: c.recordNumber,
    contentSha256: c.contentSha256,
    pdfSha256: c.pdfSha256,
    sizeBytes: c.sizeBytes,
    issuedOn: c.issuedOn,
    verificationUrl: verificationUrl(c.recordNumber, c.contentSha256),
    content: () => readChecked(largeObjectStore, em, c.storageKey, c.pdfSha256),
  };
}
