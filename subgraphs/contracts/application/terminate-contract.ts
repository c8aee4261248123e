import { retryAfterLostRace } from '../../../platform/db/sql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { compareDates, isIsoDate } from '../../../kernel/calendar';
import { InvalidInputError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { nextContractStatus } from '../domain/contract';
import { TERMINABLE_FILING_STATUSES, nextFilingStatus } from '../domain/filing';
import { Contract } from '../persistence/contract.entity';
import { filingsOfContractIn } from '../persistence/filing.repository';
import { ownContract } from './contract.lookup';
import { currentTerms, recordTransition } from './filing-transitions';

/** Ends a contract early: its open and accepted filings are terminated with the handover date. */
export async function terminateContract(
  em: EntityManager,
  identity: Identity,
  input: { contractId: string; terminatedOn: string; handoverOn: string; reason: string },
): Promise<Contract> {
  const fields: Record<string, string> = {};
  if (!isIsoDate(input.terminatedOn)) fields.terminatedOn = 'not a YYYY-MM-DD date';
  if (!isIsoDate(input.handoverOn)) fields.handoverOn = 'not a YYYY-MM-DD date';
  else if (!fields.terminatedOn && compareDates(input.handoverOn, input.terminatedOn) < 0)
    fields.handoverOn = 'the handover cannot come before the termination';
  if (!input.reason?.trim()) fields.reason = 'say why the contract ends';
  if (Object.keys(fields).length > 0) throw new InvalidInputError('The termination is incomplete', { fields });
  const reason = input.reason.trim();
  // A review locks the filing, then the contract; this locks the contract, then writes the filings: when the two
  // meet, PostgreSQL rolls one back as a deadlock victim, and it runs again once the other has committed.
  return retryAfterLostRace(() =>
    em.transactional(async (tx) => {
      const contract = await ownContract(tx, identity, input.contractId);
      const status = nextContractStatus(contract.status, 'TERMINATE');
      if (compareDates(input.terminatedOn, contract.startsOn) < 0)
        throw new InvalidInputError('A contract cannot end before it starts', {
          fields: { terminatedOn: `on or after ${contract.startsOn}` },
        });
      // A termination ends the contract early, never later than its term: a day after it was published as the
      // service's end, and litigation took the months past the term for months served under a filed contract.
      if (compareDates(input.terminatedOn, contract.endsOn) > 0)
        throw new InvalidInputError('A termination ends the contract on or before the end of its term', {
          fields: { terminatedOn: `on or before ${contract.endsOn}` },
        });
      for (const filing of await filingsOfContractIn(tx, contract.id, TERMINABLE_FILING_STATUSES)) {
        filing.status = nextFilingStatus(filing.status, 'TERMINATE');
        Object.assign(filing, {
          terminatedOn: input.terminatedOn,
          handoverOn: input.handoverOn,
          terminationReason: reason,
        });
        recordTransition(tx, filing, {
          action: 'TERMINATE',
          actor: identity,
          via: 'API',
          note: { reason },
          terms: await currentTerms(tx, filing),
        });
      }
      Object.assign(contract, { status, terminatedOn: input.terminatedOn, handoverOn: input.handoverOn });
      return contract;
    }),
  );
}
