import { CONCLUDED_ACCOUNT_STATUSES } from '../../../catalog';
import { rejection } from '../../../test/support/rejection';
import {
  ACCOUNT_STATUSES,
  AccountStatus,
  TransitionContext,
  allowedTransitions,
  assertSetByCompany,
  assertTransition,
} from './account-status';

/** Enough context for every guarded move, so the table alone decides. */
const cleared: TransitionContext = { openFen: 0, reason: '业主已去世且无财产可供执行' };

const ALLOWED: [AccountStatus, AccountStatus][] = [
  ['CURRENT', 'IN_COLLECTION'],
  ['IN_COLLECTION', 'CURRENT'],
  ['IN_COLLECTION', 'MEDIATION'],
  ['IN_COLLECTION', 'REFERRED'],
  ['IN_COLLECTION', 'WRITTEN_OFF'],
  ['MEDIATION', 'CURRENT'],
  ['MEDIATION', 'IN_COLLECTION'],
  ['MEDIATION', 'REFERRED'],
  ['MEDIATION', 'SETTLED'],
  ['MEDIATION', 'WRITTEN_OFF'],
  ['REFERRED', 'IN_COLLECTION'],
  ['REFERRED', 'IN_LITIGATION'],
  ['REFERRED', 'SETTLED'],
  ['REFERRED', 'WRITTEN_OFF'],
  ['IN_LITIGATION', 'IN_COLLECTION'],
  ['IN_LITIGATION', 'JUDGED'],
  ['IN_LITIGATION', 'SETTLED'],
  ['IN_LITIGATION', 'WRITTEN_OFF'],
  ['JUDGED', 'WRITTEN_OFF'],
  ['JUDGED', 'IN_COLLECTION'],
  ['SETTLED', 'IN_COLLECTION'],
  ['WRITTEN_OFF', 'IN_COLLECTION'],
];
const CONCLUDED = [...CONCLUDED_ACCOUNT_STATUSES];
/** A new case after an end needs something in arrears; every other move is decided by the table alone. */
const contextFor = (from: AccountStatus, to: AccountStatus): TransitionContext =>
  CONCLUDED.includes(from) && to === 'IN_COLLECTION' ? { openFen: 9_482, arrearsFen: 9_482 } : cleared;
const key = (from: AccountStatus, to: AccountStatus) => `${from}→${to}`;
const allowed = new Set(ALLOWED.map(([from, to]) => key(from, to)));
const everyPair = ACCOUNT_STATUSES.flatMap((from) =>
  ACCOUNT_STATUSES.map((to) => [from, to] as [AccountStatus, AccountStatus]),
);

describe('arrears account transitions', () => {
  it('leads from a concluded status (the catalog list litigation reads) only to another concluded one, or to a new case', () => {
    for (const status of CONCLUDED_ACCOUNT_STATUSES)
      expect(
        allowedTransitions(status).every((to) => CONCLUDED_ACCOUNT_STATUSES.has(to) || to === 'IN_COLLECTION'),
      ).toBe(true);
    expect(ACCOUNT_STATUSES.filter((s) => allowedTransitions(s).length === 0)).toEqual([]);
  });

  it.each(everyPair.filter(([from, to]) => allowed.has(key(from, to))))('allows %s → %s', (from, to) => {
    expect(() => assertTransition(from, to, contextFor(from, to))).not.toThrow();
    expect(allowedTransitions(from)).toContain(to);
  });

  it.each(everyPair.filter(([from, to]) => !allowed.has(key(from, to))))('refuses %s → %s', (from, to) => {
    const error = rejection(() => assertTransition(from, to, cleared));
    expect(error.code).toBe('INVALID_STATUS_TRANSITION');
    expect(error.details).toEqual({ from, to });
  });

  it.each<AccountStatus>(['SETTLED', 'WRITTEN_OFF'])('%s ends the case: only a new case leads on', (status) => {
    expect(allowedTransitions(status)).toEqual(['IN_COLLECTION']);
  });

  it.each(CONCLUDED)('opens a new case after %s only while something is in arrears (NOTHING_IN_ARREARS)', (from) => {
    for (const context of [{ openFen: 9_482, arrearsFen: 0 }, { openFen: 0 }, {}]) {
      const error = rejection(() => assertTransition(from, 'IN_COLLECTION', context));
      expect(error.code).toBe('NOTHING_IN_ARREARS');
      expect(error.details).toEqual({ from, to: 'IN_COLLECTION', arrearsFen: context.arrearsFen ?? null });
    }
    expect(() => assertTransition(from, 'IN_COLLECTION', { openFen: 9_482, arrearsFen: 1 })).not.toThrow();
    expect(() => assertSetByCompany(from, 'IN_COLLECTION')).not.toThrow();
  });

  it.each<[AccountStatus, TransitionContext, number | null]>([
    ['IN_COLLECTION', { openFen: 9_482 }, 9_482],
    ['IN_COLLECTION', {}, null],
    ['MEDIATION', { openFen: 1 }, 1],
  ])('keeps %s out of CURRENT while %j is open', (from, context, openFen) => {
    const error = rejection(() => assertTransition(from, 'CURRENT', context));
    expect(error.code).toBe('ARREARS_NOT_CLEARED');
    expect(error.details).toEqual({ from, to: 'CURRENT', openFen });
  });

  it('returns an account to CURRENT once nothing is in arrears, though next month’s fee is open (Civil Code art. 944 para. 2)', () => {
    expect(() => assertTransition('IN_COLLECTION', 'CURRENT', { openFen: 9_482, arrearsFen: 0 })).not.toThrow();
    const error = rejection(() => assertTransition('IN_COLLECTION', 'CURRENT', { openFen: 18_964, arrearsFen: 9_482 }));
    expect(error.details).toEqual({ from: 'IN_COLLECTION', to: 'CURRENT', openFen: 18_964, arrearsFen: 9_482 });
  });

  it.each<[AccountStatus, TransitionContext]>([
    ['IN_COLLECTION', {}],
    ['JUDGED', { reason: '   ' }],
    ['REFERRED', { reason: null }],
  ])('refuses writing off from %s without a reason (%j)', (from, context) => {
    const error = rejection(() => assertTransition(from, 'WRITTEN_OFF', context));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toEqual({ fields: { reason: 'give the reason for writing the arrears off' } });
  });

  it('refuses statuses it does not know', () => {
    expect(rejection(() => assertTransition('CURRENT', 'ARCHIVED' as AccountStatus)).code).toBe(
      'INVALID_STATUS_TRANSITION',
    );
    expect(rejection(() => assertTransition('ARCHIVED' as AccountStatus, 'CURRENT', cleared)).code).toBe(
      'INVALID_STATUS_TRANSITION',
    );
  });

  it('lets a company move an account by hand only where no procedure of another party runs', () => {
    expect(() => assertSetByCompany('IN_COLLECTION', 'CURRENT')).not.toThrow();
    expect(() => assertSetByCompany('JUDGED', 'WRITTEN_OFF')).not.toThrow();
    expect(() => assertSetByCompany('MEDIATION', 'CURRENT')).not.toThrow(); // paid in full meanwhile
    // Before, only the target was checked: these went through and left litigation or mediation behind.
    for (const [from, to] of [
      ['REFERRED', 'IN_COLLECTION'],
      ['IN_LITIGATION', 'IN_COLLECTION'],
      ['MEDIATION', 'IN_COLLECTION'],
      ['IN_LITIGATION', 'WRITTEN_OFF'],
      ['IN_COLLECTION', 'REFERRED'],
    ] as const)
      expect(() => assertSetByCompany(from, to)).toThrow(
        expect.objectContaining({ code: 'STATUS_SET_BY_PROCEDURE', details: expect.objectContaining({ from, to }) }),
      );
  });
});
