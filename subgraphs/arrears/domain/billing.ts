import { InvalidInputError } from '../../../kernel/errors';
import { IsoDate, YearMonth, addDays, addMonths, compareMonths, isYearMonth } from '../../../kernel/calendar';

/**
 * The rules of a monthly billing run that the SQL carries out (application/billing.ts): which month may be billed,
 * when its charges fall due, and which subsidies of the schedule run that month. The arithmetic per household is
 * chargeFen (floor area × owner rate, half up), done by the database in the same integer form.
 */

/** The first and last calendar day of a month. */
export function monthSpan(month: YearMonth): { first: IsoDate; last: IsoDate } {
  const first = `${month}-01`;
  return { first, last: addDays(`${addMonths(month, 1)}-01`, -1) };
}

/**
 * When a month's fee falls due, where the contract says nothing else: the last day of the month served. Aging,
 * late fees and the limitation period all count from this date.
 */
export function dueOnForMonth(month: YearMonth): IsoDate {
  return monthSpan(month).last;
}

/**
 * A month can be billed once it has begun: a client asking for next month, or for text that is not a month, gets
 * BAD_USER_INPUT (UNKNOWN_MONTH) and nothing is written.
 */
export function checkBillingMonth(month: unknown, today: IsoDate): YearMonth {
  if (!isYearMonth(month)) {
    throw new InvalidInputError(`${String(month)} is not a YYYY-MM month`, {
      problems: [{ code: 'UNKNOWN_MONTH', month }],
      fields: { month: 'a YYYY-MM month' },
    });
  }
  if (compareMonths(month, today.slice(0, 7)) > 0) {
    throw new InvalidInputError(`${month} has not begun, so it cannot be billed yet`, {
      problems: [{ code: 'UNKNOWN_MONTH', month }],
      fields: { month: `not after ${today.slice(0, 7)}` },
    });
  }
  return month;
}

export interface ScheduledSubsidy {
  payer: string;
  rateFenPerM2Month: number;
  startMonth: YearMonth;
  months: number;
}

/** Whether the subsidy runs in `month`: from its start month for `months` months (seed 003: 36 months from 2022-01). */
export function subsidyRunsIn(subsidy: ScheduledSubsidy, month: YearMonth): boolean {
  return (
    compareMonths(month, subsidy.startMonth) >= 0 &&
    compareMonths(month, addMonths(subsidy.startMonth, subsidy.months)) < 0
  );
}
