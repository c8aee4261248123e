import { addDays, compareDates } from './calendar';
import { isDomainError } from './errors';
import {
  CHINA_WORKING_DAYS,
  LONGEST_REST_RUN_DAYS,
  HolidayArrangement,
  OFFICIAL_HOLIDAYS,
  WorkingDayCalendar,
  addWorkingDays,
  arrangementFromTable,
  dayOfWeek,
  isAfterPeriod,
  isLaterThanWorkingDays,
  lastDayOfPeriod,
  lastDayOfPeriodWithin,
  missingYearOf,
  periodEnd,
  periodEndWithin,
  periodRanOutBy,
  unlessBeyondCalendar,
  workingDayCalendar,
} from './working-days';

const dates = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1))
    out.push(d.toISOString().slice(0, 10));
  return out;
};

/** The code of the DomainError `run` throws (the test fails when it throws something else or nothing). */
function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    if (isDomainError(e)) return e.code;
    throw e;
  }
  throw new Error('expected a DomainError');
}

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
const weekdaysOnly: WorkingDayCalendar = {
  range: { from: '1900-01-01', to: '2999-12-31' },
  isWorkingDay: (d) => dayOfWeek(d) >= 1 && dayOfWeek(d) <= 5,
};

describe('working days under a State Council holiday arrangement', () => {
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

  it('states its range and refuses a day outside it, the last week of December included without the next year', () => {
    expect(calendar.range).toEqual({ from: '2024-01-01', to: '2024-12-24' });
    expect(calendar.isWorkingDay('2024-12-24')).toBe(true);
    expect(codeOf(() => calendar.isWorkingDay('2025-03-03'))).toBe('OUTSIDE_HOLIDAY_CALENDAR');
    expect(codeOf(() => calendar.isWorkingDay('2023-10-09'))).toBe('OUTSIDE_HOLIDAY_CALENDAR');
    // A New Year's Day arrangement can reach back into December (the 2019 notice gave 2018-12-31 off).
    expect(codeOf(() => calendar.isWorkingDay('2024-12-25'))).toBe('OUTSIDE_HOLIDAY_CALENDAR');
    expect(workingDayCalendar({ ...autumn2024, years: new Set([2024, 2025]) }).isWorkingDay('2024-12-31')).toBe(true);
    expect(() => workingDayCalendar({ ...autumn2024, years: new Set([2022, 2024]) })).toThrow(/skips a year/);
  });

  it.each([
    // Filed the Friday before National Day: Sunday 29 September counts, 1–7 October do not.
    ['2024-09-27', 5, '2024-10-10', '2024-10-04'],
    // Filed on Monday 30 September: the fifth working day is the Saturday worked after the holiday.
    ['2024-09-30', 5, '2024-10-12', '2024-10-07'],
    ['2024-09-27', 10, '2024-10-16', '2024-10-11'],
    // Mid-Autumn: Saturday 14 September is worked, Monday 16 and Tuesday 17 are not.
    ['2024-09-13', 3, '2024-09-19', '2024-09-18'],
    ['2024-09-02', 1, '2024-09-03', '2024-09-03'],
  ])('the working days after %s: day %i is %s (%s by weekdays alone)', (from, count, expected, naive) => {
    expect(addWorkingDays(from, count, calendar)).toBe(expected);
    expect(addWorkingDays(from, count, weekdaysOnly)).toBe(naive);
  });

  it('tells a period run out only after its art. 203 last day, and never while that day lies past the data', () => {
    // Friday 4 October 2024 is in the National Day holiday: the period runs to Tuesday the 8th.
    expect(periodRanOutBy('2024-10-04', '2024-10-08', calendar)).toBe(false);
    expect(periodRanOutBy('2024-10-04', '2024-10-09', calendar)).toBe(true);
    expect(periodRanOutBy('2024-09-27', '2024-09-27', calendar)).toBe(false);
    expect(periodRanOutBy('2024-09-27', '2024-09-28', calendar)).toBe(true);
    // Saturday 28 December 2024 is past the data (to the 24th): the next year's arrangement decides, so not yet; past
    // the longest run of rest days the arrangements have held, it ran out whatever the arrangement says.
    expect(periodRanOutBy('2024-12-28', '2024-12-30', calendar)).toBe(false);
    expect(periodRanOutBy('2024-12-28', '2025-01-07', calendar)).toBe(false);
    expect(periodRanOutBy('2024-12-28', '2025-01-08', calendar)).toBe(true);
  });

  it('knows the longest run of rest days in the packaged arrangements: the extended Spring Festival of 2020', () => {
    let [day, run, longest, endedOn] = [CHINA_WORKING_DAYS.range.from, 0, 0, ''];
    for (; compareDates(day, CHINA_WORKING_DAYS.range.to) <= 0; day = addDays(day, 1)) {
      run = CHINA_WORKING_DAYS.isWorkingDay(day) ? 0 : run + 1;
      if (run > longest) [longest, endedOn] = [run, day];
    }
    expect({ longest, endedOn }).toEqual({ longest: LONGEST_REST_RUN_DAYS, endedOn: '2020-02-02' });
  });

  it('refuses a working-day deadline that runs past the data, and rejects malformed input with BAD_USER_INPUT', () => {
    expect(codeOf(() => addWorkingDays('2024-12-20', 5, calendar))).toBe('OUTSIDE_HOLIDAY_CALENDAR');
    expect(addWorkingDays('2024-12-20', 2, calendar)).toBe('2024-12-24');
    expect(codeOf(() => addWorkingDays('2024-02-30', 5, calendar))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => addWorkingDays('2024-09-27', 0, calendar))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => addWorkingDays('2024-09-27', 1.5, calendar))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => periodEnd('2024-09-27', 0, calendar))).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['2024-09-27', 1],
    ['2024-09-13', 2], // into the Mid-Autumn holiday
    ['2024-12-20', 4], // Tuesday 2024-12-24, the range's last day
    ['2024-12-20', 5], // past it
    ['2024-12-21', 3], // Tuesday 2024-12-24 again
    ['2023-12-25', 3], // before the range
  ])('answers the end of %s + %i days without throwing as periodEnd does with', (start, days) => {
    const answer = periodEndWithin(start, days, calendar);
    if (answer.date !== null) expect(periodEnd(start, days, calendar)).toBe(answer.date);
    else {
      let thrown: unknown;
      try {
        periodEnd(start, days, calendar);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toMatchObject({
        code: 'OUTSIDE_HOLIDAY_CALENDAR',
        details: { date: answer.outside, missingYear: missingYearOf(answer) },
      });
    }
    expect(lastDayOfPeriodWithin(addDays(start, days), calendar)).toEqual(answer);
  });

  it('stops on a broken calendar with no working day instead of looping', () => {
    expect(() => addWorkingDays('2024-09-27', 5, { range: weekdaysOnly.range, isWorkingDay: () => false })).toThrow(
      /no working day/,
    );
  });

  it.each<[string, string, boolean | 'OUTSIDE_HOLIDAY_CALENDAR']>([
    ['2024-09-27', '2024-10-10', false], // on the fifth working day
    ['2024-09-27', '2024-10-11', true],
    ['2024-09-27', '2024-10-08', false],
    ['2024-12-20', '2024-12-25', false], // within five calendar days: on time whatever the next notice says
    ['2024-12-20', '2024-12-27', 'OUTSIDE_HOLIDAY_CALENDAR'], // depends on the 2025 notice
  ])('after filing on %s, a recording on %s is late: %s', (start, actual, late) => {
    if (late === 'OUTSIDE_HOLIDAY_CALENDAR')
      expect(codeOf(() => isLaterThanWorkingDays(start, 5, actual, calendar))).toBe(late);
    else expect(isLaterThanWorkingDays(start, 5, actual, calendar)).toBe(late);
  });
});

describe('periods under Civil Code arts. 201 and 203 (the official calendar)', () => {
  it.each<[string, number, string, string]>([
    // The seed's contract: signed Friday 2021-12-10, 15 days on is Saturday the 25th, so the period ends Monday the 27th.
    ['2021-12-10', 15, '2021-12-27', 'a Saturday'],
    ['2024-03-01', 15, '2024-03-18', 'Saturday 16 March'],
    ['2024-03-04', 15, '2024-03-19', 'a Tuesday: not moved'],
    // National Day 2024: 30 days from 2 September end on 2 October, in the holiday; the first working day after it is the 8th.
    ['2024-09-02', 30, '2024-10-08', 'National Day'],
    // Sunday 29 September 2024 was worked (调休上班): not a rest day, the period ends on it.
    ['2024-08-30', 30, '2024-09-29', 'a Sunday worked in lieu'],
    // Spring Festival 2026 (15–23 February off): 30 days from 17 January end on Monday 16 February.
    ['2026-01-17', 30, '2026-02-24', 'the Spring Festival 2026'],
  ])('a period of %i days from %s ends on %s (%s)', (start, days, end) => {
    expect(periodEnd(start, days)).toBe(end);
  });

  it('moves a last day counted elsewhere (a period in years or months) to the next working day (art. 203)', () => {
    expect(lastDayOfPeriod('2026-10-03')).toBe('2026-10-08'); // National Day 2026, 1–7 October off
    expect(lastDayOfPeriod('2026-10-10')).toBe('2026-10-10'); // Saturday worked in lieu
    expect(lastDayOfPeriod('2026-03-04')).toBe('2026-03-04'); // a Wednesday
    expect(codeOf(() => lastDayOfPeriod('2027-01-31'))).toBe('OUTSIDE_HOLIDAY_CALENDAR');
  });

  it('files the seed contract signed 2021-12-10 on Monday 2021-12-27 on time, and on the 28th late', () => {
    expect(isAfterPeriod('2021-12-10', 15, '2021-12-27')).toBe(false);
    expect(isAfterPeriod('2021-12-10', 15, '2021-12-28')).toBe(true);
  });

  it('holds the official notices from 2004 to 2026 and refuses to compute past 2026-12-24', () => {
    expect(CHINA_WORKING_DAYS.range).toEqual({ from: '2004-01-01', to: '2026-12-24' });
    for (let year = 2004; year <= 2026; year++) expect(OFFICIAL_HOLIDAYS.years.has(year)).toBe(true);
    expect(codeOf(() => CHINA_WORKING_DAYS.isWorkingDay('2027-01-04'))).toBe('OUTSIDE_HOLIDAY_CALENDAR');
    expect(codeOf(() => periodEnd('2026-12-01', 30))).toBe('OUTSIDE_HOLIDAY_CALENDAR');
    // Within the plain count a day is on time whatever the next notice says; after it, the answer is refused.
    expect(isAfterPeriod('2026-12-01', 30, '2026-12-20')).toBe(false);
    expect(codeOf(() => isAfterPeriod('2026-12-01', 30, '2027-01-04'))).toBe('OUTSIDE_HOLIDAY_CALENDAR');
  });

  it('lists only Saturdays and Sundays as weekend working days', () => {
    const weekdays = [...OFFICIAL_HOLIDAYS.weekendWorkingDays].map(dayOfWeek);
    expect(weekdays.every((d) => d === 0 || d === 6)).toBe(true);
  });

  it.each([
    // 国办发明电〔2023〕7号: National Day 2024, 1–7 October off, Sunday 29 September and Saturday 12 October worked.
    ['2024-09-29', true],
    ['2024-10-04', false],
    ['2024-10-12', true],
    // 2025-11-04 notice for 2026: Spring Festival 15–23 February off, Saturdays 14 and 28 February worked;
    // National Day 1–7 October off, Sunday 20 September and Saturday 10 October worked.
    ['2026-02-14', true],
    ['2026-02-23', false],
    ['2026-02-28', true],
    ['2026-09-20', true],
    ['2026-10-07', false],
    ['2026-10-10', true],
    // 2020: the Spring Festival holiday extended to Sunday 2 February (国办发明电〔2020〕1号), so Saturday 1 February,
    // first arranged as a working day, was not one; work resumed on Monday 3 February.
    ['2020-01-31', false],
    ['2020-02-01', false],
    ['2020-02-03', true],
    ['2020-06-26', false],
    ['2020-06-28', true],
    ['2021-12-25', false],
    ['2021-12-27', true],
  ])('%s is a working day: %s', (date, working) => {
    expect(CHINA_WORKING_DAYS.isWorkingDay(date)).toBe(working);
  });

  it('takes a year as held only when its Spring Festival is in the table', () => {
    const arrangement = arrangementFromTable({
      holidays: { '2018-12-31': "New Year's Day,元旦,1", '2019-02-05': 'Spring Festival,春节,3' },
      workdays: {},
    });
    expect([...arrangement.years]).toEqual([2019]);
    expect(() => arrangementFromTable({ holidays: { '2019-02-30': 'Spring Festival,春节,3' }, workdays: {} })).toThrow(
      /malformed/,
    );
  });
});

describe('a deadline stored beside a fact recorded now', () => {
  it('is null past the calendar, and any other error still throws', () => {
    expect(unlessBeyondCalendar(() => periodEnd('2026-12-01', 30))).toBeNull();
    expect(unlessBeyondCalendar(() => periodEnd('2021-12-10', 15))).toBe('2021-12-27');
    expect(codeOf(() => unlessBeyondCalendar(() => periodEnd('2021-02-30', 15)))).toBe('BAD_USER_INPUT');
  });
});
