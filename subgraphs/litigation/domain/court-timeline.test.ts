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

  it('extends once, on or before the original due date', () => {
    const extended = extendDecisionDeadline(docketed('c', '2024-01-15'), '2024-03-15');
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
    const error = rejection(() => extendDecisionDeadline(c, approvedOn));
    expect(error.code).toBe('EXTENSION_REFUSED');
    expect(error.details?.problems).toEqual(problems);
  });

  it('lists undecided cases past their due date, most overdue first', () => {
    const cases = [
      docketed('due-today', '2024-02-01'), // due 2024-04-01
      docketed('one-day-late', '2024-01-31'), // due 2024-03-31
      docketed('extended', '2024-01-10', { extensionApprovedOn: '2024-03-01' }), // due 2024-04-10
      docketed('decided', '2023-11-01', { decidedOn: '2023-12-20' }),
      docketed('decided-later', '2024-01-05', { decidedOn: '2024-04-20' }), // due 2024-03-05, undecided on 04-01
      docketed('b-long-late', '2023-12-01'), // due 2024-02-01
      docketed('a-long-late', '2023-12-01'),
    ];
    expect(overdueCases(cases, '2024-04-01')).toEqual([
      { caseId: 'a-long-late', dueOn: '2024-02-01', daysOverdue: 60, extended: false },
      { caseId: 'b-long-late', dueOn: '2024-02-01', daysOverdue: 60, extended: false },
      { caseId: 'decided-later', dueOn: '2024-03-05', daysOverdue: 27, extended: false },
      { caseId: 'one-day-late', dueOn: '2024-03-31', daysOverdue: 1, extended: false },
    ]);
    expect(overdueCases(cases, '2024-04-11').map((o) => o.caseId)).toContain('extended');
    expect(overdueCases([], '2024-04-01')).toEqual([]);
  });

  it.each<[string, string, boolean]>([
    ['2024-03-01', '2024-03-01', true],
    ['2024-03-01', '2024-03-31', true], // day 30 after the start day
    ['2024-03-01', '2024-04-01', false],
    ['2024-03-01', '2024-02-29', false],
  ])('mediation started %s is open on %s: %s', (startedOn, asOf, open) => {
    expect(isMediationWindowOpen(startedOn, asOf)).toBe(open);
  });

  it('gives the 30-day mediation window', () => {
    expect(mediationWindow('2024-02-15')).toEqual({ startedOn: '2024-02-15', endsOn: '2024-03-16' });
  });

  it.each<[string, () => unknown]>([
    ['a docket date that does not exist', () => decisionDeadline(docketed('c', '2023-02-29'))],
    ['a bad as-of date', () => overdueCases([], '2024-13-01')],
    ['a bad mediation start', () => mediationWindow('soon')],
  ])('rejects %s as input', (_label, run) => {
    expect(rejection(run).code).toBe('BAD_USER_INPUT');
  });
});
