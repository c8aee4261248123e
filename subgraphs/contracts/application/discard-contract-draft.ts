import type { EntityManager } from '@mikro-orm/postgresql';
import { CONTRACT_DISCARDED } from '../../../catalog';
import { Identity } from '../../../kernel/identity';
import { recordEvent } from '../../../platform/events/outbox';
import { nextContractStatus } from '../domain/contract';
import { contractAreaOf } from '../events/publish/contract-area-events';
import { CONTRACTS_EVENT_SOURCE } from '../events/publish/filing-events';
import { Contract } from '../persistence/contract.entity';
import { announceFilingDeadline } from './announce-filing-deadline';
import { ownContract } from './contract.lookup';

/**
 * The company discards a draft it entered by mistake and never filed: the contract stays, DISCARDED, its filing
 * deadline is cancelled in the deadline register, and the draft no longer gives the company its area to read.
 * CONTRACT_NOT_DRAFT once filed (a filed contract is terminated); discarding again changes nothing.
 */
export async function discardContractDraft(
  em: EntityManager,
  identity: Identity,
  contractId: string,
): Promise<Contract> {
  return em.transactional(async (tx) => {
    const contract = await ownContract(tx, identity, contractId);
    if (contract.status === 'DISCARDED') return contract;
    contract.status = nextContractStatus(contract.status, 'DISCARD');
    await announceFilingDeadline(tx, contract, { cancelled: true });
    recordEvent(tx, CONTRACT_DISCARDED, {
      source: CONTRACTS_EVENT_SOURCE,
      key: contract.id,
      subject: contract.id,
      data: contractAreaOf(contract),
    });
    return contract;
  });
}
