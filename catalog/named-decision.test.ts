import { namedDecisionProblems } from './named-decision';

const AREA = '00000000-0000-4000-8000-000000000003';
// Seed 003: the owners of 学院南路32号院 chose the company on 2021-10-31 (valid); the contract was signed on 2021-12-10.
const decision = { areaId: AREA, matter: 'HIRE_OR_DISMISS_PROVIDER', heldOn: '2021-10-31', valid: true };
const needed = { areaId: AREA, matter: 'HIRE_OR_DISMISS_PROVIDER', heldBy: '2021-12-10' } as const;

describe("a named owners' joint decision (Civil Code art. 278)", () => {
  it("holds when it is the area's, valid, on the matter and held by the day, the day itself included", () => {
    expect(namedDecisionProblems(decision, needed)).toEqual([]);
    expect(namedDecisionProblems({ ...decision, heldOn: '2021-12-10' }, needed)).toEqual([]);
  });

  it("takes one unknown, or another area's whatever it decided, as not recorded", () => {
    expect(namedDecisionProblems(null, needed)).toEqual(['NOT_RECORDED']);
    const anotherAreas = { ...decision, areaId: '00000000-0000-4000-8000-000000000009', valid: false };
    expect(namedDecisionProblems(anotherAreas, needed)).toEqual(['NOT_RECORDED']);
  });

  it('names every other problem, in a fixed order', () => {
    expect(namedDecisionProblems({ ...decision, valid: false }, needed)).toEqual(['INVALID']);
    expect(namedDecisionProblems({ ...decision, matter: 'ELECT_COMMITTEE' }, needed)).toEqual(['OTHER_MATTER']);
    expect(namedDecisionProblems({ ...decision, heldOn: '2021-12-11' }, needed)).toEqual(['HELD_AFTER']);
    expect(
      namedDecisionProblems({ ...decision, valid: false, matter: 'MANAGEMENT_COVENANT', heldOn: '2022-01-05' }, needed),
    ).toEqual(['INVALID', 'OTHER_MATTER', 'HELD_AFTER']);
  });

  it('does not ask about the day when it is not known', () => {
    expect(namedDecisionProblems({ ...decision, heldOn: '2030-01-01' }, { ...needed, heldBy: null })).toEqual([]);
  });
});
