import { IsoDate, addYears, compareDates, isIsoDate } from '../../../kernel/calendar';
import {
  CHINA_WORKING_DAYS,
  WorkingDayCalendar,
  lastDayOfPeriodWithin,
  missingYearOf,
} from '../../../kernel/working-days';
import type { CaseStatus } from '../../../catalog';
import { todayInChina } from '../../../kernel/clock';
import { utcInstant } from '../../../kernel/instant';
import { addCalendarMonths } from './court-timeline';
import { isSmallClaims } from './procedure';
import {
  ENFORCEMENT_APPLICATION_SOURCE,
  ENFORCEMENT_APPLICATION_YEARS,
  MEDIATION_DOCUMENT_EFFECT_SOURCE,
  PERIODS_SOURCE,
  SMALL_CLAIMS_FINAL_SOURCE,
} from './statutes';

/**
 * What the two years to apply for enforcement (Civil Procedure Law art. 250) are counted from:
 * - PERFORMANCE_DUE: the last day of the performance period (or of the last instalment) the court reported with the
 *   judgment, its correction or the settlement (`performanceDueOn`);
 * - SMALL_CLAIMS_JUDGMENT: a small claim's judgment sets none; it is final when made (art. 165, 一审终审), taken as the
 *   day the court reported it (the hub's assumption: the report follows the pronouncement or service);
 * - MEDIATION_DOCUMENT: a settlement sets none; the mediation document (调解书) takes effect when both parties sign
 *   for it (art. 100 para. 3), taken as the day the court reported the settlement (the hub's assumption: the court
 *   reports SETTLED once the document is signed; a pre-litigation mediation agreement is taken as confirmed by the
 *   court, which makes it enforceable, when the court reports it settled).
 * A judgment under the simple or ordinary procedure without a reported performance period has no start the hub knows:
 * it takes effect when the appeal period (art. 171: fifteen days from service) has run unappealed, and the hub is told
 * neither the service nor an appeal, so it announces the deadline without a date rather than invent one.
 */
export type EnforcementPeriodStartKind = 'PERFORMANCE_DUE' | 'SMALL_CLAIMS_JUDGMENT' | 'MEDIATION_DOCUMENT';
export const ENFORCEMENT_PERIOD_START_KINDS: readonly EnforcementPeriodStartKind[] = [
  'PERFORMANCE_DUE',
  'SMALL_CLAIMS_JUDGMENT',
  'MEDIATION_DOCUMENT',
];

/** What a referral's enforcement-application deadline is computed from: the case as the court reported it. */
export interface EnforcementFacts {
  status: CaseStatus | null;
  procedure: string | null;
  /** The day the court converted the small claim (art. 169): its judgment is then appealable, not final. */
  procedureChangedOn: IsoDate | null;
  judgedFen: number | null;
  settledFen: number | null;
  /** The day of the judgment or settlement as reported. */
  decidedOn: IsoDate | null;
  /** The last day of the performance period (or of the last instalment) the court reported. */
  performanceDueOn: IsoDate | null;
  /** The day the court reported that enforcement started (ENFORCEMENT_STARTED), if it did. */
  enforcementStartedOn: IsoDate | null;
}

export interface EnforcementApplicationDeadline {
  /** The day the two years count from (not itself counted: art. 85). */
  countedFrom: IsoDate;
  countedFromKind: EnforcementPeriodStartKind;
  /** The corresponding day two years on (Civil Code art. 202), before rest days move it. */
  plainDueOn: IsoDate;
  /**
   * The last day to apply: the plain one moved past rest days and holidays (art. 85), or, past the holiday data the
   * hub holds, the plain one (provisional: a later notice can only move it later, so it is the safe day to act by).
   */
  dueOn: IsoDate;
  provisional: boolean;
  awaitsHolidayYear: number | null;
  /** The day the court reported enforcement started: the company applied in time. */
  metOn: IsoDate | null;
  /** Closed without enforcement (the defendant paid): the deadline no longer applies. */
  cancelled: boolean;
  legalBasis: string;
}

/**
 * Whether the deadline to apply for enforcement no longer applies: the case closed without enforcement started (the
 * defendant paid). One closed after enforcement started is met, not cancelled.
 */
export const enforcementDeadlineCancelled = (f: Pick<EnforcementFacts, 'status' | 'enforcementStartedOn'>): boolean =>
  f.enforcementStartedOn === null && f.status === 'CLOSED';

/** Whether the case ended in a judgment or a settlement the court reported, and so may need enforcing. */
export const isDecided = (f: Pick<EnforcementFacts, 'judgedFen' | 'settledFen' | 'decidedOn'>): boolean =>
  f.decidedOn !== null && (f.judgedFen !== null || f.settledFen !== null);

/** The day the period counts from and why, or null where the hub does not know it (see EnforcementPeriodStartKind). */
export function enforcementPeriodStart(
  f: EnforcementFacts,
): { on: IsoDate; kind: EnforcementPeriodStartKind; source: string } | null {
  if (!isDecided(f)) return null;
  if (f.performanceDueOn !== null)
    return { on: f.performanceDueOn, kind: 'PERFORMANCE_DUE', source: 'the performance period the court reported' };
  const decidedOn = f.decidedOn as IsoDate;
  if (f.judgedFen !== null)
    return isSmallClaims(f.procedure) && f.procedureChangedOn === null
      ? { on: decidedOn, kind: 'SMALL_CLAIMS_JUDGMENT', source: SMALL_CLAIMS_FINAL_SOURCE }
      : null;
  return { on: decidedOn, kind: 'MEDIATION_DOCUMENT', source: MEDIATION_DOCUMENT_EFFECT_SOURCE };
}

/**
 * The last day the company may apply for enforcement (art. 250): two years from the start (enforcementPeriodStart),
 * the start day not counted and the period ending on the corresponding day (art. 85; Civil Code art. 202: the month's
 * last day where there is none, so from 2024-02-29 it ends 2026-02-28), moved to the first working day after rest days
 * and holidays (art. 85 para. 3, the hub's one calendar). Null where the case is not decided or the start is unknown.
 * Met once the court reports enforcement started; cancelled when the case is closed without it (paid).
 */
export function enforcementApplicationDeadline(
  f: EnforcementFacts,
  calendar: WorkingDayCalendar = CHINA_WORKING_DAYS,
): EnforcementApplicationDeadline | null {
  const start = enforcementPeriodStart(f);
  if (start === null) return null;
  const plainDueOn = addCalendarMonths(start.on, ENFORCEMENT_APPLICATION_YEARS * 12);
  const lastDay = lastDayOfPeriodWithin(plainDueOn, calendar);
  const awaitsHolidayYear = missingYearOf(lastDay);
  return {
    countedFrom: start.on,
    countedFromKind: start.kind,
    plainDueOn,
    dueOn: lastDay.date ?? plainDueOn,
    provisional: awaitsHolidayYear !== null,
    awaitsHolidayYear,
    metOn: f.enforcementStartedOn,
    cancelled: enforcementDeadlineCancelled(f),
    legalBasis: `${ENFORCEMENT_APPLICATION_SOURCE}; counted from ${start.on} (${start.source}); ${PERIODS_SOURCE} (a last day on a rest day moves to the next working day)`,
  };
}

/**
 * The court's day of the first enforcement start the hub took (ENFORCEMENT_STARTED applied, or late after the closing
 * it led to), from the referral's court reports; null when none. The same day the deadline register is told.
 */
export function enforcementStartedOnOf(
  reports: readonly { kind: string; occurredAt: string; verdict: string }[],
): IsoDate | null {
  const days = reports
    .filter((r) => r.kind === 'ENFORCEMENT_STARTED' && (r.verdict === 'APPLY' || r.verdict === 'STALE'))
    .flatMap((r) => {
      const when = utcInstant(r.occurredAt);
      return when === undefined ? [] : [todayInChina(new Date(when))];
    })
    .sort(compareDates);
  return days[0] ?? null;
}

/** The hub's bound on a reported performance period: the longest instalment plan it takes, in years from the report. */
export const PERFORMANCE_DUE_MAX_YEARS = 10;

/**
 * What is wrong with a reported performance period's last day (undefined when nothing): not a date; before the day of
 * the judgment or settlement it belongs to (`decidedOn`, named `decision` in the message: the report's own day for a
 * judgment or settlement, the recorded judgment's for a correction; a judgment or settlement cannot order payment
 * before it was made); more than PERFORMANCE_DUE_MAX_YEARS after it (a typing error: an owner's fees are not paid off
 * over decades). With `decidedOn` null only the form is checked.
 */
export function performanceDueOnProblem(
  performanceDueOn: unknown,
  decidedOn: IsoDate | null,
  decision = "the report's day",
): string | undefined {
  if (!isIsoDate(performanceDueOn)) return 'the last day of the performance period, YYYY-MM-DD';
  if (decidedOn === null) return undefined;
  if (compareDates(performanceDueOn, decidedOn) < 0)
    return `the last day of the performance period cannot be before ${decision} ${decidedOn}`;
  if (compareDates(performanceDueOn, addYears(decidedOn, PERFORMANCE_DUE_MAX_YEARS)) > 0)
    return `the last day of the performance period is more than ${PERFORMANCE_DUE_MAX_YEARS} years after ${decision} ${decidedOn}`;
  return undefined;
}
