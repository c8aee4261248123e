import { rejection } from '../../../test/support/rejection';
import { Identity } from '../../../kernel/identity';
import {
  DEFAULT_REMINDER_LEADS,
  assertReminderRunDay,
  checkReminderLeads,
  checkWithin,
  deadlineScopeOf,
  deadlineState,
  reminderDue,
} from './deadlines';

// A contract signed 2026-09-16: day 15 is 1 October, National Day; 1–7 October are off, so it is due 8 October (art. 203).
const identity = (role: Identity['role'], organisationId: string, jurisdictions: string[] = []): Identity => ({
  subject: `${organisationId}-user`,
  role,
  organisationId,
  jurisdictions,
});

const open = { dueOn: '2026-10-08', metOn: null, cancelled: false };

describe('deadline register rules', () => {
  it.each([
    ['2026-09-16', 'UPCOMING'],
    ['2026-09-30', 'UPCOMING'],
    ['2026-10-01', 'DUE_SOON'], // 7 days left
    ['2026-10-08', 'DUE_SOON'], // the last day
    ['2026-10-09', 'OVERDUE'],
  ])('on %s an open deadline due 2026-10-08 is %s', (asOf, state) => {
    expect(deadlineState(open, asOf)).toBe(state);
  });

  it('is MET once met, whatever the day', () => {
    expect(deadlineState({ dueOn: '2026-10-08', metOn: '2026-10-12' }, '2026-12-01')).toBe('MET');
  });

  it.each([
    ['2026-09-30', null],
    ['2026-10-01', 'P7D'], // 7 days before
    ['2026-10-06', 'P7D'],
    ['2026-10-07', 'P1D'], // the day before
    ['2026-10-08', 'P1D'],
    ['2026-10-09', 'OVERDUE'],
    ['2026-11-30', 'OVERDUE'],
  ])('with the default leads, on %s the reminder due is %s', (asOf, lead) => {
    expect(reminderDue(open, DEFAULT_REMINDER_LEADS, asOf)).toBe(lead);
  });

  it('reminds of nothing once met or cancelled, without a due date, or after it passed when overdue is off', () => {
    expect(reminderDue({ ...open, metOn: '2026-10-02' }, DEFAULT_REMINDER_LEADS, '2026-10-07')).toBeNull();
    expect(reminderDue({ ...open, cancelled: true }, DEFAULT_REMINDER_LEADS, '2026-10-07')).toBeNull();
    expect(reminderDue({ ...open, dueOn: null }, DEFAULT_REMINDER_LEADS, '2026-10-07')).toBeNull();
    expect(reminderDue(open, { leadDays: [3], overdue: false }, '2026-10-09')).toBeNull();
    expect(reminderDue(open, { leadDays: [0], overdue: false }, '2026-10-08')).toBe('P0D');
  });

  it('bounds `within` and the leads', () => {
    expect(checkWithin(366)).toBe(366);
    for (const within of [0, 367, 1.5]) expect(rejection(() => checkWithin(within)).code).toBe('BAD_USER_INPUT');
    expect(checkReminderLeads({ leadDays: [1, 7, 7], overdue: true })).toEqual({ leadDays: [7, 1], overdue: true });
    for (const leads of [
      { leadDays: [1, 2, 3, 4, 5, 6], overdue: true },
      { leadDays: Array<number>(500_000).fill(7), overdue: true }, // the list sent is bounded, not its distinct days
      { leadDays: [91], overdue: true },
      { leadDays: [-1], overdue: true },
      { leadDays: [], overdue: false },
    ])
      expect(rejection(() => checkReminderLeads(leads)).code).toBe('BAD_USER_INPUT');
  });

  it('scopes each party to its own deadlines, a bureau to its districts, nobody else to any', () => {
    expect(deadlineScopeOf(identity('PROPERTY_COMPANY', '91110102MA0000DL01'))).toEqual({
      kind: 'OWNER',
      organisationId: '91110102MA0000DL01',
    });
    expect(deadlineScopeOf(identity('CITY_BUREAU', 'xicheng-housing', ['110102']))).toEqual({
      kind: 'DISTRICTS',
      prefixes: ['110102'],
      deadlineKinds: ['CONTRACT_FILING'],
      // and its own deadlines (its webhook subscriptions' retry windows)
      organisationId: 'xicheng-housing',
    });
    expect(deadlineScopeOf(identity('ADMIN', 'hub'))).toEqual({ kind: 'ALL' });
    expect(deadlineScopeOf(identity('OWNERS_COMMITTEE', 'oc-1'))).toBeNull();
  });
});

describe("the admin's reminder run", () => {
  it('runs for today or a day before, and for a day ahead only under tests', () => {
    expect(() => assertReminderRunDay('2026-12-05', '2026-12-05', false)).not.toThrow();
    expect(() => assertReminderRunDay('2026-11-30', '2026-12-05', false)).not.toThrow();
    const ahead = rejection(() => assertReminderRunDay('2027-12-05', '2026-12-05', false));
    expect(ahead.code).toBe('BAD_USER_INPUT');
    expect(ahead.details).toEqual({ fields: { asOf: 'not after today (2026-12-05)' } });
    expect(() => assertReminderRunDay('2027-12-05', '2026-12-05', true)).not.toThrow();
  });
});
