import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { mayReviewFiling } from '../domain/filing-reviewers';
import { DocumentDownload, downloadsOfContract } from '../persistence/filing-document.repository';
import { readableContract } from './readable-contract';

export const MAX_DOWNLOADS_LISTED = 200;

/** Who downloaded the contract's documents and when, newest first: for its company and the area's reviewers. */
export async function filingDocumentDownloads(
  em: EntityManager,
  identity: Identity,
  contractId: string,
  first: number,
): Promise<DocumentDownload[]> {
  const contract = await readableContract(em, identity, contractId);
  const company = identity.role === 'PROPERTY_COMPANY' && identity.organisationId === contract.companyId;
  if (!company && !mayReviewFiling(identity, contract)) throw new NotFoundError('Contract', contractId);
  const limit = Number.isSafeInteger(first) ? Math.min(Math.max(first, 1), MAX_DOWNLOADS_LISTED) : 50;
  return downloadsOfContract(em, contract.id, limit);
}
