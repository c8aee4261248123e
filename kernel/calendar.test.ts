import { DomainError } from './errors';
import {
  daysInMonth,
  addDays,
  addMonths,
  addYears,
  compareDates,
  compareMonths,
  daysBetween,
  isIsoDate,
  isOwnersDay,
  isOwnersMonth,
  isYearMonth,
  monthFromIndex,
  monthIndex,
  monthsPeriodEnd,
} from './calendar';

describe('calendar dates (Civil Code arts. 201–202)', () => {
  it.each([
    ['2021-12-10', 15, '2021-12-25'], // seed 003's four-party agreement: 15 days on, the signing day not counted
    ['2024-02-15', 15, '2024-03-01'], // through 29 February of a leap year
    ['2023-02-15', 15, '2023-03-02'],
    ['2024-12-20', 15, '2025-01-04'],
    ['2021-03-01', -1, '2021-02-28'],
  ])('%s plus %i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2023-12-31', 2, '2025-12-31'],
    ['2024-02-28', 2, '2026-02-28'],
    ['2024-02-29', 1, '2025-02-28'], // no 29 February in 2025: the month's last day
    ['2024-02-29', 4, '2028-02-29'],
  ])('%s plus %i years is %s', (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });

  it.each([
    ['2024-01-31', 1, '2024-02-29'], // no 31 February: the month's last day (art. 202)
    ['2024-01-31', 2, '2024-03-31'],
    ['2024-02-18', 1, '2024-03-18'],
    ['2024-11-30', 3, '2025-02-28'],
  ])('%s plus %i months ends on %s', (date, months, expected) => {
    expect(monthsPeriodEnd(date, months)).toBe(expected);
  });

  it.each([
    ['2021-12-25', '2021-12-26', 1],
    ['2021-12-25', '2021-12-25', 0],
    ['2021-12-25', '2022-01-10', 16],
    ['2024-02-28', '2024-03-01', 2],
    ['2024-03-01', '2024-02-28', -2],
  ])('from %s to %s is %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it('compares and recognises dates', () => {
    expect(compareDates('2025-12-31', '2026-01-01')).toBe(-1);
    expect(compareDates('2026-01-01', '2026-01-01')).toBe(0);
    expect(compareDates('2026-01-02', '2026-01-01')).toBe(1);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2021-02-29')).toBe(false);
    expect(isIsoDate('2021-2-28')).toBe(false);
    expect(isIsoDate(20211210)).toBe(false);
    expect(() => addDays('2021-02-29', 1)).toThrow(DomainError);
    expect(() => daysBetween('2021-12-10', 'soon')).toThrow(DomainError);
  });

  it('refuses, as input, a period that ends outside the years 1000–9999 (a RangeError before)', () => {
    const outside = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error instanceof DomainError ? error.code : String(error);
      }
      return 'no error';
    };
    expect(outside(() => addDays('2026-01-01', 2 ** 31 - 1))).toBe('BAD_USER_INPUT');
    expect(outside(() => addDays('2026-01-01', 3_000_000))).toBe('BAD_USER_INPUT');
    expect(outside(() => addDays('9999-12-31', 1))).toBe('BAD_USER_INPUT');
    expect(outside(() => addDays('1000-01-01', -1))).toBe('BAD_USER_INPUT');
    // Whole days only (before, 1.5 gave the next day and -0.4 the day before, silently).
    expect(outside(() => addDays('2024-03-01', 1.5))).toBe('BAD_USER_INPUT');
    expect(outside(() => addDays('2026-01-01', -0.4))).toBe('BAD_USER_INPUT');
    expect(outside(() => addDays('2026-01-01', Number.NaN))).toBe('BAD_USER_INPUT');
    expect(outside(() => addYears('2026-01-01', 300_000))).toBe('BAD_USER_INPUT');
    expect(addDays('9999-12-30', 1)).toBe('9999-12-31');
    expect(addDays('1000-01-02', -1)).toBe('1000-01-01');
  });

  it.each([
    ['2000-02-29', true], // divisible by 400: a leap year
    ['1900-02-29', false], // by 100 only: not
    ['2100-02-29', false],
    ['2023-04-31', false],
    ['2023-12-31', true],
    ['1000-01-01', true],
    ['0999-12-31', false], // the year has four digits, the first not 0
    ['2023-13-01', false],
    ['2023-00-10', false],
    ['2023-01-00', false],
    ['2023-01-1a', false],
    ['2023/01/10', false],
    ['2023-01-10 ', false],
    ['+2023-01-10', false],
    ['2023-01-10\n', false],
  ])('%j is a calendar date: %s', (text, valid) => {
    expect(isIsoDate(text)).toBe(valid);
  });
});

describe('calendar months', () => {
  it.each([
    ['2022-01', 36, '2025-01'], // seed 003: three years of subsidy from January 2022, the first month after is 2025-01
    ['2022-01', 35, '2024-12'],
    ['2021-12', 1, '2022-01'],
    ['2022-01', -1, '2021-12'],
    ['2022-11', 14, '2024-01'],
  ])('%s plus %i months is %s', (month, months, expected) => {
    expect(addMonths(month, months)).toBe(expected);
  });

  it.each([
    ['2024-02', 29],
    ['2023-02', 28],
    ['2100-02', 28],
    ['2000-02', 29],
    ['2026-04', 30],
    ['2026-12', 31],
  ])('%s has %i days', (month, days) => {
    expect(daysInMonth(month)).toBe(days);
  });

  it('orders months as integers and back', () => {
    expect(monthIndex('2022-01')).toBe(2022 * 12);
    expect(monthFromIndex(monthIndex('2024-12'))).toBe('2024-12');
    expect(compareMonths('2024-12', '2025-01')).toBe(-1);
    expect(compareMonths('2025-01', '2025-01')).toBe(0);
    expect(isYearMonth('2022-01')).toBe(true);
    expect(isYearMonth('2022-13')).toBe(false);
    expect(isYearMonth('2022-1')).toBe(false);
    expect(isYearMonth('2022-01-01')).toBe(false);
    expect(() => monthIndex('2022-00')).toThrow(DomainError);
  });
});

describe('the owner’s days and months, since the day they became the owner', () => {
  it('takes a day on or after it, and a month begun on or after it; everything when no day is recorded', () => {
    expect([isOwnersDay('2024-02-14', '2024-02-15'), isOwnersDay('2024-02-15', '2024-02-15')]).toEqual([false, true]);
    expect([isOwnersMonth('2024-02', '2024-02-15'), isOwnersMonth('2024-03', '2024-02-15')]).toEqual([false, true]);
    expect(isOwnersMonth('2024-02', '2024-02-01')).toBe(true);
    expect([isOwnersDay('2020-01-01', null), isOwnersMonth('2020-01', undefined)]).toEqual([true, true]);
  });
});
