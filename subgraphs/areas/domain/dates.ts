import { InvalidInputError } from '../../../infra/errors';

/**
 * Calendar dates as 'YYYY-MM-DD' strings. Statutory periods run in whole calendar days in China, with no time of
 * day and no time zone, so these helpers work in UTC midnights only and never read the clock.
 */
export type IsoDate = string;

const ISO_DATE = /^([1-9][0-9]{3})-([0-9]{2})-([0-9]{2})$/;
const DAY_MS = 86_400_000;

/** Milliseconds at UTC midnight of the date, or undefined when it is not a real calendar date (2021-02-29). */
function toUtc(date: string): number | undefined {
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
  if (time === undefined) throw new InvalidInputError(`${String(date)} is not a YYYY-MM-DD calendar date`, { value: date });
  return time;
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && toUtc(value) !== undefined;
}

/**
 * The date `days` calendar days after `date`. Civil Code art. 201: the first day is not counted, so a period of
 * N days from 2020-05-30 ends on addDays('2020-05-30', N).
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtc(utcOrThrow(date) + days * DAY_MS);
}

/**
 * The last day of a period of `years` years starting on `date`. Civil Code art. 202: it is the corresponding day
 * of the final month, or that month's last day when there is none (from 2020-02-29, three years end 2023-02-28).
 */
export function addYears(date: IsoDate, years: number): IsoDate {
  const start = new Date(utcOrThrow(date));
  const year = start.getUTCFullYear() + years;
  const month = start.getUTCMonth();
  const lastDayOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(year, month, Math.min(start.getUTCDate(), lastDayOfMonth)));
}

/** Negative, zero or positive as a is before, on or after b. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return Math.sign(utcOrThrow(a) - utcOrThrow(b));
}
