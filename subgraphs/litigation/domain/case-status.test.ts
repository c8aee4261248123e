import { rejection } from '../../../test/support/rejection';
import {
  CASE_STATUSES,
  CaseState,
  CaseStatus,
  CourtEventKind,
  CourtEventVerdict,
  applyCourtEvent,
  beforeDocketing,
  assertCourtDateOrder,
  assertNotFuture,
  canTransition,
  excludedByRecordedPath,
  decisionArrivedLate,
  overrulesOwnWithdrawal,
  REINSTATED,
  isReachable,
  judgeCourtEvent,
} from './case-status';

const at = (status: CaseStatus, statusSince: string | null = '2024-06-10T09:00:00+08:00'): CaseState => ({
  status,
  statusSince,
});
const event = (kind: CourtEventKind, occurredAt = '2024-06-20T09:00:00+08:00') => ({ kind, occurredAt });

describe('court events arriving out of order or twice', () => {
  it.each<[CaseStatus, CourtEventKind, CourtEventVerdict]>([
    // the next step
    ['SUBMITTED', 'MEDIATION_STARTED', 'APPLY'],
    ['SUBMITTED', 'DOCKETED', 'APPLY'],
    ['SUBMITTED', 'DOCKETING_REFUSED', 'APPLY'],
    ['IN_MEDIATION', 'SETTLED', 'APPLY'],
    ['IN_MEDIATION', 'DOCKETED', 'APPLY'],
    ['IN_MEDIATION', 'DOCKETING_REFUSED', 'APPLY'],
    ['DOCKETED', 'HEARING_SCHEDULED', 'APPLY'],
    ['HEARING_SCHEDULED', 'JUDGED', 'APPLY'],
    ['HEARING_SCHEDULED', 'WITHDRAWN', 'APPLY'],
    ['JUDGED', 'ENFORCEMENT_STARTED', 'APPLY'],
    ['SETTLED', 'ENFORCEMENT_STARTED', 'APPLY'],
    ['ENFORCEMENT', 'CLOSED', 'APPLY'],
    // further ahead: the steps in between are still in flight
    ['SUBMITTED', 'JUDGED', 'APPLY'],
    ['IN_MEDIATION', 'HEARING_SCHEDULED', 'APPLY'],
    // the same status again
    ['DOCKETED', 'DOCKETED', 'DUPLICATE'],
    ['JUDGED', 'JUDGED', 'DUPLICATE'],
    ['CLOSED', 'CLOSED', 'DUPLICATE'],
    // older steps the current status implies
    ['JUDGED', 'DOCKETED', 'STALE'],
    ['JUDGED', 'HEARING_SCHEDULED', 'STALE'],
    ['DOCKETED', 'MEDIATION_STARTED', 'STALE'],
    ['ENFORCEMENT', 'JUDGED', 'STALE'],
    ['CLOSED', 'DOCKETED', 'STALE'],
    ['CLOSED', 'WITHDRAWN', 'STALE'],
    ['SETTLED', 'MEDIATION_STARTED', 'STALE'],
    ['REJECTED', 'MEDIATION_STARTED', 'STALE'],
    // impossible
    ['WITHDRAWN', 'JUDGED', 'INVALID'],
    ['SETTLED', 'JUDGED', 'INVALID'],
    ['JUDGED', 'SETTLED', 'INVALID'],
    ['JUDGED', 'WITHDRAWN', 'INVALID'],
    ['REJECTED', 'DOCKETED', 'INVALID'],
    ['WITHDRAWN', 'ENFORCEMENT_STARTED', 'INVALID'],
    ['REJECTED', 'HEARING_SCHEDULED', 'INVALID'],
  ])('%s + %s → %s', (status, kind, verdict) => {
    expect(judgeCourtEvent(status === 'SUBMITTED' ? at(status, null) : at(status), event(kind))).toBe(verdict);
  });

  it.each<[string, string, CourtEventVerdict]>([
    ['the same hearing notice again', '2024-06-10T09:00:00+08:00', 'DUPLICATE'],
    ['the same instant written in UTC', '2024-06-10T01:00:00Z', 'DUPLICATE'],
    ['a rescheduled hearing', '2024-06-11T09:00:00+08:00', 'APPLY'],
    ['the notice the rescheduling replaced', '2024-06-09T17:00:00+08:00', 'STALE'],
  ])('a hearing already scheduled, then %s → %s', (_label, occurredAt, verdict) => {
    expect(judgeCourtEvent(at('HEARING_SCHEDULED'), event('HEARING_SCHEDULED', occurredAt))).toBe(verdict);
  });

  it('treats a repeated non-repeatable event as a duplicate whatever its time', () => {
    expect(judgeCourtEvent(at('DOCKETED'), event('DOCKETED', '2024-06-01T00:00:00Z'))).toBe('DUPLICATE');
    expect(judgeCourtEvent(at('DOCKETED'), event('DOCKETED', '2024-07-01T00:00:00Z'))).toBe('DUPLICATE');
  });

  it('replays a shuffled, duplicated feed to the same end state', () => {
    const feed = [
      event('JUDGED', '2024-07-20T10:00:00+08:00'),
      event('DOCKETED', '2024-06-10T09:00:00+08:00'),
      event('JUDGED', '2024-07-20T10:00:00+08:00'),
      event('HEARING_SCHEDULED', '2024-06-12T09:00:00+08:00'),
      event('CLOSED', '2024-08-01T09:00:00+08:00'),
      event('MEDIATION_STARTED', '2024-05-01T09:00:00+08:00'),
    ];
    let state: CaseState = { status: 'SUBMITTED', statusSince: null };
    const verdicts: CourtEventVerdict[] = [];
    for (const e of feed) {
      const result = applyCourtEvent(state, e);
      verdicts.push(result.verdict);
      state = result.state;
    }
    expect(verdicts).toEqual(['APPLY', 'STALE', 'DUPLICATE', 'STALE', 'APPLY', 'STALE']);
    expect(state).toEqual({ status: 'CLOSED', statusSince: '2024-08-01T09:00:00+08:00' });
  });

  it('changes the state only on APPLY', () => {
    const judged = at('JUDGED');
    expect(applyCourtEvent(judged, event('DOCKETED')).state).toBe(judged);
    expect(applyCourtEvent(judged, event('WITHDRAWN')).state).toBe(judged);
    expect(applyCourtEvent(judged, event('ENFORCEMENT_STARTED')).state).toEqual({
      status: 'ENFORCEMENT',
      statusSince: '2024-06-20T09:00:00+08:00',
    });
  });

  it('has no cycle but the rescheduled hearing, and CLOSED is reachable from every other status', () => {
    for (const s of CASE_STATUSES) {
      expect(isReachable(s, s)).toBe(s === 'HEARING_SCHEDULED');
      expect(isReachable(s, 'CLOSED')).toBe(s !== 'CLOSED');
    }
    expect(canTransition('DOCKETED', 'JUDGED')).toBe(true);
    expect(canTransition('JUDGED', 'DOCKETED')).toBe(false);
  });

  it.each<[string, CaseState, { kind: CourtEventKind; occurredAt: string }, string[]]>([
    ['an instant without a zone', at('DOCKETED'), event('JUDGED', '2024-06-20T09:00:00'), ['occurredAt']],
    ['a day that does not exist', at('DOCKETED'), event('JUDGED', '2024-02-30T09:00:00Z'), ['occurredAt']],
    ['an unknown kind and status', at('LOST' as CaseStatus), event('APPEALED' as CourtEventKind), ['kind', 'status']],
    ['a bad statusSince', at('DOCKETED', 'yesterday'), event('JUDGED'), ['statusSince']],
    // In year 10000 once in UTC: a debtor listing's listedOn was `10000-01-01`, refused by every consumer.
    [
      'an instant past year 9999 in UTC',
      at('ENFORCEMENT'),
      event('CLOSED', '9999-12-31T20:00:00-05:00'),
      ['occurredAt'],
    ],
  ])('rejects %s as input', (_label, state, e, fields) => {
    const error = rejection(() => judgeCourtEvent(state, e));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(error.details?.fields as object).sort()).toEqual(fields);
  });
});

describe('a court event dated in the future', () => {
  it('is refused after tomorrow, by China’s calendar day', () => {
    // 2062 typed for 2026: once applied, every later report of the hearing would have been judged stale.
    expect(rejection(() => assertNotFuture('2062-06-20T09:00:00+08:00', '2026-06-20')).details).toEqual({
      fields: { occurredAt: 'on or before 2026-06-21 (China time)' },
    });
    // 16:30 UTC on the 21st is already the 22nd in China.
    expect(rejection(() => assertNotFuture('2026-06-21T16:30:00Z', '2026-06-20')).code).toBe('BAD_USER_INPUT');
    expect(() => assertNotFuture('2026-06-21T15:30:00Z', '2026-06-20')).not.toThrow();
    expect(() => assertNotFuture('2026-06-20T09:00:00+08:00', '2026-06-20')).not.toThrow();
  });
});

describe("a report's day against the case's recorded dates (Civil Procedure Law arts. 126, 168)", () => {
  const submitted = { submittedOn: '2026-12-01', docketedOn: null, decidedOn: null };
  const docketed = { ...submitted, docketedOn: '2026-12-03' };
  const fieldOf = (fn: () => void) => rejection(fn).details?.fields;

  it('refuses any step dated before the referral reached the court', () => {
    expect(rejection(() => assertCourtDateOrder('DOCKETED', '2020-12-01', submitted)).code).toBe('BAD_USER_INPUT');
    expect(fieldOf(() => assertCourtDateOrder('MEDIATION_STARTED', '2026-11-30', submitted))).toEqual({
      occurredAt: 'on or after 2026-12-01, the day the referral was submitted to the court',
    });
    expect(() => assertCourtDateOrder('DOCKETED', '2026-12-01', submitted)).not.toThrow();
  });

  it.each<CourtEventKind>(['HEARING_SCHEDULED', 'PROCEDURE_CHANGED', 'JUDGED', 'JUDGMENT_CORRECTED', 'SETTLED'])(
    'refuses %s dated before the recorded docketing, and takes it on the docketing day',
    (kind) => {
      expect(fieldOf(() => assertCourtDateOrder(kind, '2026-12-02', docketed))).toEqual({
        occurredAt: 'on or after 2026-12-03, the day the case was docketed',
      });
      expect(() => assertCourtDateOrder(kind, '2026-12-03', docketed)).not.toThrow();
    },
  );

  it('takes a withdrawal or a refusal of a case not yet docketed on any day since the submission', () => {
    expect(() => assertCourtDateOrder('WITHDRAWN', '2026-12-02', docketed)).not.toThrow();
    expect(() => assertCourtDateOrder('JUDGED', '2026-12-02', submitted)).not.toThrow();
  });

  it('refuses a docketing arriving after the decision and dated after it', () => {
    const decided = { ...submitted, decidedOn: '2026-12-10' };
    expect(fieldOf(() => assertCourtDateOrder('DOCKETED', '2026-12-11', decided))).toEqual({
      occurredAt: 'on or before 2026-12-10, the day the case was decided',
    });
    expect(() => assertCourtDateOrder('DOCKETED', '2026-12-10', decided)).not.toThrow();
  });
});

describe('a late step against the path the case recorded', () => {
  it.each<[string, CaseStatus[], CourtEventKind, CaseStatus[]]>([
    [
      'a judgment on a case settled, then enforced (执行和解 is no 调解结案)',
      ['DOCKETED', 'SETTLED', 'ENFORCEMENT'],
      'JUDGED',
      ['SETTLED'],
    ],
    ['a settlement on a case judged, then enforced', ['DOCKETED', 'JUDGED', 'ENFORCEMENT'], 'SETTLED', ['JUDGED']],
    ['a judgment on a case withdrawn, then closed', ['DOCKETED', 'WITHDRAWN', 'CLOSED'], 'JUDGED', ['WITHDRAWN']],
    ['a docketing on a case the court refused to docket', ['REJECTED', 'CLOSED'], 'DOCKETED', ['REJECTED']],
  ])('refuses %s', (_label, recorded, kind, excluded) => {
    expect(judgeCourtEvent(at(recorded[recorded.length - 1]), event(kind))).toBe('STALE');
    expect(excludedByRecordedPath(recorded, kind)).toEqual(excluded);
  });

  it.each<[string, CaseStatus[], CourtEventKind]>([
    ['a docketing after the judgment and enforcement', ['JUDGED', 'ENFORCEMENT'], 'DOCKETED'],
    ['a judgment after the enforcement and closing it led to', ['ENFORCEMENT', 'CLOSED'], 'JUDGED'],
    ['a settlement after the closing', ['DOCKETED', 'CLOSED'], 'SETTLED'],
    ['a hearing after the judgment', ['DOCKETED', 'JUDGED'], 'HEARING_SCHEDULED'],
    ['mediation after the docketing', ['DOCKETED'], 'MEDIATION_STARTED'],
    ['a step within a status', ['SETTLED', 'ENFORCEMENT'], 'DEBTOR_LISTED_DISHONEST'],
  ])('takes %s as a late arrival', (_label, recorded, kind) => {
    expect(excludedByRecordedPath(recorded, kind)).toEqual([]);
  });
});

describe('a dishonest-debtor listing (Civil Procedure Law art. 266)', () => {
  it('is a step within enforcement that leaves the status as it is', () => {
    const enforcing = { status: 'ENFORCEMENT' as const, statusSince: '2024-06-01T09:00:00+08:00' };
    expect(applyCourtEvent(enforcing, event('DEBTOR_LISTED_DISHONEST'))).toEqual({
      verdict: 'APPLY',
      state: enforcing,
    });
  });

  it.each<CaseStatus>(['SUBMITTED', 'DOCKETED', 'JUDGED', 'SETTLED', 'CLOSED'])('is refused while %s', (status) => {
    expect(judgeCourtEvent({ status, statusSince: null }, event('DEBTOR_LISTED_DISHONEST'))).toBe('INVALID');
  });
});

describe('a ruling correcting the judgment (补正裁定, Civil Procedure Law art. 157 para. 1 item 7)', () => {
  it.each<CaseStatus>(['JUDGED', 'ENFORCEMENT', 'CLOSED'])(
    'is a step on the judgment while %s, the status as it is',
    (status) => {
      const state = { status, statusSince: '2024-06-01T09:00:00+08:00' };
      expect(applyCourtEvent(state, event('JUDGMENT_CORRECTED'))).toEqual({ verdict: 'APPLY', state });
    },
  );

  it.each<CaseStatus>(['SUBMITTED', 'DOCKETED', 'HEARING_SCHEDULED', 'SETTLED', 'WITHDRAWN', 'REJECTED'])(
    'is refused while %s: no judgment to correct',
    (status) => {
      expect(judgeCourtEvent({ status, statusSince: null }, event('JUDGMENT_CORRECTED'))).toBe('INVALID');
    },
  );
});

describe('a small claim converted to the simple or ordinary procedure (Civil Procedure Law art. 169)', () => {
  it.each<CaseStatus>(['DOCKETED', 'HEARING_SCHEDULED'])(
    'is a step of the trial while %s, the status as it is',
    (status) => {
      const state = { status, statusSince: '2024-06-01T09:00:00+08:00' };
      expect(applyCourtEvent(state, event('PROCEDURE_CHANGED'))).toEqual({ verdict: 'APPLY', state });
      // Before, it could be reported only as a second docketing: a duplicate, or stale once a hearing was scheduled.
      expect(judgeCourtEvent(state, event('DOCKETED'))).not.toBe('APPLY');
    },
  );

  it.each<CaseStatus>([
    'SUBMITTED',
    'IN_MEDIATION',
    'JUDGED',
    'SETTLED',
    'WITHDRAWN',
    'REJECTED',
    'ENFORCEMENT',
    'CLOSED',
  ])('is refused while %s: no trial under way to convert', (status) => {
    expect(judgeCourtEvent({ status, statusSince: null }, event('PROCEDURE_CHANGED'))).toBe('INVALID');
  });
});

describe('before docketing', () => {
  it('holds while the case is submitted or in pre-suit mediation, and never after the court took it', () => {
    expect(CASE_STATUSES.filter(beforeDocketing)).toEqual(['SUBMITTED', 'IN_MEDIATION']);
  });
});

describe('a decision reported after the enforcement or closing it led to', () => {
  it('is news only for a judgment or settlement, on a case in ENFORCEMENT or CLOSED, with no decision recorded before', () => {
    for (const kind of ['JUDGED', 'SETTLED'] as const)
      for (const status of ['ENFORCEMENT', 'CLOSED'] as const) {
        expect(judgeCourtEvent(at(status), event(kind))).toBe('STALE');
        expect(decisionArrivedLate(status, kind, false)).toBe(true);
        expect(decisionArrivedLate(status, kind, true)).toBe(false);
      }
    expect(decisionArrivedLate('CLOSED', 'DOCKETED', false)).toBe(false);
    expect(decisionArrivedLate('JUDGED', 'JUDGED', false)).toBe(false);
    expect(decisionArrivedLate('HEARING_SCHEDULED', 'JUDGED', false)).toBe(false);
  });
});

describe("the court's docket overrules the company's own withdrawal", () => {
  it('for a docketing, hearing or judgment on a case the company withdrew through the hub, not the court', () => {
    for (const kind of ['DOCKETED', 'HEARING_SCHEDULED', 'JUDGED'] as const) {
      expect(judgeCourtEvent(at('WITHDRAWN'), event(kind))).not.toBe('APPLY');
      expect(overrulesOwnWithdrawal('WITHDRAWN', kind, true)).toBe(true);
      expect(overrulesOwnWithdrawal('WITHDRAWN', kind, false)).toBe(false); // the court reported the withdrawal
      expect(judgeCourtEvent(REINSTATED, event(kind))).toBe('APPLY');
    }
    for (const kind of ['MEDIATION_STARTED', 'SETTLED', 'DOCKETING_REFUSED', 'CLOSED', 'ENFORCEMENT_STARTED'] as const)
      expect(overrulesOwnWithdrawal('WITHDRAWN', kind, true)).toBe(false);
    expect(overrulesOwnWithdrawal('CLOSED', 'DOCKETED', true)).toBe(false);
  });
});
