import { InvalidInputError } from '../../../kernel/errors';
import {
  IsoDate,
  YearMonth,
  addDays,
  addMonths,
  compareDates,
  compareMonths,
  daysBetween,
  daysInMonth,
  isYearMonth,
  laterDate,
} from '../../../kernel/calendar';
import { ServedDays } from '../../../kernel/money';

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

/** The days a contract serves the area: from its start to the last day of its term, termination or supersession. */
export interface ServiceSpan {
  startsOn: IsoDate;
  /** The last day served, inclusive. */
  endsOn: IsoDate;
}

/**
 * The days of `month` a company's contracts serve, together, out of the month's days: every day is the whole month's
 * fee, fewer a fee charged by the day (chargeFen), none no fee. A contract beginning or
 * ending within the month, the company's taking over from another or handing over to one (Civil Code arts. 940,
 * 949), serves only its days, so each company charges the days it served and the two never charge one day twice;
 * before, whichever company billed first charged the whole month and the other's run billed nobody. Two contracts
 * of the company within the month (one ending, its renewal beginning) count each day once.
 */
export function servedDaysOf(month: YearMonth, spans: readonly ServiceSpan[]): ServedDays {
  const { first, last } = monthSpan(month);
  const monthDays = daysInMonth(month);
  const clipped = spans
    .map((s) => ({ from: laterDate(s.startsOn, first), to: compareDates(s.endsOn, last) < 0 ? s.endsOn : last }))
    .filter((s) => compareDates(s.from, s.to) <= 0)
    .sort((a, b) => compareDates(a.from, b.from));
  let days = 0;
  let through: IsoDate | undefined;
  for (const s of clipped) {
    const from = through && compareDates(s.from, through) <= 0 ? addDays(through, 1) : s.from;
    if (compareDates(from, s.to) <= 0) days += daysBetween(from, s.to) + 1;
    if (!through || compareDates(s.to, through) > 0) through = s.to;
  }
  return { days, monthDays };
}

/**
 * Whether one of the company's contracts serves the area on `day` (from its start to its last day served, both
 * included): a utility cut-off that day is that company's (Civil Code art. 944 para. 3). A contract beginning or
 * ending within the month serves only its own days of it, as servedDaysOf counts them for billing.
 */
export function servesDay(spans: readonly ServiceSpan[], day: IsoDate): boolean {
  return spans.some((s) => compareDates(s.startsOn, day) <= 0 && compareDates(day, s.endsOn) <= 0);
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

/**
 * The subsidies running in `month`, one per payer and building class at the sum of that payer's running rates: a
 * class may name one payer twice (two grants, ¥0.50 and ¥0.28, as the contracts subgraph accepts and bills as one
 * ¥0.78 line), and billing them as two lines of one payer and class failed the whole area's run (a money audit).
 */
export function runningSubsidies(
  classes: readonly { buildingClass: string; subsidies: readonly ScheduledSubsidy[] }[],
  month: YearMonth,
): { payer: string; buildingClass: string; rate: number }[] {
  const byPayer = new Map<string, { payer: string; buildingClass: string; rate: number }>();
  for (const c of classes)
    for (const s of c.subsidies.filter((x) => subsidyRunsIn(x, month))) {
      const key = JSON.stringify([s.payer, c.buildingClass]);
      const line = byPayer.get(key) ?? { payer: s.payer, buildingClass: c.buildingClass, rate: 0 };
      line.rate += s.rateFenPerM2Month;
      byPayer.set(key, line);
    }
  return [...byPayer.values()];
}
