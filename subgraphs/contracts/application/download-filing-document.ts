import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { largeObjectStore, readChecked } from '../../../platform/documents/document-store';
import type { DownloadTurn } from '../../../platform/documents/download-limit';
import { FilingDocumentFile } from '../domain/filing-document-file';
import { mayDownloadFilingDocuments } from '../domain/filing-reviewers';
import { findContract } from '../persistence/contract.repository';
import { findFilingDocument, logDownload } from '../persistence/filing-document.repository';
import { isReferredToCaller } from './contract.lookup';

/**
 * A document's bytes for those who may read its contract: the filing company (its own, filed or not), the area's
 * reviewers and a court holding a referral under the contract (documents a filing carries). Anyone else (the admin
 * too), and a
 * reviewer asking for a file no submission carries yet, is NOT_FOUND. Every download is logged: who, when, which.
 * The bytes are loaded in `turn` (the process's download budget, platform/documents/download-limit.ts), once the
 * caller is known to be allowed, counted at the document's recorded size.
 */
export async function downloadFilingDocument(
  em: EntityManager,
  identity: Identity,
  documentId: string,
  turn: DownloadTurn = (_sizeBytes, read) => read(),
): Promise<{ document: FilingDocumentFile; bytes: Buffer }> {
  const document = await findFilingDocument(em, documentId);
  const contract = document && (await findContract(em, document.contractId));
  const own = identity.role === 'PROPERTY_COMPANY' && contract?.companyId === identity.organisationId;
  if (
    !document ||
    !contract ||
    !(own || document.filingId !== null) ||
    !mayDownloadFilingDocuments(identity, contract, contract, await isReferredToCaller(em, identity, contract.id))
  )
    throw new NotFoundError('Filing document', documentId);
  const bytes = await turn(document.sizeBytes, () =>
    readChecked(largeObjectStore, em, document.storageKey, document.sha256),
  );
  await logDownload(em, {
    documentId: document.id,
    contractId: contract.id,
    organisationId: identity.organisationId,
    role: identity.role,
    subject: identity.subject,
  });
  return { document, bytes };
}
