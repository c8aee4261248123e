import { rejection } from '../../../test/support/rejection';
import { DomainError } from '../../../kernel/errors';
import { addDays, addYears, compareDates, isIsoDate } from '../../../kernel/calendar';
import { HolidayArrangement, workingDayCalendar } from '../../../kernel/working-days';
import {
  CommitteeMember,
  CommitteeProblem,
  CommitteeSeat,
  assessDissolution,
  compositionProblems,
  decisionPosting,
  dissolutionDeadline,
  filingDeadline,
  isFilingLate,
  isOwnerSeat,
  isRecordingLate,
  latestTermEnd,
  recordingDeadline,
  requireNotAfter,
  termProblems,
  validateCommitteeComposition,
  afterDissolution,
  filingProblems,
  validatePropertyManagementCommittee,
  validateRecording,
} from './property-management-committee';
import { pmcRulesOf } from './statutes';

/** Members named by seat: members({ RESIDENTS_COMMITTEE: 2, OWNER: 3 }) → rc1, rc2, owner1, owner2, owner3. */
const PREFIX: Record<CommitteeSeat, string> = {
  RESIDENTS_COMMITTEE: 'rc',
  PROPERTY_RIGHTS_UNIT: 'pru',
  OWNER: 'owner',
  OCCUPANT: 'occupant',
};
const members = (counts: Partial<Record<CommitteeSeat, number>>): CommitteeMember[] =>
  (Object.entries(counts) as [CommitteeSeat, number][]).flatMap(([seat, n]) =>
    Array.from({ length: n }, (_, i) => ({ id: `${PREFIX[seat]}${i + 1}`, seat })),
  );

/** Seed 000, 广安门北街20号院: 2 residents' committee + 6 property-rights units + 3 resident owners. */
const seed000 = members({ RESIDENTS_COMMITTEE: 2, PROPERTY_RIGHTS_UNIT: 6, OWNER: 3 });

describe('property-management committee composition (Beijing Property Management Regulation arts. 52–59)', () => {
  it('accepts seed 000 (广安门北街20号院): 11 members, 9 of them owners, chaired by the residents committee', () => {
    expect(seed000.filter((m) => isOwnerSeat(m.seat))).toHaveLength(9);
    expect(compositionProblems(seed000, 'rc1', '11')).toEqual([]);
    expect(() => validateCommitteeComposition(seed000, 'rc1', '11')).not.toThrow();
  });

  it.each<[string, CommitteeMember[], string, CommitteeProblem[]]>([
    [
      '6 members',
      members({ RESIDENTS_COMMITTEE: 1, PROPERTY_RIGHTS_UNIT: 2, OWNER: 3 }),
      'rc1',
      ['TOO_FEW_MEMBERS', 'EVEN_MEMBER_COUNT'],
    ],
    ['8 members', members({ RESIDENTS_COMMITTEE: 2, PROPERTY_RIGHTS_UNIT: 3, OWNER: 3 }), 'rc1', ['EVEN_MEMBER_COUNT']],
    [
      '8 members, exactly half owners',
      members({ RESIDENTS_COMMITTEE: 2, OCCUPANT: 2, OWNER: 4 }),
      'rc1',
      ['EVEN_MEMBER_COUNT'],
    ],
    [
      '7 members with 3 owner members',
      members({ RESIDENTS_COMMITTEE: 2, OCCUPANT: 2, OWNER: 3 }),
      'rc1',
      ['OWNER_MEMBERS_BELOW_HALF'],
    ],
    [
      '7 members with 4 owner members',
      members({ RESIDENTS_COMMITTEE: 2, OCCUPANT: 1, PROPERTY_RIGHTS_UNIT: 1, OWNER: 3 }),
      'rc1',
      [],
    ],
    ['a chair from a property-rights unit', seed000, 'pru1', ['CHAIR_NOT_RESIDENTS_COMMITTEE']],
    ['a chair from the resident owners', seed000, 'owner1', ['CHAIR_NOT_RESIDENTS_COMMITTEE']],
    ['a chair who is not a member', seed000, 'rc9', ['CHAIR_NOT_A_MEMBER']],
    ['a member listed twice', [...seed000.slice(0, 10), seed000[9]], 'rc1', ['DUPLICATE_MEMBER_ID']],
    [
      'an unknown seat',
      [...seed000.slice(0, 10), { id: 'x', seat: 'LANDLORD' as CommitteeSeat }],
      'rc1',
      ['UNKNOWN_SEAT'],
    ],
    [
      'everything wrong at once',
      members({ RESIDENTS_COMMITTEE: 1, OCCUPANT: 2, OWNER: 1 }),
      'occupant1',
      ['TOO_FEW_MEMBERS', 'EVEN_MEMBER_COUNT', 'OWNER_MEMBERS_BELOW_HALF', 'CHAIR_NOT_RESIDENTS_COMMITTEE'],
    ],
  ])('with %s reports %j', (_label, committee, chair, problems) => {
    expect(compositionProblems(committee, chair, '11')).toEqual(problems);
  });

  it('throws BAD_USER_INPUT listing every problem', () => {
    const error = rejection(() =>
      validateCommitteeComposition(members({ RESIDENTS_COMMITTEE: 1, PROPERTY_RIGHTS_UNIT: 5 }), 'pru1', '11'),
    );
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details?.problems).toEqual(['TOO_FEW_MEMBERS', 'EVEN_MEMBER_COUNT', 'CHAIR_NOT_RESIDENTS_COMMITTEE']);
  });

  it('counts owner and property-rights unit seats as owner members, residents committee and occupants not', () => {
    expect(isOwnerSeat('OWNER')).toBe(true);
    expect(isOwnerSeat('PROPERTY_RIGHTS_UNIT')).toBe(true);
    expect(isOwnerSeat('RESIDENTS_COMMITTEE')).toBe(false);
    expect(isOwnerSeat('OCCUPANT')).toBe(false);
  });
});

describe('property-management committee dates', () => {
  it.each([
    ['2020-05-30', '2020-06-29'],
    ['2020-02-15', '2020-03-16'], // through 29 February of a leap year
    ['2023-12-15', '2024-01-15'], // day 30 is Sunday 14 January: the next working day (Civil Code art. 203)
    ['2024-09-02', '2024-10-08'], // day 30 is 2 October, in the National Day holiday: the day after it ends
  ])('a committee formed on %s must be filed by %s', (formedOn, deadline) => {
    expect(filingDeadline(formedOn)).toBe(deadline);
  });

  it.each([
    ['2020-05-30', false], // filed the day it was formed
    ['2020-06-29', false], // day 30: on time
    ['2020-06-30', true], // day 31: late
  ])('seed 000 filed on %s is late: %s', (filedOn, late) => {
    expect(isFilingLate('2020-05-30', filedOn)).toBe(late);
  });

  it.each<[string, string, CommitteeProblem[]]>([
    ['2020-05-30', '2023-05-30', []], // exactly three years
    ['2020-05-30', '2023-05-31', ['TERM_TOO_LONG']], // three years and a day
    ['2020-05-30', '2021-05-30', []],
    ['2020-05-30', '2020-05-30', ['TERM_NOT_AFTER_FORMATION']],
    ['2020-02-29', '2023-02-28', []], // no 29 February in 2023: the month's last day ends the term
    ['2020-02-29', '2023-03-01', ['TERM_TOO_LONG']],
  ])('a term from %s to %s has problems %j', (formedOn, termEndsOn, problems) => {
    expect(termProblems(formedOn, termEndsOn, '11')).toEqual(problems);
  });

  it('ends a term at the latest three years on', () => {
    expect(latestTermEnd('2020-05-30')).toBe('2023-05-30');
    expect(latestTermEnd('2020-02-29')).toBe('2023-02-28');
  });

  it('must be dissolved within 30 days of an owners committee being recorded', () => {
    expect(dissolutionDeadline('2023-03-10')).toBe('2023-04-10'); // day 30 is Sunday 9 April (art. 203)
    expect(dissolutionDeadline('2023-12-20')).toBe('2024-01-19');
  });

  it.each([['2020-02-30'], ['2020/05/30'], ['20-05-30'], ['2020-5-30'], ['']])(
    'rejects %j as a date with BAD_USER_INPUT',
    (bad) => {
      const error = rejection(() => filingDeadline(bad));
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.details?.fields).toHaveProperty('formedOn');
      expect(rejection(() => isFilingLate('2020-05-30', bad)).details?.fields).toHaveProperty('filedOn');
      expect(rejection(() => dissolutionDeadline(bad)).details?.fields).toHaveProperty('ownersCommitteeRecordedOn');
    },
  );
});

describe('a whole property-management committee', () => {
  const seed = { members: seed000, chairMemberId: 'rc1', formedOn: '2020-05-30', termEndsOn: '2023-05-30' };

  it('accepts seed 000 filed on day 30 or later: a late filing is flagged (filingAssessment), never refused', () => {
    for (const filedOn of ['2020-06-29', '2020-06-30', undefined])
      expect(() => validatePropertyManagementCommittee({ ...seed, filedOn }, '11')).not.toThrow();
    expect(isFilingLate(seed.formedOn, '2020-06-30')).toBe(true);
    expect(isFilingLate(seed.formedOn, '2020-06-29')).toBe(false);
  });

  it("holds a committee of a city whose rules the hub does not hold (临江市) to none of Beijing's figures", () => {
    // Five members, an even count's neighbour, chaired by an owner, a five-year term, filed on day 40: before, refused
    // as Beijing arts. 52–59 have it (TOO_FEW_MEMBERS, CHAIR_NOT_RESIDENTS_COMMITTEE, TERM_TOO_LONG) and flagged late.
    const linjiang = {
      members: members({ RESIDENTS_COMMITTEE: 1, OWNER: 4 }),
      chairMemberId: 'owner1',
      formedOn: '2026-09-01',
      termEndsOn: '2031-08-31',
    };
    expect(pmcRulesOf('220681')).toBeNull();
    expect(() => validatePropertyManagementCommittee({ ...linjiang, filedOn: '2026-10-11' }, null)).not.toThrow();
    expect(() => validatePropertyManagementCommittee(linjiang, null)).not.toThrow();
    expect(rejection(() => validatePropertyManagementCommittee(linjiang, '11')).details?.problems).toEqual([
      'TOO_FEW_MEMBERS',
      'CHAIR_NOT_RESIDENTS_COMMITTEE',
      'TERM_TOO_LONG',
    ]);
    // What holds for any committee still does: a chair among the members, a term ending after formation, one list.
    const broken = { ...linjiang, chairMemberId: 'nobody', termEndsOn: '2026-09-01' };
    expect(rejection(() => validatePropertyManagementCommittee(broken, null)).details?.problems).toEqual([
      'CHAIR_NOT_A_MEMBER',
      'TERM_NOT_AFTER_FORMATION',
    ]);
    expect(pmcRulesOf('110102')).toBe('11');
  });

  it('refuses a filing dated before the committee was formed', () => {
    const error = rejection(() => validatePropertyManagementCommittee({ ...seed, filedOn: '2020-05-29' }, '11'));
    expect(error.details?.problems).toEqual(['FILED_BEFORE_FORMATION']);
    expect(filingProblems('2020-05-30', '2020-05-30')).toEqual([]);
    expect(filingProblems('2020-05-30', undefined)).toEqual([]);
  });

  it('refuses a filing or recording dated after the committee was dissolved, not one on or before that day', () => {
    expect(filingProblems('2026-09-01', '2026-11-20', '2026-10-15')).toEqual(['AFTER_DISSOLUTION']);
    expect(filingProblems('2026-09-01', '2026-10-15', '2026-10-15')).toEqual([]);
    expect(filingProblems('2026-09-01', '2026-08-31', '2026-10-15')).toEqual(['FILED_BEFORE_FORMATION']);
    expect(afterDissolution('2026-10-16', '2026-10-15')).toEqual(['AFTER_DISSOLUTION']);
    expect(afterDissolution('2026-10-16', null)).toEqual([]);
  });

  it('reports composition and term problems together', () => {
    const error = rejection(() =>
      validatePropertyManagementCommittee({ ...seed, chairMemberId: 'pru1', termEndsOn: '2023-05-31' }, '11'),
    );
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details?.problems).toEqual(['CHAIR_NOT_RESIDENTS_COMMITTEE', 'TERM_TOO_LONG']);
  });

  it('names every malformed date', () => {
    const error = rejection(() =>
      validatePropertyManagementCommittee({ ...seed, formedOn: '2020-13-01', filedOn: 'soon' }, '11'),
    );
    expect(Object.keys(error.details?.fields as object).sort()).toEqual(['filedOn', 'formedOn']);
  });
});

describe('calendar date helpers', () => {
  it('adds days and years on calendar dates without time zones', () => {
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(addDays('2021-03-01', -1)).toBe('2021-02-28');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(compareDates('2020-06-29', '2020-06-30')).toBe(-1);
    expect(compareDates('2020-06-30', '2020-06-30')).toBe(0);
    expect(isIsoDate('2021-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(() => addDays('2021-02-29', 1)).toThrow(DomainError);
  });
});

/**
 * Summer 2020, seed 000's year, as arranged by 国办发明电〔2019〕16号: Dragon Boat Festival 25–27 June off, Sunday
 * 28 June worked. The test arrangement claims 2020 only; kernel/working-days.test.ts checks the full table.
 */
const summer2020: HolidayArrangement = {
  years: new Set([2020]),
  daysOff: new Set(['2020-06-25', '2020-06-26', '2020-06-27']),
  weekendWorkingDays: new Set(['2020-06-28']),
};
const calendar2020 = workingDayCalendar(summer2020);

describe('recording a filed committee within five working days (Beijing art. 55)', () => {
  it.each([
    ['2020-06-24', '2020-07-02'], // Thursday–Saturday off, Sunday 28 June worked: 28, 29, 30 June, 1, 2 July
    ['2020-06-29', '2020-07-06'], // an ordinary week: the fifth working day is the next Monday
    ['2020-06-19', '2020-06-29'], // 22, 23, 24 June, then Sunday 28 and Monday 29
  ])('a committee filed on %s is recorded by %s', (filedOn, deadline) => {
    expect(recordingDeadline(filedOn, calendar2020)).toBe(deadline);
  });

  it.each<[string, boolean | undefined]>([
    ['2020-06-24', false], // the filing day itself
    ['2020-07-02', false], // the fifth working day
    ['2020-07-03', true], // flagged, not refused
  ])('seed 000 filed on 2020-06-24 and recorded on %s is late: %s', (recordedOn, late) => {
    expect(isRecordingLate('2020-06-24', recordedOn, calendar2020)).toBe(late);
  });

  it('refuses to say whether a recording was late once the deadline runs into a year without a notice', () => {
    expect(rejection(() => recordingDeadline('2020-12-18', calendar2020)).code).toBe('OUTSIDE_HOLIDAY_CALENDAR');
    expect(rejection(() => isRecordingLate('2020-12-18', '2021-01-15', calendar2020)).details).toMatchObject({
      calendarTo: '2020-12-24',
    });
  });

  it('refuses a recording dated before the filing, or a malformed date, with BAD_USER_INPUT', () => {
    const early = rejection(() => validateRecording('2020-06-24', '2020-06-23'));
    expect(early.code).toBe('BAD_USER_INPUT');
    expect(early.details).toMatchObject({
      problems: ['RECORDED_BEFORE_FILING'],
      fields: { recordedOn: expect.any(String) },
    });
    expect(rejection(() => isRecordingLate('2020-06-24', '2020-06-31', calendar2020)).details?.fields).toHaveProperty(
      'recordedOn',
    );
    expect(rejection(() => recordingDeadline('24/06/2020', calendar2020)).details?.fields).toHaveProperty('filedOn');
  });
});

describe("dissolution within 30 days of the owners' committee's recording", () => {
  it.each([
    ['2024-06-01', '2024-06-01', { dissolutionDeadline: '2024-07-01', dissolvedLate: false }], // with the recording
    ['2024-06-01', '2024-07-01', { dissolutionDeadline: '2024-07-01', dissolvedLate: false }], // day 30
    ['2024-06-01', '2024-07-02', { dissolutionDeadline: '2024-07-01', dissolvedLate: true }], // day 31: flagged
    ['2024-02-10', '2024-03-11', { dissolutionDeadline: '2024-03-11', dissolvedLate: false }], // through 29 February
  ])("owners' committee recorded on %s, committee dissolved on %s", (recordedOn, dissolvedOn, assessment) => {
    expect(assessDissolution(recordedOn, dissolvedOn)).toEqual(assessment);
    expect(dissolutionDeadline(recordedOn)).toBe(assessment.dissolutionDeadline);
  });

  it("refuses a dissolution before the owners' committee was recorded", () => {
    const error = rejection(() => assessDissolution('2024-06-01', '2024-05-31'));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toMatchObject({
      problems: ['DISSOLVED_BEFORE_OWNERS_COMMITTEE_RECORDED'],
      fields: { propertyManagementCommitteeDissolvedOn: expect.any(String) },
    });
    expect(rejection(() => assessDissolution('2024-06-01', '2024-06-31')).details?.fields).toHaveProperty(
      'dissolvedOn',
    );
  });
});

describe('posting a committee decision (Beijing art. 57): within 3 days, for 10 working days', () => {
  it.each([
    // Meeting on Monday 22 June 2020, posted on Tuesday: 24 June, 28 (a worked Sunday), 29, 30 June, 1–3, 6–8 July.
    // Day 3 is Thursday 25 June, the Dragon Boat Festival: Civil Code art. 203 moves the last day to the first day
    // after the holiday, Sunday 28 June (worked in lieu), so a posting in the holiday is on time.
    ['2020-06-22', '2020-06-23', { postBy: '2020-06-28', postedLate: false, postingEndsOn: '2020-07-08' }],
    ['2020-06-22', '2020-06-26', { postBy: '2020-06-28', postedLate: false, postingEndsOn: '2020-07-09' }], // in the holiday
    ['2020-06-22', '2020-06-28', { postBy: '2020-06-28', postedLate: false, postingEndsOn: '2020-07-10' }], // the last day
    ['2020-06-22', '2020-06-29', { postBy: '2020-06-28', postedLate: true, postingEndsOn: '2020-07-13' }],
    // An ordinary week: a meeting on Monday 29 June is posted by Thursday 2 July.
    ['2020-06-29', '2020-07-03', { postBy: '2020-07-02', postedLate: true, postingEndsOn: '2020-07-17' }],
  ])('a meeting on %s posted on %s', (meetingOn, postedOn, posting) => {
    expect(decisionPosting(meetingOn, postedOn, calendar2020)).toEqual(posting);
  });

  it('refuses to compute the end of posting while it depends on a notice not held, and refuses posting before the meeting', () => {
    expect(rejection(() => decisionPosting('2020-12-20', '2020-12-21', calendar2020)).code).toBe(
      'OUTSIDE_HOLIDAY_CALENDAR',
    );
    const error = rejection(() => decisionPosting('2020-06-22', '2020-06-21', calendar2020));
    expect(error.details).toMatchObject({
      problems: ['POSTED_BEFORE_MEETING'],
      fields: { postedOn: expect.any(String) },
    });
  });
});

describe('requireNotAfter: committees are recorded once they were formed', () => {
  it('refuses every given date after today, at once, and takes today and earlier', () => {
    expect(() => requireNotAfter('2026-12-01', { formedOn: '2026-12-01', filedOn: undefined })).not.toThrow();
    const error = rejection(() =>
      requireNotAfter('2026-12-01', { formedOn: '2062-12-01', filedOn: '2026-12-02', recordedOn: '2026-11-30' }),
    );
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toEqual({
      fields: { formedOn: 'not after today (2026-12-01)', filedOn: 'not after today (2026-12-01)' },
    });
    expect(rejection(() => requireNotAfter('2026-12-01', { formedOn: '2026-02-30' })).code).toBe('BAD_USER_INPUT');
  });
});
