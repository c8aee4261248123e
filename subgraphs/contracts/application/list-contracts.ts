import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { Page, checkPage } from '../../../kernel/pagination';
import { readScopeOf } from '../domain/filing-reviewers';
import { Contract } from '../persistence/contract.entity';
import { ContractFilter, listContracts as listContractsInScope } from '../persistence/contract.repository';

/** A company lists its own contracts, reviewers those of the divisions they review, a court those referred to it. */
export async function listContracts(
  em: EntityManager,
  identity: Identity,
  filter: ContractFilter,
  page: Page,
): Promise<{ items: Contract[]; totalCount: number }> {
  checkPage(page);
  const scope = readScopeOf(identity);
  if (!scope) return { items: [], totalCount: 0 };
  return listContractsInScope(em, scope, filter, page);
}
