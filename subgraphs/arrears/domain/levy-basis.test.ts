import { rejection } from '../../../test/support/rejection';
import { BilledCharge, assertOwedCharges, inArrears } from './charge';
import { claimLines } from './claim';
import { RecordedJointDecision, levyBasis } from './levy';
import { statementOf } from './statement';
import { SEED_002_LEVY_RATE_FEN_PER_M2 } from './statutes';

const AREA = '00000000-0000-4000-8000-000000000002';
// Seed 003's vote at 学院南路32号院 had three-quarters by area and number; here a fund-raising decision of that kind.
const decision: RecordedJointDecision = {
  decisionId: 'd1',
  areaId: AREA,
  matter: 'RAISE_MAINTENANCE_FUND',
  heldOn: '2023-03-10',
  valid: true,
  reasons: [],
};
const levy = { areaId: AREA, decidedOn: '2023-03-15', jointDecisionId: 'd1', voluntary: null };
const problems = (d: RecordedJointDecision | null, input: Partial<typeof levy> = {}) =>
  rejection(() => levyBasis({ ...levy, ...input }, d)).details?.problems;

describe('a levy is owed only under a valid joint decision on raising funds (Civil Code art. 278 item 6)', () => {
  it('is owed under a valid, recorded decision of its area, or is a voluntary contribution', () => {
    expect(levyBasis(levy, decision)).toBe('JOINT_DECISION');
    expect(levyBasis({ ...levy, jointDecisionId: null, voluntary: true }, null)).toBe('VOLUNTARY');
  });

  it('names every reason a decision does not carry the levy', () => {
    expect(problems(null)).toEqual(['DECISION_NOT_RECORDED']);
    const anotherAreas = { ...decision, areaId: '00000000-0000-4000-8000-000000000009' };
    expect(problems(anotherAreas)).toEqual(['DECISION_NOT_RECORDED']);
    // Nothing of another area's decision is shown to a company that may not read that area (it was, in details).
    expect(rejection(() => levyBasis(levy, anotherAreas)).details).toEqual({
      problems: ['DECISION_NOT_RECORDED'],
      jointDecisionId: 'd1',
    });
    expect(rejection(() => levyBasis(levy, { ...decision, valid: false })).details?.decision).toMatchObject({
      areaId: AREA,
      valid: false,
    });
    // Short of three-quarters: the areas subgraph's verdict is invalid. And a decision on hiring a company raises no funds.
    expect(
      problems({
        ...decision,
        valid: false,
        reasons: ['CONSENT_AREA_BELOW_THRESHOLD'],
        matter: 'HIRE_OR_DISMISS_PROVIDER',
        heldOn: '2023-04-01',
      }),
    ).toEqual(['DECISION_INVALID', 'NOT_A_FUND_RAISING_DECISION', 'DECISION_AFTER_LEVY']);
    expect(rejection(() => levyBasis(levy, null)).code).toBe('LEVY_WITHOUT_VALID_DECISION');
  });

  it('needs the decision or the voluntary mark, not both and not neither', () => {
    expect(rejection(() => levyBasis({ ...levy, voluntary: true }, decision)).code).toBe('BAD_USER_INPUT');
    expect(rejection(() => levyBasis({ ...levy, jointDecisionId: null }, null)).code).toBe('BAD_USER_INPUT');
  });

  it("never makes a voluntary contribution arrears, ages it or runs a limitation period on it: seed 002's ¥17.93 per m²", () => {
    // 89.50 m² × ¥17.93 = ¥1,604.74, due 2023-07-15, unpaid on 2026-12-01.
    const contribution: BilledCharge = {
      chargeId: 'c1',
      kind: 'LEVY',
      month: '2023-03',
      levyId: 'l1',
      filingId: null,
      dueOn: '2023-07-15',
      amountFen: 160_474,
      paidFen: 0,
      waivedFen: 0,
      floorAreaCentiM2: 8_950,
      servedDays: null,
      parts: null,
      rateFen: SEED_002_LEVY_RATE_FEN_PER_M2,
      voluntary: true,
    };
    const owed = { ...contribution, chargeId: 'c2', voluntary: false };
    expect(inArrears(contribution, '2026-12-01')).toBe(false);
    expect(inArrears(owed, '2026-12-01')).toBe(true);
    const lines = claimLines(
      { charges: [contribution, owed], actions: [], payments: [], adjustments: [] },
      new Map(),
      '2026-12-01',
    );
    expect(lines.charges.map((c) => c.limitationEndsOn)).toEqual([null, '2026-07-15']);
    const account = {
      id: 'a1',
      companyId: 'co',
      householdId: 'h1',
      areaId: AREA,
      buildingId: 'b1',
      status: 'IN_COLLECTION',
    } as Parameters<typeof statementOf>[0];
    const statement = statementOf(account, null, lines, { payments: [], transitions: [] }, '2026-12-01');
    expect(statement.charges.map((c) => [c.inArrears, c.agingBucket])).toEqual([
      [false, null],
      [true, 'OVER_365'],
    ]);
    expect(statement).toMatchObject({ openFen: 2 * 160_474, arrearsFen: 160_474 });
    expect(statement.aging.reduce((s, l) => s + l.count, 0)).toBe(1);
    // Nor is it demanded: a collection step naming it is refused, one naming the owed levy is not.
    expect(rejection(() => assertOwedCharges([contribution, owed], ['c1', 'c2'])).details).toEqual({
      problems: [{ code: 'VOLUNTARY_CONTRIBUTION', chargeId: 'c1' }],
    });
    expect(() => assertOwedCharges([contribution, owed], ['c2'])).not.toThrow();
  });
});
