import { InvalidInputError } from './errors';

/**
 * Calendar dates as 'YYYY-MM-DD' and calendar months as 'YYYY-MM'. Statutory periods run in whole calendar days
 * and service periods in calendar months, with no time of day and no time zone, so these helpers work in UTC
 * midnights only and never read the clock. Pure and shared by every subgraph's domain rules.
 */
export type IsoDate = string;
export type YearMonth = string;

const ISO_DATE = /^([1-9][0-9]{3})-([0-9]{2})-([0-9]{2})$/;
const YEAR_MONTH = /^([1-9][0-9]{3})-(0[1-9]|1[0-2])$/;
const DAY_MS = 86_400_000;

/** Milliseconds at UTC midnight of the date, or undefined when it is not a real calendar date (2021-02-29). */
function toUtc(date: unknown): number | undefined {
  if (typeof date !== 'string') return undefined;
  const match = ISO_DATE.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const back = new Date(time);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return undefined;
  return time;
}

const fromUtc = (time: number): IsoDate => new Date(time).toISOString().slice(0, 10);

function utcOrThrow(date: IsoDate): number {
  const time = toUtc(date);
  if (time === undefined)
    throw new InvalidInputError(`${String(date)} is not a YYYY-MM-DD calendar date`, { value: date });
  return time;
}

export function isIsoDate(value: unknown): value is IsoDate {
  return toUtc(value) !== undefined;
}

/**
 * The date `days` calendar days after `date`. Civil Code art. 201: the first day is not counted, so a period of
 * N days from signing on 2024-03-01 ends on addDays('2024-03-01', N) = 2024-03-16 for N = 15.
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtc(utcOrThrow(date) + days * DAY_MS);
}

/**
 * The last day of a period of `years` years counted from `date`. Civil Code art. 202: it is the corresponding day
 * of the final month, or that month's last day when there is none (from 2024-02-29, two years end 2026-02-28).
 */
export function addYears(date: IsoDate, years: number): IsoDate {
  return monthsPeriodEnd(date, years * 12);
}

/**
 * The last day of a period of `months` months counted from `date`, by the same rule (Civil Code art. 202): one
 * month from 2024-01-31 ends on 2024-02-29, from 2024-03-15 on 2024-04-15.
 */
export function monthsPeriodEnd(date: IsoDate, months: number): IsoDate {
  const start = new Date(utcOrThrow(date));
  const index = start.getUTCFullYear() * 12 + start.getUTCMonth() + months;
  const [year, month] = [Math.floor(index / 12), index - Math.floor(index / 12) * 12];
  const lastDayOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(year, month, Math.min(start.getUTCDate(), lastDayOfMonth)));
}

/** Negative, zero or positive as a is before, on or after b. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return Math.sign(utcOrThrow(a) - utcOrThrow(b));
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier): 2024-03-16 → 2024-03-19 is 3. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((utcOrThrow(to) - utcOrThrow(from)) / DAY_MS);
}

// ---------------------------------------------------------------------------------------------------------------
// Calendar months ('YYYY-MM'): fee schedules and subsidies run by month (seed 003: "为期三年", 36 months).
// ---------------------------------------------------------------------------------------------------------------

export function isYearMonth(value: unknown): value is YearMonth {
  return typeof value === 'string' && YEAR_MONTH.test(value);
}

/** Months since year 0, so months compare and subtract as integers: '2022-01' → 2022·12. */
export function monthIndex(month: YearMonth): number {
  const match = typeof month === 'string' ? YEAR_MONTH.exec(month) : null;
  if (!match) throw new InvalidInputError(`${String(month)} is not a YYYY-MM calendar month`, { value: month });
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

export function monthFromIndex(index: number): YearMonth {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The month `months` calendar months after `month`: addMonths('2022-01', 36) = '2025-01'. */
export function addMonths(month: YearMonth, months: number): YearMonth {
  return monthFromIndex(monthIndex(month) + months);
}

/** Negative, zero or positive as a is before, in or after b. */
export function compareMonths(a: YearMonth, b: YearMonth): number {
  return Math.sign(monthIndex(a) - monthIndex(b));
}
