import { litigationError } from './errors';
import type { CaseStatus } from '../../../catalog';
import { assertDayNotFuture, isInTrial } from './case-status';
import { InvalidInputError } from '../../../kernel/errors';
import { IsoDate, addDays, addMonths, compareDates, daysBetween, isIsoDate } from '../../../kernel/calendar';
import {
  PRE_LITIGATION_MEDIATION_DAYS,
  SMALL_CLAIMS_DECISION_MONTHS,
  SMALL_CLAIMS_DEADLINE_SOURCE,
  SMALL_CLAIMS_EXTENSION_MONTHS,
} from './statutes';
import {
  lastDayOfPeriod,
  lastDayOfPeriodWithin,
  missingYearOf,
  periodEnd,
  unlessBeyondCalendar,
} from '../../../kernel/working-days';

/**
 * The clock of a small-claims case. Art. 168: decided within two months of docketing (立案), extendable once by one
 * month with the court president's approval. A period in months ends on the corresponding day of the final month,
 * or that month's last day when there is none (Civil Code art. 202); the docketing day itself is not counted
 * (Civil Procedure Law art. 85), so a case docketed on 2024-01-15 is due by 2024-03-15, and one docketed on
 * 2023-12-31 by 2024-02-29. The extension runs from the end of the original period: 2024-02-29 + 1 month =
 * 2024-03-29. A last day that is a rest day or holiday moves to the first working day after it (Civil Procedure Law
 * art. 85: "期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期"; Civil Code art. 203 alike), by the
 * hub's one calendar (kernel/working-days.ts): a case docketed on 2026-08-03 is due on 2026-10-08, the 3rd falling in
 * the National Day holiday. The extension's month is counted from the original period's plain end (2024-02-29 above),
 * then moved likewise. Past the holiday data the due date is refused (OUTSIDE_HOLIDAY_CALENDAR); the overdue list
 * never needs it, a case being never overdue within the plain count. Periods the law leaves out of the trial period
 * (public notice, appraisal, …) are not modelled: the court's own system has the final word.
 */
export interface SmallClaimsCase {
  caseId: string;
  docketedOn: IsoDate;
  /** The date the court president approved the extension; null when not extended. One field: art. 168 allows one. */
  extensionApprovedOn: IsoDate | null;
  decidedOn: IsoDate | null;
}

export interface DecisionDeadline {
  originalDueOn: IsoDate;
  dueOn: IsoDate;
  extended: boolean;
  source: string;
}

/** The date `months` calendar months after `date`: the corresponding day, or the month's last day when there is none. */
export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  requireDates({ date });
  const month = addMonths(date.slice(0, 7), months);
  for (let day = Number(date.slice(8, 10)); day >= 28; day -= 1) {
    const candidate = `${month}-${String(day).padStart(2, '0')}`;
    if (isIsoDate(candidate)) return candidate;
  }
  return `${month}-${date.slice(8, 10)}`;
}

/** The deadline by plain calendar months (art. 168, Civil Code art. 202), before rest days move its last day. */
function plainDecisionDeadline(c: SmallClaimsCase): { originalDueOn: IsoDate; dueOn: IsoDate; extended: boolean } {
  requireDates({ docketedOn: c.docketedOn });
  const originalDueOn = addCalendarMonths(c.docketedOn, SMALL_CLAIMS_DECISION_MONTHS);
  const extended = c.extensionApprovedOn !== null;
  const dueOn = extended ? addCalendarMonths(originalDueOn, SMALL_CLAIMS_EXTENSION_MONTHS) : originalDueOn;
  return { originalDueOn, dueOn, extended };
}

export function decisionDeadline(c: SmallClaimsCase): DecisionDeadline {
  const plain = plainDecisionDeadline(c);
  return {
    originalDueOn: lastDayOfPeriod(plain.originalDueOn),
    dueOn: lastDayOfPeriod(plain.dueOn),
    extended: plain.extended,
    source: SMALL_CLAIMS_DEADLINE_SOURCE,
  };
}

/** Whether `day` falls after a period whose plain last day is `plainEnd`: only a later day needs the holiday data. */
function isAfter(plainEnd: IsoDate, day: IsoDate): boolean {
  return compareDates(day, plainEnd) > 0 && compareDates(day, lastDayOfPeriod(plainEnd)) > 0;
}

/**
 * Records the extension. Refused when it was already used (art. 168 allows one), when the case is decided, when it
 * has left the court undecided (withdrawn, refused, closed: no trial period is left to extend), or when the approval
 * comes after the original period ended: a period that has run out cannot be extended. The approval is a past act:
 * dated after tomorrow it is a typing error, refused BAD_USER_INPUT as a court report's future day is.
 */
export function extendDecisionDeadline(
  c: SmallClaimsCase,
  approvedOn: IsoDate,
  now: { status: CaseStatus; today: IsoDate },
): SmallClaimsCase {
  requireDates({ approvedOn, docketedOn: c.docketedOn });
  assertDayNotFuture('approvedOn', approvedOn, now.today, 'The extension approval is dated in the future');
  const problems: string[] = [];
  if (c.extensionApprovedOn !== null) problems.push('EXTENSION_ALREADY_USED');
  if (c.decidedOn !== null) problems.push('ALREADY_DECIDED');
  else if (!isInTrial(now.status)) problems.push('CASE_LEFT_COURT');
  const plainOriginal = plainDecisionDeadline({ ...c, extensionApprovedOn: null }).originalDueOn;
  if (isAfter(plainOriginal, approvedOn)) problems.push('EXTENSION_AFTER_DEADLINE');
  const originalDueOn = unlessBeyondCalendar(() => lastDayOfPeriod(plainOriginal)) ?? plainOriginal;
  if (compareDates(approvedOn, c.docketedOn) < 0) problems.push('EXTENSION_BEFORE_DOCKETING');
  if (problems.length > 0) {
    throw litigationError(
      'EXTENSION_REFUSED',
      `Case ${c.caseId} cannot be extended (${SMALL_CLAIMS_DEADLINE_SOURCE})`,
      { problems, originalDueOn },
    );
  }
  return { ...c, extensionApprovedOn: approvedOn };
}

export interface OverdueCase {
  caseId: string;
  dueOn: IsoDate;
  daysOverdue: number;
  extended: boolean;
  /**
   * The period's last day runs past the holiday data: `dueOn` is its plain last day, which art. 203 may move later
   * once the arrangement for `awaitsHolidayYear` is recorded, so the case may not be overdue yet.
   */
  provisional: boolean;
  awaitsHolidayYear: number | null;
}

/**
 * Cases undecided as of `asOf` whose due date has passed, most overdue first. The due date itself is not overdue.
 * A case decided after `asOf` was still undecided then, so reports for past dates come out as they would have. A case
 * past its plain last day whose art. 203 last day lies beyond the holiday data is listed provisional: before, it
 * refused the whole list (OUTSIDE_HOLIDAY_CALENDAR), so in the last week of a year the court lost even the cases
 * overdue since October (a dates audit).
 */
export function overdueCases(cases: readonly SmallClaimsCase[], asOf: IsoDate): OverdueCase[] {
  requireDates({ asOf });
  return cases
    .filter((c) => c.decidedOn === null || compareDates(c.decidedOn, asOf) > 0)
    .flatMap((c): OverdueCase[] => {
      const { dueOn: plain, extended } = plainDecisionDeadline(c);
      if (compareDates(asOf, plain) <= 0) return [];
      const lastDay = lastDayOfPeriodWithin(plain);
      if (lastDay.date !== null && compareDates(asOf, lastDay.date) <= 0) return [];
      const dueOn = lastDay.date ?? plain;
      const awaitsHolidayYear = missingYearOf(lastDay);
      const provisional = awaitsHolidayYear !== null;
      return [
        { caseId: c.caseId, dueOn, daysOverdue: daysBetween(dueOn, asOf), extended, provisional, awaitsHolidayYear },
      ];
    })
    .sort((a, b) => b.daysOverdue - a.daysOverdue || (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
}

/**
 * Pre-litigation mediation normally runs up to 30 days; the start day is not counted (Civil Code art. 201), and a
 * last day that is a rest day or holiday moves to the next working day (art. 203): mediation started on 2026-09-03
 * runs to 2026-10-08, the 30th day being 3 October, in the National Day holiday. OUTSIDE_HOLIDAY_CALENDAR past the
 * holiday data.
 */
export function mediationWindow(startedOn: IsoDate): { startedOn: IsoDate; endsOn: IsoDate } {
  requireDates({ startedOn });
  return { startedOn, endsOn: periodEnd(startedOn, PRE_LITIGATION_MEDIATION_DAYS) };
}

/** Open from its start day to its last day; within the plain 30 days it is open whatever the holiday data says. */
export function isMediationWindowOpen(startedOn: IsoDate, asOf: IsoDate): boolean {
  requireDates({ startedOn, asOf });
  return compareDates(asOf, startedOn) >= 0 && !isAfter(addDays(startedOn, PRE_LITIGATION_MEDIATION_DAYS), asOf);
}

function requireDates(dates: Record<string, unknown>): void {
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(dates))
    if (!isIsoDate(value)) fields[name] = 'must be a YYYY-MM-DD calendar date';
  if (Object.keys(fields).length > 0) throw new InvalidInputError('A date is invalid', { fields });
}

/** What a referral's deadlines are computed from: the case as the court reported it. */
export interface CaseDeadlineFacts {
  referralId: string;
  courtId: string;
  districtCode: string | null;
  status: CaseStatus | null;
  procedure: string | null;
  docketedOn: IsoDate | null;
  decidedOn: IsoDate | null;
  extensionApprovedOn: IsoDate | null;
  /** The day the court converted the small claim to the simple or ordinary procedure (art. 169), if it did. */
  procedureChangedOn: IsoDate | null;
  /** The day the court reported the pre-litigation mediation started (MEDIATION_STARTED applied), if it did. */
  mediationStartedOn: IsoDate | null;
  /** The referring company: it must apply for enforcement (Civil Procedure Law art. 250). */
  companyId: string;
  judgedFen: number | null;
  settledFen: number | null;
  /** The last day of the performance period the court reported with the judgment or settlement. */
  performanceDueOn: IsoDate | null;
  /** The day the court reported enforcement started (ENFORCEMENT_STARTED), if it did. */
  enforcementStartedOn: IsoDate | null;
}
