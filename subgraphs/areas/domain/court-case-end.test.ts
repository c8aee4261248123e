import { formerOwnersKeptFrom } from './former-owner-retention';
import {
  CourtCaseFacts,
  EnforcementApplicationFacts,
  NO_CASE_FACTS,
  courtCaseOverFrom,
  withEnforcementApplication,
  withReportedStatus,
} from './court-case-end';
import { COURT_CASE_END_SOURCE, DELETION_WHEN_PURPOSE_ACHIEVED } from './statutes';

// Litigation's announcement for a case judged 2026-11-20 with the performance period ending 2026-11-30: two years to
// apply for enforcement (Civil Procedure Law art. 250), due 2028-11-30 (README, Deadlines and reminders).
const judged = withReportedStatus(NO_CASE_FACTS, 'JUDGED', '2026-11-20');
const announced = (over: Partial<EnforcementApplicationFacts> = {}): EnforcementApplicationFacts => ({
  dueOn: '2028-11-30',
  metOn: null,
  cancelled: false,
  sequence: 3,
  ...over,
});
const steps = (...changes: ((f: CourtCaseFacts) => CourtCaseFacts)[]) => changes.reduce((f, c) => c(f), NO_CASE_FACTS);

describe('when a court’s case is over, so its grant ends (PIPL arts. 19, 47)', () => {
  it('quotes the articles it relies on', () => {
    expect(DELETION_WHEN_PURPOSE_ACHIEVED).toMatch(/第四十七条.*处理目的已实现、无法实现或者为实现处理目的不再必要/);
    expect(DELETION_WHEN_PURPOSE_ACHIEVED).toMatch(/第十九条.*保存期限应当为实现处理目的所必要的最短时间/);
    expect(COURT_CASE_END_SOURCE).toMatch(/art\. 250 .*申请执行的期间为二年/);
  });

  it('runs while the referral is submitted, docketed or heard, and when nothing is reported', () => {
    expect(courtCaseOverFrom(NO_CASE_FACTS)).toBeNull();
    for (const status of ['SUBMITTED', 'IN_MEDIATION', 'DOCKETED', 'HEARING_SCHEDULED'] as const)
      expect(courtCaseOverFrom(withReportedStatus(NO_CASE_FACTS, status, '2026-12-01'))).toBeNull();
  });

  it('is over from the day of the withdrawal, the refusal or the closing; the closing after a withdrawal keeps its day', () => {
    expect(courtCaseOverFrom(withReportedStatus(NO_CASE_FACTS, 'WITHDRAWN', '2027-01-10'))).toBe('2027-01-10');
    expect(courtCaseOverFrom(withReportedStatus(NO_CASE_FACTS, 'REJECTED', '2027-01-11'))).toBe('2027-01-11');
    const closedLater = steps(
      (f) => withReportedStatus(f, 'WITHDRAWN', '2027-01-10'),
      (f) => withReportedStatus(f, 'CLOSED', '2027-02-01'),
    );
    expect(courtCaseOverFrom(closedLater)).toBe('2027-01-10');
  });

  it('runs again when the court docketed what the company withdrew (litigation reinstates it)', () => {
    const reinstated = steps(
      (f) => withReportedStatus(f, 'WITHDRAWN', '2027-01-10'),
      (f) => withReportedStatus(f, 'DOCKETED', '2027-01-12'),
    );
    expect(courtCaseOverFrom(reinstated)).toBeNull();
  });

  it('judged: runs through the two years to apply for enforcement, over the day after their last day', () => {
    expect(courtCaseOverFrom(judged)).toBeNull();
    const withDeadline = withEnforcementApplication(judged, announced());
    expect(courtCaseOverFrom(withDeadline)).toBe('2028-12-01');
    // A settlement the same.
    const settled = withReportedStatus(NO_CASE_FACTS, 'SETTLED', '2026-11-20');
    expect(courtCaseOverFrom(withEnforcementApplication(settled, announced()))).toBe('2028-12-01');
  });

  it('runs on an undated period (an appealable judgment without its performance period) until the court closes it', () => {
    const undated = withEnforcementApplication(judged, announced({ dueOn: null }));
    expect(courtCaseOverFrom(undated)).toBeNull();
    expect(courtCaseOverFrom(withReportedStatus(undated, 'CLOSED', '2031-05-06'))).toBe('2031-05-06');
  });

  it('runs through enforcement until the court closes the case', () => {
    const enforcing = steps(
      (f) => withEnforcementApplication(f, announced()),
      (f) => withReportedStatus(f, 'ENFORCEMENT', '2027-03-01'),
    );
    expect(courtCaseOverFrom(enforcing)).toBeNull();
    // The deadline met before the status is read (two topics), or the status before the deadline: runs either way.
    expect(
      courtCaseOverFrom(withEnforcementApplication(judged, announced({ metOn: '2027-03-01', sequence: 4 }))),
    ).toBeNull();
    expect(courtCaseOverFrom(withReportedStatus(enforcing, 'CLOSED', '2029-06-30'))).toBe('2029-06-30');
  });

  it('paid: the cancelled period ends nothing by itself, the closing does', () => {
    const paid = withEnforcementApplication(judged, announced({ cancelled: true, sequence: 4 }));
    expect(courtCaseOverFrom(paid)).toBeNull();
    expect(courtCaseOverFrom(withReportedStatus(paid, 'CLOSED', '2027-02-02'))).toBe('2027-02-02');
  });

  it('takes a newer announcement of the period, never an older or repeated one', () => {
    const moved = withEnforcementApplication(
      withEnforcementApplication(judged, announced()),
      announced({ dueOn: '2029-01-31', sequence: 4 }),
    );
    expect(courtCaseOverFrom(moved)).toBe('2029-02-01');
    expect(withEnforcementApplication(moved, announced({ sequence: 4 }))).toBe(moved);
    expect(withEnforcementApplication(moved, announced({ dueOn: '2020-01-01', sequence: 2 }))).toBe(moved);
  });

  it('a seller sold 2026-12-01, named by that case: erasable once the case is over and four years from the sale passed', () => {
    // Over 2028-12-01 (above); the horizon (former-owner-retention.ts, 4 years by default) keeps them up to 2030-12-01.
    const soldOn = '2026-12-01';
    const erasable = (today: string) =>
      soldOn < formerOwnersKeptFrom(today, 4) &&
      courtCaseOverFrom(withEnforcementApplication(judged, announced()))! <= today;
    expect(erasable('2028-12-01')).toBe(false);
    expect(erasable('2030-12-01')).toBe(false);
    expect(erasable('2030-12-02')).toBe(true);
  });
});
