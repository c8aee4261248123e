import { isIsoDate } from './calendar';

/**
 * ISO 8601 with its offset, to the minute, the second or a fraction of it (a court system's Java clock writes
 * nanoseconds; `Date` keeps milliseconds): what outsiders send for an instant.
 */
const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * The instant an outsider wrote, in UTC (`toISOString`), or undefined when it is not one the hub can keep: not a
 * real calendar date or time of day (2026-02-30, 24:00, a leap second), an offset past ±14:59, or a UTC year outside
 * 1000–9999 (`9999-12-31T23:00-05:00` is in year 10000, which `toISOString` writes `+010000-…` and PostgreSQL
 * refuses). `Date.parse` alone takes 2026-02-30 for 2 March.
 */
export function utcInstant(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const m = INSTANT.exec(text);
  if (!m || !isIsoDate(m[1])) return undefined;
  const [hour, minute, second] = [m[2], m[3], m[4] ?? '0'].map(Number);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  if (m[5] !== undefined && (Number(m[5]) > 14 || Number(m[6]) > 59)) return undefined;
  const time = Date.parse(text);
  if (Number.isNaN(time)) return undefined;
  const utc = new Date(time).toISOString();
  return /^\d{4}-/.test(utc) && utc >= '1000' ? utc : undefined;
}
