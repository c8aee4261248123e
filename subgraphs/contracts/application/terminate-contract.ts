import { retryAfterLostRace } from '../../../platform/db/sql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { compareDates, isIsoDate } from '../../../kernel/calendar';
import { InvalidInputError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { handoverDayProblem, nextContractStatus } from '../domain/contract';
import { asExistingContract } from '../domain/contract-terms';
import { checkNoticeDay, checkTerminationDay } from '../domain/continued-service';
import { continuationEndedBy } from '../domain/contract-overlap';
import { todayInChina } from '../../../kernel/clock';
import { contractsEverAcceptedIn } from '../persistence/contract.repository';
import { TERMINABLE_FILING_STATUSES, nextFilingStatus } from '../domain/filing';
import { Contract } from '../persistence/contract.entity';
import { filingsOfContractIn } from '../persistence/filing.repository';
import { contractSigningDay, ownContract } from './contract.lookup';
import { currentTerms, recordTransition } from './filing-transitions';

/**
 * Ends a contract early: its open and accepted filings are terminated with the handover date. A contract continuing
 * after its term (recordContinuedService) ends past it with 60 days' written notice from `noticeGivenOn` (today when
 * not given), unless the area's next contract takes effect by the day after (Civil Code art. 948 para. 2).
 */
export async function terminateContract(
  em: EntityManager,
  identity: Identity,
  input: {
    contractId: string;
    terminatedOn: string;
    handoverOn: string;
    reason: string;
    noticeGivenOn?: string | null;
  },
): Promise<Contract> {
  const fields: Record<string, string> = {};
  if (!isIsoDate(input.terminatedOn)) fields.terminatedOn = 'not a YYYY-MM-DD date';
  if (!isIsoDate(input.handoverOn)) fields.handoverOn = 'not a YYYY-MM-DD date';
  else if (!fields.terminatedOn) {
    const problem = handoverDayProblem(input.terminatedOn, input.handoverOn);
    if (problem) fields.handoverOn = problem;
  }
  if (!input.reason?.trim()) fields.reason = 'say why the contract ends';
  const today = todayInChina();
  const noticeGivenOn = input.noticeGivenOn ?? today;
  if (input.noticeGivenOn != null && !isIsoDate(input.noticeGivenOn)) fields.noticeGivenOn = 'not a YYYY-MM-DD date';
  else if (compareDates(noticeGivenOn, today) > 0) fields.noticeGivenOn = `on or before today, ${today}`;
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
      if (input.noticeGivenOn != null)
        checkNoticeDay({ signedOn: await contractSigningDay(tx, contract) }, noticeGivenOn);
      // A termination ends the contract early, never later than its term: a day after it was published as the
      // service's end, and litigation took the months past the term for months served under a filed contract. A
      // contract continuing after its term (Civil Code art. 948) ends past it, with 60 days' written notice unless
      // the area's next contract takes effect by then (checkTerminationDay).
      if (compareDates(input.terminatedOn, contract.endsOn) > 0) {
        const endedBy = contract.continuedFrom
          ? continuationEndedBy((await contractsEverAcceptedIn(tx, [contract.areaId])).map(asExistingContract), {
              id: contract.id,
              kind: contract.kind,
              continuedFrom: contract.continuedFrom,
            })
          : null;
        checkTerminationDay(contract, input.terminatedOn, noticeGivenOn, endedBy);
      }
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
          note: input.noticeGivenOn ? { reason, noticeGivenOn } : { reason },
          terms: await currentTerms(tx, filing),
        });
      }
      Object.assign(contract, { status, terminatedOn: input.terminatedOn, handoverOn: input.handoverOn });
      return contract;
    }),
  );
}
