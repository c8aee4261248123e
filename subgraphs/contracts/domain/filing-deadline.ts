import { InvalidInputError } from '../../../kernel/errors';
import { IsoDate, addDays, compareDates, daysBetween, isIsoDate } from '../../../kernel/calendar';
import { CitySettings, LateFilingPenalty } from './statutes';

/**
 * The filing (备案) deadline of a service contract: Beijing Property Management Regulation art. 63 gives the
 * provider 15 days from signing the contract, and 15 days again from each amendment; other cities set their own
 * number in CitySettings. A late filing is accepted and flagged with the statutory consequence (Beijing art. 91):
 * refusing it would leave the contract unfiled, which is the very failure the penalty is for.
 */

export interface FilingCalendar {
  /**
   * Statutory rest days (法定休假日: weekends and public holidays, not the weekend days worked in lieu, 调休). Civil
   * Code art. 203: a period whose last day is a rest day ends on the first day after the rest days. Without a
   * calendar the deadline is the plain count of days; the State Council publishes the holidays year by year, so the
   * calendar is the caller's to supply.
   */
  isRestDay?: (date: IsoDate) => boolean;
}

export interface FilingAssessment {
  /** The last day on which the filing is on time. */
  deadline: IsoDate;
  late: boolean;
  /** Calendar days after the deadline; 0 when on time. */
  daysLate: number;
  /** Present only when late: the statutory consequence in words, for the reviewer and the provider. */
  consequence?: string;
  /** Present only when late and the city records a penalty. */
  penalty?: LateFilingPenalty;
}

/** No run of rest days is this long; a calendar that says otherwise is broken, not a holiday. */
const MAX_REST_DAYS_IN_A_ROW = 366;

/**
 * The last day to file a contract signed (or amended) on `signedOn`: N days later, the signing day not counted
 * (Civil Code art. 201), so a contract signed on 2024-03-01 is due in Beijing by 2024-03-16; moved past rest days
 * when a calendar is given (art. 203).
 */
export function filingDeadline(signedOn: IsoDate, settings: CitySettings, calendar: FilingCalendar = {}): IsoDate {
  requireDates({ signedOn });
  let deadline = addDays(signedOn, settings.filingDeadlineDays);
  const isRestDay = calendar.isRestDay;
  if (!isRestDay) return deadline;
  for (let moved = 0; isRestDay(deadline); moved += 1) {
    if (moved >= MAX_REST_DAYS_IN_A_ROW) {
      throw new InvalidInputError('The rest-day calendar has no working day within a year of the deadline', { deadline });
    }
    deadline = addDays(deadline, 1);
  }
  return deadline;
}

/**
 * Whether a filing submitted on `submittedOn` for a contract signed (or amended) on `signedOn` is on time. The
 * deadline day itself is on time; the day after is one day late. A submission before the contract was signed is
 * refused: there is nothing yet to file.
 */
export function assessFiling(signedOn: IsoDate, submittedOn: IsoDate, settings: CitySettings, calendar: FilingCalendar = {}): FilingAssessment {
  requireDates({ signedOn, submittedOn });
  if (compareDates(submittedOn, signedOn) < 0) {
    throw new InvalidInputError('A contract cannot be filed before it is signed', {
      problems: ['SUBMITTED_BEFORE_SIGNING'],
      fields: { submittedOn: `submittedOn must be on or after the signing date ${signedOn}` },
    });
  }
  const deadline = filingDeadline(signedOn, settings, calendar);
  const daysLate = Math.max(0, daysBetween(deadline, submittedOn));
  if (daysLate === 0) return { deadline, late: false, daysLate };

  const penalty = settings.lateFilingPenalty;
  const missed = `Filed ${daysLate} ${daysLate === 1 ? 'day' : 'days'} after the deadline of ${deadline} (${settings.filingDeadlineDays} days from signing or amendment, ${settings.sources.filingDeadline})`;
  if (penalty === null) {
    return { deadline, late: true, daysLate, consequence: `${missed}; no penalty for late filing is recorded for city ${settings.cityCode}.` };
  }
  return { deadline, late: true, daysLate, consequence: `${missed}: ${penalty.description} (${penalty.source}).`, penalty };
}

/** Rejects malformed dates by field name. */
function requireDates(dates: Record<string, IsoDate>): void {
  const fields: Record<string, string> = {};
  for (const [field, value] of Object.entries(dates)) {
    if (!isIsoDate(value)) fields[field] = `${field} must be a YYYY-MM-DD calendar date`;
  }
  if (Object.keys(fields).length > 0) throw new InvalidInputError('A date is invalid', { fields });
}
