import { IsoDate, addDays, compareDates, daysBetween, isIsoDate } from '../../../kernel/calendar';
import { InvalidInputError } from '../../../kernel/errors';

/**
 * Working days (工作日) in mainland China: Monday to Friday, less the days off that the State Council's yearly notice
 * on holiday arrangements (国务院办公厅关于某年部分节假日安排的通知) gives for the statutory holidays and the days
 * bridged to them (放假调休), plus the Saturdays and Sundays that notice makes working days (调休上班). The dates
 * cannot be computed: each year's notice is published in the autumn before, and exceptional notices change a year
 * after the fact (2020: the Spring Festival holiday was extended to 2 February, which was to be a working Saturday).
 * So the rules here take the official arrangement as data and say "unknown" for a year it does not hold, rather
 * than guess from weekdays alone.
 */
export interface HolidayArrangement {
  /** The years whose State Council notice the arrangement holds. */
  readonly years: ReadonlySet<number>;
  /** Days off under the notices (holidays and bridging days), weekends among them included. */
  readonly daysOff: ReadonlySet<IsoDate>;
  /** Saturdays and Sundays the notices make working days (调休上班). */
  readonly weekendWorkingDays: ReadonlySet<IsoDate>;
}

export interface WorkingDayCalendar {
  /** Whether `date` is a working day, or undefined when the arrangement for it is not known. */
  isWorkingDay(date: IsoDate): boolean | undefined;
}

/** 0 = Sunday … 6 = Saturday, from the calendar date alone (1970-01-01 was a Thursday). */
export function dayOfWeek(date: IsoDate): number {
  const days = daysBetween('1970-01-01', date);
  return (((days + 4) % 7) + 7) % 7;
}

/**
 * The working-day calendar of an official arrangement. A date is known once the notice for its year is held, except
 * the last week of December, which also needs the next year's notice: a New Year's Day arrangement can reach back
 * into it (the 2019 notice gave 2018-12-30 and 2018-12-31 off and made Saturday 2018-12-29 a working day).
 */
export function workingDayCalendar(arrangement: HolidayArrangement): WorkingDayCalendar {
  return {
    isWorkingDay(date: IsoDate): boolean | undefined {
      const year = Number(date.slice(0, 4));
      if (!arrangement.years.has(year)) return undefined;
      if (date.slice(5) >= '12-25' && !arrangement.years.has(year + 1)) return undefined;
      if (arrangement.weekendWorkingDays.has(date)) return true;
      if (arrangement.daysOff.has(date)) return false;
      const weekday = dayOfWeek(date);
      return weekday >= 1 && weekday <= 5;
    },
  };
}

/**
 * The `count`-th working day after `from`, `from` itself not counted (Civil Code art. 201: a period counted in days
 * starts on the next day). Undefined when the count runs into a day the calendar does not know: the deadline
 * depends on a holiday notice the hub does not hold yet.
 */
export function addWorkingDays(from: IsoDate, count: number, calendar: WorkingDayCalendar): IsoDate | undefined {
  if (!isIsoDate(from)) throw new InvalidInputError(`${String(from)} is not a YYYY-MM-DD calendar date`, { value: from });
  if (!Number.isInteger(count) || count < 1) throw new InvalidInputError('A number of working days is a whole number of at least 1', { value: count });
  let date = from;
  let left = count;
  // No notice has ever given more than nine days off in a row; a year without a single working day is a broken table.
  for (let step = 0; step < count * 7 + 366; step++) {
    date = addDays(date, 1);
    const working = calendar.isWorkingDay(date);
    if (working === undefined) return undefined;
    if (working && --left === 0) return date;
  }
  throw new Error(`The working-day calendar has no working day in the year after ${from}`);
}

/**
 * Whether `actual` fell after the `count`-th working day after `start`: true or false, or undefined when that
 * depends on days the calendar does not know. A count of working days never ends sooner than the same count of
 * calendar days, so anything within that is on time even in a year whose notice is not out yet.
 */
export function isLaterThanWorkingDays(start: IsoDate, count: number, actual: IsoDate, calendar: WorkingDayCalendar): boolean | undefined {
  const deadline = addWorkingDays(start, count, calendar);
  if (deadline !== undefined) return compareDates(actual, deadline) > 0;
  if (compareDates(actual, addDays(start, count)) <= 0) return false;
  return undefined;
}
