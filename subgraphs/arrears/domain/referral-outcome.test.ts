import { rejection } from '../../../test/support/rejection';
import { ACCOUNT_STATUSES, AccountStatus, assertTransition } from './account-status';
import { CASE_STATUSES, CaseStatus } from '../../../catalog';
import { ReferralStep, accountMovesForReferral, suitsOf } from './referral-outcome';

describe('accountMovesForReferral', () => {
  it.each<[AccountStatus, CaseStatus, AccountStatus[]]>([
    ['IN_COLLECTION', 'SUBMITTED', ['REFERRED']],
    ['MEDIATION', 'SUBMITTED', ['REFERRED']],
    ['REFERRED', 'DOCKETED', ['IN_LITIGATION']],
    ['REFERRED', 'HEARING_SCHEDULED', ['IN_LITIGATION']],
    ['IN_LITIGATION', 'JUDGED', ['JUDGED']],
    // A judgment reported before the docketing: the account goes the only way the status rules allow.
    ['REFERRED', 'JUDGED', ['IN_LITIGATION', 'JUDGED']],
    ['REFERRED', 'SETTLED', ['SETTLED']],
    ['IN_LITIGATION', 'SETTLED', ['SETTLED']],
    ['REFERRED', 'REJECTED', ['IN_COLLECTION']],
    ['REFERRED', 'WITHDRAWN', ['IN_COLLECTION']],
    ['IN_LITIGATION', 'WITHDRAWN', ['IN_COLLECTION']],
  ])('moves %s on %s through %j', (from, caseStatus, moves) => {
    expect(accountMovesForReferral(from, caseStatus)).toEqual(moves);
    // Every move it asks for is one the account's status rules allow.
    let at = from;
    for (const to of moves) {
      expect(() => assertTransition(at, to, { reason: 'x', openFen: 1 })).not.toThrow();
      at = to;
    }
  });

  it.each<[AccountStatus, CaseStatus]>([
    ['REFERRED', 'SUBMITTED'],
    ['IN_LITIGATION', 'DOCKETED'],
    ['IN_LITIGATION', 'HEARING_SCHEDULED'],
    ['JUDGED', 'JUDGED'],
    ['SETTLED', 'SETTLED'],
    ['IN_COLLECTION', 'WITHDRAWN'],
  ])('leaves %s as it is on %s (a redelivered report)', (from, caseStatus) => {
    expect(accountMovesForReferral(from, caseStatus)).toEqual([]);
  });

  it.each(
    ACCOUNT_STATUSES.flatMap((from) =>
      (['IN_MEDIATION', 'ENFORCEMENT', 'CLOSED'] as const).map((s) => [from, s] as [AccountStatus, CaseStatus]),
    ),
  )('does not move %s on %s', (from, caseStatus) => {
    expect(accountMovesForReferral(from, caseStatus)).toEqual([]);
  });

  it('takes a judgment or settlement that arrived after the enforcement or closing from its amount, while the account is still before the court', () => {
    const judged = { judgedFen: 120_000, settledFen: null };
    const settled = { judgedFen: null, settledFen: 80_000 };
    for (const caseStatus of ['ENFORCEMENT', 'CLOSED'] as const) {
      expect(accountMovesForReferral('IN_LITIGATION', caseStatus, 'FOLLOWED', judged)).toEqual(['JUDGED']);
      expect(accountMovesForReferral('REFERRED', caseStatus, 'FOLLOWED', judged)).toEqual(['IN_LITIGATION', 'JUDGED']);
      expect(accountMovesForReferral('IN_LITIGATION', caseStatus, 'FOLLOWED', settled)).toEqual(['SETTLED']);
      expect(accountMovesForReferral('REFERRED', caseStatus, 'FOLLOWED', settled)).toEqual(['SETTLED']);
      // No amount yet (the decision is still in flight), or the account past the court already: nothing moves.
      expect(accountMovesForReferral('IN_LITIGATION', caseStatus, 'FOLLOWED', {})).toEqual([]);
      for (const from of ['JUDGED', 'SETTLED', 'IN_COLLECTION', 'WRITTEN_OFF'] as const)
        expect(accountMovesForReferral(from, caseStatus, 'FOLLOWED', judged)).toEqual([]);
      // Of a referral followed before or never followed, nothing counts.
      expect(accountMovesForReferral('IN_LITIGATION', caseStatus, 'FOLLOWED_BEFORE', judged)).toEqual([]);
      expect(accountMovesForReferral('IN_LITIGATION', caseStatus, 'ANOTHER', judged)).toEqual([]);
    }
    for (const [from, decision] of [
      ['REFERRED', judged],
      ['IN_LITIGATION', settled],
    ] as const) {
      let at: AccountStatus = from;
      for (const to of accountMovesForReferral(from, 'ENFORCEMENT', 'FOLLOWED', decision)) {
        expect(() => assertTransition(at, to, { reason: 'x', openFen: 1 })).not.toThrow();
        at = to;
      }
    }
  });

  it('maps every case status litigation publishes', () => {
    for (const status of CASE_STATUSES) expect(() => accountMovesForReferral('REFERRED', status)).not.toThrow();
    expect(rejection(() => accountMovesForReferral('REFERRED', 'ARCHIVED' as CaseStatus)).code).toBe(
      'UNKNOWN_CASE_STATUS',
    );
  });

  it('asks for moves the status rules refuse, so they can reject them: a CURRENT account referred or docketed', () => {
    expect(accountMovesForReferral('CURRENT', 'SUBMITTED')).toEqual(['REFERRED']);
    expect(rejection(() => assertTransition('CURRENT', 'REFERRED')).code).toBe('INVALID_STATUS_TRANSITION');
    expect(accountMovesForReferral('CURRENT', 'DOCKETED')).toEqual(['IN_LITIGATION']);
    expect(rejection(() => assertTransition('CURRENT', 'IN_LITIGATION')).code).toBe('INVALID_STATUS_TRANSITION');
  });

  it("takes the account back before the court when the court's docket overrules the company's withdrawal", () => {
    // Litigation publishes a docketing, hearing or judgment after the company's withdrawal only when the court's
    // docket overrules it (before, the account could not follow: IN_COLLECTION to IN_LITIGATION was refused).
    for (const from of ['IN_COLLECTION', 'MEDIATION'] as const) {
      for (const [caseStatus, moves] of [
        ['DOCKETED', ['REFERRED', 'IN_LITIGATION']],
        ['HEARING_SCHEDULED', ['REFERRED', 'IN_LITIGATION']],
        ['JUDGED', ['REFERRED', 'IN_LITIGATION', 'JUDGED']],
      ] as const) {
        expect(accountMovesForReferral(from, caseStatus, 'FOLLOWED')).toEqual(moves);
        let at: AccountStatus = from;
        for (const to of moves) {
          expect(() => assertTransition(at, to, { reason: 'x', openFen: 1 })).not.toThrow();
          at = to;
        }
      }
      // A step of a referral followed before changes nothing, as ever.
      expect(accountMovesForReferral(from, 'DOCKETED', 'FOLLOWED_BEFORE')).toEqual([]);
    }
  });

  it('applies of another referral than the one followed only its submission: the old case ended, the account leaves it for the new one', () => {
    // A withdrawal arriving after the new referral's submission (another partition): before, it took the account back
    // to collection and the new case's docketing was dead-lettered.
    for (const caseStatus of CASE_STATUSES.filter((s) => s !== 'SUBMITTED'))
      for (const from of ACCOUNT_STATUSES) expect(accountMovesForReferral(from, caseStatus, 'ANOTHER')).toEqual([]);
    expect(accountMovesForReferral('IN_COLLECTION', 'SUBMITTED', 'ANOTHER')).toEqual(['REFERRED']);
    expect(accountMovesForReferral('MEDIATION', 'SUBMITTED', 'ANOTHER')).toEqual(['REFERRED']);
    for (const from of ['REFERRED', 'IN_LITIGATION', 'JUDGED', 'SETTLED', 'WRITTEN_OFF'] as const) {
      const moves = accountMovesForReferral(from, 'SUBMITTED', 'ANOTHER');
      expect(moves).toEqual(['IN_COLLECTION', 'REFERRED']);
      let at: AccountStatus = from;
      for (const to of moves) {
        expect(() => assertTransition(at, to, { reason: 'x', openFen: 1 })).not.toThrow();
        at = to;
      }
    }
  });

  it("takes the followed referral's submission again for a redelivery, even after the account left that case", () => {
    for (const from of ACCOUNT_STATUSES) expect(accountMovesForReferral(from, 'SUBMITTED', 'FOLLOWED')).toEqual([]);
    for (const from of ACCOUNT_STATUSES)
      for (const caseStatus of CASE_STATUSES)
        expect(accountMovesForReferral(from, caseStatus, 'FOLLOWED_BEFORE')).toEqual([]);
    expect(accountMovesForReferral('IN_COLLECTION', 'SUBMITTED', 'NONE')).toEqual(['REFERRED']);
    expect(accountMovesForReferral('REFERRED', 'DOCKETED', 'FOLLOWED')).toEqual(['IN_LITIGATION']);
  });
});

describe('suitsOf', () => {
  const R = 'referral-1';
  const step = (caseStatus: CaseStatus, on: string, chargeIds: string[] | null = null): ReferralStep => ({
    referralId: R,
    caseStatus,
    on,
    chargeIds,
  });

  it('makes a suit of a submission naming its charges, pending until a step ends the proceedings', () => {
    expect(suitsOf([step('SUBMITTED', '2026-10-15', ['c1']), step('DOCKETED', '2026-10-20')])).toEqual([
      { kind: 'SUIT', on: '2026-10-15', chargeIds: ['c1'], endedOn: null },
    ]);
  });

  it.each<CaseStatus>(['WITHDRAWN', 'REJECTED', 'JUDGED', 'SETTLED', 'CLOSED'])(
    'ends the proceedings on %s (art. 195 "有关程序终结")',
    (end) => {
      expect(suitsOf([step(end, '2026-11-20'), step('SUBMITTED', '2026-10-15', ['c1'])])).toEqual([
        { kind: 'SUIT', on: '2026-10-15', chargeIds: ['c1'], endedOn: '2026-11-20' },
      ]);
    },
  );

  it('keeps the case pending when the court took it back after a withdrawal, and ends it on the later end', () => {
    const taken = [
      step('SUBMITTED', '2026-10-15', ['c1']),
      step('WITHDRAWN', '2026-11-20'),
      step('DOCKETED', '2026-11-25'),
    ];
    expect(suitsOf(taken)[0].endedOn).toBeNull();
    expect(suitsOf([...taken, step('JUDGED', '2027-02-01')])[0].endedOn).toBe('2027-02-01');
  });

  it('interrupts nothing for a submission that did not name its charges (published before it did), or named none', () => {
    expect(suitsOf([step('SUBMITTED', '2026-10-15'), step('WITHDRAWN', '2026-11-20')])).toEqual([]);
    expect(suitsOf([step('SUBMITTED', '2026-10-15', [])])).toEqual([]);
    expect(suitsOf([step('DOCKETED', '2026-10-20'), step('JUDGED', '2027-01-10')])).toEqual([]);
  });

  it('keeps each referral its own suit', () => {
    const other = { ...step('SUBMITTED', '2027-03-01', ['c2']), referralId: 'referral-2' };
    expect(suitsOf([step('SUBMITTED', '2026-10-15', ['c1']), step('WITHDRAWN', '2026-11-20'), other])).toEqual([
      { kind: 'SUIT', on: '2026-10-15', chargeIds: ['c1'], endedOn: '2026-11-20' },
      { kind: 'SUIT', on: '2027-03-01', chargeIds: ['c2'], endedOn: null },
    ]);
  });
});
