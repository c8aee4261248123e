import officialTable from 'chinese-days/dist/chinese-days.json';
import { IsoDate, addDays, compareDates, daysBetween, isIsoDate } from './calendar';
import { DomainError, InvalidInputError } from './errors';

/**
 * The hub's one calendar of working days (工作日) and statutory rest days (法定休假日) in mainland China, for every
 * period any subgraph computes.
 *
 * Working days are Monday to Friday, less the days off the State Council's yearly notice on holiday arrangements
 * (国务院办公厅关于某年部分节假日安排的通知) gives for the statutory holidays and the days bridged to them (放假调休),
 * plus the Saturdays and Sundays that notice makes working days (调休上班). The dates cannot be computed: each year's
 * notice is published in the autumn before, and exceptional notices change a year after the fact (2020: the Spring
 * Festival holiday was extended to 2 February, which was to be a working Saturday). So the calendar takes the
 * official arrangement as data, states the range it holds, and refuses (OUTSIDE_HOLIDAY_CALENDAR) to answer for a
 * day beyond it rather than guess from weekdays alone.
 *
 * The data is the `chinese-days` package (MIT), which transcribes each notice (e.g. 国办发明电〔2023〕7号 for 2024),
 * the 2020 extension included. Version 1.5.7 holds 2004–2026, so the calendar answers from 2004-01-01 to 2026-12-24
 * (the last week of December waits for the next year's notice, see workingDayCalendar). An update of the package
 * brings a new year in and nothing here changes.
 */
export interface HolidayArrangement {
  /** The years whose State Council notice the arrangement holds (consecutive). */
  readonly years: ReadonlySet<number>;
  /** Days off under the notices (holidays and bridging days), weekends among them included. */
  readonly daysOff: ReadonlySet<IsoDate>;
  /** Saturdays and Sundays the notices make working days (调休上班). */
  readonly weekendWorkingDays: ReadonlySet<IsoDate>;
}

/** The first and last day a calendar answers for, both included. */
export interface CalendarRange {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

export interface WorkingDayCalendar {
  readonly range: CalendarRange;
  /** Whether `date` is a working day; throws OUTSIDE_HOLIDAY_CALENDAR for a day outside `range`. */
  isWorkingDay(date: IsoDate): boolean;
}

/** A period that runs past the holiday data the hub holds: its end cannot be known until the data is updated. */
export class OutsideHolidayCalendarError extends DomainError {
  constructor(date: IsoDate, range: CalendarRange) {
    super(
      'OUTSIDE_HOLIDAY_CALENDAR',
      `${date} is outside the State Council holiday arrangements the hub holds (${range.from} to ${range.to}); the period cannot be computed until the arrangement for ${yearNeededFor(date)} is recorded`,
      { date, calendarFrom: range.from, calendarTo: range.to, missingYear: yearNeededFor(date) },
    );
    this.name = 'OutsideHolidayCalendarError';
  }
}

/**
 * The year whose notice decides `date`: its own, except in the last week of December, which the next year's New Year
 * holiday can reach back into (see workingDayCalendar).
 */
export function yearNeededFor(date: IsoDate): number {
  const year = Number(date.slice(0, 4));
  return date.slice(5) >= '12-25' ? year + 1 : year;
}

/** 0 = Sunday … 6 = Saturday, from the calendar date alone (1970-01-01 was a Thursday). */
export function dayOfWeek(date: IsoDate): number {
  const days = daysBetween('1970-01-01', date);
  return (((days + 4) % 7) + 7) % 7;
}

/**
 * The working-day calendar of an official arrangement. A date is known once the notice for its year is held, except
 * the last week of December, which also needs the next year's notice: a New Year's Day arrangement can reach back
 * into it (the 2019 notice gave 2018-12-30 and 2018-12-31 off and made Saturday 2018-12-29 a working day). So the
 * range ends on 24 December of the last year held.
 */
export function workingDayCalendar(arrangement: HolidayArrangement): WorkingDayCalendar {
  const years = [...arrangement.years].sort((a, b) => a - b);
  if (years.length === 0) throw new Error('A holiday arrangement holds at least one year');
  const first = years[0];
  const last = years[years.length - 1];
  if (last - first + 1 !== years.length)
    throw new Error(`The holiday arrangement skips a year between ${first} and ${last}`);
  const range: CalendarRange = { from: `${first}-01-01`, to: `${last}-12-24` };
  return {
    range,
    isWorkingDay(date: IsoDate): boolean {
      requireDate(date);
      if (compareDates(date, range.from) < 0 || compareDates(date, range.to) > 0)
        throw new OutsideHolidayCalendarError(date, range);
      if (arrangement.weekendWorkingDays.has(date)) return true;
      if (arrangement.daysOff.has(date)) return false;
      const weekday = dayOfWeek(date);
      return weekday >= 1 && weekday <= 5;
    },
  };
}

/** The `chinese-days` table: days off (date → "English name,中文名,days") and weekend days worked (date → holiday). */
export interface ChineseDaysTable {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/**
 * Every notice arranges the Spring Festival, which always falls in January or February of its own year, so a year
 * with Spring Festival days off is a year whose notice the table holds; a New Year's Day bridge reaching back into
 * December (2018-12-30 and 31, under the 2019 notice) does not make December's year look covered.
 */
export function arrangementFromTable(table: ChineseDaysTable): HolidayArrangement {
  const dates = [...Object.keys(table.holidays), ...Object.keys(table.workdays)];
  const malformed = dates.filter((d) => !isIsoDate(d));
  if (malformed.length > 0)
    throw new Error(`The holiday table has malformed dates: ${malformed.slice(0, 5).join(', ')}`);
  const years = new Set(
    Object.entries(table.holidays)
      .filter(([date, name]) => name.includes('春节') && date.slice(5, 7) <= '02')
      .map(([date]) => Number(date.slice(0, 4))),
  );
  return {
    years,
    daysOff: new Set(Object.keys(table.holidays)),
    weekendWorkingDays: new Set(Object.keys(table.workdays)),
  };
}

export const OFFICIAL_HOLIDAYS: HolidayArrangement = arrangementFromTable(officialTable as ChineseDaysTable);

/** A run of days off, both ends included. */
export interface DateRange {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/**
 * One year's State Council notice as an operator records it once it is published (the years after the package's):
 * the days off as ranges (a New Year bridge may start in the previous December's last week) and the weekend days
 * worked in lieu (调休上班).
 */
export interface YearArrangement {
  readonly year: number;
  readonly daysOff: readonly DateRange[];
  readonly weekendWorkingDays: readonly IsoDate[];
}

/** Bounds on a recorded year: no notice has ever given more than about 30 days off or 12 weekend days worked. */
export const MAX_RANGES_PER_YEAR = 20;
export const MAX_WEEKEND_WORKING_DAYS_PER_YEAR = 20;
export const MAX_DAYS_OFF_PER_RANGE = 15;

/** Every day of a range, both ends included. */
export function daysOfRange(range: DateRange): IsoDate[] {
  const days: IsoDate[] = [];
  for (let d = range.from; compareDates(d, range.to) <= 0; d = addDays(d, 1)) days.push(d);
  return days;
}

/**
 * What is wrong with `next` as the next year of `held` (empty when nothing): the year must follow the last one held
 * (consecutive, no gaps) unless it corrects a year in `correctable` (those recorded after the package's); every date
 * lies in the year, or in the previous year's last week (25–31 December) for a New Year bridge; weekend days worked
 * are Saturdays or Sundays; no day is both off and worked; ranges are ordered, bounded and do not overlap.
 */
export function yearArrangementProblems(
  held: HolidayArrangement,
  next: YearArrangement,
  correctable: ReadonlySet<number> = new Set(),
): string[] {
  const problems: string[] = [];
  const last = Math.max(...held.years);
  const correcting = correctable.has(next.year);
  if (!Number.isInteger(next.year) || (!correcting && next.year !== last + 1))
    problems.push(
      `YEAR_NOT_NEXT: ${next.year} is not the year after the last one held (${last}); years are recorded in order, with no gap` +
        (correctable.size > 0 ? `, or a recorded year (${[...correctable].join(', ')}) is corrected` : ''),
    );
  const from = `${next.year - 1}-12-25`;
  const to = `${next.year}-12-31`;
  const inYear = (d: IsoDate) => isIsoDate(d) && compareDates(d, from) >= 0 && compareDates(d, to) <= 0;
  if (next.daysOff.length === 0) problems.push('NO_DAYS_OFF: a notice always gives days off');
  if (next.daysOff.length > MAX_RANGES_PER_YEAR)
    problems.push(`TOO_MANY_RANGES: at most ${MAX_RANGES_PER_YEAR} ranges of days off`);
  if (next.weekendWorkingDays.length > MAX_WEEKEND_WORKING_DAYS_PER_YEAR)
    problems.push(`TOO_MANY_WEEKEND_WORKING_DAYS: at most ${MAX_WEEKEND_WORKING_DAYS_PER_YEAR}`);
  const off = new Set<IsoDate>();
  for (const range of next.daysOff.slice(0, MAX_RANGES_PER_YEAR)) {
    const label = `${range.from}..${range.to}`;
    if (!inYear(range.from) || !inYear(range.to)) {
      problems.push(`DATE_OUTSIDE_YEAR: days off ${label} must lie within ${from}..${to}`);
      continue;
    }
    if (compareDates(range.from, range.to) > 0) {
      problems.push(`RANGE_REVERSED: days off ${label} end before they start`);
      continue;
    }
    if (daysBetween(range.from, range.to) + 1 > MAX_DAYS_OFF_PER_RANGE) {
      problems.push(`RANGE_TOO_LONG: days off ${label} exceed ${MAX_DAYS_OFF_PER_RANGE} days`);
      continue;
    }
    for (const day of daysOfRange(range)) {
      if (off.has(day)) problems.push(`RANGES_OVERLAP: ${day} is in more than one range of days off`);
      off.add(day);
    }
  }
  const worked = new Set<IsoDate>();
  for (const day of next.weekendWorkingDays.slice(0, MAX_WEEKEND_WORKING_DAYS_PER_YEAR)) {
    if (!inYear(day)) {
      problems.push(`DATE_OUTSIDE_YEAR: weekend working day ${day} must lie within ${from}..${to}`);
      continue;
    }
    const weekday = dayOfWeek(day);
    if (weekday !== 0 && weekday !== 6)
      problems.push(`WORKING_DAY_NOT_WEEKEND: ${day} is not a Saturday or Sunday, so it is a working day anyway`);
    if (off.has(day)) problems.push(`DAY_OFF_AND_WORKING: ${day} is both a day off and a weekend working day`);
    if (worked.has(day)) problems.push(`DUPLICATE_WORKING_DAY: ${day} is listed twice`);
    worked.add(day);
  }
  return problems;
}

/**
 * `base` with `years` added (each replacing any earlier record of the same year): the pure way to build a calendar
 * from recorded arrangements. Only the years that continue `base` without a gap are taken, so a stored copy missing
 * a year stops at the gap rather than making up the days between.
 */
export function extendArrangement(base: HolidayArrangement, years: readonly YearArrangement[]): HolidayArrangement {
  const byYear = new Map(years.map((y) => [y.year, y]));
  const held = new Set(base.years);
  const daysOff = new Set(base.daysOff);
  const weekendWorkingDays = new Set(base.weekendWorkingDays);
  for (let year = Math.max(...base.years) + 1; byYear.has(year); year++) {
    const arrangement = byYear.get(year) as YearArrangement;
    held.add(year);
    for (const range of arrangement.daysOff) for (const day of daysOfRange(range)) daysOff.add(day);
    for (const day of arrangement.weekendWorkingDays) weekendWorkingDays.add(day);
  }
  return { years: held, daysOff, weekendWorkingDays };
}

/** A recorded year with its version: a correction of a year is its next version. */
export interface RecordedYear extends YearArrangement {
  readonly version: number;
}

/** A calendar whose arrangement grows while the process runs (the recorded years arrive as events). */
export interface ExtendableCalendar extends WorkingDayCalendar {
  /** The arrangement it answers from now. */
  readonly arrangement: HolidayArrangement;
  /** The recorded years installed, with their versions. */
  readonly installed: readonly RecordedYear[];
  /**
   * Takes each year whose version is newer than the one installed (a correction replaces its year); older or equal
   * versions are ignored, so copies read in any order, or a copy lagging behind, converge on the newest and never
   * take a year away.
   */
  install(years: readonly RecordedYear[]): void;
}

export function extendableCalendar(base: HolidayArrangement): ExtendableCalendar {
  const installed = new Map<number, RecordedYear>();
  let arrangement = base;
  let calendar = workingDayCalendar(base);
  return {
    get range() {
      return calendar.range;
    },
    get arrangement() {
      return arrangement;
    },
    get installed() {
      return [...installed.values()].sort((a, b) => a.year - b.year);
    },
    isWorkingDay: (date) => calendar.isWorkingDay(date),
    install(years) {
      let changed = false;
      for (const year of years) {
        const held = installed.get(year.year);
        if (held && held.version >= year.version) continue;
        installed.set(year.year, year);
        changed = true;
      }
      if (!changed) return;
      arrangement = extendArrangement(base, [...installed.values()]);
      calendar = workingDayCalendar(arrangement);
    },
  };
}

/**
 * Mainland China's working days under the State Council's notices: the calendar every subgraph uses. The package's
 * years, extended in each process by the years an operator has recorded since (the `holidayArrangements` registry of
 * the contracts subgraph, copied to every subgraph that computes periods, which installs them here).
 */
export const CHINA_WORKING_DAYS: ExtendableCalendar = extendableCalendar(OFFICIAL_HOLIDAYS);

/** No notice has ever given more than nine days off in a row; a year without a working day is a broken table. */
const MAX_DAYS_SEARCHED = 366;

/**
 * Civil Code art. 203 on a last day already counted: `lastDay` itself when it is a working day, else the first working
 * day after the rest days. For periods not counted in days (years, months: arts. 188, 202) whose plain last day is
 * computed elsewhere. OUTSIDE_HOLIDAY_CALENDAR past the calendar's range.
 */
export function lastDayOfPeriod(lastDay: IsoDate, calendar: WorkingDayCalendar = CHINA_WORKING_DAYS): IsoDate {
  requireDate(lastDay);
  return nextWorkingDayFrom(lastDay, calendar);
}

/**
 * What the calendar answers for a day a period needs: the day, or else the first day past its range the count reached
 * (`outside`), whose year's arrangement is missing. The `…Within` functions answer this instead of throwing
 * OUTSIDE_HOLIDAY_CALENDAR, for loops over many rows (claim snapshots, statements) where a period past the holiday data
 * is common and building an error per row cost more than the count itself.
 */
export type CalendarDay =
  { readonly date: IsoDate; readonly outside: null } | { readonly date: null; readonly outside: IsoDate };

/** The OUTSIDE_HOLIDAY_CALENDAR error the throwing functions give for an answer past the calendar's range. */
export function outsideCalendarError(
  answer: { readonly outside: IsoDate },
  calendar: WorkingDayCalendar = CHINA_WORKING_DAYS,
): OutsideHolidayCalendarError {
  return new OutsideHolidayCalendarError(answer.outside, calendar.range);
}

/** The day, or OUTSIDE_HOLIDAY_CALENDAR for the day past the range, as the throwing functions answer. */
function dayOrThrow(answer: CalendarDay, calendar: WorkingDayCalendar): IsoDate {
  if (answer.date === null) throw outsideCalendarError(answer, calendar);
  return answer.date;
}

/** The year whose arrangement an answer awaits (yearNeededFor its day past the range); null when it has its day. */
export function missingYearOf(answer: CalendarDay): number | null {
  return answer.outside === null ? null : yearNeededFor(answer.outside);
}

/**
 * Each calendar's answers of firstWorkingDayWithin by date, kept while its range is the same object: a calendar of
 * workingDayCalendar never changes, and an extendable one answers from a new calendar, with a new range, after each
 * install. Dates cluster (due dates, payment days), so a statement's thousands of periods need a few dozen searches.
 */
const searched = new WeakMap<WorkingDayCalendar, { range: CalendarRange; days: Map<IsoDate, CalendarDay> }>();
const MAX_SEARCHES_KEPT = 10_000;

/** The first working day on or after `date`, or the first day past the calendar's range before one was found. */
function firstWorkingDayWithin(date: IsoDate, calendar: WorkingDayCalendar): CalendarDay {
  const range = calendar.range;
  let memo = searched.get(calendar);
  if (memo?.range !== range) {
    memo = { range, days: new Map() };
    searched.set(calendar, memo);
  }
  const known = memo.days.get(date);
  if (known) return known;
  let answer: CalendarDay | null = null;
  let day = date;
  for (let step = 0; step < MAX_DAYS_SEARCHED && answer === null; step++) {
    // The range check isWorkingDay would throw for, made first (dates of the same form compare as strings).
    if (day < range.from || day > range.to) answer = { date: null, outside: day };
    else if (calendar.isWorkingDay(day)) answer = { date: day, outside: null };
    else day = addDays(day, 1);
  }
  if (answer === null) throw new Error(`The working-day calendar has no working day in the year after ${date}`);
  if (memo.days.size >= MAX_SEARCHES_KEPT) memo.days.clear();
  memo.days.set(date, answer);
  return answer;
}

/** The first working day on or after `date`. */
function nextWorkingDayFrom(date: IsoDate, calendar: WorkingDayCalendar): IsoDate {
  return dayOrThrow(firstWorkingDayWithin(date, calendar), calendar);
}

/** lastDayOfPeriod, or past the calendar's range the day past it the count reached, without throwing. */
export function lastDayOfPeriodWithin(
  lastDay: IsoDate,
  calendar: WorkingDayCalendar = CHINA_WORKING_DAYS,
): CalendarDay {
  requireDate(lastDay);
  return firstWorkingDayWithin(lastDay, calendar);
}

/**
 * The longest run of consecutive rest days in the State Council arrangements the hub packages (2004–2026): the Spring
 * Festival of 2020 as extended, 24 January to 2 February (working-days.test.ts checks it against the data). Art. 203
 * moves a last day past such a run at most, so a period whose plain last day lies past the data had run out once this
 * many days more have passed, unless a later notice grants a longer one.
 */
export const LONGEST_REST_RUN_DAYS = 10;

/**
 * Whether a period whose last day is `lastDay` (plain, or already moved by art. 203) had run out by `day`: `day` is
 * after its last day as art. 203 moves it to the next working day. While that last day lies past the holiday data,
 * the period is not known to have run out within LONGEST_REST_RUN_DAYS of it, so false: a claim is never called
 * time-barred on a day the next year's arrangement may still leave in time (a dates audit: the plain Saturday
 * 2026-12-26 barred a month on Monday the 28th).
 */
export function periodRanOutBy(
  lastDay: IsoDate,
  day: IsoDate,
  calendar: WorkingDayCalendar = CHINA_WORKING_DAYS,
): boolean {
  if (compareDates(day, lastDay) <= 0) return false;
  const moved = lastDayOfPeriodWithin(lastDay, calendar).date ?? addDays(lastDay, LONGEST_REST_RUN_DAYS);
  return compareDates(day, moved) > 0;
}

/**
 * The last day of a period of `days` days counted from `start`. Civil Code art. 201: the first day is not counted;
 * art. 203: 期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日 — a last day falling on a rest day
 * (a weekend or holiday, not a weekend day worked in lieu) moves to the first working day after the rest days. A
 * contract signed on Friday 2021-12-10 is due 15 days on, Saturday 2021-12-25, so by Monday 2021-12-27.
 */
export function periodEnd(start: IsoDate, days: number, calendar: WorkingDayCalendar = CHINA_WORKING_DAYS): IsoDate {
  return dayOrThrow(periodEndWithin(start, days, calendar), calendar);
}

/** periodEnd, or past the calendar's range the day past it the count reached, without throwing. */
export function periodEndWithin(
  start: IsoDate,
  days: number,
  calendar: WorkingDayCalendar = CHINA_WORKING_DAYS,
): CalendarDay {
  requireDate(start);
  if (!Number.isInteger(days) || days < 1)
    throw new InvalidInputError('A period is a whole number of days, at least 1', { value: days });
  return firstWorkingDayWithin(addDays(start, days), calendar);
}

/** A deadline as the hub can show it: `provisional` when the holiday data does not reach it yet. */
export interface ShownDeadline {
  /** The last day; when provisional, the plain count (the earliest the period can end, so safe to act by). */
  readonly date: IsoDate;
  /** True while the arrangement for `missingYear` is not recorded: art. 203 may still move the day later. */
  readonly provisional: boolean;
  readonly missingYear: number | null;
}

/**
 * `compute()` as a firm deadline, or, where it needs days past the calendar's range, `plainDay` flagged provisional:
 * art. 203 only ever lengthens a period and a count of working days never ends before the same count of calendar
 * days, so the plain day is the earliest possible end and safe to act by.
 */
export function deadlineOrPlain(plainDay: IsoDate, compute: () => IsoDate): ShownDeadline {
  try {
    return { date: compute(), provisional: false, missingYear: null };
  } catch (error) {
    if (error instanceof OutsideHolidayCalendarError)
      return { date: plainDay, provisional: true, missingYear: Number(error.details?.missingYear) };
    throw error;
  }
}

/** The end of a period of `days` days from `start` (art. 201, 203), provisional past the holiday data. */
export function shownPeriodEnd(
  start: IsoDate,
  days: number,
  calendar: WorkingDayCalendar = CHINA_WORKING_DAYS,
): ShownDeadline {
  const end = periodEndWithin(start, days, calendar);
  return end.date !== null
    ? { date: end.date, provisional: false, missingYear: null }
    : { date: addDays(start, days), provisional: true, missingYear: missingYearOf(end) };
}

/** The `count`-th working day after `from`, provisional (the plain count) past the holiday data. */
export function shownWorkingDays(
  from: IsoDate,
  count: number,
  calendar: WorkingDayCalendar = CHINA_WORKING_DAYS,
): ShownDeadline {
  return deadlineOrPlain(addDays(from, count), () => addWorkingDays(from, count, calendar));
}

/**
 * Whether `actual` fell after the period of `days` days from `start` (art. 201 and 203). A day within the plain
 * count is on time whatever the calendar says (art. 203 only ever lengthens a period), so only a later day needs the
 * holiday data, and one beyond it is refused.
 */
export function isAfterPeriod(
  start: IsoDate,
  days: number,
  actual: IsoDate,
  calendar: WorkingDayCalendar = CHINA_WORKING_DAYS,
): boolean {
  requireDate(actual);
  if (compareDates(actual, addDays(start, days)) <= 0) return false;
  return compareDates(actual, periodEnd(start, days, calendar)) > 0;
}

/**
 * The `count`-th working day after `from`, `from` itself not counted (art. 201: a period counted in days starts on
 * the next day). A period of working days always ends on a working day, so art. 203 never moves it.
 */
export function addWorkingDays(
  from: IsoDate,
  count: number,
  calendar: WorkingDayCalendar = CHINA_WORKING_DAYS,
): IsoDate {
  requireDate(from);
  if (!Number.isInteger(count) || count < 1)
    throw new InvalidInputError('A number of working days is a whole number of at least 1', { value: count });
  let date = from;
  for (let left = count; left > 0; left--) date = nextWorkingDayFrom(addDays(date, 1), calendar);
  return date;
}

/**
 * Whether `actual` fell after the `count`-th working day after `start`. A count of working days never ends sooner
 * than the same count of calendar days, so anything within that is on time without asking the calendar.
 */
export function isLaterThanWorkingDays(
  start: IsoDate,
  count: number,
  actual: IsoDate,
  calendar: WorkingDayCalendar = CHINA_WORKING_DAYS,
): boolean {
  requireDate(actual);
  if (compareDates(actual, addDays(start, count)) <= 0) return false;
  return compareDates(actual, addWorkingDays(start, count, calendar)) > 0;
}

function requireDate(date: IsoDate): void {
  if (!isIsoDate(date))
    throw new InvalidInputError(`${String(date)} is not a YYYY-MM-DD calendar date`, { value: date });
}

/**
 * `compute()`, or null when it needs days past the calendar's range. Only for a deadline stored beside a fact being
 * recorded now (a committee formed, an owners' committee recorded): the fact is never refused for want of next
 * year's holiday notice; whoever asks for the deadline itself gets OUTSIDE_HOLIDAY_CALENDAR.
 */
export function unlessBeyondCalendar<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch (error) {
    if (error instanceof OutsideHolidayCalendarError) return null;
    throw error;
  }
}
