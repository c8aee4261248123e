import { rejection } from '../../../test/support/rejection';
import { DomainError } from '../../../infra/errors';
import { addDays, addYears, compareDates, isIsoDate } from '../../../infra/calendar';
import {
  CommitteeMember,
  CommitteeProblem,
  CommitteeSeat,
  compositionProblems,
  dissolutionDeadline,
  filingDeadline,
  isFilingLate,
  isOwnerSeat,
  latestTermEnd,
  termProblems,
  validateCommitteeComposition,
  validatePropertyManagementCommittee,
} from './property-management-committee';

/** Members named by seat: members({ RESIDENTS_COMMITTEE: 2, OWNER: 3 }) → rc1, rc2, owner1, owner2, owner3. */
const PREFIX: Record<CommitteeSeat, string> = { RESIDENTS_COMMITTEE: 'rc', PROPERTY_RIGHTS_UNIT: 'pru', OWNER: 'owner', OCCUPANT: 'occupant' };
const members = (counts: Partial<Record<CommitteeSeat, number>>): CommitteeMember[] =>
  (Object.entries(counts) as [CommitteeSeat, number][]).flatMap(([seat, n]) =>
    Array.from({ length: n }, (_, i) => ({ id: `${PREFIX[seat]}${i + 1}`, seat })),
  );

/** Seed 000, 广安门北街20号院: 2 residents' committee + 6 property-rights units + 3 resident owners. */
const seed000 = members({ RESIDENTS_COMMITTEE: 2, PROPERTY_RIGHTS_UNIT: 6, OWNER: 3 });


describe('property-management committee composition (Beijing Property Management Regulation arts. 52–59)', () => {
  it('accepts seed 000 (广安门北街20号院): 11 members, 9 of them owners, chaired by the residents committee', () => {
    expect(seed000.filter((m) => isOwnerSeat(m.seat))).toHaveLength(9);
    expect(compositionProblems(seed000, 'rc1')).toEqual([]);
    expect(() => validateCommitteeComposition(seed000, 'rc1')).not.toThrow();
  });

  it.each<[string, CommitteeMember[], string, CommitteeProblem[]]>([
    ['6 members', members({ RESIDENTS_COMMITTEE: 1, PROPERTY_RIGHTS_UNIT: 2, OWNER: 3 }), 'rc1', ['TOO_FEW_MEMBERS', 'EVEN_MEMBER_COUNT']],
    ['8 members', members({ RESIDENTS_COMMITTEE: 2, PROPERTY_RIGHTS_UNIT: 3, OWNER: 3 }), 'rc1', ['EVEN_MEMBER_COUNT']],
    ['8 members, exactly half owners', members({ RESIDENTS_COMMITTEE: 2, OCCUPANT: 2, OWNER: 4 }), 'rc1', ['EVEN_MEMBER_COUNT']],
    ['7 members with 3 owner members', members({ RESIDENTS_COMMITTEE: 2, OCCUPANT: 2, OWNER: 3 }), 'rc1', ['OWNER_MEMBERS_BELOW_HALF']],
    ['7 members with 4 owner members', members({ RESIDENTS_COMMITTEE: 2, OCCUPANT: 1, PROPERTY_RIGHTS_UNIT: 1, OWNER: 3 }), 'rc1', []],
    ['a chair from a property-rights unit', seed000, 'pru1', ['CHAIR_NOT_RESIDENTS_COMMITTEE']],
    ['a chair from the resident owners', seed000, 'owner1', ['CHAIR_NOT_RESIDENTS_COMMITTEE']],
    ['a chair who is not a member', seed000, 'rc9', ['CHAIR_NOT_A_MEMBER']],
    ['a member listed twice', [...seed000.slice(0, 10), seed000[9]], 'rc1', ['DUPLICATE_MEMBER_ID']],
    ['an unknown seat', [...seed000.slice(0, 10), { id: 'x', seat: 'LANDLORD' as CommitteeSeat }], 'rc1', ['UNKNOWN_SEAT']],
    ['everything wrong at once', members({ RESIDENTS_COMMITTEE: 1, OCCUPANT: 2, OWNER: 1 }), 'occupant1', ['TOO_FEW_MEMBERS', 'EVEN_MEMBER_COUNT', 'OWNER_MEMBERS_BELOW_HALF', 'CHAIR_NOT_RESIDENTS_COMMITTEE']],
  ])('with %s reports %j', (_label, committee, chair, problems) => {
    expect(compositionProblems(committee, chair)).toEqual(problems);
  });

  it('throws BAD_USER_INPUT listing every problem', () => {
    const error = rejection(() => validateCommitteeComposition(members({ RESIDENTS_COMMITTEE: 1, PROPERTY_RIGHTS_UNIT: 5 }), 'pru1'));
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
    ['2023-12-15', '2024-01-14'],
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
    expect(termProblems(formedOn, termEndsOn)).toEqual(problems);
  });

  it('ends a term at the latest three years on', () => {
    expect(latestTermEnd('2020-05-30')).toBe('2023-05-30');
    expect(latestTermEnd('2020-02-29')).toBe('2023-02-28');
  });

  it('must be dissolved within 30 days of an owners committee being recorded', () => {
    expect(dissolutionDeadline('2023-03-10')).toBe('2023-04-09');
    expect(dissolutionDeadline('2023-12-20')).toBe('2024-01-19');
  });

  it.each([['2020-02-30'], ['2020/05/30'], ['20-05-30'], ['2020-5-30'], ['']])('rejects %j as a date with BAD_USER_INPUT', (bad) => {
    const error = rejection(() => filingDeadline(bad));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details?.fields).toHaveProperty('formedOn');
    expect(rejection(() => isFilingLate('2020-05-30', bad)).details?.fields).toHaveProperty('filedOn');
    expect(rejection(() => dissolutionDeadline(bad)).details?.fields).toHaveProperty('ownersCommitteeRecordedOn');
  });
});

describe('a whole property-management committee', () => {
  const seed = { members: seed000, chairMemberId: 'rc1', formedOn: '2020-05-30', termEndsOn: '2023-05-30' };

  it('flags a late filing of seed 000 but accepts it', () => {
    expect(validatePropertyManagementCommittee({ ...seed, filedOn: '2020-06-30' })).toEqual({ filingDeadline: '2020-06-29', filedLate: true });
    expect(validatePropertyManagementCommittee({ ...seed, filedOn: '2020-06-29' })).toEqual({ filingDeadline: '2020-06-29', filedLate: false });
    expect(validatePropertyManagementCommittee(seed)).toEqual({ filingDeadline: '2020-06-29', filedLate: undefined });
  });

  it('reports composition and term problems together', () => {
    const error = rejection(() => validatePropertyManagementCommittee({ ...seed, chairMemberId: 'pru1', termEndsOn: '2023-05-31' }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details?.problems).toEqual(['CHAIR_NOT_RESIDENTS_COMMITTEE', 'TERM_TOO_LONG']);
  });

  it('names every malformed date', () => {
    const error = rejection(() => validatePropertyManagementCommittee({ ...seed, formedOn: '2020-13-01', filedOn: 'soon' }));
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
