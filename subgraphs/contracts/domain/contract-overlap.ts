import { InvalidInputError } from '../../../kernel/errors';
import { CONTRACT_KINDS, ContractKind, ContractStatus, isBinding } from './contract';
import { IsoDate, addDays, addYears, compareDates, earlierDate, isIsoDate } from '../../../kernel/calendar';
import { CitySettings } from './statutes';

/**
 * Contract periods of one property-management area. Periods are inclusive calendar dates as the contract states
 * them ("2024-01-01 至 2025-12-31"): the start date is the first day of service and the end date the last.
 */

export interface ExistingContract {
  id: string;
  /** The provider's, where known: a company is shown the ids of its own conflicting contracts only. */
  companyId?: string;
  kind: ContractKind;
  startsOn: IsoDate;
  endsOn: IsoDate;
  status: ContractStatus;
  /**
   * The first day of the unfixed term it continues for after `endsOn` (Civil Code art. 948, continued-service.ts);
   * null or absent when it does not. Read by contractsServingOn, lastDayServed, continuationEndedBy and inForce (the
   * days a regular contract is in force for the checks of a preliminary one against it: regularContractsInForceAtStart,
   * regularContractEnding); the overlap of two contracts of one kind (overlappingContracts) reads the term alone, since
   * the next contract of that kind is what ends the continuation.
   */
  continuedFrom?: IsoDate | null;
  /** The last day of that unfixed term when a termination fixes it; null or absent while open. */
  continuedTo?: IsoDate | null;
}

/**
 * The ids of `contracts` a company may be told when a refusal names them: its own, and of the others only how many
 * there are (`otherProvidersContracts`, absent when none), since a competitor's contract ids are not its to know
 * (helper-200; helper-251 for SUCCESSOR_IN_FORCE). `shownTo` undefined (a bureau) names them all.
 */
export function contractsNamedTo(
  contracts: readonly ExistingContract[],
  shownTo?: string,
): { ids: string[]; otherProvidersContracts?: number } {
  const named = shownTo === undefined ? contracts : contracts.filter((c) => c.companyId === shownTo);
  return {
    ids: named.map((c) => c.id),
    ...(named.length < contracts.length ? { otherProvidersContracts: contracts.length - named.length } : {}),
  };
}

export interface CandidateContract {
  /** Set when an existing contract is re-checked (an amendment), so it does not conflict with itself. */
  id?: string;
  kind: ContractKind;
  startsOn: IsoDate;
  endsOn: IsoDate;
}

export type ContractTermProblem =
  | 'UNKNOWN_CONTRACT_KIND'
  | 'ENDS_BEFORE_START'
  | 'PRELIMINARY_TERM_TOO_LONG'
  | 'OVERLAPS_REGULAR_CONTRACT'
  | 'OVERLAPS_PRELIMINARY_CONTRACT'
  | 'PRELIMINARY_DURING_REGULAR_CONTRACT';

/** Two inclusive periods share a day. One ending the day before the other starts does not. */
const sharesADay = (a: { startsOn: IsoDate; endsOn: IsoDate }, b: { startsOn: IsoDate; endsOn: IsoDate }) =>
  compareDates(a.startsOn, b.endsOn) <= 0 && compareDates(b.startsOn, a.endsOn) <= 0;

/**
 * The contracts of the candidate's kind that it would run alongside: binding ones (see BINDING_STATUSES) sharing at
 * least one day with it. An area has one provider serving the owners under one contract at a time; two would bill
 * the same owners twice for the same days. Of the two kinds, a regular contract taking effect ends the preliminary
 * one (Civil Code art. 940; see preliminaryContractsEndedBy); two preliminary contracts, as two regular ones, may not
 * share a day (before, only regular ones were refused, and the developer's second provider billed the owners for
 * days the first was still billing: a preliminary contract terminated on the 10th and the next beginning that day).
 */
export function overlappingContracts(
  existing: readonly ExistingContract[],
  candidate: CandidateContract,
): ExistingContract[] {
  requirePeriods(existing, candidate);
  return occupying(existing).filter(
    (c) => c.id !== candidate.id && c.kind === candidate.kind && isBinding(c.status) && sharesADay(c, candidate),
  );
}

/**
 * The contracts as the days they served: a preliminary contract (SUPERSEDED or still ACCEPTED) over whose term an
 * accepted regular contract of the owners is in force (regularContractEnding) served, and was billed, to the day
 * before that contract began (Civil Code art. 940: "…业主委员会或者业主与新物业服务人订立的物业服务合同生效的，前期物业服务合同
 * 终止"; arrears' servedToSql alike), none when it began first, so another preliminary contract over those days would
 * bill them twice. One still ACCEPTED over which a regular contract is in force (one continuing under art. 948
 * recorded after its acceptance, before recordContinuedService superseded it) is cut the same way: before, it served
 * beside the owners' contract, and both were billed. A SUPERSEDED one over whose term no regular contract is in force
 * any more (the owners' contract that ended it amended to start after its term, helper-252 F3) serves its own term,
 * SUPERSEDED all the same (no transition leads back to ACCEPTED): Beijing art. 19 para. 3, "期限届满，业主与新物业服务人
 * 签订的物业服务合同生效之前，前期物业服务人继续提供服务"; before, it served no day, and the days to the owners' contract had
 * no provider and were billed by none. A regular contract under review cuts neither (as servedToSql): the preliminary
 * one is superseded when it is accepted. Other contracts as they are (a terminated one is already cut at its
 * termination: asExistingContract).
 */
function occupying(existing: readonly ExistingContract[]): ExistingContract[] {
  const regulars = existing.filter((c) => c.kind === 'REGULAR' && c.status === 'ACCEPTED');
  return existing.flatMap((c) => {
    if (c.kind !== 'PRELIMINARY' || (c.status !== 'SUPERSEDED' && c.status !== 'ACCEPTED')) return [c];
    const served: ExistingContract = { ...c, status: 'ACCEPTED' };
    const ending = regularContractEnding(served, regulars);
    if (!ending) return [served];
    const endsOn = addDays(ending.startsOn, -1);
    if (compareDates(endsOn, c.startsOn) < 0) return [];
    return [{ ...served, endsOn: compareDates(endsOn, c.endsOn) < 0 ? endsOn : c.endsOn }];
  });
}

/**
 * The contracts of one area in force on `day`, judged by their dates, not by the status recorded: the status changes
 * when the act is recorded, the service when the act takes effect. A preliminary contract ended by the owners'
 * regular one (SUPERSEDED when that contract is accepted) serves to the day before it takes effect (Civil Code art.
 * 940: "…订立的物业服务合同生效的，前期物业服务合同终止"), or to its own end if sooner, and its whole term when no regular contract
 * is in force over it any more (occupying); a terminated one (TERMINATED when
 * the termination is recorded, asExistingContract) to its `terminatedOn`, the last day served, as a notice given 60
 * days ahead (arts. 946, 948) ends nothing before. Before, the status alone was read, so a preliminary provider
 * disappeared from the publicity and its certificate verified SUPERSEDED the day the regular contract was accepted,
 * weeks before it stopped serving, and a company recording its notice today was shown gone two months early.
 * `existing`: the area's contracts that were ever accepted (a contract terminated before any acceptance bound nobody).
 */
export function contractsServingOn(existing: readonly ExistingContract[], day: IsoDate): ExistingContract[] {
  const contracts = occupying(existing);
  return contracts.filter(
    (c) =>
      c.status === 'ACCEPTED' && compareDates(c.startsOn, day) <= 0 && compareDates(day, servedTo(c, contracts)) <= 0,
  );
}

/**
 * The last day a contract serves: its term's end, or for one continuing after it (art. 948) its termination or the
 * day before the area's next contract takes effect (continuationEndedBy), whichever is first; OPEN_END while neither
 * is known.
 */
function servedTo(c: ExistingContract, contracts: readonly ExistingContract[]): IsoDate {
  if (!c.continuedFrom) return c.endsOn;
  const endedBy = continuationEndedBy(contracts, { id: c.id, kind: c.kind, continuedFrom: c.continuedFrom });
  return earlierDate(c.continuedTo ?? OPEN_END, endedBy ?? OPEN_END);
}

/**
 * The last day the contract `contractId` of the area's contracts `existing` (ever accepted, as asExistingContract gives
 * them) serves: its term's end, its termination, the day before the regular contract ending a preliminary one, or its
 * continuation's end (servedTo); null when it is not among them.
 */
export function lastDayServed(existing: readonly ExistingContract[], contractId: string): IsoDate | null {
  const contracts = occupying(existing);
  const contract = contracts.find((c) => c.id === contractId);
  return contract ? servedTo(contract, contracts) : null;
}

/** The last day a YYYY-MM-DD date holds: a continuation with no end known yet serves to it (servedToSql too). */
export const OPEN_END: IsoDate = '9999-12-31';

/**
 * The day before the first of `others` (the area's other contracts ever accepted, asExistingContract) to take effect
 * on or after the continuation's first day that may end it (endsContinuation): the last day `contract`, continued
 * from then, serves if not terminated sooner; null while none is known. One terminated before it began took no effect.
 */
export function continuationEndedBy(
  others: readonly ExistingContract[],
  contract: { id: string; kind: ContractKind; continuedFrom: IsoDate },
): IsoDate | null {
  const starts = others
    .filter(
      (c) =>
        c.id !== contract.id &&
        c.status === 'ACCEPTED' &&
        endsContinuation(contract.kind, c.kind) &&
        compareDates(c.startsOn, contract.continuedFrom) >= 0 &&
        compareDates(c.endsOn, c.startsOn) >= 0,
    )
    .map((c) => c.startsOn)
    .sort(compareDates);
  return starts.length > 0 ? addDays(starts[0], -1) : null;
}

/**
 * Whether a contract of kind `next` taking effect ends the unfixed term of a `continuing` one. The owners' regular
 * contract continues until their own decision ends it, a renewal or another provider hired, or 60 days' written
 * notice (Civil Code art. 948: "业主没有依法作出续聘或者另聘物业服务人的决定"; "提前六十日书面通知对方"): a developer's
 * preliminary contract is no decision of theirs, and cannot even begin while the owners' contract is in force (art.
 * 940, regularContractsInForceAtStart). A preliminary contract continuing (Beijing art. 19 para. 3) ends when either
 * kind takes effect. Before, any later contract ended a regular one's continuation.
 */
export const endsContinuation = (continuing: ContractKind, next: ContractKind): boolean =>
  continuing !== 'REGULAR' || next === 'REGULAR';

/**
 * A contract's days in force by its dates: from its start to its last day served (servedTo), a regular contract
 * continuing after its term (art. 948) to its termination or its end by the owners' next regular contract, or OPEN_END.
 */
const inForce = (c: ExistingContract, contracts: readonly ExistingContract[]) => ({
  startsOn: c.startsOn,
  endsOn: servedTo(c, contracts),
});

/**
 * The binding preliminary contracts a regular candidate brings to an end. Civil Code art. 940: when a contract the
 * owners' committee or the owners sign with a new provider takes effect before the preliminary contract's term runs
 * out, the preliminary contract ends. The caller marks them SUPERSEDED from the candidate's start. Only a regular
 * contract in force during the preliminary one's term ends it: one that had run out before it began does not.
 */
export function preliminaryContractsEndedBy(
  existing: readonly ExistingContract[],
  candidate: CandidateContract,
): ExistingContract[] {
  requirePeriods(existing, candidate);
  if (candidate.kind !== 'REGULAR') return [];
  return existing.filter(
    (c) => c.id !== candidate.id && c.kind === 'PRELIMINARY' && isBinding(c.status) && sharesADay(c, candidate),
  );
}

/**
 * The regular contract that ends a preliminary one accepted after it (art. 940 the other way round): of the regular
 * contracts in force during the preliminary one's term, the first to have taken effect; undefined when none. A regular
 * contract continuing after its term (art. 948) is in force while it continues (inForce: before, only its term was
 * read, and a preliminary contract accepted during the continuation stayed ACCEPTED beside it).
 */
export function regularContractEnding(
  preliminary: ExistingContract,
  regulars: readonly ExistingContract[],
): ExistingContract | undefined {
  return regulars
    .filter((r) => preliminaryContractsEndedBy([preliminary], { ...r, ...inForce(r, regulars) }).length > 0)
    .sort((a, b) => compareDates(a.startsOn, b.startsOn))[0];
}

/**
 * The binding regular contracts in force on the day a preliminary candidate would start. Civil Code art. 940 ends a
 * preliminary contract when the owners' regular contract takes effect, so one beginning while the owners' contract
 * is in force would end the day it began: refused (PRELIMINARY_DURING_REGULAR_CONTRACT). One starting before a
 * regular contract and running past its start is filed as signed and ended by it (preliminaryContractsEndedBy). A
 * regular contract continuing after its term (art. 948, 原物业服务合同继续有效) is in force from `continuedFrom` to its
 * termination or the day before the owners' next regular contract takes effect (inForce): before, only its term was
 * read, and a developer's preliminary contract was filed and accepted during the continuation, and ended it.
 */
export function regularContractsInForceAtStart(
  existing: readonly ExistingContract[],
  candidate: CandidateContract,
): ExistingContract[] {
  requirePeriods(existing, candidate);
  if (candidate.kind !== 'PRELIMINARY') return [];
  const others = existing.filter((c) => c.id !== candidate.id);
  return others.filter(
    (c) =>
      c.kind === 'REGULAR' &&
      isBinding(c.status) &&
      sharesADay(inForce(c, others), { startsOn: candidate.startsOn, endsOn: candidate.startsOn }),
  );
}

/**
 * The last day a preliminary contract starting on `startsOn` may run, or null where the city sets no maximum. The
 * start date is itself a day of service (the parties have agreed the start day counts, Civil Code art. 204), so N
 * years end the day before the start's corresponding day N years on (art. 202), or on that month's last day where it
 * has none: from 2024-01-01, two years end on 2025-12-31; from 2022-03-01 on 2024-02-29 (before, counted from the day
 * before the start, 2022-02-28, they ended on 2024-02-28, a day short); from 2024-02-29 on 2026-02-28. (A committee's
 * term in the areas subgraph is instead counted from the day it is formed, which art. 201 leaves out.)
 */
export function latestPreliminaryEnd(startsOn: IsoDate, settings: CitySettings): IsoDate | null {
  requireDates({ startsOn });
  if (settings.preliminaryContractMaxYears === null) return null;
  const anniversary = addYears(startsOn, settings.preliminaryContractMaxYears);
  // 29 February in a common year has no corresponding day: the month's last day ends the period (art. 202).
  return anniversary.slice(8) === startsOn.slice(8) ? addDays(anniversary, -1) : anniversary;
}

/** ENDS_BEFORE_START and, for a preliminary contract, PRELIMINARY_TERM_TOO_LONG (Beijing: two years at most). */
export function preliminaryTermProblems(
  startsOn: IsoDate,
  endsOn: IsoDate,
  settings: CitySettings,
): ContractTermProblem[] {
  requireDates({ startsOn, endsOn });
  const problems: ContractTermProblem[] = [];
  if (compareDates(endsOn, startsOn) < 0) problems.push('ENDS_BEFORE_START');
  const latest = latestPreliminaryEnd(startsOn, settings);
  if (latest !== null && compareDates(endsOn, latest) > 0) problems.push('PRELIMINARY_TERM_TOO_LONG');
  return problems;
}

/** Every term problem of a candidate against the area's contracts, in a fixed order; empty when none. */
export function contractTermProblems(
  candidate: CandidateContract,
  existing: readonly ExistingContract[],
  settings: CitySettings,
): ContractTermProblem[] {
  requireDates({ startsOn: candidate.startsOn, endsOn: candidate.endsOn });
  if (!CONTRACT_KINDS.includes(candidate.kind)) return ['UNKNOWN_CONTRACT_KIND'];
  if (candidate.kind === 'PRELIMINARY') {
    const problems = preliminaryTermProblems(candidate.startsOn, candidate.endsOn, settings);
    if (!problems.includes('ENDS_BEFORE_START') && regularContractsInForceAtStart(existing, candidate).length > 0)
      problems.push('PRELIMINARY_DURING_REGULAR_CONTRACT');
    if (!problems.includes('ENDS_BEFORE_START') && overlappingContracts(existing, candidate).length > 0)
      problems.push('OVERLAPS_PRELIMINARY_CONTRACT');
    return problems;
  }
  if (compareDates(candidate.endsOn, candidate.startsOn) < 0) return ['ENDS_BEFORE_START'];
  return overlappingContracts(existing, candidate).length > 0 ? ['OVERLAPS_REGULAR_CONTRACT'] : [];
}

/**
 * Throws BAD_USER_INPUT with details.problems (and the ids of the conflicting contracts, and the latest allowed end
 * of a preliminary contract) when the candidate's term is not allowed.
 */
export function validateContractTerm(
  candidate: CandidateContract,
  existing: readonly ExistingContract[],
  settings: CitySettings,
): void {
  const problems = contractTermProblems(candidate, existing, settings);
  if (problems.length === 0) return;
  const details: Record<string, unknown> = { problems };
  const conflicting = [
    ...(problems.includes('OVERLAPS_REGULAR_CONTRACT') || problems.includes('OVERLAPS_PRELIMINARY_CONTRACT')
      ? overlappingContracts(existing, candidate)
      : []),
    ...(problems.includes('PRELIMINARY_DURING_REGULAR_CONTRACT')
      ? regularContractsInForceAtStart(existing, candidate)
      : []),
  ];
  if (conflicting.length > 0) details.conflictingContractIds = conflicting.map((c) => c.id);
  if (problems.includes('PRELIMINARY_TERM_TOO_LONG')) {
    details.latestEndsOn = latestPreliminaryEnd(candidate.startsOn, settings);
    details.source = settings.sources.preliminaryContractTerm;
  }
  throw new InvalidInputError('The contract term is not allowed', details);
}

/** Malformed dates, or a candidate ending before it starts, are input errors, not conflicts. */
function requirePeriods(existing: readonly ExistingContract[], candidate: CandidateContract): void {
  const dates: Record<string, IsoDate> = { startsOn: candidate.startsOn, endsOn: candidate.endsOn };
  existing.forEach((c, i) => {
    dates[`existing[${i}].startsOn`] = c.startsOn;
    dates[`existing[${i}].endsOn`] = c.endsOn;
  });
  requireDates(dates);
  if (compareDates(candidate.endsOn, candidate.startsOn) < 0) {
    throw new InvalidInputError('The contract ends before it starts', { problems: ['ENDS_BEFORE_START'] });
  }
}

function requireDates(dates: Record<string, IsoDate>): void {
  const fields: Record<string, string> = {};
  for (const [field, value] of Object.entries(dates)) {
    if (!isIsoDate(value)) fields[field] = `${field} must be a YYYY-MM-DD calendar date`;
  }
  if (Object.keys(fields).length > 0) throw new InvalidInputError('A date is invalid', { fields });
}
