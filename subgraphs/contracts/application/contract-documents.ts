import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { FilingDocumentFile } from '../domain/filing-document-file';
import { documentsOfContracts } from '../persistence/filing-document.repository';
import { readableContract } from './readable-contract';

/** The documents uploaded to a contract the caller may read: the company all; reviewers and a court those filed. */
export async function documentsOfReadableContract(
  em: EntityManager,
  identity: Identity,
  contractId: string,
): Promise<FilingDocumentFile[]> {
  const contract = await readableContract(em, identity, contractId);
  const own = identity.role === 'PROPERTY_COMPANY' && identity.organisationId === contract.companyId;
  return (await documentsOfContracts(em, [contract.id])).filter((d) => own || d.filingId !== null);
}
