import { IsoDate, addDays, compareDates } from '../../../kernel/calendar';
import { InvalidInputError } from '../../../kernel/errors';
import { ContractKind, ContractStatus, contractActionRefused, isBinding } from './contract';
import { ExistingContract, contractsNamedTo, contractsServingOn, endsContinuation } from './contract-overlap';
import { contractsError } from './errors';
import {
  CONTINUED_SERVICE_RECORDABLE_DAYS_BEFORE_END,
  CONTINUED_SERVICE_RECORDABLE_SOURCE,
  UNFIXED_TERM_NOTICE_DAYS,
  UNFIXED_TERM_SOURCE,
} from './statutes';

/**
 * A contract that continues after its term (不定期物业服务合同, Civil Code art. 948; Beijing art. 75 para. 2, and art. 19
 * para. 3 for a preliminary contract): with no renewal and no other provider decided, the provider that goes on
 * serving does so under the same contract, from the day after its `endsOn`, for an unfixed term. It ends on the
 * day its termination gives (60 days' written notice, UNFIXED_TERM_NOTICE_DAYS), or the day before another contract of
 * the area takes effect (the owners' renewal with it, or their new provider: art. 950 has the former provider serve,
 * and claim its fee, until then), whichever comes first.
 */

/** The contract as the rule reads it. */
export interface ContinuableContract {
  id: string;
  kind: ContractKind;
  status: ContractStatus;
  endsOn: IsoDate;
  /** The first day of the unfixed term once recorded; null (or absent) before. */
  continuedFrom?: IsoDate | null;
}

/**
 * The day from which `contract` continues, recorded on `today`, or the refusal: only a contract whose filing is
 * accepted and in force (ACCEPTED: not terminated, superseded or discarded; CONTRACT_NOT_IN_FORCE otherwise), from
 * ninety days before its term's last day (CONTINUATION_TOO_EARLY, art. 947 para. 2's notice window), and not while
 * another contract of the area binds the area on the day after the term (SUCCESSOR_IN_FORCE: the owners renewed or
 * hired another provider, nothing continues; the refusal names the successors of `shownTo`, the contract's own company,
 * and only counts another provider's, contractsNamedTo). A successor signed and filed but not yet accepted counts
 * (successorsOn): art. 948 continues the old contract only where "业主没有依法作出续聘或者另聘物业服务人的决定", and the
 * owners decided when they signed, not when the bureau accepted the filing. Of a regular contract, only a regular
 * successor counts (endsContinuation: a developer's preliminary contract is no decision of the owners). `others`: the
 * area's contracts ever accepted and those binding (BINDING_STATUSES: SUBMITTED and RETURNED too), the contract itself
 * left out here, as asExistingContract gives them. Recording it again returns the day already recorded, whatever happened since.
 */
export function continuationStart(
  contract: ContinuableContract,
  others: readonly ExistingContract[],
  today: IsoDate,
  shownTo: string,
): IsoDate {
  if (contract.continuedFrom) return contract.continuedFrom;
  if (contract.status !== 'ACCEPTED') throw contractActionRefused(contract.status, 'CONTINUE');
  const recordableFrom = addDays(contract.endsOn, -CONTINUED_SERVICE_RECORDABLE_DAYS_BEFORE_END);
  if (compareDates(today, recordableFrom) < 0)
    throw contractsError(
      'CONTINUATION_TOO_EARLY',
      `The contract's term ends on ${contract.endsOn}: its continuation is recorded from ${recordableFrom}`,
      { endsOn: contract.endsOn, recordableFrom, source: CONTINUED_SERVICE_RECORDABLE_SOURCE },
    );
  const continuedFrom = addDays(contract.endsOn, 1);
  const successors = successorsOn(
    others.filter((c) => c.id !== contract.id),
    continuedFrom,
  ).filter((c) => endsContinuation(contract.kind, c.kind));
  if (successors.length > 0) {
    const { ids, ...counted } = contractsNamedTo(successors, shownTo);
    throw contractsError(
      'SUCCESSOR_IN_FORCE',
      `Another contract of the area, signed or accepted, takes over from ${continuedFrom}: the contract does not continue`,
      { continuedFrom, successorContractIds: ids, ...counted },
    );
  }
  return continuedFrom;
}

/**
 * The contracts of `others` that take over on `day`: those serving it by their dates (contractsServingOn), a binding
 * one whose filing is still under review (SUBMITTED or RETURNED: binding from signing, BINDING_STATUSES) read as if
 * accepted, since the owners' decision, not the bureau's acceptance, is what ends the old contract's term (art. 948).
 * Before, only accepted ones counted, and a continuation was recorded over a successor the owners had signed and filed
 * to start the next day.
 */
function successorsOn(others: readonly ExistingContract[], day: IsoDate): ExistingContract[] {
  const pending = new Set(others.filter((c) => c.status !== 'ACCEPTED' && isBinding(c.status)).map((c) => c.id));
  const asSigned = others.map((c): ExistingContract => (pending.has(c.id) ? { ...c, status: 'ACCEPTED' } : c));
  const serving = new Set(contractsServingOn(asSigned, day).map((c) => c.id));
  return others.filter((c) => serving.has(c.id));
}

/**
 * The written notice a termination states (`noticeGivenOn`) is a notice ending this contract, so it was given on or
 * after the day the contract was signed (BAD_USER_INPUT on `noticeGivenOn` otherwise). Before, any day was taken: a
 * notice "given" on 1 January 1990 ended a contract continuing for an unfixed term the day after its termination was
 * recorded, around art. 948 para. 2's sixty days (当事人可以随时解除不定期物业服务合同，但是应当提前六十日书面通知对方).
 * Not bound to the continuation's first day: the owners' dismissal (art. 946, sixty days' notice too) may be given
 * during the term and end the contract after it, as the hub takes it.
 */
export function checkNoticeDay(
  /** The contract's signing day as contract.ts contractSignedOn finds it, not the terms now in force alone. */
  contract: { signedOn: IsoDate },
  noticeGivenOn: IsoDate,
): void {
  if (compareDates(noticeGivenOn, contract.signedOn) < 0)
    throw new InvalidInputError('A notice ending the contract is given once the contract is signed', {
      fields: { noticeGivenOn: `on or after ${contract.signedOn}, the day the contract was signed` },
      source: UNFIXED_TERM_SOURCE,
    });
}

/**
 * Checks the day a termination gives against the contract's term. Within the term (on or before `endsOn`) as before.
 * After it only for a contract that continues (otherwise BAD_USER_INPUT on `terminatedOn`, as before), and then with
 * sixty days' written notice (art. 948 para. 2): the termination's last day served at least sixty days after
 * `noticeGivenOn` (the day the written notice was given, today unless the company says it gave it earlier), or
 * TERMINATION_NOTICE_TOO_SHORT; unless another contract of the area takes effect by the day after it (`endedBy`,
 * continuationEndedBy), which ends the service sooner anyway.
 */
export function checkTerminationDay(
  contract: { endsOn: IsoDate; continuedFrom?: IsoDate | null },
  terminatedOn: IsoDate,
  noticeGivenOn: IsoDate,
  endedBy: IsoDate | null,
): void {
  if (compareDates(terminatedOn, contract.endsOn) <= 0) return;
  if (!contract.continuedFrom)
    throw new InvalidInputError('A termination ends the contract on or before the end of its term', {
      fields: { terminatedOn: `on or before ${contract.endsOn}` },
    });
  if (endedBy !== null && compareDates(endedBy, terminatedOn) <= 0) return;
  const earliest = addDays(noticeGivenOn, UNFIXED_TERM_NOTICE_DAYS);
  if (compareDates(terminatedOn, earliest) < 0)
    throw contractsError(
      'TERMINATION_NOTICE_TOO_SHORT',
      `A contract continuing for an unfixed term ends with ${UNFIXED_TERM_NOTICE_DAYS} days' written notice: given on ${noticeGivenOn}, on ${earliest} at the earliest`,
      { noticeGivenOn, earliestTerminatedOn: earliest, source: UNFIXED_TERM_SOURCE },
    );
}
