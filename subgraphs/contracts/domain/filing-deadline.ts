import { InvalidInputError } from '../../../kernel/errors';
import { IsoDate, compareDates, daysBetween, isIsoDate } from '../../../kernel/calendar';
import {
  CHINA_WORKING_DAYS,
  ShownDeadline,
  WorkingDayCalendar,
  periodEnd,
  shownPeriodEnd,
} from '../../../kernel/working-days';
import { CitySettings, LateFilingPenalty } from './statutes';

/**
 * The filing (备案) deadline of a service contract: Beijing Property Management Regulation art. 63 gives the
 * provider 15 days from signing the contract, and 15 days again from each amendment; other cities set their own
 * number in CitySettings. A late filing is accepted and flagged with the statutory consequence (Beijing art. 91):
 * refusing it would leave the contract unfiled, which is the very failure the penalty is for.
 */

export interface FilingAssessment {
  /** The last day on which the filing is on time; null where the city has no confirmed deadline. */
  deadline: IsoDate | null;
  /**
   * The deadline lies past the holiday data: `deadline` is the plain count (the earliest the period can end) and the
   * filing, submitted within it, is on time whatever the missing year's notice says.
   */
  deadlineProvisional?: boolean;
  late: boolean;
  /** Calendar days after the deadline; 0 when on time. */
  daysLate: number;
  /** Present only when late: the statutory consequence in words, for the reviewer and the provider. */
  consequence?: string;
  /** Present only when late and the city records a penalty. */
  penalty?: LateFilingPenalty;
}

/**
 * The last day to file a contract signed (or amended) on `signedOn`: N days later, the signing day not counted
 * (Civil Code art. 201), moved to the next working day when it falls on a statutory rest day (art. 203:
 * 以法定休假日结束的次日为期间的最后一日). A contract signed on Friday 2021-12-10 is due in Beijing by Monday
 * 2021-12-27, its 15th day being Saturday the 25th. The hub's one calendar (kernel/working-days.ts) holds the State
 * Council's holiday notices and refuses (OUTSIDE_HOLIDAY_CALENDAR) a deadline past them.
 */
export function filingDeadline(
  signedOn: IsoDate,
  settings: CitySettings,
  calendar: WorkingDayCalendar = CHINA_WORKING_DAYS,
): IsoDate {
  requireDates({ signedOn });
  if (settings.filingDeadlineDays === null) throw new Error(`City ${settings.cityCode} has no filing deadline`);
  return periodEnd(signedOn, settings.filingDeadlineDays, calendar);
}

/** A filing's lateness as stored: the day its deadline runs from and what the assessment found. */
export interface StoredLateness {
  deadlineFrom: IsoDate;
  deadline: IsoDate | null;
  late: boolean;
  daysLate: number;
  consequence: string | null;
}

/**
 * The lateness of a returned filing resubmitted with corrected terms: the deadline still runs to the first submission,
 * and the days late found then stand unless the new terms find more. Before, a resubmission that moved `signedOn`
 * later made a late filing on time, and its acceptance recorded no LATE_FILING (Beijing art. 91): the signing day is
 * the company's own statement, and a correction of it that would excuse the delay is for the bureau to weigh (the
 * versions show both days), or for an objection to the credit entry, not the company's to make by resubmitting.
 */
export function latenessOnResubmission(stored: StoredLateness, fresh: StoredLateness): StoredLateness {
  return stored.daysLate > fresh.daysLate ? stored : fresh;
}

/**
 * A contract is filed once it is signed (an amendment once it is agreed): a signing day after the day of filing is
 * refused, before any other check, on the fields the caller gave, with SUBMITTED_BEFORE_SIGNING: the signing day's
 * (`terms.signedOn` of the draft or the resubmitted terms, an amendment's `amendedOn`), and `submittedOn` only where
 * the caller stated it (the admin's paper filing). Before, submitFiling and resubmitFiling left it to assessFiling,
 * whose refusal names `submittedOn`, a field a company never sends, when the draft's signing day was in the future
 * (amendments were fixed the same way before).
 */
export function assertFiledOnceSigned(
  signedOn: IsoDate,
  submittedOn: IsoDate,
  fields: { signedOn: string; submittedOn?: string | null },
  message = 'A contract cannot be filed before it is signed',
): void {
  if (compareDates(submittedOn, signedOn) >= 0) return;
  throw new InvalidInputError(message, {
    problems: ['SUBMITTED_BEFORE_SIGNING'],
    fields: {
      [fields.signedOn]: `on or before ${submittedOn}, the day it is filed`,
      ...(fields.submittedOn ? { [fields.submittedOn]: `on or after ${signedOn}, the day it was signed` } : {}),
    },
  });
}

/**
 * Whether a filing submitted on `submittedOn` for a contract signed (or amended) on `signedOn` is on time. The
 * deadline day itself is on time; the day after is one day late. A submission before the contract was signed is
 * refused: there is nothing yet to file.
 */
export function assessFiling(
  signedOn: IsoDate,
  submittedOn: IsoDate,
  settings: CitySettings,
  calendar: WorkingDayCalendar = CHINA_WORKING_DAYS,
): FilingAssessment {
  requireDates({ signedOn, submittedOn });
  if (compareDates(submittedOn, signedOn) < 0) {
    throw new InvalidInputError('A contract cannot be filed before it is signed', {
      problems: ['SUBMITTED_BEFORE_SIGNING'],
      fields: { submittedOn: `submittedOn must be on or after the signing date ${signedOn}` },
    });
  }
  if (settings.filingDeadlineDays === null) return { deadline: null, late: false, daysLate: 0 };
  const shown = shownPeriodEnd(signedOn, settings.filingDeadlineDays, calendar);
  if (shown.provisional) {
    // On time within the plain count; later, only the missing year's notice can say (OUTSIDE_HOLIDAY_CALENDAR).
    if (compareDates(submittedOn, shown.date) > 0) filingDeadline(signedOn, settings, calendar);
    return { deadline: shown.date, deadlineProvisional: true, late: false, daysLate: 0 };
  }
  const deadline = shown.date;
  const daysLate = Math.max(0, daysBetween(deadline, submittedOn));
  if (daysLate === 0) return { deadline, late: false, daysLate };

  const penalty = settings.lateFilingPenalty;
  const missed = `Filed ${daysLate} ${daysLate === 1 ? 'day' : 'days'} after the deadline of ${deadline} (${settings.filingDeadlineDays} days from signing or amendment, ${settings.sources.filingDeadline})`;
  if (penalty === null) {
    return {
      deadline,
      late: true,
      daysLate,
      consequence: `${missed}; no penalty for late filing is recorded for city ${settings.cityCode}.`,
    };
  }
  return {
    deadline,
    late: true,
    daysLate,
    consequence: `${missed}: ${penalty.description} (${penalty.source}).`,
    penalty,
  };
}

/**
 * A stored deadline as it stands now: one stored as provisional (the plain count, past the holiday data when the
 * filing was assessed) becomes the art. 203 day once the year is recorded; a firm one is a working day and stays.
 */
export function currentFilingDeadline(
  deadlineFrom: IsoDate,
  stored: IsoDate,
  calendar: WorkingDayCalendar = CHINA_WORKING_DAYS,
): ShownDeadline {
  return shownPeriodEnd(deadlineFrom, daysBetween(deadlineFrom, stored), calendar);
}

/** Rejects malformed dates by field name. */
function requireDates(dates: Record<string, IsoDate>): void {
  const fields: Record<string, string> = {};
  for (const [field, value] of Object.entries(dates)) {
    if (!isIsoDate(value)) fields[field] = `${field} must be a YYYY-MM-DD calendar date`;
  }
  if (Object.keys(fields).length > 0) throw new InvalidInputError('A date is invalid', { fields });
}
