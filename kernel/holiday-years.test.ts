import { isDomainError } from './errors';
import {
  OFFICIAL_HOLIDAYS,
  RecordedYear,
  extendArrangement,
  extendableCalendar,
  missingYearOf,
  periodEndWithin,
  periodEnd,
  shownPeriodEnd,
  shownWorkingDays,
  isAfterPeriod,
  workingDayCalendar,
  yearArrangementProblems,
  yearNeededFor,
} from './working-days';

/**
 * FICTITIOUS TEST DATA, not the State Council's 2027 notice (which the hub does not hold): New Year 1–5 January off
 * with Saturday 9 January worked, a "Spring Festival" 6–12 February with Saturday 13 February worked, and a bridge
 * reaching back to Thursday 31 December 2026.
 */
const FICTITIOUS_2027: RecordedYear = {
  year: 2027,
  version: 1,
  daysOff: [
    { from: '2026-12-31', to: '2027-01-05' },
    { from: '2027-02-06', to: '2027-02-12' },
  ],
  weekendWorkingDays: ['2027-01-09', '2027-02-13'],
};

const problemCodes = (problems: string[]) => problems.map((p) => p.split(':')[0]);

function errorOf(run: () => unknown) {
  try {
    run();
  } catch (e) {
    if (isDomainError(e)) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('recording further years of holiday arrangements', () => {
  it('accepts the year after the last one held, with a bridge into the previous December', () => {
    expect(yearArrangementProblems(OFFICIAL_HOLIDAYS, FICTITIOUS_2027)).toEqual([]);
  });

  it('names every problem of an invalid year at once', () => {
    const problems = yearArrangementProblems(OFFICIAL_HOLIDAYS, {
      year: 2028,
      daysOff: [
        { from: '2028-01-01', to: '2028-01-03' },
        { from: '2028-01-03', to: '2028-01-04' },
        { from: '2028-05-05', to: '2028-05-01' },
        { from: '2029-01-01', to: '2029-01-02' },
      ],
      weekendWorkingDays: ['2028-01-05', '2028-01-01', '2027-12-20'],
    });
    expect(problemCodes(problems)).toEqual([
      'YEAR_NOT_NEXT',
      'RANGES_OVERLAP',
      'RANGE_REVERSED',
      'DATE_OUTSIDE_YEAR',
      'WORKING_DAY_NOT_WEEKEND',
      'DAY_OFF_AND_WORKING',
      'DATE_OUTSIDE_YEAR',
    ]);
    expect(problems[0]).toContain('2026');
  });

  it('refuses a gap, a year without days off and a range longer than any notice gives', () => {
    expect(problemCodes(yearArrangementProblems(OFFICIAL_HOLIDAYS, { ...FICTITIOUS_2027, year: 2028 }))).toContain(
      'YEAR_NOT_NEXT',
    );
    expect(
      problemCodes(yearArrangementProblems(OFFICIAL_HOLIDAYS, { year: 2027, daysOff: [], weekendWorkingDays: [] })),
    ).toEqual(['NO_DAYS_OFF']);
    expect(
      problemCodes(
        yearArrangementProblems(OFFICIAL_HOLIDAYS, {
          year: 2027,
          daysOff: [{ from: '2027-01-01', to: '2027-01-31' }],
          weekendWorkingDays: [],
        }),
      ),
    ).toEqual(['RANGE_TOO_LONG']);
  });

  it('lets a recorded year be corrected, and the next year follow it', () => {
    const held = extendArrangement(OFFICIAL_HOLIDAYS, [FICTITIOUS_2027]);
    expect(yearArrangementProblems(held, FICTITIOUS_2027, new Set([2027]))).toEqual([]);
    expect(
      yearArrangementProblems(held, {
        ...FICTITIOUS_2027,
        year: 2028,
        daysOff: [{ from: '2028-01-01', to: '2028-01-01' }],
        weekendWorkingDays: [],
      }),
    ).toEqual([]);
  });

  it('extends the calendar to 24 December of the new year, the bridge and the worked Saturday included', () => {
    const calendar = workingDayCalendar(extendArrangement(OFFICIAL_HOLIDAYS, [FICTITIOUS_2027]));
    expect(calendar.range).toEqual({ from: '2004-01-01', to: '2027-12-24' });
    expect(calendar.isWorkingDay('2026-12-31')).toBe(false); // a Thursday, off under the (fictitious) bridge
    expect(calendar.isWorkingDay('2027-01-06')).toBe(true);
    expect(calendar.isWorkingDay('2027-01-09')).toBe(true); // Saturday worked
    expect(calendar.isWorkingDay('2027-01-10')).toBe(false);
    // Signed Sunday 2026-12-20: the 15th day, Monday 2027-01-04, is off, so the period ends on Wednesday the 6th.
    expect(periodEnd('2026-12-20', 15, calendar)).toBe('2027-01-06');
  });

  it('stops at a gap in a stored copy instead of making the missing year up', () => {
    const arrangement = extendArrangement(OFFICIAL_HOLIDAYS, [{ ...FICTITIOUS_2027, year: 2028 }]);
    expect(Math.max(...arrangement.years)).toBe(2026);
  });
});

describe('the calendar extended at runtime', () => {
  it('installs recorded years, keeps the newest version of each and never takes a year away', () => {
    const calendar = extendableCalendar(OFFICIAL_HOLIDAYS);
    expect(calendar.range.to).toBe('2026-12-24');
    // Answers are remembered per calendar (kernel/working-days.ts), and forgotten when a year is installed.
    expect(periodEndWithin('2026-12-20', 15, calendar)).toEqual({ date: null, outside: '2027-01-04' });
    expect(missingYearOf(periodEndWithin('2026-12-20', 15, calendar))).toBe(2027);
    calendar.install([FICTITIOUS_2027]);
    expect(calendar.range.to).toBe('2027-12-24');
    expect(calendar.isWorkingDay('2027-01-05')).toBe(false);
    expect(periodEndWithin('2026-12-20', 15, calendar)).toEqual({ date: '2027-01-06', outside: null });

    const corrected: RecordedYear = {
      ...FICTITIOUS_2027,
      version: 2,
      daysOff: [{ from: '2027-01-01', to: '2027-01-03' }],
    };
    calendar.install([corrected]);
    expect(calendar.isWorkingDay('2027-01-05')).toBe(true);
    expect(periodEnd('2026-12-20', 15, calendar)).toBe('2027-01-04');
    expect(calendar.isWorkingDay('2026-12-31')).toBe(true);

    calendar.install([FICTITIOUS_2027]); // a lagging copy: version 1 again
    calendar.install([]);
    expect(calendar.isWorkingDay('2027-01-05')).toBe(true);
    expect(calendar.installed.map((y) => [y.year, y.version])).toEqual([[2027, 2]]);
  });
});

describe('deadlines past the holiday data', () => {
  const packaged = workingDayCalendar(OFFICIAL_HOLIDAYS);

  it('shows the plain count flagged provisional, naming the year to record', () => {
    expect(shownPeriodEnd('2026-12-20', 15, packaged)).toEqual({
      date: '2027-01-04',
      provisional: true,
      missingYear: 2027,
    });
    expect(shownWorkingDays('2026-12-14', 5, packaged)).toEqual({
      date: '2026-12-21',
      provisional: false,
      missingYear: null,
    });
    expect(shownWorkingDays('2026-12-20', 5, packaged)).toEqual({
      date: '2026-12-25',
      provisional: true,
      missingYear: 2027,
    });
    expect(shownPeriodEnd('2026-09-18', 15, packaged)).toEqual({
      date: '2026-10-08',
      provisional: false,
      missingYear: null,
    });
  });

  it('judges an act within the plain count on time, and refuses only a later one, naming the year', () => {
    expect(isAfterPeriod('2026-12-20', 15, '2027-01-04', packaged)).toBe(false);
    const refused = errorOf(() => isAfterPeriod('2026-12-20', 15, '2027-01-05', packaged));
    expect(refused.code).toBe('OUTSIDE_HOLIDAY_CALENDAR');
    expect(refused.details).toMatchObject({ missingYear: 2027, calendarTo: '2026-12-24' });
  });

  it('needs the next year for the last week of December', () => {
    expect(yearNeededFor('2026-12-24')).toBe(2026);
    expect(yearNeededFor('2026-12-25')).toBe(2027);
    expect(yearNeededFor('2027-03-01')).toBe(2027);
  });
});
