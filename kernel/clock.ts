import type { IsoDate } from './calendar';

/**
 * Today's date where the statutes apply. Deadlines are counted in China Standard Time days: a filing submitted at
 * 23:30 on the 15th in Beijing is on time even though it is already the 16th nowhere and the 15th in UTC only by
 * luck. The domain rules never read the clock; the application layer asks here once per request.
 */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

const CHINA = new Intl.DateTimeFormat('en-CA', {
  timeZone: CHINA_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * A test hub runs every subgraph in one process, so pinning today here moves every subgraph's "today" at once: how
 * the suite proves it keeps passing after the holiday data runs out (HUB_TEST_TODAY, test/support/hub-fixture.ts).
 * Production never pins; an explicit `now` is never affected.
 */
let pinnedToday: IsoDate | null = null;

export function todayInChina(now?: Date): IsoDate {
  if (now === undefined && pinnedToday !== null) return pinnedToday;
  const part = partsOf(CHINA, now ?? new Date());
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * The instant's parts as the format gives them, read by type, not from the locale's pattern (en-CA's YYYY-MM-DD is
 * CLDR data, and one ICU release wrote M/D/YYYY).
 */
function partsOf(format: Intl.DateTimeFormat, at: Date): (type: Intl.DateTimeFormatPartTypes) => string {
  const parts = format.formatToParts(at);
  return (type) => parts.find((p) => p.type === type)!.value;
}

const CHINA_TIME = new Intl.DateTimeFormat('en-CA', {
  timeZone: CHINA_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The time of day in China, HH:MM:SS (24 hours). */
export function timeOfDayInChina(at: Date): string {
  const part = partsOf(CHINA_TIME, at);
  return `${part('hour')}:${part('minute')}:${part('second')}`;
}

/** Pins (or with null, releases) the day `todayInChina()` answers; for test hubs only (see above). */
export function pinHubToday(date: IsoDate | null): void {
  if (date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`Not a YYYY-MM-DD date: ${date}`);
  pinnedToday = date;
}
