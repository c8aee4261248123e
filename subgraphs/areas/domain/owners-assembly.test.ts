import { rejection } from '../../../test/support/rejection';
import {
  RULES_REFERENCE_MAX_LENGTH,
  checkElectionDecision,
  electionDayOf,
  isAssemblyMissing,
  validateCommitteeOfAssembly,
  validateOwnersAssembly,
} from './owners-assembly';

describe("owners' assembly (业主大会)", () => {
  it('is formed on its first meeting, with its rules by reference, trimmed', () => {
    expect(
      validateOwnersAssembly({
        firstMeetingOn: '2019-04-20',
        rulesReference: '  阳光丽景业主大会议事规则（2019年4月20日首次业主大会会议通过） ',
      }),
    ).toEqual({
      formedOn: '2019-04-20',
      rulesReference: '阳光丽景业主大会议事规则（2019年4月20日首次业主大会会议通过）',
    });
    expect(validateOwnersAssembly({ firstMeetingOn: '2019-04-20' })).toEqual({ formedOn: '2019-04-20' });
    expect(validateOwnersAssembly({ firstMeetingOn: '2019-04-20', rulesReference: '   ' })).toEqual({
      formedOn: '2019-04-20',
    });
  });

  it('counts the rules reference in characters, not bytes', () => {
    const longest = '规'.repeat(RULES_REFERENCE_MAX_LENGTH);
    expect(validateOwnersAssembly({ firstMeetingOn: '2019-04-20', rulesReference: longest }).rulesReference).toBe(
      longest,
    );
    const error = rejection(() =>
      validateOwnersAssembly({ firstMeetingOn: '2019-04-20', rulesReference: `${longest}则` }),
    );
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toMatchObject({
      problems: ['RULES_REFERENCE_TOO_LONG'],
      fields: { rulesReference: expect.any(String) },
    });
  });

  it.each([['2019-02-29'], ['2019-4-20'], ['']])('rejects %j as the first meeting with BAD_USER_INPUT', (bad) => {
    const error = rejection(() => validateOwnersAssembly({ firstMeetingOn: bad }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details?.fields).toHaveProperty('firstMeetingOn');
  });

  it.each([
    ['2019-04-20', '2019-04-20', false], // elected and recorded the day of the first meeting
    ['2019-04-20', '2019-05-10', false],
    ['2019-04-20', '2019-04-19', true],
  ])(
    "an assembly first met on %s; its owners' committee recorded on %s is refused: %s",
    (assemblyFormedOn, committeeRecordedOn, refused) => {
      if (!refused) {
        expect(() => validateCommitteeOfAssembly(assemblyFormedOn, committeeRecordedOn)).not.toThrow();
        return;
      }
      const error = rejection(() => validateCommitteeOfAssembly(assemblyFormedOn, committeeRecordedOn));
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.details?.problems).toEqual(['COMMITTEE_RECORDED_BEFORE_ASSEMBLY']);
    },
  );

  it("flags an owners' committee without an assembly on record, and only an owners' committee", () => {
    expect(isAssemblyMissing({ kind: 'OWNERS_COMMITTEE' })).toBe(true);
    expect(isAssemblyMissing({ kind: 'OWNERS_COMMITTEE', assemblyId: null })).toBe(true);
    expect(isAssemblyMissing({ kind: 'OWNERS_COMMITTEE', assemblyId: 'a4b1c2d3-0000-4000-8000-000000000001' })).toBe(
      false,
    );
    expect(isAssemblyMissing({ kind: 'PROPERTY_MANAGEMENT_COMMITTEE' })).toBeUndefined();
    expect(isAssemblyMissing({ kind: 'OWNERS_ASSEMBLY' })).toBeUndefined();
  });
});

describe("the owners' joint decision electing an owners' committee (Civil Code art. 278 para. 1 item 3)", () => {
  const areaId = 'area-1';
  const elected = { id: 'd1', areaId, matter: 'ELECT_COMMITTEE', heldOn: '2026-03-01', valid: true };
  const check =
    (named: typeof elected | null, recordedOn = '2026-06-01') =>
    () =>
      checkElectionDecision(named, areaId, recordedOn);
  const problems = (...args: Parameters<typeof check>) => rejection(check(...args)).details?.problems;

  it('takes a valid election of the area held by the recording day, that day itself too', () => {
    expect(check(elected)).not.toThrow();
    expect(check(elected, '2026-03-01')).not.toThrow();
  });

  it('names each way the named decision is not the election of this committee', () => {
    expect(problems(null)).toEqual(['ELECTION_DECISION_NOT_RECORDED']);
    expect(problems({ ...elected, areaId: 'area-2' })).toEqual(['ELECTION_DECISION_NOT_RECORDED']);
    expect(problems({ ...elected, matter: 'MANAGEMENT_COVENANT', valid: false })).toEqual([
      'NOT_AN_ELECTION_DECISION',
      'ELECTION_DECISION_INVALID',
    ]);
    expect(problems(elected, '2026-02-28')).toEqual(['ELECTION_DECISION_AFTER_RECORDING']);
  });

  it('dates the election on the named decision’s day, and refuses another day entered beside it', () => {
    expect(electionDayOf(elected, null)).toBe('2026-03-01');
    expect(electionDayOf(elected, '2026-03-01')).toBe('2026-03-01');
    // The clerk's 20 May beside the decision of 1 March: its application was due by 31 March, not 22 June.
    const refused = rejection(() => electionDayOf(elected, '2026-05-20'));
    expect(refused.code).toBe('BAD_USER_INPUT');
    expect(refused.details).toEqual({
      problems: ['ELECTED_ON_NOT_DECISION_DAY'],
      fields: { electedOn: '2026-03-01, the day of the election decision d1, or none entered' },
      source: 'Civil Code art. 278 para. 1 item 3',
    });
  });
});
