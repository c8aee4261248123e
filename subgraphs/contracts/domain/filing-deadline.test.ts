import { rejection } from '../../../test/support/rejection';
import {
  assertFiledOnceSigned,
  assessFiling,
  currentFilingDeadline,
  filingDeadline,
  latenessOnResubmission,
} from './filing-deadline';
import { BEIJING, BEIJING_LATE_FILING_PENALTY, CitySettings, defineCitySettings } from './statutes';

/** The hub's calendar (kernel/working-days.ts, the State Council's notices) throughout: Civil Code art. 203 applies to every filing. */
describe('filing deadline (Beijing art. 63: 15 days from signing or amending)', () => {
  it.each([
    ['2021-12-10', '2021-12-27'], // seed 003's four-party agreement: day 15 is Saturday 25 December
    ['2024-03-01', '2024-03-18'], // day 15 is Saturday 16 March
    ['2024-02-20', '2024-03-06'], // through 29 February
    ['2024-12-20', '2025-01-06'], // day 15 is Saturday 4 January
  ])('a contract signed or amended on %s is due by %s', (signedOn, deadline) => {
    expect(filingDeadline(signedOn, BEIJING)).toBe(deadline);
  });

  it.each<[string, string, boolean, number]>([
    ['2021-12-10', '2021-12-10', false, 0], // filed the day it was signed
    ['2021-12-10', '2021-12-25', false, 0], // day 15, a Saturday
    ['2021-12-10', '2021-12-27', false, 0], // Monday after it: the seed's filing is on time (art. 203)
    ['2021-12-10', '2021-12-28', true, 1], // one day late
    ['2021-12-10', '2022-01-10', true, 14],
    ['2024-03-04', '2024-03-19', false, 0],
    ['2024-03-04', '2024-03-20', true, 1],
  ])('signed %s, submitted %s: late %s by %i days', (signedOn, submittedOn, late, daysLate) => {
    const assessment = assessFiling(signedOn, submittedOn, BEIJING);
    expect(assessment).toMatchObject({ late, daysLate });
    expect(assessment.consequence === undefined).toBe(!late);
    expect(assessment.penalty === undefined).toBe(!late);
  });

  it('accepts a late filing and flags it with the art. 91 consequence', () => {
    expect(assessFiling('2021-12-10', '2021-12-30', BEIJING)).toEqual({
      deadline: '2021-12-27',
      late: true,
      daysLate: 3,
      consequence:
        `Filed 3 days after the deadline of 2021-12-27 (15 days from signing or amendment, ${BEIJING.sources.filingDeadline}): ` +
        `${BEIJING_LATE_FILING_PENALTY.description} (${BEIJING_LATE_FILING_PENALTY.source}).`,
      penalty: BEIJING.lateFilingPenalty,
    });
    expect(assessFiling('2021-12-10', '2021-12-28', BEIJING).consequence).toMatch(/^Filed 1 day after/);
  });

  it('reads the number of days and the consequence from the city', () => {
    const thirtyDays: CitySettings = defineCitySettings({
      ...BEIJING,
      cityCode: '999900',
      filingDeadlineDays: 30,
      lateFilingPenalty: null,
    });
    // Day 30 is Sunday 9 January 2022: the period ends on Monday the 10th (art. 203).
    expect(assessFiling('2021-12-10', '2022-01-10', thirtyDays)).toEqual({
      deadline: '2022-01-10',
      late: false,
      daysLate: 0,
    });
    expect(assessFiling('2021-12-10', '2022-01-11', thirtyDays)).toEqual({
      deadline: '2022-01-10',
      late: true,
      daysLate: 1,
      consequence:
        `Filed 1 day after the deadline of 2022-01-10 (30 days from signing or amendment, ${BEIJING.sources.filingDeadline}); ` +
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
  ])('Civil Code art. 203 on the official calendar: signed %s is due by %s', (signedOn, deadline) => {
    expect(filingDeadline(signedOn, BEIJING)).toBe(deadline);
    expect(assessFiling(signedOn, deadline, BEIJING).late).toBe(false);
  });

  it('counts days late from the moved deadline', () => {
    expect(assessFiling('2024-09-16', '2024-10-09', BEIJING)).toMatchObject({
      deadline: '2024-10-08',
      late: true,
      daysLate: 1,
    });
  });

  it('refuses to compute a deadline past the holiday data, with its range', () => {
    const error = rejection(() => filingDeadline('2026-12-15', BEIJING));
    expect(error.code).toBe('OUTSIDE_HOLIDAY_CALENDAR');
    expect(error.details).toMatchObject({ calendarFrom: '2004-01-01', calendarTo: '2026-12-24' });
  });

  it('past the holiday data: on time within the plain 15 days, the deadline shown provisional; later refused, naming the year', () => {
    // Signed Sunday 2026-12-20: day 15 is 2027-01-04, beyond 2026-12-24.
    expect(assessFiling('2026-12-20', '2026-12-21', BEIJING)).toEqual({
      deadline: '2027-01-04',
      deadlineProvisional: true,
      late: false,
      daysLate: 0,
    });
    expect(assessFiling('2026-12-20', '2027-01-04', BEIJING)).toMatchObject({ late: false, deadlineProvisional: true });
    const error = rejection(() => assessFiling('2026-12-20', '2027-01-05', BEIJING));
    expect(error.code).toBe('OUTSIDE_HOLIDAY_CALENDAR');
    expect(error.details).toMatchObject({ missingYear: 2027 });
  });

  it('shows a stored deadline as it stands: a firm one unchanged, a provisional one still provisional', () => {
    expect(currentFilingDeadline('2021-12-10', '2021-12-27')).toEqual({
      date: '2021-12-27',
      provisional: false,
      missingYear: null,
    });
    expect(currentFilingDeadline('2026-12-20', '2027-01-04')).toEqual({
      date: '2027-01-04',
      provisional: true,
      missingYear: 2027,
    });
  });

  it('refuses a submission before the contract was signed', () => {
    const error = rejection(() => assessFiling('2021-12-10', '2021-12-09', BEIJING));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details?.problems).toEqual(['SUBMITTED_BEFORE_SIGNING']);
    expect(error.details?.fields).toHaveProperty('submittedOn');
  });

  it("refuses a contract signed after the day it is filed on its signing day's field, and on submittedOn only where sent", () => {
    // Before, submitFiling of a draft signed in the future was refused on `submittedOn`, a field the company never sent.
    const draft = rejection(() => assertFiledOnceSigned('2026-12-10', '2026-12-01', { signedOn: 'terms.signedOn' }));
    expect(draft.code).toBe('BAD_USER_INPUT');
    expect(draft.details).toMatchObject({
      problems: ['SUBMITTED_BEFORE_SIGNING'],
      fields: { 'terms.signedOn': 'on or before 2026-12-01, the day it is filed' },
    });
    expect(draft.details?.fields).not.toHaveProperty('submittedOn');
    const paper = rejection(() =>
      assertFiledOnceSigned('2026-12-10', '2026-11-20', { signedOn: 'terms.signedOn', submittedOn: 'submittedOn' }),
    );
    expect(paper.details?.fields).toEqual({
      'terms.signedOn': 'on or before 2026-11-20, the day it is filed',
      submittedOn: 'on or after 2026-12-10, the day it was signed',
    });
    // Signed on the day it is filed, or before: nothing to refuse.
    expect(() => assertFiledOnceSigned('2026-12-01', '2026-12-01', { signedOn: 'amendedOn' })).not.toThrow();
    expect(() => assertFiledOnceSigned('2026-11-30', '2026-12-01', { signedOn: 'amendedOn' })).not.toThrow();
  });

  it.each([['2021-02-29'], ['2021/12/10'], ['']])('rejects %j as a date, naming the field', (bad) => {
    expect(rejection(() => assessFiling(bad, '2021-12-25', BEIJING)).details?.fields).toHaveProperty('signedOn');
    expect(rejection(() => assessFiling('2021-12-10', bad, BEIJING)).details?.fields).toHaveProperty('submittedOn');
    expect(rejection(() => filingDeadline(bad, BEIJING)).details?.fields).toHaveProperty('signedOn');
  });
});

describe('lateness of a returned filing resubmitted', () => {
  const late = { deadlineFrom: '2026-11-01', deadline: '2026-11-16', late: true, daysLate: 5, consequence: 'art. 91' };
  const onTime = { deadlineFrom: '2026-11-09', deadline: '2026-11-24', late: false, daysLate: 0, consequence: null };

  it('keeps the days late found at the first submission when a moved signing day would excuse them', () => {
    expect(latenessOnResubmission(late, onTime)).toBe(late);
  });

  it('takes the new assessment when it finds as many days late or more, or both are on time', () => {
    const later = { ...late, deadlineFrom: '2026-10-29', deadline: '2026-11-13', daysLate: 8 };
    expect(latenessOnResubmission(late, later)).toBe(later);
    expect(latenessOnResubmission(onTime, late)).toBe(late);
    const moved = { ...onTime, deadlineFrom: '2026-11-10', deadline: '2026-11-25' };
    expect(latenessOnResubmission(onTime, moved)).toBe(moved);
  });
});
