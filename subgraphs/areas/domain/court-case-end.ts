import type { CaseStatus } from '../../../catalog';
import { IsoDate, addDays } from '../../../kernel/calendar';

/**
 * A court's grant on a household (persistence/court-household.repository.ts) serves its case against the owner the
 * referral names, and lasts as long as that case: PIPL arts. 19 and 47 (statutes.ts DELETION_WHEN_PURPOSE_ACHIEVED).
 * Before, a grant was never ended, so a former owner a referral named was kept, and readable by the court, for good.
 * What areas knows of the case is what litigation publishes (its topics vouch for it): the referral's status as it
 * last reported it and the period to apply for enforcement it announced once the case was judged or settled.
 */
export interface CourtCaseFacts {
  /** The referral's status as litigation last reported it; null: none reported since the referral was submitted. */
  status: CaseStatus | null;
  /** The day the case ended (withdrawn, refused or closed), kept from the first of those steps; null while it runs. */
  endedOn: IsoDate | null;
  /** Litigation's ENFORCEMENT_APPLICATION deadline of the referral as last announced; null: none announced. */
  enforcementApplication: EnforcementApplicationFacts | null;
}

export interface EnforcementApplicationFacts {
  /** The last day to apply (art. 250: two years); null where litigation cannot date it (an appealable judgment). */
  dueOn: IsoDate | null;
  /** The day the court reported enforcement started: the case goes on in enforcement. */
  metOn: IsoDate | null;
  /** Closed without enforcement (paid): the closing itself ends the case. */
  cancelled: boolean;
  /** Litigation's count of the deadline's changes: an announcement not above the one held changes nothing. */
  sequence: number;
}

/** Steps after which the court has nothing more to do with the case: withdrawn (撤诉), refused (不予受理), closed. */
export const CASE_ENDING_STATUSES: readonly CaseStatus[] = ['WITHDRAWN', 'REJECTED', 'CLOSED'];

export const NO_CASE_FACTS: CourtCaseFacts = { status: null, endedOn: null, enforcementApplication: null };

/**
 * The facts after a status litigation reported on `day` (the day of the court's step, China time). Reports of one
 * referral come in order (one key on litigation.referrals.v1): a withdrawal then the closing keeps the withdrawal's
 * day; a step on the court's docket after the company's own withdrawal (litigation reinstates the case:
 * overrulesOwnWithdrawal) runs the case again.
 */
export function withReportedStatus(facts: CourtCaseFacts, status: CaseStatus, day: IsoDate): CourtCaseFacts {
  const ending = CASE_ENDING_STATUSES.includes(status);
  return { ...facts, status, endedOn: ending ? (facts.endedOn ?? day) : null };
}

/** The facts after an announcement of the enforcement-application deadline; an older or repeated one changes nothing. */
export function withEnforcementApplication(
  facts: CourtCaseFacts,
  deadline: EnforcementApplicationFacts,
): CourtCaseFacts {
  const held = facts.enforcementApplication;
  return held !== null && held.sequence >= deadline.sequence ? facts : { ...facts, enforcementApplication: deadline };
}

/**
 * The first day the court's case is over, so its grant gives nothing and names nobody the register must keep; null
 * while it runs (or while the hub cannot tell when it ends):
 * - the day it was withdrawn, refused or closed;
 * - judged or settled, not in enforcement, the enforcement-application deadline announced with its last day and
 *   neither met nor cancelled: the day after that last day (the period over; an application after it is time-barred,
 *   art. 250). Enforcement started (status ENFORCEMENT, or the deadline met) runs until the court closes the case.
 * An appealable judgment reported without its performance period has an undated deadline: the case runs until closed.
 * The grant gives access before that day only (persistence/court-household.repository.ts liveGrantSql).
 */
export function courtCaseOverFrom(facts: CourtCaseFacts): IsoDate | null {
  if (facts.endedOn !== null) return facts.endedOn;
  const deadline = facts.enforcementApplication;
  if (facts.status === 'ENFORCEMENT' || deadline === null) return null;
  if (deadline.dueOn === null || deadline.metOn !== null || deadline.cancelled) return null;
  return addDays(deadline.dueOn, 1);
}
