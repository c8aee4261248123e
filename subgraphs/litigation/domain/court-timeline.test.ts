import { rejection } from '../../../test/support/rejection';
import {
  SmallClaimsCase,
  addCalendarMonths,
  decisionDeadline,
  extendDecisionDeadline,
  isMediationWindowOpen,
  mediationWindow,
  overdueCases,
} from './court-timeline';

const docketed = (caseId: string, docketedOn: string, overrides: Partial<SmallClaimsCase> = {}): SmallClaimsCase => ({
  caseId,
  docketedOn,
  extensionApprovedOn: null,
  decidedOn: null,
  ...overrides,
});
/** The case before the court (DOCKETED) as of `today`: the extension's context. */
const inTrial = (today: string) => ({ status: 'DOCKETED' as const, today });

describe('small-claims timeline (Civil Procedure Law art. 168)', () => {
  it.each<[string, number, string]>([
    ['2024-01-15', 2, '2024-03-15'],
    ['2023-12-31', 2, '2024-02-29'], // leap year: no 31st, the month's last day
    ['2022-12-31', 2, '2023-02-28'],
    ['2024-07-31', 2, '2024-09-30'],
    ['2024-11-30', 2, '2025-01-30'],
    ['2024-02-29', 1, '2024-03-29'],
    ['2024-01-01', 0, '2024-01-01'],
  ])('%s plus %i calendar months is %s', (date, months, expected) => {
    expect(addCalendarMonths(date, months)).toBe(expected);
  });

  it.each<[string, string | null, string, string]>([
    ['2024-01-15', null, '2024-03-15', '2024-03-15'],
    ['2024-01-15', '2024-03-01', '2024-03-15', '2024-04-15'],
    ['2023-12-31', null, '2024-02-29', '2024-02-29'],
    ['2023-12-31', '2024-02-20', '2024-02-29', '2024-03-29'], // the extension runs from the original end
  ])(
    'docketed %s, extension %s: originally due %s, due %s',
    (docketedOn, extensionApprovedOn, originalDueOn, dueOn) => {
      expect(decisionDeadline(docketed('c', docketedOn, { extensionApprovedOn }))).toEqual({
        originalDueOn,
        dueOn,
        extended: extensionApprovedOn !== null,
        source: 'Civil Procedure Law art. 168',
      });
    },
  );

  it('moves a due date in a holiday to the next working day (Civil Procedure Law art. 85, Civil Code art. 203)', () => {
    // Two months from 2026-08-03 is Saturday 3 October, in the National Day holiday (1–7 October 2026).
    expect(decisionDeadline(docketed('c', '2026-08-03'))).toMatchObject({
      originalDueOn: '2026-10-08',
      dueOn: '2026-10-08',
    });
    expect(overdueCases([docketed('c', '2026-08-03')], '2026-10-08')).toEqual([]);
    expect(overdueCases([docketed('c', '2026-08-03')], '2026-10-09')).toEqual([
      {
        caseId: 'c',
        dueOn: '2026-10-08',
        daysOverdue: 1,
        extended: false,
        provisional: false,
        awaitsHolidayYear: null,
      },
    ]);
    // Extension approved on the moved last day is in time.
    expect(
      extendDecisionDeadline(docketed('c', '2026-08-03'), '2026-10-08', inTrial('2026-10-08')).extensionApprovedOn,
    ).toBe('2026-10-08');
    // Past the holiday data the due date is refused, but a case is never listed overdue within the plain count.
    expect(rejection(() => decisionDeadline(docketed('c', '2026-11-20'))).code).toBe('OUTSIDE_HOLIDAY_CALENDAR');
    expect(overdueCases([docketed('c', '2026-11-20')], '2026-12-20')).toEqual([]);
  });

  it('lists a case whose last day lies past the holiday data provisional, beside the others (art. 203)', () => {
    // Docketed 2026-10-26: its plain last day is Saturday 2026-12-26, past the data (to 2026-12-24); art. 203 moves it
    // to the next working day, which the 2027 arrangement decides. The case due 2026-10-08 is overdue whatever it says.
    const cases = [docketed('october', '2026-08-03'), docketed('december', '2026-10-26')];
    expect(overdueCases(cases, '2026-12-26')).toEqual([
      {
        caseId: 'october',
        dueOn: '2026-10-08',
        daysOverdue: 79,
        extended: false,
        provisional: false,
        awaitsHolidayYear: null,
      },
    ]);
    expect(overdueCases(cases, '2026-12-28')).toEqual([
      {
        caseId: 'october',
        dueOn: '2026-10-08',
        daysOverdue: 81,
        extended: false,
        provisional: false,
        awaitsHolidayYear: null,
      },
      {
        caseId: 'december',
        dueOn: '2026-12-26',
        daysOverdue: 2,
        extended: false,
        provisional: true,
        awaitsHolidayYear: 2027,
      },
    ]);
  });

  it('extends once, on or before the original due date', () => {
    const extended = extendDecisionDeadline(docketed('c', '2024-01-15'), '2024-03-15', inTrial('2024-03-15'));
    expect(extended.extensionApprovedOn).toBe('2024-03-15');
    expect(decisionDeadline(extended).dueOn).toBe('2024-04-15');
  });

  it.each<[string, SmallClaimsCase, string, string[]]>([
    [
      'a second extension',
      docketed('c', '2024-01-15', { extensionApprovedOn: '2024-03-01' }),
      '2024-03-10',
      ['EXTENSION_ALREADY_USED'],
    ],
    ['after the original period ran out', docketed('c', '2024-01-15'), '2024-03-16', ['EXTENSION_AFTER_DEADLINE']],
    [
      'a decided case, before docketing',
      docketed('c', '2024-01-15', { decidedOn: '2024-02-01' }),
      '2024-01-14',
      ['ALREADY_DECIDED', 'EXTENSION_BEFORE_DOCKETING'],
    ],
  ])('refuses %s', (_label, c, approvedOn, problems) => {
    const error = rejection(() => extendDecisionDeadline(c, approvedOn, inTrial('2024-03-20')));
    expect(error.code).toBe('EXTENSION_REFUSED');
    expect(error.details?.problems).toEqual(problems);
  });

  it.each(['WITHDRAWN', 'REJECTED', 'CLOSED', 'ENFORCEMENT'] as const)(
    'refuses a small claim %s undecided: it has left the court, no trial period is left to extend',
    (status) => {
      const error = rejection(() =>
        extendDecisionDeadline(docketed('c', '2024-01-15'), '2024-02-01', { status, today: '2024-02-01' }),
      );
      expect(error.code).toBe('EXTENSION_REFUSED');
      expect(error.details?.problems).toEqual(['CASE_LEFT_COURT']);
    },
  );

  it('extends a case with a hearing scheduled, and refuses an approval dated after tomorrow as a typing error', () => {
    const c = docketed('c', '2024-01-15');
    const today = { status: 'HEARING_SCHEDULED' as const, today: '2024-02-01' };
    expect(extendDecisionDeadline(c, '2024-02-02', today).extensionApprovedOn).toBe('2024-02-02');
    const error = rejection(() => extendDecisionDeadline(c, '2024-02-22', today));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details?.fields).toEqual({ approvedOn: 'on or before 2024-02-02 (China time)' });
  });

  it('lists undecided cases past their due date, most overdue first', () => {
    const cases = [
      docketed('due-today', '2024-02-01'), // due 2024-04-01
      docketed('due-on-a-sunday', '2024-01-31'), // 2024-03-31 is a Sunday: due Monday 2024-04-01 (art. 85)
      docketed('three-days-late', '2024-01-29'), // due Friday 2024-03-29
      docketed('extended', '2024-01-10', { extensionApprovedOn: '2024-03-01' }), // due 2024-04-10
      docketed('decided', '2023-11-01', { decidedOn: '2023-12-20' }),
      docketed('decided-later', '2024-01-05', { decidedOn: '2024-04-20' }), // due 2024-03-05, undecided on 04-01
      docketed('b-long-late', '2023-12-01'), // due 2024-02-01
      docketed('a-long-late', '2023-12-01'),
    ];
    expect(overdueCases(cases, '2024-04-01')).toEqual([
      {
        caseId: 'a-long-late',
        dueOn: '2024-02-01',
        daysOverdue: 60,
        extended: false,
        provisional: false,
        awaitsHolidayYear: null,
      },
      {
        caseId: 'b-long-late',
        dueOn: '2024-02-01',
        daysOverdue: 60,
        extended: false,
        provisional: false,
        awaitsHolidayYear: null,
      },
      {
        caseId: 'decided-later',
        dueOn: '2024-03-05',
        daysOverdue: 27,
        extended: false,
        provisional: false,
        awaitsHolidayYear: null,
      },
      {
        caseId: 'three-days-late',
        dueOn: '2024-03-29',
        daysOverdue: 3,
        extended: false,
        provisional: false,
        awaitsHolidayYear: null,
      },
    ]);
    expect(overdueCases(cases, '2024-04-11').map((o) => o.caseId)).toContain('extended');
    expect(overdueCases([], '2024-04-01')).toEqual([]);
  });

  it.each<[string, string, boolean]>([
    ['2024-03-01', '2024-03-01', true],
    ['2024-03-01', '2024-03-31', true], // day 30 after the start day, a Sunday: the window ends Monday 1 April
    ['2024-03-01', '2024-04-01', true],
    ['2024-03-01', '2024-04-02', false],
    ['2026-09-03', '2026-10-08', true], // day 30 is 3 October 2026, National Day (1–7 October): art. 203
    ['2026-09-03', '2026-10-09', false],
    ['2026-12-01', '2026-12-31', true], // within the plain 30 days: open, no holiday data needed
    ['2024-03-01', '2024-02-29', false],
  ])('mediation started %s is open on %s: %s', (startedOn, asOf, open) => {
    expect(isMediationWindowOpen(startedOn, asOf)).toBe(open);
  });

  it('gives the 30-day mediation window', () => {
    // Day 30 is Saturday 2024-03-16: the window ends on Monday the 18th (Civil Code art. 203).
    expect(mediationWindow('2024-02-15')).toEqual({ startedOn: '2024-02-15', endsOn: '2024-03-18' });
    expect(mediationWindow('2026-09-03').endsOn).toBe('2026-10-08');
    expect(rejection(() => mediationWindow('2026-12-01')).code).toBe('OUTSIDE_HOLIDAY_CALENDAR');
  });

  it.each<[string, () => unknown]>([
    ['a docket date that does not exist', () => decisionDeadline(docketed('c', '2023-02-29'))],
    ['a bad as-of date', () => overdueCases([], '2024-13-01')],
    ['a bad mediation start', () => mediationWindow('soon')],
  ])('rejects %s as input', (_label, run) => {
    expect(rejection(run).code).toBe('BAD_USER_INPUT');
  });
});
