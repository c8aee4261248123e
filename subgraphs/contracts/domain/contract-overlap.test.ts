import { rejection } from '../../../test/support/rejection';
import { ContractStatus } from './contract';
import {
  CandidateContract,
  ContractTermProblem,
  ExistingContract,
  continuationEndedBy,
  contractTermProblems,
  contractsServingOn,
  lastDayServed,
  latestPreliminaryEnd,
  overlappingContracts,
  preliminaryContractsEndedBy,
  preliminaryTermProblems,
  regularContractEnding,
  regularContractsInForceAtStart,
  validateContractTerm,
} from './contract-overlap';
import { BEIJING, defineCitySettings } from './statutes';

/** A regular contract for 2022–2024, as seed 003's after the four-party agreement of 2021-12-10 might run. */
const regular = (overrides: Partial<ExistingContract> = {}): ExistingContract => ({
  id: 'c-2022',
  kind: 'REGULAR',
  startsOn: '2022-01-01',
  endsOn: '2024-12-31',
  status: 'ACCEPTED',
  ...overrides,
});
const candidate = (
  startsOn: string,
  endsOn: string,
  overrides: Partial<CandidateContract> = {},
): CandidateContract => ({ kind: 'REGULAR', startsOn, endsOn, ...overrides });

describe('regular contracts of one area must not overlap', () => {
  it.each<[string, string, string, boolean]>([
    ['starts the day after it ends', '2025-01-01', '2027-12-31', false],
    ['ends the day before it starts', '2020-01-01', '2021-12-31', false],
    ['shares its last day', '2024-12-31', '2027-12-31', true],
    ['shares its first day', '2020-01-01', '2022-01-01', true],
    ['lies inside it', '2023-03-01', '2023-03-31', true],
    ['encloses it', '2021-01-01', '2025-12-31', true],
    ['is the same period', '2022-01-01', '2024-12-31', true],
    ['is one day inside it', '2023-06-15', '2023-06-15', true],
  ])('a candidate that %s (%s to %s) conflicts: %s', (_label, startsOn, endsOn, conflicts) => {
    const existing = [regular()];
    expect(overlappingContracts(existing, candidate(startsOn, endsOn))).toEqual(conflicts ? existing : []);
  });

  it.each<[ContractStatus, boolean]>([
    ['DRAFT', false],
    ['SUBMITTED', true], // signed: it binds while its filing is reviewed (Civil Code art. 502)
    ['RETURNED', true], // still signed: the filing is corrected, the contract is the same
    ['ACCEPTED', true],
    ['TERMINATED', false],
    ['SUPERSEDED', false],
  ])('an overlapping contract %s stands in the way: %s', (status, conflicts) => {
    expect(overlappingContracts([regular({ status })], candidate('2023-01-01', '2025-12-31'))).toHaveLength(
      conflicts ? 1 : 0,
    );
  });

  it('returns every conflicting contract and only those', () => {
    const existing = [
      regular({ id: 'a', startsOn: '2019-01-01', endsOn: '2021-12-31' }),
      regular({ id: 'b', startsOn: '2022-01-01', endsOn: '2022-12-31', status: 'TERMINATED' }),
      regular({ id: 'c', startsOn: '2023-01-01', endsOn: '2023-12-31', status: 'ACCEPTED' }),
      regular({ id: 'd', startsOn: '2024-01-01', endsOn: '2026-12-31' }),
      regular({ id: 'p', kind: 'PRELIMINARY', startsOn: '2022-01-01', endsOn: '2023-12-31' }),
    ];
    expect(overlappingContracts(existing, candidate('2022-01-01', '2024-06-30')).map((c) => c.id)).toEqual(['c', 'd']);
  });

  it('does not conflict with itself when an amendment is re-checked', () => {
    expect(overlappingContracts([regular()], candidate('2022-01-01', '2025-06-30', { id: 'c-2022' }))).toEqual([]);
  });

  it('leaves preliminary contracts out: a regular contract taking effect ends them (Civil Code art. 940)', () => {
    const preliminary = regular({ id: 'p', kind: 'PRELIMINARY', startsOn: '2021-01-01', endsOn: '2022-12-31' });
    const early = regular({ id: 'p-old', kind: 'PRELIMINARY', startsOn: '2019-01-01', endsOn: '2020-12-31' });
    const next = candidate('2022-07-01', '2025-06-30');
    expect(overlappingContracts([preliminary, early], next)).toEqual([]);
    expect(preliminaryContractsEndedBy([preliminary, early, regular()], next)).toEqual([preliminary]);
    expect(preliminaryContractsEndedBy([preliminary], candidate('2023-01-01', '2025-12-31'))).toEqual([]); // already over
    // A regular contract that had run out before the preliminary one began ends nothing.
    expect(preliminaryContractsEndedBy([preliminary], candidate('2018-01-01', '2020-12-31'))).toEqual([]);
    expect(preliminaryContractsEndedBy([preliminary], { ...next, kind: 'PRELIMINARY' })).toEqual([]);
    expect(overlappingContracts([regular()], { ...next, kind: 'PRELIMINARY' })).toEqual([]);
  });

  it('refuses a preliminary contract beginning while a binding regular contract is in force (Civil Code art. 940)', () => {
    const prelim = (startsOn: string, endsOn: string) => candidate(startsOn, endsOn, { kind: 'PRELIMINARY' });
    const owners = regular(); // 2022-01-01 to 2024-12-31
    // Before, a preliminary contract for 2023 was accepted beside the owners' regular contract.
    expect(contractTermProblems(prelim('2023-01-01', '2024-06-30'), [owners], BEIJING)).toEqual([
      'PRELIMINARY_DURING_REGULAR_CONTRACT',
    ]);
    expect(contractTermProblems(prelim('2022-01-01', '2022-06-30'), [owners], BEIJING)).toEqual([
      'PRELIMINARY_DURING_REGULAR_CONTRACT',
    ]);
    // Signed before the owners' contract: filed as signed and ended by it; after it ended, or a draft, no conflict.
    expect(contractTermProblems(prelim('2021-06-01', '2023-05-31'), [owners], BEIJING)).toEqual([]);
    expect(contractTermProblems(prelim('2025-01-01', '2026-06-30'), [owners], BEIJING)).toEqual([]);
    expect(contractTermProblems(prelim('2023-01-01', '2024-06-30'), [regular({ status: 'DRAFT' })], BEIJING)).toEqual(
      [],
    );
    expect(
      rejection(() => validateContractTerm(prelim('2023-01-01', '2024-06-30'), [owners], BEIJING)).details,
    ).toEqual({ problems: ['PRELIMINARY_DURING_REGULAR_CONTRACT'], conflictingContractIds: ['c-2022'] });
  });

  it('rejects malformed dates by field, and a candidate that ends before it starts', () => {
    expect(
      rejection(() => overlappingContracts([regular({ endsOn: '2024-02-30' })], candidate('2022-01-01', '2022-12-31')))
        .details?.fields,
    ).toHaveProperty(['existing[0].endsOn']);
    expect(
      rejection(() => overlappingContracts([], candidate('2022/01/01', '2022-12-31'))).details?.fields,
    ).toHaveProperty('startsOn');
    expect(rejection(() => overlappingContracts([], candidate('2022-12-31', '2022-01-01'))).details?.problems).toEqual([
      'ENDS_BEFORE_START',
    ]);
  });
});

describe('preliminary contract term (Beijing: two years at most)', () => {
  it.each<[string, string, ContractTermProblem[]]>([
    ['2024-01-01', '2025-12-31', []], // exactly two years
    ['2024-01-01', '2026-01-01', ['PRELIMINARY_TERM_TOO_LONG']], // two years and a day
    ['2024-01-01', '2024-12-31', []],
    ['2024-01-01', '2024-01-01', []], // a single day
    ['2024-01-01', '2023-12-31', ['ENDS_BEFORE_START']],
    ['2024-02-29', '2026-02-28', []], // from 29 February: two years end on 28 February
    ['2024-02-29', '2026-03-01', ['PRELIMINARY_TERM_TOO_LONG']],
    ['2024-03-01', '2026-02-28', []],
    ['2024-03-01', '2026-03-01', ['PRELIMINARY_TERM_TOO_LONG']],
    ['2024-03-15', '2026-03-14', []],
    ['2024-03-15', '2026-03-15', ['PRELIMINARY_TERM_TOO_LONG']],
    ['2022-03-01', '2024-02-29', []],
    ['2022-03-01', '2024-03-01', ['PRELIMINARY_TERM_TOO_LONG']],
  ])('from %s to %s has problems %j', (startsOn, endsOn, problems) => {
    expect(preliminaryTermProblems(startsOn, endsOn, BEIJING)).toEqual(problems);
    expect(contractTermProblems({ kind: 'PRELIMINARY', startsOn, endsOn }, [], BEIJING)).toEqual(problems);
  });

  it.each([
    ['2024-01-01', '2025-12-31'],
    ['2024-02-29', '2026-02-28'],
    ['2024-03-01', '2026-02-28'],
    ['2023-03-01', '2025-02-28'],
    // two years to the day before 1 March 2024, a leap year's 29 February (before: 2024-02-28, a day short)
    ['2022-03-01', '2024-02-29'],
    ['2022-12-31', '2024-12-30'],
  ])('a preliminary contract from %s may run to %s', (startsOn, latest) => {
    expect(latestPreliminaryEnd(startsOn, BEIJING)).toBe(latest);
  });

  it('sets no maximum in a city without one', () => {
    const noCap = defineCitySettings({
      ...BEIJING,
      cityCode: '999900',
      preliminaryContractMaxYears: null,
      sources: { ...BEIJING.sources, preliminaryContractTerm: null },
    });
    expect(latestPreliminaryEnd('2024-01-01', noCap)).toBeNull();
    expect(preliminaryTermProblems('2024-01-01', '2034-12-31', noCap)).toEqual([]);
  });
});

describe('a candidate contract term as a whole', () => {
  it.each<[string, CandidateContract, ContractTermProblem[]]>([
    ['a regular contract after the current one', candidate('2025-01-01', '2027-12-31'), []],
    [
      'a regular contract overlapping the current one',
      candidate('2024-07-01', '2027-06-30'),
      ['OVERLAPS_REGULAR_CONTRACT'],
    ],
    ['a regular contract ending before it starts', candidate('2027-06-30', '2024-07-01'), ['ENDS_BEFORE_START']],
    ['a regular contract longer than two years (no cap)', candidate('2025-01-01', '2034-12-31'), []],
    [
      'a preliminary contract of three years',
      { kind: 'PRELIMINARY', startsOn: '2025-01-01', endsOn: '2027-12-31' },
      ['PRELIMINARY_TERM_TOO_LONG'],
    ],
    [
      'an unknown kind',
      { kind: 'INTERIM' as CandidateContract['kind'], startsOn: '2025-01-01', endsOn: '2025-12-31' },
      ['UNKNOWN_CONTRACT_KIND'],
    ],
  ])('%s', (_label, c, problems) => {
    expect(contractTermProblems(c, [regular()], BEIJING)).toEqual(problems);
  });

  it('refuses a preliminary contract sharing a day with another preliminary one, naming it', () => {
    // The developer's first provider terminated on 10 April 2026 (its term then ends that day), the next from the 10th.
    const first = regular({ id: 'p-1', kind: 'PRELIMINARY', startsOn: '2025-01-01', endsOn: '2026-04-10' });
    const next = candidate('2026-04-10', '2027-12-31', { kind: 'PRELIMINARY' });
    expect(contractTermProblems(next, [first, regular()], BEIJING)).toEqual(['OVERLAPS_PRELIMINARY_CONTRACT']);
    expect(contractTermProblems({ ...next, startsOn: '2026-04-11' }, [first], BEIJING)).toEqual([]);
    // A preliminary contract the owners' regular one ended (art. 940) served to the day before it began: another
    // over those days is refused, one after them is not; with no regular contract in force over its term (helper-252
    // F3: the one that ended it moved past it, or terminated before it began), it occupies its own term.
    const owners = regular({ id: 'r', startsOn: '2026-03-16', endsOn: '2029-03-15' });
    const ended = { ...first, endsOn: '2027-12-31', status: 'SUPERSEDED' as const };
    const earlier = candidate('2024-06-01', '2025-01-01', { kind: 'PRELIMINARY' });
    expect(contractTermProblems(earlier, [ended, owners], BEIJING)).toEqual(['OVERLAPS_PRELIMINARY_CONTRACT']);
    expect(contractTermProblems({ ...earlier, endsOn: '2024-12-31' }, [ended, owners], BEIJING)).toEqual([]);
    expect(contractTermProblems(earlier, [ended], BEIJING)).toEqual(['OVERLAPS_PRELIMINARY_CONTRACT']);
    expect(
      contractTermProblems(candidate('2028-01-01', '2028-12-31', { kind: 'PRELIMINARY' }), [ended], BEIJING),
    ).toEqual([]);
    expect(rejection(() => validateContractTerm(next, [first], BEIJING)).details).toEqual({
      problems: ['OVERLAPS_PRELIMINARY_CONTRACT'],
      conflictingContractIds: ['p-1'],
    });
  });

  it('throws BAD_USER_INPUT naming the conflicting contracts', () => {
    const error = rejection(() =>
      validateContractTerm(
        candidate('2024-07-01', '2027-06-30'),
        [regular(), regular({ id: 'c-2025', startsOn: '2025-01-01', endsOn: '2025-12-31', status: 'SUBMITTED' })],
        BEIJING,
      ),
    );
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toEqual({
      problems: ['OVERLAPS_REGULAR_CONTRACT'],
      conflictingContractIds: ['c-2022', 'c-2025'],
    });
  });

  it('throws BAD_USER_INPUT with the latest allowed end of a preliminary contract and its source', () => {
    const error = rejection(() =>
      validateContractTerm({ kind: 'PRELIMINARY', startsOn: '2024-01-01', endsOn: '2026-01-01' }, [], BEIJING),
    );
    expect(error.details).toEqual({
      problems: ['PRELIMINARY_TERM_TOO_LONG'],
      latestEndsOn: '2025-12-31',
      source: BEIJING.sources.preliminaryContractTerm,
    });
    expect(() =>
      validateContractTerm({ kind: 'PRELIMINARY', startsOn: '2024-01-01', endsOn: '2025-12-31' }, [], BEIJING),
    ).not.toThrow();
  });
});

describe('the contracts serving an area on a day, by their dates (Civil Code arts. 940, 946, 948)', () => {
  const preliminary: ExistingContract = {
    id: 'p',
    kind: 'PRELIMINARY',
    startsOn: '2026-11-21',
    endsOn: '2027-12-31',
    status: 'SUPERSEDED',
  };
  const owners = regular({ id: 'r', startsOn: '2027-01-30', endsOn: '2030-01-29' });
  const serving = (existing: ExistingContract[], day: string) => contractsServingOn(existing, day).map((c) => c.id);

  it('keeps a preliminary contract ended by the regular one in force to the day before that one takes effect', () => {
    // Recorded SUPERSEDED on the regular contract's acceptance (1 December 2026): before, out of force from then.
    expect(serving([preliminary, owners], '2026-12-01')).toEqual(['p']);
    expect(serving([preliminary, owners], '2027-01-29')).toEqual(['p']);
    expect(serving([preliminary, owners], '2027-01-30')).toEqual(['r']);
    // Its own end first: a preliminary contract that ran out serves no longer.
    const shorter = { ...preliminary, endsOn: '2027-01-10' };
    expect(serving([shorter, owners], '2027-01-11')).toEqual([]);
    // Without a regular contract in force over its term, it serves its own (Beijing art. 19 para. 3).
    expect(serving([preliminary], '2026-12-01')).toEqual(['p']);
  });

  it("serves its own term when the owners' contract that ended it is amended to start after it (helper-252 F3)", () => {
    // The developer's preliminary contract for 29 November 2026 to 31 December 2027, SUPERSEDED when the owners'
    // contract from 30 January 2027 was accepted: it served to 29 January 2027 (art. 940).
    const developers: ExistingContract = { ...preliminary, startsOn: '2026-11-29' };
    expect(lastDayServed([developers, owners], 'p')).toBe('2027-01-29');
    expect(serving([developers, owners], '2027-06-01')).toEqual(['r']);
    // The owners' contract amended (the amendment accepted) to start on 1 February 2028, a month after the
    // preliminary term's last day: no regular contract is in force over that term any more, and the preliminary
    // contract serves all of it (Beijing art. 19 para. 3), SUPERSEDED still; January 2028 has no provider by the
    // dates, and from 1 February 2028 the owners' contract serves.
    const moved = { ...owners, startsOn: '2028-02-01', endsOn: '2031-01-31' };
    expect(regularContractEnding({ ...developers, status: 'ACCEPTED' }, [moved])).toBeUndefined();
    expect(lastDayServed([developers, moved], 'p')).toBe('2027-12-31');
    expect(serving([developers, moved], '2026-11-29')).toEqual(['p']);
    expect(serving([developers, moved], '2027-06-01')).toEqual(['p']);
    expect(serving([developers, moved], '2027-12-31')).toEqual(['p']);
    expect(serving([developers, moved], '2028-01-15')).toEqual([]);
    expect(serving([developers, moved], '2028-02-01')).toEqual(['r']);
    // Moved instead to 1 September 2027, within the term: it serves to 31 August 2027, the day before.
    const within = { ...owners, startsOn: '2027-09-01' };
    expect(lastDayServed([developers, within], 'p')).toBe('2027-08-31');
    // Its days are occupied: another developer's preliminary contract over June 2027 bills the owners twice.
    expect(
      contractTermProblems(
        candidate('2027-06-01', '2027-12-31', { kind: 'PRELIMINARY' }),
        [developers, moved],
        BEIJING,
      ),
    ).toEqual(['OVERLAPS_PRELIMINARY_CONTRACT']);
  });

  it('keeps a terminated contract in force to its termination day, the last it serves', () => {
    // asExistingContract passes a terminated contract as ACCEPTED to its termination day.
    const terminated = { ...owners, endsOn: '2027-04-30' };
    expect(serving([preliminary, terminated], '2027-04-30')).toEqual(['r']);
    expect(serving([preliminary, terminated], '2027-05-01')).toEqual([]);
    expect(serving([regular({ status: 'SUBMITTED' })], '2023-01-01')).toEqual([]);
  });

  it('gives the last day each contract serves: its end, its termination, or its continuation’s (art. 948)', () => {
    expect(lastDayServed([preliminary, owners], 'p')).toBe('2027-01-29');
    expect(lastDayServed([preliminary, owners], 'r')).toBe('2030-01-29');
    expect(lastDayServed([preliminary, { ...owners, endsOn: '2027-04-30' }], 'r')).toBe('2027-04-30');
    // Continuing after its term: open until the next contract of the area starts, or its termination.
    const continued = { ...owners, continuedFrom: '2030-01-30', continuedTo: null };
    expect(lastDayServed([continued], 'r')).toBe('9999-12-31');
    expect(lastDayServed([continued, regular({ id: 'next', startsOn: '2030-06-01', endsOn: '2033-05-31' })], 'r')).toBe(
      '2030-05-31',
    );
    expect(lastDayServed([{ ...continued, continuedTo: '2030-03-31' }], 'r')).toBe('2030-03-31');
    expect(lastDayServed([owners], 'absent')).toBeNull();
  });
});

describe("a developer's preliminary contract and the owners' contract continuing under Civil Code art. 948", () => {
  // The owners' contract, 2024-01-01 to 2026-12-31, continuing for an unfixed term from 2027-01-01.
  const continuing = regular({
    id: 'owners',
    startsOn: '2024-01-01',
    endsOn: '2026-12-31',
    continuedFrom: '2027-01-01',
    continuedTo: null,
  });
  // A developer's preliminary contract from 1 March 2027 to 31 December 2028 (22 months, within Beijing's two years).
  const developers: CandidateContract = { kind: 'PRELIMINARY', startsOn: '2027-03-01', endsOn: '2028-12-31' };

  it('refuses a preliminary contract beginning during the continuation, as during the term (art. 940)', () => {
    const within = { kind: 'PRELIMINARY' as const, startsOn: '2026-03-01', endsOn: '2027-12-31' };
    expect(contractTermProblems(within, [continuing], BEIJING)).toEqual(['PRELIMINARY_DURING_REGULAR_CONTRACT']);
    expect(contractTermProblems(developers, [continuing], BEIJING)).toEqual(['PRELIMINARY_DURING_REGULAR_CONTRACT']);
    const refused = rejection(() => validateContractTerm(developers, [continuing], BEIJING));
    expect(refused.details).toMatchObject({ conflictingContractIds: ['owners'] });
    // In force to the continuation's last day: terminated on 30 April 2027 (continuedTo), still on 1 March; on
    // 28 February, no longer. Ended by the owners' new regular contract from 1 February 2027, it is in force on
    // 15 January (its last day 31 January), and the new one after.
    expect(contractTermProblems(developers, [{ ...continuing, continuedTo: '2027-04-30' }], BEIJING)).toEqual([
      'PRELIMINARY_DURING_REGULAR_CONTRACT',
    ]);
    expect(contractTermProblems(developers, [{ ...continuing, continuedTo: '2027-02-28' }], BEIJING)).toEqual([]);
    const renewal = regular({ id: 'renewal', startsOn: '2027-02-01', endsOn: '2030-01-31' });
    expect(contractTermProblems({ ...developers, startsOn: '2027-01-15' }, [continuing, renewal], BEIJING)).toEqual([
      'PRELIMINARY_DURING_REGULAR_CONTRACT',
    ]);
    expect(
      regularContractsInForceAtStart([continuing, renewal], { ...developers, startsOn: '2027-01-15' }).map((c) => c.id),
    ).toEqual(['owners']);
    expect(regularContractsInForceAtStart([continuing, renewal], developers).map((c) => c.id)).toEqual(['renewal']);
    // a regular contract that does not continue: its term alone, as before
    expect(
      contractTermProblems(developers, [regular({ startsOn: '2024-01-01', endsOn: '2026-12-31' })], BEIJING),
    ).toEqual([]);
  });

  it("is not ended by a developer's preliminary contract accepted meanwhile, only by the owners' regular one", () => {
    const accepted: ExistingContract = { id: 'developers', status: 'ACCEPTED', ...developers };
    // Art. 948: the owners' decision (a renewal or another provider) or 60 days' notice ends the unfixed term.
    expect(lastDayServed([continuing, accepted], 'owners')).toBe('9999-12-31');
    expect(contractsServingOn([continuing, accepted], '2027-03-15').map((c) => c.id)).toEqual(['owners']);
    // The owners' new regular contract from 1 May 2027 ends it on 30 April.
    const hired = regular({ id: 'hired', startsOn: '2027-05-01', endsOn: '2030-04-30' });
    expect(lastDayServed([continuing, accepted, hired], 'owners')).toBe('2027-04-30');
    expect(continuationEndedBy([accepted, hired], { id: 'owners', kind: 'REGULAR', continuedFrom: '2027-01-01' })).toBe(
      '2027-04-30',
    );
    // A continuing preliminary contract (Beijing art. 19 para. 3) is ended by either kind: by the next developer's
    // preliminary contract from 1 March 2027 on 28 February.
    expect(continuationEndedBy([accepted], { id: 'earlier', kind: 'PRELIMINARY', continuedFrom: '2027-01-01' })).toBe(
      '2027-02-28',
    );
  });

  it('ends at once a preliminary contract accepted while the owners’ contract continues (art. 940)', () => {
    // Filed before the continuation was recorded, accepted after: the regular contract in force ends it.
    const preliminary: ExistingContract = { id: 'developers', status: 'ACCEPTED', ...developers };
    expect(regularContractEnding(preliminary, [continuing])?.id).toBe('owners');
    // Superseded, it serves no day: the contract that ended it took effect before its start.
    const superseded = { ...preliminary, status: 'SUPERSEDED' as const };
    expect(contractsServingOn([continuing, superseded], '2027-03-15').map((c) => c.id)).toEqual(['owners']);
    expect(lastDayServed([continuing, superseded], 'developers')).toBeNull();
    // A continuation terminated on 28 February 2027, before the preliminary contract's start, ends nothing.
    expect(regularContractEnding(preliminary, [{ ...continuing, continuedTo: '2027-02-28' }])).toBeUndefined();
  });

  it('serves alone over a preliminary contract accepted before the continuation was recorded (arts. 940, 948)', () => {
    // Accepted while the owners' term ran (its start, 1 March 2027, after the term), the continuation recorded after:
    // recordContinuedService supersedes it, and by its dates it serves no day beside the owners' contract meanwhile,
    // as servedToSql bills it (before, both served on 15 March and the households were billed twice).
    const accepted: ExistingContract = { id: 'developers', status: 'ACCEPTED', ...developers };
    expect(regularContractEnding(accepted, [continuing])?.id).toBe('owners');
    expect(contractsServingOn([continuing, accepted], '2027-03-15').map((c) => c.id)).toEqual(['owners']);
    expect(contractsServingOn([accepted, continuing], '2028-06-01').map((c) => c.id)).toEqual(['owners']);
    expect(lastDayServed([continuing, accepted], 'developers')).toBeNull();
    expect(lastDayServed([continuing, accepted], 'owners')).toBe('9999-12-31');
    // The owners' new contract from 1 June 2027 ends the continuation on 31 May; the preliminary contract, ended by
    // the continuing one before its start, serves no day after either.
    const hired = regular({ id: 'hired', startsOn: '2027-06-01', endsOn: '2030-05-31' });
    expect(contractsServingOn([continuing, accepted, hired], '2027-05-31').map((c) => c.id)).toEqual(['owners']);
    expect(contractsServingOn([continuing, accepted, hired], '2027-06-01').map((c) => c.id)).toEqual(['hired']);
    expect(lastDayServed([continuing, accepted, hired], 'developers')).toBeNull();
    // Only an accepted regular contract cuts it by its dates, as servedToSql: one under review supersedes it when accepted.
    const underReview = { ...continuing, status: 'SUBMITTED' as const };
    expect(lastDayServed([underReview, accepted], 'developers')).toBe('2028-12-31');
    // A continuation terminated on 28 February 2027, before its start, leaves it serving its term.
    const ended = { ...continuing, continuedTo: '2027-02-28' };
    expect(contractsServingOn([ended, accepted], '2027-03-15').map((c) => c.id)).toEqual(['developers']);
    expect(lastDayServed([ended, accepted], 'developers')).toBe('2028-12-31');
  });
});
