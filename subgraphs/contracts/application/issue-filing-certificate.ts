import type { EntityManager } from '@mikro-orm/postgresql';
import { largeObjectStore } from '../../../platform/documents/document-store';
import { certificateFactsOf } from '../domain/filing-certificate';
import type { ContractTerms } from '../domain/contract-terms';
import type { CitySettings } from '../domain/statutes';
import type { AreaView } from '../persistence/area-view.entity';
import { insertCertificate } from '../persistence/filing-certificate.repository';
import type { Filing } from '../persistence/filing.entity';
import { renderCertificate } from './filing-certificate.render';

/**
 * The certificate (备案证明) of a filing just accepted, in the acceptance's transaction: the facts fixed from the
 * accepted terms and the area's city settings (its filing authority), the PDF rendered and stored, both digests kept
 * for public verification.
 */
export async function issueFilingCertificate(
  tx: EntityManager,
  filing: Filing,
  terms: ContractTerms,
  area: AreaView,
  settings: CitySettings,
): Promise<void> {
  if (!filing.recordNumber || !filing.acceptedOn) throw new Error(`Filing ${filing.id} is not accepted`);
  const facts = certificateFactsOf({
    recordNumber: filing.recordNumber,
    acceptedOn: filing.acceptedOn,
    terms,
    area,
    authority: settings.filingAuthority,
  });
  const { pdf, pdfSha256, contentSha256 } = await renderCertificate(facts);
  await insertCertificate(tx, {
    filingId: filing.id,
    recordNumber: filing.recordNumber,
    contentSha256,
    pdfSha256,
    sizeBytes: pdf.length,
    storageKey: await largeObjectStore.put(tx, pdf),
    issuedOn: filing.acceptedOn,
    facts,
  });
}
