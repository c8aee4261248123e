import {
  COMMITTEE_KINDS,
  GOVERNANCE_BODY_KINDS,
  MAX_COMMITTEE_MEMBERS,
  checkMemberList,
  committeeName,
  committeeRecordingDeadline,
  filingAssessment,
  filingPeriodsRun,
  isCommitteeRecordedLate,
  isFilingOverdue,
  isTermExpired,
  termEndOf,
  overdueReasons,
  succeeds,
} from './governance-body';
import { workingDayCalendar } from '../../../kernel/working-days';

/** Dragon Boat Festival 2020 (国办发明电〔2019〕16号): 25–27 June off, Sunday 28 June worked. */
const calendar = workingDayCalendar({
  years: new Set([2020]),
  daysOff: new Set(['2020-06-25', '2020-06-26', '2020-06-27']),
  weekendWorkingDays: new Set(['2020-06-28']),
});
const pmc = {
  kind: 'PROPERTY_MANAGEMENT_COMMITTEE' as const,
  pmcRules: '11' as const,
  filingRequired: true, // its area's owners' assembly on record when it formed (Beijing art. 55 para. 1)
  filedOn: '2020-06-24',
  recordedOn: '2020-07-03',
};

describe('governance bodies of an area', () => {
  it('knows the assembly besides the committees the published vocabulary names', () => {
    expect(GOVERNANCE_BODY_KINDS).toEqual(['OWNERS_ASSEMBLY', ...COMMITTEE_KINDS]);
    expect(committeeName('OWNERS_COMMITTEE')).toBe("owners' committee");
    expect(committeeName('PROPERTY_MANAGEMENT_COMMITTEE')).toBe('property-management committee');
  });

  it("gives a filed property-management committee's recording deadline, and flags a late recording", () => {
    expect(committeeRecordingDeadline(pmc, calendar)).toBe('2020-07-02');
    expect(isCommitteeRecordedLate(pmc, calendar)).toBe(true);
    expect(isCommitteeRecordedLate({ ...pmc, recordedOn: '2020-07-02' }, calendar)).toBe(false);
  });

  it('has no recording deadline before the filing, nor for other bodies; no flag before the recording', () => {
    expect(committeeRecordingDeadline({ ...pmc, filedOn: null }, calendar)).toBeUndefined();
    expect(committeeRecordingDeadline({ ...pmc, kind: 'OWNERS_COMMITTEE' }, calendar)).toBeUndefined();
    expect(isCommitteeRecordedLate({ ...pmc, recordedOn: null }, calendar)).toBeUndefined();
    expect(isCommitteeRecordedLate({ ...pmc, kind: 'OWNERS_ASSEMBLY' }, calendar)).toBeUndefined();
  });

  it('has no deadline nor flag for a committee held to no rules the hub knows (临江市: statutes.ts pmcRulesOf)', () => {
    // Before, Beijing art. 55's five working days ran for every city's committee.
    expect(committeeRecordingDeadline({ ...pmc, pmcRules: null }, calendar)).toBeUndefined();
    expect(isCommitteeRecordedLate({ ...pmc, pmcRules: null }, calendar)).toBeUndefined();
  });

  it("has none for a Beijing committee of an area without an owners' assembly (art. 55 para. 3: its seal instead)", () => {
    // Before, art. 55 para. 1's periods ran for it too (helper-210's audit).
    const withoutAssembly = { ...pmc, filingRequired: false };
    expect(filingPeriodsRun(withoutAssembly)).toBe(false);
    expect(committeeRecordingDeadline(withoutAssembly, calendar)).toBeUndefined();
    expect(isCommitteeRecordedLate(withoutAssembly, calendar)).toBeUndefined();
  });

  it('sets the filing periods at formation only under rules and with an assembly on record', () => {
    // Seed 000's committee, formed 2020-05-30: day 30 is Monday 29 June (the Dragon Boat days fall before it).
    const formed = { formedOn: '2020-05-30', filedOn: '2020-07-01' };
    expect(filingAssessment(formed, '11', true)).toEqual({
      filingRequired: true,
      filingDeadline: '2020-06-29',
      filedLate: true,
    });
    const none = { filingRequired: false, filingDeadline: null, filedLate: null };
    expect(filingAssessment(formed, '11', false)).toEqual(none);
    expect(filingAssessment(formed, null, true)).toEqual(none);
    expect(filingAssessment({ ...formed, filedOn: null }, '11', true).filedLate).toBeNull();
  });
});

describe("a committee's member list", () => {
  const members = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ name: `委员${i + 1}`, seat: 'OWNER' as const }));

  it('takes 1 to 99 named members', () => {
    expect(MAX_COMMITTEE_MEMBERS).toBe(99);
    expect(() => checkMemberList(members(1))).not.toThrow();
    expect(() => checkMemberList(members(99))).not.toThrow();
  });

  it('refuses none, more than 99, or an unnamed member, naming the field', () => {
    for (const list of [members(0), members(100), members(10_000)])
      expect(() => checkMemberList(list)).toThrow(
        expect.objectContaining({ code: 'BAD_USER_INPUT', details: { fields: { members: '1 to 99 members' } } }),
      );
    expect(() => checkMemberList([...members(6), { name: '  ', seat: 'OWNER' }])).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        details: { fields: { members: 'every member needs a name' } },
      }),
    );
  });
});

describe('overdue committees for the street office (Beijing arts. 52–59)', () => {
  // Seed 000: 广安门北街20号院's committee formed 2020-05-30, its term to 2023-05-29 in the demo; as if the area's
  // owners' assembly had been on record then (it was not: see the last case).
  const seed000 = {
    kind: 'PROPERTY_MANAGEMENT_COMMITTEE' as const,
    pmcRules: '11' as const,
    filingRequired: true,
    formedOn: '2020-05-30',
    termEndsOn: '2023-05-29',
    filedOn: null,
    dissolvedOn: null,
  };

  it.each<[string, boolean]>([
    ['2020-06-29', false], // day 30, a Monday: the last day to file
    ['2020-06-30', true],
  ])('an unfiled committee formed 2020-05-30 is filing-overdue on %s: %s', (asOf, overdue) => {
    expect(isFilingOverdue(seed000, asOf)).toBe(overdue);
  });

  it('moves the filing period past rest days (Civil Code art. 203): formed 2024-09-02, overdue only after 2024-10-08', () => {
    const formed = { ...seed000, formedOn: '2024-09-02', termEndsOn: '2027-09-01' };
    expect(isFilingOverdue(formed, '2024-10-08')).toBe(false);
    expect(isFilingOverdue(formed, '2024-10-09')).toBe(true);
  });

  it('is not overdue once filed, dissolved, or for another kind of body', () => {
    expect(isFilingOverdue({ ...seed000, filedOn: '2020-07-15' }, '2024-01-01')).toBe(false);
    expect(isFilingOverdue({ ...seed000, filedOn: '2020-07-15' }, '2020-07-01')).toBe(true); // not yet filed on that day
    expect(isFilingOverdue({ ...seed000, dissolvedOn: '2020-06-15' }, '2024-01-01')).toBe(false);
    expect(isFilingOverdue({ ...seed000, kind: 'OWNERS_COMMITTEE' }, '2024-01-01')).toBeUndefined();
    // Seed 000's area had no owners' assembly: no filing period ran (art. 55 para. 3), nothing is overdue.
    expect(isFilingOverdue({ ...seed000, filingRequired: false }, '2024-01-01')).toBeUndefined();
    expect(overdueReasons({ ...seed000, filingRequired: false }, '2023-05-30')).toEqual(['TERM_EXPIRED']);
  });

  it('flags a standing committee after the last day of its term, with every reason', () => {
    expect(isTermExpired(seed000, '2023-05-29')).toBe(false);
    expect(isTermExpired(seed000, '2023-05-30')).toBe(true);
    expect(isTermExpired({ ...seed000, dissolvedOn: '2023-05-01' }, '2023-05-30')).toBe(false);
    expect(isTermExpired({ ...seed000, termEndsOn: null }, '2030-01-01')).toBeUndefined();
    expect(isTermExpired({ ...seed000, kind: 'OWNERS_ASSEMBLY' }, '2030-01-01')).toBeUndefined();
    // An owners' committee recorded without a term stands at most five years from its election, or its recording
    // where that is not known (Beijing art. 41; the guidance's art. 32 elsewhere): expired after, not never.
    const noTerm = {
      kind: 'OWNERS_COMMITTEE' as const,
      formedOn: '2019-05-10',
      recordedOn: '2019-05-10',
      termEndsOn: null,
    };
    expect(termEndOf(noTerm)).toBe('2024-05-10');
    expect(isTermExpired(noTerm, '2024-05-10')).toBe(false);
    expect(isTermExpired(noTerm, '2024-05-11')).toBe(true);
    expect(overdueReasons(noTerm, '2026-12-01')).toEqual(['TERM_EXPIRED']);
    const elected = { ...noTerm, electedOn: '2019-03-01', ownersCommitteeRules: '11' as const };
    expect(termEndOf(elected)).toBe('2024-03-01');
    expect(isTermExpired(elected, '2024-03-02')).toBe(true);
    expect(termEndOf({ ...noTerm, termEndsOn: '2022-05-09' })).toBe('2022-05-09');
    expect(overdueReasons(seed000, '2023-05-30')).toEqual(['FILING_OVERDUE', 'TERM_EXPIRED']);
    expect(overdueReasons({ ...seed000, filedOn: '2020-06-24' }, '2022-01-01')).toEqual([]);
    // Formed 2026-12-01, unfiled on 2027-01-05: day 30 (2026-12-31) is past the holiday data, so art. 203 cannot be
    // applied; the list shows the committee with that reason instead of failing or hiding it.
    expect(overdueReasons({ ...seed000, formedOn: '2026-12-01', termEndsOn: '2029-11-30' }, '2027-01-05')).toEqual([
      'FILING_DEADLINE_BEYOND_CALENDAR',
    ]);
    expect(overdueReasons({ ...seed000, formedOn: '2026-12-01', termEndsOn: '2029-11-30' }, '2026-12-31')).toEqual([]);
  });
});

describe('a committee succeeded by the next one', () => {
  const owners = {
    kind: 'OWNERS_COMMITTEE' as const,
    formedOn: '2024-06-01',
    recordedOn: '2024-06-01',
    termEndsOn: '2029-05-31',
  };
  const managing = { kind: 'PROPERTY_MANAGEMENT_COMMITTEE' as const, formedOn: '2020-05-30', termEndsOn: '2023-05-29' };

  it("has a newly elected owners' committee succeed the one recorded before it (换届), never the same day", () => {
    expect(succeeds({ kind: 'OWNERS_COMMITTEE', on: '2026-11-02' }, owners)).toBe(true);
    expect(succeeds({ kind: 'OWNERS_COMMITTEE', on: '2024-06-01' }, owners)).toBe(false);
    // A standing property-management committee is dissolved by the recording instead (record-owners-committee.ts).
    expect(succeeds({ kind: 'OWNERS_COMMITTEE', on: '2024-06-01' }, managing)).toBe(false);
  });

  it('has a property-management committee formed only once the standing committee’s term has ended', () => {
    expect(succeeds({ kind: 'PROPERTY_MANAGEMENT_COMMITTEE', on: '2023-05-29' }, managing)).toBe(false);
    expect(succeeds({ kind: 'PROPERTY_MANAGEMENT_COMMITTEE', on: '2023-05-30' }, managing)).toBe(true);
    expect(succeeds({ kind: 'PROPERTY_MANAGEMENT_COMMITTEE', on: '2029-06-01' }, owners)).toBe(true);
    expect(succeeds({ kind: 'PROPERTY_MANAGEMENT_COMMITTEE', on: '2026-11-02' }, owners)).toBe(false);
    // An owners' committee recorded without a term (before the hub recorded the ceiling) stands at most five years
    // from its recording (Beijing art. 41): a 物管会 may be formed after 2029-06-01. Before, never.
    const noTerm = { ...owners, termEndsOn: null };
    expect(succeeds({ kind: 'PROPERTY_MANAGEMENT_COMMITTEE', on: '2029-06-01' }, noTerm)).toBe(false);
    expect(succeeds({ kind: 'PROPERTY_MANAGEMENT_COMMITTEE', on: '2029-06-02' }, noTerm)).toBe(true);
  });
});
