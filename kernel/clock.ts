import type { IsoDate } from './calendar';

/**
 * Today's date where the statutes apply. Deadlines are counted in China Standard Time days: a filing submitted at
 * 23:30 on the 15th in Beijing is on time even though it is already the 16th nowhere and the 15th in UTC only by
 * luck. The domain rules never read the clock; the application layer asks here once per request.
 */
const CHINA = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function todayInChina(now: Date = new Date()): IsoDate {
  return CHINA.format(now);
}
