import { InvalidInputError } from './errors';

/**
 * Calendar dates as 'YYYY-MM-DD' and calendar months as 'YYYY-MM'. Statutory periods run in whole calendar days
 * and service periods in calendar months, with no time of day and no time zone, so these helpers work in UTC
 * midnights only and never read the clock. Pure and shared by every subgraph's domain rules.
 */
export type IsoDate = string;
export type YearMonth = string;

const YEAR_MONTH = /^([1-9][0-9]{3})-(0[1-9]|1[0-2])$/;
const DAY_MS = 86_400_000;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number of the digits of `text` from `from` to `to` (excluded), or -1 when one is not a digit. */
function digitsAt(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Milliseconds at UTC midnight of the date, or undefined when it is not a real calendar date (2021-02-29): YYYY-MM-DD
 * with a year from 1000, read digit by digit and checked against the Gregorian months, since every date rule of the
 * hub asks here, for each of thousands of rows (a regular expression and a Date round trip cost several times more).
 */
function toUtc(date: unknown): number | undefined {
  if (typeof date !== 'string' || date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45)
    return undefined;
  const year = digitsAt(date, 0, 4);
  const month = digitsAt(date, 5, 7);
  const day = digitsAt(date, 8, 10);
  if (year < 1000 || month < 1 || month > 12 || day < 1) return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1])) return undefined;
  return Date.UTC(year, month - 1, day);
}

const FIRST_DAY = Date.UTC(1000, 0, 1);
const LAST_DAY = Date.UTC(9999, 11, 31);

/**
 * The date of a UTC midnight, within the years 1000–9999 that a YYYY-MM-DD date holds: a period that ends outside
 * them (a huge count of days) is refused as input, where `toISOString` threw a RangeError (INTERNAL_SERVER_ERROR) or
 * gave a date no rule could read back.
 */
function fromUtc(time: number): IsoDate {
  if (!(time >= FIRST_DAY && time <= LAST_DAY))
    throw new InvalidInputError('A period ends outside the years 1000–9999');
  return new Date(time).toISOString().slice(0, 10);
}

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
  // Whole days only: 1.5 gave the next day and -0.4 the day before, silently.
  if (!Number.isSafeInteger(days)) throw new InvalidInputError(`${String(days)} is not a whole number of days`);
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

/** The later of two days (either, when the same). */
export const laterDate = (a: IsoDate, b: IsoDate): IsoDate => (compareDates(a, b) >= 0 ? a : b);

/** The earlier of two days (either, when the same). */
export const earlierDate = (a: IsoDate, b: IsoDate): IsoDate => (compareDates(a, b) <= 0 ? a : b);

/**
 * Whether `day` falls within the ownership of whoever became the owner on `ownerSince` (null: the owner throughout):
 * on or after that day. A demand, a mediation or a payment dated before it was the former owner's (a referral counts
 * none of them for this owner, and such a payment pays the former owner's months).
 */
export const isOwnersDay = (day: IsoDate, ownerSince: IsoDate | null | undefined): boolean =>
  !ownerSince || compareDates(day, ownerSince) >= 0;

/**
 * Whether `month` is wholly the owner's who became the owner on `ownerSince` (null: the owner throughout): it began
 * on or after that day. A month begun before it is the former owner's, in part or whole (a referral leaves it out as
 * PRIOR_OWNER, and a payment without designation does not go to it).
 */
export const isOwnersMonth = (month: YearMonth, ownerSince: IsoDate | null | undefined): boolean =>
  isOwnersDay(`${month}-01`, ownerSince);

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

/** The days of a calendar month: daysInMonth('2024-02') = 29. */
export function daysInMonth(month: YearMonth): number {
  return daysBetween(`${month}-01`, `${addMonths(month, 1)}-01`);
}

/** Negative, zero or positive as a is before, in or after b. */
export function compareMonths(a: YearMonth, b: YearMonth): number {
  return Math.sign(monthIndex(a) - monthIndex(b));
}

/** The earliest year a date may name: the People's Republic's founding. */
export const FIRST_YEAR = 1949;
/** How many years ahead of today a date may lie (a contract's end, a term's end). */
export const YEARS_AHEAD = 50;

/**
 * What is wrong with a calendar date an outsider sends, by the hub's one range (the `LocalDate` scalar's, and a
 * party's event's): before 1949, or more than 50 years after `today`; undefined when it is in range.
 */
export function dateOutOfRange(date: IsoDate, today: IsoDate): string | undefined {
  if (Number(date.slice(0, 4)) < FIRST_YEAR) return `is before ${FIRST_YEAR}`;
  if (compareDates(date, addYears(today, YEARS_AHEAD)) > 0) return `is more than ${YEARS_AHEAD} years ahead`;
  return undefined;
}
