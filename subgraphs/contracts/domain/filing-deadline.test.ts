import { rejection } from '../../../test/support/rejection';
import { FilingCalendar, assessFiling, filingDeadline } from './filing-deadline';
import { BEIJING, CitySettings, defineCitySettings } from './statutes';


/**
 * Statutory rest days of late 2021 and of 2024 that the cases below cross: weekends and the 2024 National Day
 * holiday (1–7 October), with the weekend days worked in lieu (调休: 29 September and 12 October 2024) as working days.
 */
const HOLIDAYS = new Set(['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-07']);
const WORKED_WEEKEND_DAYS = new Set(['2024-09-29', '2024-10-12']);
const calendar: FilingCalendar = {
  isRestDay: (date) => {
    if (WORKED_WEEKEND_DAYS.has(date)) return false;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return HOLIDAYS.has(date) || weekday === 0 || weekday === 6;
  },
};

describe('filing deadline (Beijing art. 63: 15 days from signing or amending)', () => {
  it.each([
    ['2021-12-10', '2021-12-25'], // seed 003's four-party agreement
    ['2024-03-01', '2024-03-16'],
    ['2024-02-20', '2024-03-06'], // through 29 February
    ['2024-12-20', '2025-01-04'],
  ])('a contract signed or amended on %s is due by %s', (signedOn, deadline) => {
    expect(filingDeadline(signedOn, BEIJING)).toBe(deadline);
  });

  it.each<[string, string, boolean, number]>([
    ['2021-12-10', '2021-12-10', false, 0], // filed the day it was signed
    ['2021-12-10', '2021-12-25', false, 0], // day 15: the deadline day is on time
    ['2021-12-10', '2021-12-26', true, 1], // day 16: one day late
    ['2021-12-10', '2022-01-10', true, 16],
    ['2024-03-01', '2024-03-16', false, 0],
    ['2024-03-01', '2024-03-17', true, 1],
  ])('signed %s, submitted %s: late %s by %i days', (signedOn, submittedOn, late, daysLate) => {
    const assessment = assessFiling(signedOn, submittedOn, BEIJING);
    expect(assessment).toMatchObject({ late, daysLate });
    expect(assessment.consequence === undefined).toBe(!late);
    expect(assessment.penalty === undefined).toBe(!late);
  });

  it('accepts a late filing and flags it with the art. 91 consequence', () => {
    expect(assessFiling('2021-12-10', '2021-12-28', BEIJING)).toEqual({
      deadline: '2021-12-25',
      late: true,
      daysLate: 3,
      consequence:
        'Filed 3 days after the deadline of 2021-12-25 (15 days from signing or amendment, Beijing Property Management Regulation art. 63): ' +
        'a warning (警告), then a fine of ¥5,000 to ¥10,000 (Beijing Property Management Regulation art. 91).',
      penalty: BEIJING.lateFilingPenalty,
    });
    expect(assessFiling('2021-12-10', '2021-12-26', BEIJING).consequence).toMatch(/^Filed 1 day after/);
  });

  it('reads the number of days and the consequence from the city', () => {
    const thirtyDays: CitySettings = defineCitySettings({ ...BEIJING, cityCode: '999900', filingDeadlineDays: 30, lateFilingPenalty: null });
    expect(assessFiling('2021-12-10', '2022-01-09', thirtyDays)).toEqual({ deadline: '2022-01-09', late: false, daysLate: 0 });
    expect(assessFiling('2021-12-10', '2022-01-10', thirtyDays)).toEqual({
      deadline: '2022-01-09',
      late: true,
      daysLate: 1,
      consequence:
        'Filed 1 day after the deadline of 2022-01-09 (30 days from signing or amendment, Beijing Property Management Regulation art. 63); ' +
        'no penalty for late filing is recorded for city 999900.',
    });
  });

  it.each([
    ['2021-12-10', '2021-12-27'], // day 15 is Saturday 25 December 2021: due Monday
    ['2024-03-08', '2024-03-25'], // day 15 is Saturday 23 March 2024
    ['2024-09-16', '2024-10-08'], // day 15 is 1 October 2024: due after the National Day holiday
    ['2024-09-14', '2024-09-29'], // day 15 is Sunday 29 September 2024, worked in lieu: not moved
    ['2024-03-01', '2024-03-18'], // day 15 is Saturday 16 March 2024
    ['2024-03-04', '2024-03-19'], // day 15 is a Tuesday: not moved
  ])('with a rest-day calendar (Civil Code art. 203), signed %s is due by %s', (signedOn, deadline) => {
    expect(filingDeadline(signedOn, BEIJING, calendar)).toBe(deadline);
    expect(assessFiling(signedOn, deadline, BEIJING, calendar).late).toBe(false);
    expect(assessFiling(signedOn, deadline, BEIJING).late).toBe(deadline !== filingDeadline(signedOn, BEIJING));
  });

  it('counts days late from the moved deadline', () => {
    expect(assessFiling('2024-09-16', '2024-10-09', BEIJING, calendar)).toMatchObject({ deadline: '2024-10-08', late: true, daysLate: 1 });
  });

  it('refuses a calendar with no working day in a year', () => {
    const error = rejection(() => filingDeadline('2024-03-01', BEIJING, { isRestDay: () => true }));
    expect(error.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a submission before the contract was signed', () => {
    const error = rejection(() => assessFiling('2021-12-10', '2021-12-09', BEIJING));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details?.problems).toEqual(['SUBMITTED_BEFORE_SIGNING']);
    expect(error.details?.fields).toHaveProperty('submittedOn');
  });

  it.each([['2021-02-29'], ['2021/12/10'], ['']])('rejects %j as a date, naming the field', (bad) => {
    expect(rejection(() => assessFiling(bad, '2021-12-25', BEIJING)).details?.fields).toHaveProperty('signedOn');
    expect(rejection(() => assessFiling('2021-12-10', bad, BEIJING)).details?.fields).toHaveProperty('submittedOn');
    expect(rejection(() => filingDeadline(bad, BEIJING)).details?.fields).toHaveProperty('signedOn');
  });
});
