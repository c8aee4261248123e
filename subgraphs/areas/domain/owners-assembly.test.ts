import { rejection } from '../../../test/support/rejection';
import {
  RULES_REFERENCE_MAX_LENGTH,
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
