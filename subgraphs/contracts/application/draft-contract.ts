import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CONTRACT_DRAFTED } from '../../../catalog';
import { Identity } from '../../../kernel/identity';
import { recordEvent } from '../../../platform/events/outbox';
import { ContractTermsEntry, normaliseTerms } from '../domain/contract-terms';
import { contractAreaOf } from '../events/publish/contract-area-events';
import { CONTRACTS_EVENT_SOURCE } from '../events/publish/filing-events';
import { Contract } from '../persistence/contract.entity';
import { findContract, insertContract } from '../persistence/contract.repository';
import { keyReusedFor, transactionOnce } from '../../../platform/db/idempotency';
import { contractsError } from '../domain/errors';
import { announceFilingDeadline } from './announce-filing-deadline';
import { knownArea, requireCompany } from './contract.lookup';

/**
 * A company enters a contract of an area; its problems are reported when it is filed. The areas subgraph learns
 * that the company has a contract there (contracts.contract-areas.v1), so the contract shows its area.
 */
export async function draftContract(
  em: EntityManager,
  identity: Identity,
  input: {
    areaId: string;
    terms: ContractTermsEntry;
    /** The client's id of this draft: a retry with it returns the same draft (before, a second draft and deadline). */
    idempotencyKey?: string | null;
  },
): Promise<Contract> {
  const companyId = requireCompany(identity);
  const terms = normaliseTerms(input.terms);
  const optionalKey = {
    scope: 'contract-draft',
    ownerId: companyId,
    key: input.idempotencyKey,
    content: () => ({ areaId: input.areaId.toLowerCase(), terms }),
    reused: keyReusedFor(contractsError, 'draft'),
  };
  const id = await transactionOnce(em, optionalKey, async (tx) => {
    const area = await knownArea(tx, input.areaId);
    const contract = insertContract(tx, {
      id: randomUUID(),
      areaId: input.areaId,
      streetCode: area.streetCode,
      districtCode: area.districtCode,
      companyId,
      status: 'DRAFT',
      kind: terms.kind,
      number: terms.number,
      startsOn: terms.startsOn,
      endsOn: terms.endsOn,
      terms,
      deadlineSequence: 0,
    });
    await announceFilingDeadline(tx, contract);
    recordEvent(tx, CONTRACT_DRAFTED, {
      source: CONTRACTS_EVENT_SOURCE,
      key: contract.id,
      subject: contract.id,
      data: contractAreaOf(contract),
    });
    return contract.id;
  });
  const contract = await findContract(em, id);
  if (!contract) throw new Error(`Contract ${id} of an idempotent draft is missing`);
  return contract;
}
