import { litigationError } from './errors';
import { InvalidInputError } from '../../../kernel/errors';
import { IsoDate, addDays, addMonths, compareDates, daysBetween, isIsoDate } from '../../../kernel/calendar';
import {
  PRE_LITIGATION_MEDIATION_DAYS,
  SMALL_CLAIMS_DECISION_MONTHS,
  SMALL_CLAIMS_DEADLINE_SOURCE,
  SMALL_CLAIMS_EXTENSION_MONTHS,
} from './statutes';

/**
 * The clock of a small-claims case. Art. 168: decided within two months of docketing (立案), extendable once by one
 * month with the court president's approval. A period in months ends on the corresponding day of the final month,
 * or that month's last day when there is none (Civil Code art. 202); the docketing day itself is not counted
 * (Civil Procedure Law art. 85), so a case docketed on 2024-01-15 is due by 2024-03-15, and one docketed on
 * 2023-12-31 by 2024-02-29. The extension runs from the end of the original period: 2024-02-29 + 1 month =
 * 2024-03-29. Periods the law leaves out of the trial period (public notice, appraisal, …) and rest days at the end
 * of a period are not modelled: the hub watches the plain calendar and the court's own system has the final word.
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

export function decisionDeadline(c: SmallClaimsCase): DecisionDeadline {
  requireDates({ docketedOn: c.docketedOn });
  const originalDueOn = addCalendarMonths(c.docketedOn, SMALL_CLAIMS_DECISION_MONTHS);
  const extended = c.extensionApprovedOn !== null;
  const dueOn = extended ? addCalendarMonths(originalDueOn, SMALL_CLAIMS_EXTENSION_MONTHS) : originalDueOn;
  return { originalDueOn, dueOn, extended, source: SMALL_CLAIMS_DEADLINE_SOURCE };
}

/**
 * Records the extension. Refused when it was already used (art. 168 allows one), when the case is decided, or when
 * the approval comes after the original period ended: a period that has run out cannot be extended.
 */
export function extendDecisionDeadline(c: SmallClaimsCase, approvedOn: IsoDate): SmallClaimsCase {
  requireDates({ approvedOn, docketedOn: c.docketedOn });
  const problems: string[] = [];
  if (c.extensionApprovedOn !== null) problems.push('EXTENSION_ALREADY_USED');
  if (c.decidedOn !== null) problems.push('ALREADY_DECIDED');
  const { originalDueOn } = decisionDeadline({ ...c, extensionApprovedOn: null });
  if (compareDates(approvedOn, originalDueOn) > 0) problems.push('EXTENSION_AFTER_DEADLINE');
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
}

/**
 * Cases undecided as of `asOf` whose due date has passed, most overdue first. The due date itself is not overdue.
 * A case decided after `asOf` was still undecided then, so reports for past dates come out as they would have.
 */
export function overdueCases(cases: readonly SmallClaimsCase[], asOf: IsoDate): OverdueCase[] {
  requireDates({ asOf });
  return cases
    .filter((c) => c.decidedOn === null || compareDates(c.decidedOn, asOf) > 0)
    .map((c) => {
      const { dueOn, extended } = decisionDeadline(c);
      return { caseId: c.caseId, dueOn, daysOverdue: daysBetween(dueOn, asOf), extended };
    })
    .filter((o) => o.daysOverdue > 0)
    .sort((a, b) => b.daysOverdue - a.daysOverdue || (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
}

/** Pre-litigation mediation normally runs up to 30 days; the start day is not counted (Civil Code art. 201). */
export function mediationWindow(startedOn: IsoDate): { startedOn: IsoDate; endsOn: IsoDate } {
  requireDates({ startedOn });
  return { startedOn, endsOn: addDays(startedOn, PRE_LITIGATION_MEDIATION_DAYS) };
}

export function isMediationWindowOpen(startedOn: IsoDate, asOf: IsoDate): boolean {
  requireDates({ asOf });
  return compareDates(asOf, startedOn) >= 0 && compareDates(asOf, mediationWindow(startedOn).endsOn) <= 0;
}

function requireDates(dates: Record<string, unknown>): void {
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(dates))
    if (!isIsoDate(value)) fields[name] = 'must be a YYYY-MM-DD calendar date';
  if (Object.keys(fields).length > 0) throw new InvalidInputError('A date is invalid', { fields });
}
