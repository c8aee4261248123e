import { BilledCharge } from './charge';
import { AppliedPayment, RecordedAdjustment, claimLines } from './claim';
import { dueParts, openParts, owedSince, raisedPartDueOn } from './due-parts';
import { lateFeeFen } from './late-fee';

// helper-243's audit: the fee for 2024-01 of ¥100.00, due 2024-01-31, 万分之5 a day, no grace, corrected to ¥150.00.
const charge = (amountFen: number, paidFen: number): BilledCharge => ({
  chargeId: 'c1',
  kind: 'SERVICE_FEE',
  month: '2024-01',
  levyId: null,
  filingId: 'f1',
  dueOn: '2024-01-31',
  amountFen,
  paidFen,
  waivedFen: 0,
  floorAreaCentiM2: 10_000,
  servedDays: null,
  parts: null,
  rateFen: 100,
  voluntary: false,
});
const terms = new Map([['f1', { dailyRatePerTenThousand: 5, graceDays: 0 }]]);
const raise = (before: number, after: number, on: string): RecordedAdjustment => ({
  chargeId: 'c1',
  kind: 'CORRECTION',
  fen: null,
  amountBeforeFen: before,
  amountAfterFen: after,
  reason: '面积更正',
  on,
});
const lateFeeOf = (
  c: BilledCharge,
  payments: AppliedPayment[],
  adjustments: RecordedAdjustment[],
  asOf: string,
  lateFeeTerms: typeof terms = terms,
) => claimLines({ charges: [c], actions: [], payments, adjustments }, lateFeeTerms, asOf).charges[0].lateFeeFen;

describe('a correction raising a fee bills the raise on its own day (due-parts.ts)', () => {
  const paidOnTime: AppliedPayment[] = [{ chargeId: 'c1', fen: 10_000, paidOn: '2024-01-20' }];

  it('runs no late fee on the raise of a fee paid in full on time, the day after the correction', () => {
    // Before: ¥21.33, 853 days on the ¥50 never billed.
    expect(lateFeeOf(charge(15_000, 10_000), paidOnTime, [raise(10_000, 15_000, '2026-06-01')], '2026-06-02')).toBe(0);
  });

  it('runs the late fee on the raise from its own due date, the end of the correction month', () => {
    expect(raisedPartDueOn('2024-01-31', '2026-06-01')).toBe('2026-06-30');
    expect(lateFeeOf(charge(15_000, 10_000), paidOnTime, [raise(10_000, 15_000, '2026-06-01')], '2026-06-30')).toBe(0);
    // 10 days on ¥50 at 万分之5: 25 fen.
    expect(lateFeeOf(charge(15_000, 10_000), paidOnTime, [raise(10_000, 15_000, '2026-06-01')], '2026-07-10')).toBe(25);
  });

  it('leaves the late fee on the part billed first as it was when that part is unpaid', () => {
    const unraised = lateFeeOf(charge(10_000, 0), [], [], '2026-06-02');
    expect(unraised).toBe(4_265); // 853 days × ¥100 × 0.05%
    expect(lateFeeOf(charge(15_000, 0), [], [raise(10_000, 15_000, '2026-06-01')], '2026-06-02')).toBe(unraised);
    // After the raise's due date, its own days are added: 10 days on ¥50.
    expect(lateFeeOf(charge(15_000, 0), [], [raise(10_000, 15_000, '2026-06-01')], '2026-07-10')).toBe(
      lateFeeOf(charge(10_000, 0), [], [], '2026-07-10') + 25,
    );
  });

  it('sets a payment against the part due first, then the raise', () => {
    const paid: AppliedPayment[] = [{ chargeId: 'c1', fen: 12_000, paidOn: '2026-06-10' }];
    // The ¥100 billed first stops running on 2026-06-10; ¥20 pays the raise before it falls due; ¥30 of it runs 10 days.
    expect(lateFeeOf(charge(15_000, 12_000), paid, [raise(10_000, 15_000, '2026-06-01')], '2026-07-10')).toBe(
      lateFeeOf(charge(10_000, 10_000), [{ chargeId: 'c1', fen: 10_000, paidOn: '2026-06-10' }], [], '2026-07-10') + 15,
    );
  });

  it('runs the contract’s grace days from the raise’s due date', () => {
    const grace = new Map([['f1', { dailyRatePerTenThousand: 5, graceDays: 15 }]]);
    // Raised on 2024-01-10, before the fee fell due: the raise falls due with it (one part, as before).
    expect(dueParts({ dueOn: '2024-01-31', amountFen: 15_000 }, [raise(10_000, 15_000, '2024-01-10')])).toEqual([
      { dueOn: '2024-01-31', fen: 15_000 },
    ]);
    // Raised on 2025-03-05: due 2025-03-31, its 15 grace days end on 2025-04-15; nothing runs on it through then.
    const adjustments = [raise(10_000, 15_000, '2025-03-05')];
    expect(lateFeeOf(charge(15_000, 10_000), paidOnTime, adjustments, '2025-04-15', grace)).toBe(0);
    expect(lateFeeOf(charge(15_000, 10_000), paidOnTime, adjustments, '2025-04-25', grace)).toBe(25);
  });

  it('takes a lowering back from the latest raise first, and keeps the parts adding up to the amount', () => {
    const corrections = [
      raise(10_000, 15_000, '2025-03-05'),
      raise(15_000, 16_000, '2026-06-01'),
      raise(16_000, 12_000, '2026-07-01'),
    ];
    expect(dueParts({ dueOn: '2024-01-31', amountFen: 12_000 }, corrections)).toEqual([
      { dueOn: '2024-01-31', fen: 10_000 },
      { dueOn: '2025-03-31', fen: 2_000 },
    ]);
    // Lowered below what was billed first: one part, on the charge's due date.
    expect(
      dueParts({ dueOn: '2024-01-31', amountFen: 8_000 }, [...corrections, raise(12_000, 8_000, '2026-08-01')]),
    ).toEqual([{ dueOn: '2024-01-31', fen: 8_000 }]);
    // An amount changed without a correction recorded: the raises still count, as far as the amount goes.
    expect(dueParts({ dueOn: '2024-01-31', amountFen: 4_000 }, [raise(10_000, 15_000, '2026-06-01')])).toEqual([
      { dueOn: '2026-06-30', fen: 4_000 },
    ]);
  });

  it('refuses parts that do not add up to the principal', () => {
    expect(() =>
      lateFeeFen(
        { dueOn: '2024-01-31', principalFen: 100, reductions: [], parts: [{ dueOn: '2024-01-31', fen: 90 }] },
        { dailyRatePerTenThousand: 5, graceDays: 0 },
        '2024-03-01',
      ),
    ).toThrow('The late fee cannot be computed');
  });
});

// The fee for 2023-03 of ¥100.00, due 2023-03-31, paid on time, raised by ¥100.00 by a correction on 2026-05-10.
describe('a raise is demanded and barred from its own due date, not the charge’s (due-parts.ts openParts)', () => {
  const march: BilledCharge = { ...charge(20_000, 10_000), chargeId: 'c1', month: '2023-03', dueOn: '2023-03-31' };
  const payments: AppliedPayment[] = [{ chargeId: 'c1', fen: 10_000, paidOn: '2023-03-20' }];
  const adjustments = [raise(10_000, 20_000, '2026-05-10')];
  const letter = (on: string) => ({
    actionId: `a-${on}`,
    kind: 'LETTER' as const,
    on,
    chargeIds: ['c1'],
    action: { kind: 'LETTER' as const, on, deliveredOn: on, chargeIds: ['c1'], note: null },
    recordedByRole: 'PROPERTY_COMPANY',
  });
  const lineOf = (asOf: string, actions = [letter('2026-05-20')]) =>
    claimLines({ charges: [march], actions, payments, adjustments }, terms, asOf).charges[0];

  it('leaves open only the raise, due on the last day of the correction month', () => {
    expect(dueParts(march, adjustments)).toEqual([
      { dueOn: '2023-03-31', fen: 10_000 },
      { dueOn: '2026-05-31', fen: 10_000 },
    ]);
    expect(openParts(march, adjustments)).toEqual([{ dueOn: '2026-05-31', fen: 10_000 }]);
    expect(owedSince(march.dueOn, openParts(march, adjustments))).toBe('2026-05-31');
    // Nothing paid: the part billed first is open too, and what is open is owed since the charge's own due date.
    const unpaid = { ...march, paidFen: 0 };
    expect(openParts(unpaid, adjustments)).toEqual([
      { dueOn: '2023-03-31', fen: 10_000 },
      { dueOn: '2026-05-31', fen: 10_000 },
    ]);
    expect(owedSince(march.dueOn, openParts(unpaid, adjustments))).toBe('2023-03-31');
    // ¥150 paid: the part billed first settled, ¥50 of the raise. Settled in full: no part, owed since `dueOn`.
    expect(openParts({ ...march, paidFen: 15_000 }, adjustments)).toEqual([{ dueOn: '2026-05-31', fen: 5_000 }]);
    expect(openParts({ ...march, paidFen: 20_000 }, adjustments)).toEqual([]);
    expect(owedSince(march.dueOn, [])).toBe('2023-03-31');
  });

  it('counts the limitation period three years from the raise’s due date, a demand before it interrupting nothing', () => {
    // Civil Code art. 188 from 2026-05-31: 2029-05-31 (past the holiday data: the plain last day). Before, from
    // 2023-03-31: 2026-03-31, so the raise was time-barred two months before it was billed.
    const line = lineOf('2026-06-15');
    expect(line).toMatchObject({ owedSince: '2026-05-31', limitationEndsOn: '2029-05-31', openFen: 10_000 });
    // A letter delivered on 2026-06-10, after the raise fell due, restarts it from then (arts. 195, 188).
    expect(lineOf('2026-06-15', [letter('2026-05-20'), letter('2026-06-10')]).limitationEndsOn).toBe('2029-06-10');
  });
});
