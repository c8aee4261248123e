import { BilledCharge } from './charge';
import { claimLines } from './claim';

const charge = (
  chargeId: string,
  month: string,
  dueOn: string,
  amountFen: number,
  paidFen = 0,
  waivedFen = 0,
): BilledCharge => ({
  chargeId,
  kind: 'SERVICE_FEE',
  month,
  levyId: null,
  filingId: 'f1',
  dueOn,
  amountFen,
  paidFen,
  waivedFen,
  floorAreaCentiM2: 9_482,
  servedDays: null,
  parts: null,
  rateFen: 100,
  voluntary: false,
});

describe('claim lines', () => {
  it('restarts the limitation period of the charges a step or part payment names, and counts late fees on what stayed open', () => {
    const jan = charge('c1', '2024-01', '2024-01-31', 9_482, 5_000);
    const feb = charge('c2', '2024-02', '2024-02-29', 9_482, 0, 482);
    const letter = {
      kind: 'LETTER' as const,
      on: '2024-06-01',
      deliveredOn: '2024-06-03',
      chargeIds: ['c2'],
      note: null,
    };
    const lines = claimLines(
      {
        charges: [jan, feb],
        actions: [
          {
            actionId: 'a1',
            kind: 'LETTER',
            on: '2024-06-01',
            chargeIds: ['c2'],
            action: letter,
            recordedByRole: 'PROPERTY_COMPANY',
          },
        ],
        payments: [{ chargeId: 'c1', fen: 5_000, paidOn: '2024-02-10' }],
        adjustments: [
          {
            chargeId: 'c2',
            kind: 'WAIVER',
            fen: 482,
            amountBeforeFen: 9_482,
            amountAfterFen: 9_482,
            reason: '减免',
            on: '2024-02-29',
          },
        ],
      },
      new Map([['f1', { dailyRatePerTenThousand: 5, graceDays: 0 }]]),
      '2024-03-01',
    );
    expect(lines.charges.map((c) => [c.chargeId, c.openFen, c.limitationEndsOn, c.lateFeeFen])).toEqual([
      // 10 days on 9,482 and 20 on 4,482 (late-fee.test.ts); the part payment of 2024-02-10 restarted the period.
      ['c1', 4_482, '2027-02-10', 92],
      // One day late on the 9,000 left after the waiver; the letter restarted the period from its arrival.
      ['c2', 9_000, '2027-06-03', 5],
    ]);
    expect(lines.actions).toHaveLength(1);
    expect(lines.adjustments).toHaveLength(1);
  });

  it("restarts a former owner's month only for the former owner's own part payment, not for the new owner's money", () => {
    // The flat was sold on 2024-06-15 (ownerSince). January was the seller's: their 5,000 of 2024-03-10 restarted its
    // period (法释〔2020〕17号 art. 14: 义务人作出…部分履行); the buyer's 1,000 toward it on 2024-08-20 pays but is not
    // the seller's act. July is the buyer's own month, which their payment restarts.
    const jan = charge('c1', '2024-01', '2024-01-31', 9_482, 6_000);
    const jul = charge('c2', '2024-07', '2024-07-31', 9_482, 1_000);
    const lines = claimLines(
      {
        charges: [jan, jul],
        actions: [],
        payments: [
          { chargeId: 'c1', fen: 5_000, paidOn: '2024-03-10' },
          { chargeId: 'c1', fen: 1_000, paidOn: '2024-08-20' },
          { chargeId: 'c2', fen: 1_000, paidOn: '2024-08-20' },
        ],
        adjustments: [],
        ownerSince: '2024-06-15',
      },
      new Map([['f1', null]]),
      '2024-09-01',
    );
    expect(lines.charges.map((c) => [c.chargeId, c.openFen, c.limitationEndsOn])).toEqual([
      ['c1', 3_482, '2027-03-10'],
      ['c2', 8_482, '2027-08-20'],
    ]);
  });

  it('counts a waiver a later correction shrank only as far as it still forgives', () => {
    // 10,000 fen billed, 4,000 waived on 2024-02-10, then corrected to 3,000 (wrong floor area): the waiver shrank to
    // 3,000 and nothing is open. It forgave all 3,000 from its day: the fee runs on 3,000 for the 10 days before.
    const corrected = charge('c1', '2024-01', '2024-01-31', 3_000, 0, 3_000);
    const adjustment = (kind: 'WAIVER' | 'CORRECTION', fen: number | null, before: number, after: number) => ({
      chargeId: 'c1',
      kind,
      fen,
      amountBeforeFen: before,
      amountAfterFen: after,
      reason: kind === 'WAIVER' ? '减免' : '面积有误',
      on: kind === 'WAIVER' ? '2024-02-10' : '2024-02-20',
    });
    const lines = claimLines(
      {
        charges: [corrected],
        actions: [],
        payments: [],
        adjustments: [adjustment('WAIVER', 4_000, 10_000, 10_000), adjustment('CORRECTION', null, 10_000, 3_000)],
      },
      new Map([['f1', { dailyRatePerTenThousand: 5, graceDays: 0 }]]),
      '2024-03-01',
    );
    // 3,000 × 5/10,000 × 10 days = 15 fen.
    expect(lines.charges[0]).toMatchObject({ openFen: 0, lateFeeFen: 15 });
  });

  it('counts no late fee where the contract has none', () => {
    const lines = claimLines(
      { charges: [charge('c1', '2024-01', '2024-01-31', 9_482)], actions: [], payments: [], adjustments: [] },
      new Map([['f1', null]]),
      '2025-01-31',
    );
    expect(lines.charges[0]).toMatchObject({ openFen: 9_482, lateFeeFen: 0, limitationEndsOn: '2027-01-31' });
  });

  it('tells whether the terms run a late fee on a charge, though it is 0 within the grace period', () => {
    const lines = (terms: { dailyRatePerTenThousand: number; graceDays: number } | null, asOf: string) =>
      claimLines(
        { charges: [charge('c1', '2026-11', '2026-11-30', 9_482)], actions: [], payments: [], adjustments: [] },
        new Map([['f1', terms]]),
        asOf,
      ).charges[0];
    // The day after the November fee fell due, 30 grace days: 0 today, and the fee runs (helper-268's audit).
    expect(lines({ dailyRatePerTenThousand: 3, graceDays: 30 }, '2026-12-01')).toMatchObject({
      lateFeeFen: 0,
      lateFeeRuns: true,
    });
    expect(lines({ dailyRatePerTenThousand: 0, graceDays: 30 }, '2027-06-01')).toMatchObject({ lateFeeRuns: false });
    expect(lines(null, '2027-06-01')).toMatchObject({ lateFeeFen: 0, lateFeeRuns: false });
  });

  it("shows no late fee on a charge whose late fee the company waived, and still the others'", () => {
    const ledger = (adjustments: Parameters<typeof claimLines>[0]['adjustments']) =>
      claimLines(
        {
          charges: [charge('c1', '2024-01', '2024-01-31', 9_482), charge('c2', '2024-02', '2024-02-29', 9_482)],
          actions: [],
          payments: [],
          adjustments,
        },
        new Map([['f1', { dailyRatePerTenThousand: 5, graceDays: 0 }]]),
        '2024-03-31',
      ).charges.map((c) => [c.chargeId, c.openFen, c.lateFeeFen, c.lateFeeWaived]);
    const before = ledger([]);
    expect(before.map(([, , fee]) => Number(fee) > 0)).toEqual([true, true]);
    const waiver = {
      chargeId: 'c1',
      kind: 'LATE_FEE_WAIVER' as const,
      fen: before[0][2] as number,
      amountBeforeFen: 9_482,
      amountAfterFen: 9_482,
      reason: '免收滞纳金',
      on: '2024-03-10',
    };
    expect(ledger([waiver])).toEqual([['c1', 9_482, 0, true], before[1]]);
  });
});
