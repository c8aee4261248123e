import { rejection } from '../../../test/support/rejection';
import { HolidayArrangement, WorkingDayCalendar, addWorkingDays, dayOfWeek, isLaterThanWorkingDays, workingDayCalendar } from './working-days';

const dates = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
  return out;
};

/**
 * Autumn 2024 as the State Council arranged it (国办发明电〔2023〕7号, 2023-10-25): Mid-Autumn Festival 15–17
 * September off, Saturday 14 September worked; National Day 1–7 October off, Sunday 29 September and Saturday
 * 12 October worked. Only the autumn is transcribed, so the test arrangement claims 2024 alone.
 */
const autumn2024: HolidayArrangement = {
  years: new Set([2024]),
  daysOff: new Set([...dates('2024-09-15', '2024-09-17'), ...dates('2024-10-01', '2024-10-07')]),
  weekendWorkingDays: new Set(['2024-09-14', '2024-09-29', '2024-10-12']),
};
const calendar = workingDayCalendar(autumn2024);

/** Monday to Friday with no holidays at all: what a deadline would be if the notices were ignored. */
const weekdaysOnly: WorkingDayCalendar = { isWorkingDay: (d) => dayOfWeek(d) >= 1 && dayOfWeek(d) <= 5 };

describe('working days under the State Council holiday arrangement', () => {
  it.each([
    ['1970-01-01', 4], // a Thursday
    ['2024-09-29', 0], // a Sunday
    ['2024-10-12', 6], // a Saturday
    ['2024-02-29', 4],
    ['1969-12-28', 0], // before the epoch too
  ])('%s falls on weekday %i (0 = Sunday)', (date, weekday) => {
    expect(dayOfWeek(date)).toBe(weekday);
  });

  it.each([
    ['2024-09-27', true], // Friday
    ['2024-09-28', false], // Saturday
    ['2024-09-29', true], // Sunday worked (调休上班)
    ['2024-10-01', false], // National Day
    ['2024-10-04', false], // a Friday given off (放假调休)
    ['2024-10-08', true],
    ['2024-10-12', true], // Saturday worked
    ['2024-10-13', false],
    ['2024-09-16', false], // Mid-Autumn Festival, a Monday
  ])('%s is a working day: %s', (date, working) => {
    expect(calendar.isWorkingDay(date)).toBe(working);
  });

  it('does not know a year whose notice it does not hold, nor the last week of December without the next year', () => {
    expect(calendar.isWorkingDay('2025-03-03')).toBeUndefined();
    expect(calendar.isWorkingDay('2023-10-09')).toBeUndefined();
    expect(calendar.isWorkingDay('2024-12-24')).toBe(true);
    // A New Year's Day arrangement can reach back into December (the 2019 notice gave 2018-12-31 off).
    expect(calendar.isWorkingDay('2024-12-25')).toBeUndefined();
    const withNextYear = workingDayCalendar({ ...autumn2024, years: new Set([2024, 2025]) });
    expect(withNextYear.isWorkingDay('2024-12-31')).toBe(true);
  });

  it.each([
    // Filed the Friday before National Day: Sunday 29 September counts, 1–7 October do not.
    ['2024-09-27', 5, '2024-10-10', '2024-10-04'],
    // Filed on Monday 30 September: the fifth working day is the Saturday worked after the holiday.
    ['2024-09-30', 5, '2024-10-12', '2024-10-07'],
    // Ten working days of posting from Friday 27 September.
    ['2024-09-27', 10, '2024-10-16', '2024-10-11'],
    // Mid-Autumn: Saturday 14 September is worked, Monday 16 and Tuesday 17 are not.
    ['2024-09-13', 3, '2024-09-19', '2024-09-18'],
    ['2024-09-02', 1, '2024-09-03', '2024-09-03'],
  ])('the working days after %s: day %i is %s (%s by weekdays alone)', (from, count, expected, naive) => {
    expect(addWorkingDays(from, count, calendar)).toBe(expected);
    expect(addWorkingDays(from, count, weekdaysOnly)).toBe(naive);
  });

  it('gives no deadline that runs into a year whose notice it does not hold', () => {
    expect(addWorkingDays('2024-12-20', 5, calendar)).toBeUndefined();
    expect(addWorkingDays('2024-12-20', 2, calendar)).toBe('2024-12-24');
  });

  it('rejects a malformed date or count with BAD_USER_INPUT', () => {
    expect(rejection(() => addWorkingDays('2024-02-30', 5, calendar)).code).toBe('BAD_USER_INPUT');
    expect(rejection(() => addWorkingDays('2024-09-27', 0, calendar)).code).toBe('BAD_USER_INPUT');
    expect(rejection(() => addWorkingDays('2024-09-27', 1.5, calendar)).code).toBe('BAD_USER_INPUT');
  });

  it('stops on a broken calendar with no working day instead of looping', () => {
    expect(() => addWorkingDays('2024-09-27', 5, { isWorkingDay: () => false })).toThrow(/no working day/);
  });

  it.each<[string, string, boolean | undefined]>([
    ['2024-09-27', '2024-10-10', false], // on the fifth working day
    ['2024-09-27', '2024-10-11', true],
    ['2024-09-27', '2024-10-08', false],
    ['2024-12-20', '2024-12-25', false], // within five calendar days: on time whatever the next notice says
    ['2024-12-20', '2024-12-27', undefined], // depends on the 2025 notice
  ])('after filing on %s, a recording on %s is late: %s', (start, actual, late) => {
    expect(isLaterThanWorkingDays(start, 5, actual, calendar)).toBe(late);
  });
});
