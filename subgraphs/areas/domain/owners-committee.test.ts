import { rejection } from '../../../test/support/rejection';
import { CommitteeSeat } from './property-management-committee';
import {
  fewestMembers,
  isOwnersCommitteeFiledLate,
  isOwnersCommitteeRecordedLate,
  latestTermEnd,
  ownersCommitteeTermEnd,
  ownersCommitteeFilingDeadline,
  ownersCommitteeProblems,
  ownersCommitteeRecordingDeadline,
  termStartOf,
  validateOwnersCommittee,
  validateOwnersCommitteeDates,
} from './owners-committee';
import {
  BEIJING_OWNERS_COMMITTEE_RULES as BEIJING,
  NATIONAL_OWNERS_COMMITTEE_RULES as NATIONAL,
  ownersCommitteeRulesOf,
} from './statutes';

const owners = (n: number): CommitteeSeat[] => Array.from({ length: n }, () => 'OWNER');
const problemsOf = (seats: CommitteeSeat[], rules = NATIONAL, declaredHouseholds: number | null = null) =>
  ownersCommitteeProblems({ seats, declaredHouseholds }, rules).problems;

describe("owners' committee (业主委员会): size, members and term", () => {
  it("holds Beijing's areas to Beijing's regulation and every other city's to the Ministry's guidance", () => {
    expect(ownersCommitteeRulesOf('110102')).toBe(BEIJING); // 西城区
    expect(ownersCommitteeRulesOf('110108')).toBe(BEIJING); // 海淀区
    expect(ownersCommitteeRulesOf('220681')).toBe(NATIONAL); // 临江市, seed 004: no article of its own held
    expect(NATIONAL).toMatchObject({ minMembers: 5, maxMembers: 11, smallArea: null, maxTermYears: 5 });
    expect(BEIJING).toMatchObject({
      minMembers: 5,
      maxMembers: null,
      smallArea: { maxHouseholds: 100, members: 3 },
      maxTermYears: 5,
    });
  });

  it.each([
    [3, ['TOO_FEW_MEMBERS']],
    [4, ['TOO_FEW_MEMBERS', 'EVEN_MEMBER_COUNT']],
    [5, []],
    [6, ['EVEN_MEMBER_COUNT']],
    [7, []],
    [10, ['EVEN_MEMBER_COUNT']],
    [11, []],
    [12, ['TOO_MANY_MEMBERS', 'EVEN_MEMBER_COUNT']],
    [13, ['TOO_MANY_MEMBERS']],
  ])('guidance art. 31, 5 to 11 and odd: %i owner members give %j', (n, expected) => {
    expect(problemsOf(owners(n))).toEqual(expected);
  });

  it.each([
    [4, ['TOO_FEW_MEMBERS', 'EVEN_MEMBER_COUNT']],
    [5, []],
    [11, []],
    [12, ['EVEN_MEMBER_COUNT']],
    [13, []], // Beijing art. 39 sets no ceiling: 五人以上单数
    [15, []],
  ])('Beijing art. 39, 5 or more and odd: %i owner members give %j', (n, expected) => {
    expect(problemsOf(owners(n), BEIJING)).toEqual(expected);
  });

  it('lets a Beijing area of at most 100 households declared have three members, and no other', () => {
    expect(fewestMembers(BEIJING, 100)).toBe(3);
    expect(fewestMembers(BEIJING, 101)).toBe(5);
    expect(fewestMembers(BEIJING, null)).toBe(5); // not declared: not known to be small
    expect(fewestMembers(NATIONAL, 40)).toBe(5);
    expect(problemsOf(owners(3), BEIJING, 100)).toEqual([]);
    expect(problemsOf(owners(3), BEIJING, 101)).toEqual(['TOO_FEW_MEMBERS']);
    expect(problemsOf(owners(3), BEIJING, null)).toEqual(['TOO_FEW_MEMBERS']);
    expect(problemsOf(owners(4), BEIJING, 60)).toEqual(['EVEN_MEMBER_COUNT']);
    expect(problemsOf(owners(1), BEIJING, 60)).toEqual(['TOO_FEW_MEMBERS']);
    expect(problemsOf(owners(3), NATIONAL, 60)).toEqual(['TOO_FEW_MEMBERS']);
  });

  it("seats owners only: an owner, or a property-rights unit's representative; never an occupant or the residents' committee", () => {
    expect(problemsOf(['OWNER', 'PROPERTY_RIGHTS_UNIT', 'OWNER', 'PROPERTY_RIGHTS_UNIT', 'OWNER'])).toEqual([]);
    expect(problemsOf(['OWNER', 'OCCUPANT', 'OWNER', 'OWNER', 'OWNER'], BEIJING)).toEqual(['MEMBER_NOT_AN_OWNER']);
    expect(problemsOf(['RESIDENTS_COMMITTEE', ...owners(4)])).toEqual(['MEMBER_NOT_AN_OWNER']);
  });

  it('counts the term to the corresponding day five years on (Civil Code art. 202): five years exactly, not a day more', () => {
    expect(latestTermEnd('2019-05-10', NATIONAL)).toBe('2024-05-10');
    expect(latestTermEnd('2020-02-29', BEIJING)).toBe('2025-02-28'); // no 29 February in 2025: the month's last day
    const term = (termEndsOn: string, rules = BEIJING) =>
      ownersCommitteeProblems(
        { seats: owners(5), declaredHouseholds: null, recordedOn: '2019-05-10', termEndsOn },
        rules,
      ).problems;
    expect(term('2024-05-09')).toEqual([]);
    expect(term('2024-05-10')).toEqual([]); // five years exactly
    expect(term('2024-05-11')).toEqual(['TERM_TOO_LONG']); // five years and a day
    expect(term('2024-05-11', NATIONAL)).toEqual(['TERM_TOO_LONG']);
    // No term given (a change of members, or a committee whose term the office does not know): none checked.
    expect(ownersCommitteeProblems({ seats: owners(5), declaredHouseholds: null }, BEIJING).problems).toEqual([]);
  });

  it("records a committee given no term to the statute's ceiling, from its election or else its recording", () => {
    expect(ownersCommitteeTermEnd({ recordedOn: '2026-06-03', electedOn: '2026-01-05' }, BEIJING)).toBe('2031-01-05');
    expect(ownersCommitteeTermEnd({ recordedOn: '2026-06-03', electedOn: null }, NATIONAL)).toBe('2031-06-03');
    // A term given is the term.
    expect(ownersCommitteeTermEnd({ recordedOn: '2026-06-03', termEndsOn: '2029-06-02' }, BEIJING)).toBe('2029-06-02');
  });

  it('counts the term from the election where its day is known, not from a later recording (Beijing art. 41)', () => {
    // Elected Monday 5 January 2026, recorded Wednesday 3 June 2026: five years from the election end on the
    // corresponding day, 5 January 2031; from the recording they would have run to 3 June 2031.
    const elected = { seats: owners(5), declaredHouseholds: null, recordedOn: '2026-06-03', electedOn: '2026-01-05' };
    expect(termStartOf(elected)).toEqual({ from: '2026-01-05', counted: 'from the election on 2026-01-05' });
    expect(ownersCommitteeProblems({ ...elected, termEndsOn: '2031-01-05' }, BEIJING).problems).toEqual([]);
    expect(ownersCommitteeProblems({ ...elected, termEndsOn: '2031-01-06' }, BEIJING).problems).toEqual([
      'TERM_TOO_LONG',
    ]);
    expect(ownersCommitteeProblems({ ...elected, termEndsOn: '2031-06-03' }, NATIONAL)).toEqual({
      problems: ['TERM_TOO_LONG'],
      fields: {
        termEndsOn: `on or before 2031-01-05: a term of at most 5 years from the election on 2026-01-05 (${NATIONAL.source})`,
      },
    });
    // No election day known: the recording stands in, as before.
    const unknown = { ...elected, electedOn: null };
    expect(termStartOf(unknown)).toEqual({
      from: '2026-06-03',
      counted: 'from the recording on 2026-06-03 (no election day known)',
    });
    expect(ownersCommitteeProblems({ ...unknown, termEndsOn: '2031-06-03' }, BEIJING).problems).toEqual([]);
  });

  it("refuses the auditor's committee with BAD_USER_INPUT naming each field and the articles", () => {
    // Two members, a tenant and a residents' committee representative, for twenty years (2019–2039).
    const error = rejection(() =>
      validateOwnersCommittee(
        {
          seats: ['OCCUPANT', 'RESIDENTS_COMMITTEE'],
          declaredHouseholds: 462,
          recordedOn: '2019-06-01',
          termEndsOn: '2039-05-31',
        },
        BEIJING,
      ),
    );
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toEqual({
      problems: ['TOO_FEW_MEMBERS', 'EVEN_MEMBER_COUNT', 'MEMBER_NOT_AN_OWNER', 'TERM_TOO_LONG'],
      fields: {
        members: expect.stringMatching(/^5 or more members, an odd number; 3 only .*members\[0\], members\[1\]$/),
        termEndsOn:
          'on or before 2024-06-01: a term of at most 5 years from the recording on 2019-06-01 (no election day known) (Beijing Property Management Regulation arts. 39, 41)',
      },
      source: 'Beijing Property Management Regulation arts. 39, 41',
    });
    const national = rejection(() =>
      validateOwnersCommittee({ seats: owners(12), declaredHouseholds: null }, NATIONAL),
    );
    expect(national.details).toMatchObject({
      problems: ['TOO_MANY_MEMBERS', 'EVEN_MEMBER_COUNT'],
      fields: { members: expect.stringContaining('5 to 11 members, an odd number') },
      source: expect.stringContaining('建房〔2009〕274号'),
    });
    expect(() =>
      validateOwnersCommittee(
        { seats: owners(5), declaredHouseholds: null, recordedOn: '2017-10-20', termEndsOn: '2022-10-19' },
        BEIJING,
      ),
    ).not.toThrow(); // 阳光丽景's, as the demo records it
  });
});

describe("owners' committee: its application for recording within 30 days of the election", () => {
  it('takes 30 days from both texts and 5 working days for the office from Beijing alone', () => {
    expect(BEIJING).toMatchObject({ filingDays: 30, recordingWorkingDays: 5 });
    expect(BEIJING.filingSource).toContain('art. 43');
    expect(NATIONAL).toMatchObject({ filingDays: 30, recordingWorkingDays: null });
    expect(NATIONAL.filingSource).toContain('art. 33');
  });

  it('counts 30 days from the day after the election (art. 201), moved off a rest day (art. 203)', () => {
    // Elected Monday 2 March 2026: the 30th day is Wednesday 1 April, a working day.
    expect(ownersCommitteeFilingDeadline('2026-03-02', BEIJING)).toEqual({
      date: '2026-04-01',
      provisional: false,
      missingYear: null,
    });
    // Elected Friday 2 January 2026: the 30th day is Sunday 1 February, so Monday 2 February.
    expect(ownersCommitteeFilingDeadline('2026-01-02', NATIONAL)?.date).toBe('2026-02-02');
    expect(ownersCommitteeFilingDeadline(null, BEIJING)).toBeUndefined();
  });

  it('flags an application after the deadline, and judges one not entered by the recording day', () => {
    const elected = { electedOn: '2026-03-02', recordedOn: '2026-04-20' };
    expect(isOwnersCommitteeFiledLate({ ...elected, filedOn: '2026-04-01' }, BEIJING)).toBe(false);
    expect(isOwnersCommitteeFiledLate({ ...elected, filedOn: '2026-04-02' }, BEIJING)).toBe(true);
    // Without the application day: recorded within the 30 days, it applied in time; recorded after, unknown.
    expect(
      isOwnersCommitteeFiledLate({ electedOn: '2026-03-02', filedOn: null, recordedOn: '2026-04-01' }, BEIJING),
    ).toBe(false);
    expect(
      isOwnersCommitteeFiledLate({ electedOn: '2026-03-02', filedOn: null, recordedOn: '2026-04-02' }, BEIJING),
    ).toBeUndefined();
    expect(
      isOwnersCommitteeFiledLate({ electedOn: null, filedOn: '2026-04-02', recordedOn: '2026-04-02' }, BEIJING),
    ).toBe(undefined);
  });

  it("gives Beijing's street office 5 working days to record an application, the office elsewhere none", () => {
    // Applied Wednesday 1 April 2026: Thursday 2 and Friday 3 count, Qingming's rest days 4–6 April do not, then
    // Tuesday 7, Wednesday 8 and Thursday 9 April.
    expect(ownersCommitteeRecordingDeadline('2026-04-01', BEIJING)?.date).toBe('2026-04-09');
    expect(ownersCommitteeRecordingDeadline('2026-04-01', NATIONAL)).toBeUndefined();
    expect(ownersCommitteeRecordingDeadline(null, BEIJING)).toBeUndefined();
    const applied = { electedOn: '2026-03-02', filedOn: '2026-04-01' };
    expect(isOwnersCommitteeRecordedLate({ ...applied, recordedOn: '2026-04-09' }, BEIJING)).toBe(false);
    expect(isOwnersCommitteeRecordedLate({ ...applied, recordedOn: '2026-04-10' }, BEIJING)).toBe(true);
    expect(isOwnersCommitteeRecordedLate({ ...applied, recordedOn: '2026-05-10' }, NATIONAL)).toBeUndefined();
  });

  it('refuses the days out of order, naming each', () => {
    expect(() =>
      validateOwnersCommitteeDates({ electedOn: '2026-03-02', filedOn: '2026-03-02', recordedOn: '2026-03-02' }),
    ).not.toThrow();
    expect(
      rejection(() =>
        validateOwnersCommitteeDates({ electedOn: '2026-03-10', filedOn: '2026-03-09', recordedOn: '2026-03-08' }),
      ),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: {
        problems: ['RECORDED_BEFORE_ELECTION', 'FILED_BEFORE_ELECTION', 'RECORDED_BEFORE_FILING'],
        fields: { filedOn: 'on or after the election on 2026-03-10' },
      },
    });
  });
});
