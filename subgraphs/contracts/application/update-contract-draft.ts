import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { nextContractStatus } from '../domain/contract';
import { ContractTermsEntry, normaliseTerms } from '../domain/contract-terms';
import { Contract } from '../persistence/contract.entity';
import { announceFilingDeadline } from './announce-filing-deadline';
import { ownContract } from './contract.lookup';

/** Only a draft is edited in place; a filed contract changes by amendment or by resubmitting a returned filing. */
export async function updateContractDraft(
  em: EntityManager,
  identity: Identity,
  input: { contractId: string; terms: ContractTermsEntry },
): Promise<Contract> {
  const terms = normaliseTerms(input.terms);
  return em.transactional(async (tx) => {
    const contract = await ownContract(tx, identity, input.contractId);
    contract.status = nextContractStatus(contract.status, 'EDIT_DRAFT');
    Object.assign(contract, {
      terms,
      kind: terms.kind,
      number: terms.number,
      startsOn: terms.startsOn,
      endsOn: terms.endsOn,
    });
    await announceFilingDeadline(tx, contract);
    return contract;
  });
}
