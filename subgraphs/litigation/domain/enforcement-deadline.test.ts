import {
  EnforcementFacts,
  PERFORMANCE_DUE_MAX_YEARS,
  enforcementStartedOnOf,
  enforcementApplicationDeadline,
  enforcementDeadlineCancelled,
  enforcementPeriodStart,
  performanceDueOnProblem,
} from './enforcement-deadline';
import { ENFORCEMENT_APPLICATION_SOURCE, ENFORCEMENT_APPLICATION_YEARS } from './statutes';

const judged = (f: Partial<EnforcementFacts> = {}): EnforcementFacts => ({
  status: 'JUDGED',
  procedure: 'SMALL_CLAIMS',
  procedureChangedOn: null,
  judgedFen: 360_000,
  settledFen: null,
  decidedOn: '2024-06-10',
  performanceDueOn: null,
  enforcementStartedOn: null,
  ...f,
});
const settled = (f: Partial<EnforcementFacts> = {}): EnforcementFacts =>
  judged({ status: 'SETTLED', judgedFen: null, settledFen: 300_000, ...f });

describe('the period to apply for enforcement (Civil Procedure Law art. 250)', () => {
  it('is two years, quoting the 2023 text', () => {
    expect(ENFORCEMENT_APPLICATION_YEARS).toBe(2);
    expect(ENFORCEMENT_APPLICATION_SOURCE).toContain('art. 250');
    expect(ENFORCEMENT_APPLICATION_SOURCE).toContain('申请执行的期间为二年');
  });

  it('counts two years from the last day of the performance period the court reported', () => {
    const d = enforcementApplicationDeadline(judged({ performanceDueOn: '2024-06-20' }));
    expect(d).toMatchObject({
      countedFrom: '2024-06-20',
      countedFromKind: 'PERFORMANCE_DUE',
      plainDueOn: '2026-06-20', // a Saturday
      dueOn: '2026-06-22',
      provisional: false,
      metOn: null,
      cancelled: false,
    });
    expect(d?.legalBasis).toMatch(/art\. 250.*art\. 85/);
  });

  it('moves a last day in a holiday to the first working day after it, a weekend worked in lieu counting', () => {
    // New Year 2026: 1–3 January off, Sunday the 4th worked.
    expect(enforcementApplicationDeadline(judged({ performanceDueOn: '2024-01-01' }))?.dueOn).toBe('2026-01-04');
    // Spring Festival 2026: 15–23 February off.
    expect(enforcementApplicationDeadline(settled({ performanceDueOn: '2024-02-17' }))?.dueOn).toBe('2026-02-24');
  });

  it('ends on the last day of the month where the corresponding day does not exist (Civil Code art. 202)', () => {
    // 2026-02-28 is a Saturday worked in lieu of the Spring Festival: a working day, so the period ends on it.
    expect(enforcementApplicationDeadline(judged({ performanceDueOn: '2024-02-29' }))).toMatchObject({
      plainDueOn: '2026-02-28',
      dueOn: '2026-02-28',
    });
  });

  it('counts a small claim’s judgment without a performance period from its day (final at first instance, art. 165)', () => {
    expect(enforcementApplicationDeadline(judged({ decidedOn: '2024-12-04' }))).toMatchObject({
      countedFrom: '2024-12-04',
      countedFromKind: 'SMALL_CLAIMS_JUDGMENT',
      dueOn: '2026-12-04',
    });
    expect(enforcementApplicationDeadline(judged({ procedure: 'SMALL_CLAIMS_BY_CONSENT' }))?.countedFromKind).toBe(
      'SMALL_CLAIMS_JUDGMENT',
    );
  });

  it('counts a settlement without a performance period from its day (the mediation document signed, art. 100)', () => {
    expect(enforcementApplicationDeadline(settled({ procedure: 'SIMPLE_OR_ORDINARY' }))).toMatchObject({
      countedFrom: '2024-06-10',
      countedFromKind: 'MEDIATION_DOCUMENT',
      dueOn: '2026-06-10',
    });
  });

  it('invents no start for an appealable judgment without a performance period', () => {
    expect(enforcementPeriodStart(judged({ procedure: 'SIMPLE_OR_ORDINARY' }))).toBeNull();
    expect(enforcementPeriodStart(judged({ procedure: 'UNDETERMINED' }))).toBeNull();
    // A small claim converted to the simple or ordinary procedure (art. 169): its judgment is appealable.
    expect(enforcementPeriodStart(judged({ procedureChangedOn: '2024-05-01' }))).toBeNull();
    // Once the court reports the performance period, its last day counts.
    expect(
      enforcementApplicationDeadline(judged({ procedure: 'SIMPLE_OR_ORDINARY', performanceDueOn: '2024-07-15' })),
    ).toMatchObject({ countedFromKind: 'PERFORMANCE_DUE', dueOn: '2026-07-15' });
  });

  it('has none before the case is judged or settled', () => {
    expect(
      enforcementApplicationDeadline(judged({ status: 'HEARING_SCHEDULED', judgedFen: null, decidedOn: null })),
    ).toBeNull();
  });

  it('is met when enforcement started, cancelled when closed without it', () => {
    expect(
      enforcementApplicationDeadline(judged({ status: 'ENFORCEMENT', enforcementStartedOn: '2025-03-03' })),
    ).toMatchObject({ metOn: '2025-03-03', cancelled: false });
    expect(
      enforcementApplicationDeadline(
        judged({ status: 'CLOSED', enforcementStartedOn: '2025-03-03', performanceDueOn: '2024-07-01' }),
      ),
    ).toMatchObject({ metOn: '2025-03-03', cancelled: false });
    expect(enforcementApplicationDeadline(judged({ status: 'CLOSED' }))).toMatchObject({
      metOn: null,
      cancelled: true,
    });
    // The one rule the register's announcement (events/publish/deadline-events.ts) uses too.
    expect(enforcementDeadlineCancelled({ status: 'CLOSED', enforcementStartedOn: null })).toBe(true);
    expect(enforcementDeadlineCancelled({ status: 'CLOSED', enforcementStartedOn: '2025-03-03' })).toBe(false);
    expect(enforcementDeadlineCancelled({ status: 'JUDGED', enforcementStartedOn: null })).toBe(false);
  });

  it('gives the plain last day, provisional, past the holiday data (a later notice can only move it later)', () => {
    const d = enforcementApplicationDeadline(judged({ performanceDueOn: '2026-03-31' }));
    expect(d).toMatchObject({
      plainDueOn: '2028-03-31',
      dueOn: '2028-03-31',
      provisional: true,
      awaitsHolidayYear: 2028,
    });
  });

  it.each<[unknown, string | undefined]>([
    ['2026-12-07', undefined],
    ['2036-12-07', undefined],
    ['2026-12-06', "the last day of the performance period cannot be before the report's day 2026-12-07"],
    [
      '2036-12-08',
      `the last day of the performance period is more than ${PERFORMANCE_DUE_MAX_YEARS} years after the report's day 2026-12-07`,
    ],
    ['2026-02-30', 'the last day of the performance period, YYYY-MM-DD'],
    [20261231, 'the last day of the performance period, YYYY-MM-DD'],
  ])('a performance period ending %p reported on 2026-12-07: %p', (due, problem) => {
    expect(performanceDueOnProblem(due, '2026-12-07')).toBe(problem);
  });

  it('names the day it is bounded by, and checks only the form without one (a correction, bounded by its judgment)', () => {
    expect(performanceDueOnProblem('2026-04-01', '2026-04-02', "the judgment's day")).toBe(
      "the last day of the performance period cannot be before the judgment's day 2026-04-02",
    );
    expect(performanceDueOnProblem('2026-04-01', null)).toBeUndefined();
    expect(performanceDueOnProblem('2026-04-31', null)).toBe('the last day of the performance period, YYYY-MM-DD');
  });
});

describe('the day enforcement started, from the court reports', () => {
  it('is the court’s day (in China) of the first start taken, applied or late', () => {
    expect(
      enforcementStartedOnOf([
        { kind: 'JUDGED', occurredAt: '2026-03-01T10:00:00+08:00', verdict: 'APPLY' },
        { kind: 'ENFORCEMENT_STARTED', occurredAt: '2026-05-31T17:00:00Z', verdict: 'STALE' },
        { kind: 'ENFORCEMENT_STARTED', occurredAt: '2026-06-03T09:00:00+08:00', verdict: 'APPLY' },
      ]),
    ).toBe('2026-06-01');
    expect(
      enforcementStartedOnOf([
        { kind: 'ENFORCEMENT_STARTED', occurredAt: '2026-06-03T09:00:00+08:00', verdict: 'DUPLICATE' },
      ]),
    ).toBeNull();
  });
});
