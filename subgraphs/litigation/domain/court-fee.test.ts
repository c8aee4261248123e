import { caseAcceptanceFee, caseAcceptanceFeeFen, caseAcceptanceFeeTotal } from './court-fee';
import { CASE_ACCEPTANCE_FEE_BANDS, CASE_ACCEPTANCE_FEE_MINIMUM_FEN } from './statutes';

describe('the case acceptance fee of a property case (诉讼费用交纳办法 art. 13 item 1)', () => {
  it('holds the statutory bands: ¥50 up to ¥10,000, then 2.5%, 2%, 1.5%, 1%, 0.9%, 0.8%, 0.7%, 0.6%, 0.5%', () => {
    expect(CASE_ACCEPTANCE_FEE_MINIMUM_FEN).toBe(5_000);
    expect(CASE_ACCEPTANCE_FEE_BANDS.map((b) => [b.aboveFen / 100, b.perTenThousand / 100])).toEqual([
      [10_000, 2.5],
      [100_000, 2],
      [200_000, 1.5],
      [500_000, 1],
      [1_000_000, 0.9],
      [2_000_000, 0.8],
      [5_000_000, 0.7],
      [10_000_000, 0.6],
      [20_000_000, 0.5],
    ]);
  });

  it.each<[string, number, number]>([
    ['a year of fees, ¥3,000: the flat ¥50', 300_000, 5_000],
    ['¥10,000 exactly ("不超过1万元的"): still ¥50', 1_000_000, 5_000],
    ['one fen more: 2.5% of a fen rounds away', 1_000_001, 5_000],
    // ¥50 + 2.5% × ¥2,345.67 = ¥50 + ¥58.64175
    ['¥12,345.67', 1_234_567, 10_864],
    // ¥50 + 2.5% × ¥90,000 = ¥2,300
    ['¥100,000', 10_000_000, 230_000],
    // ¥50 + ¥2,250 + 2% × ¥100,000 + 1.5% × ¥300,000 + 1% × ¥500,000 = ¥13,800
    ['¥1,000,000', 100_000_000, 1_380_000],
    // ¥13,800 + ¥9,000 (0.9% × ¥1M) + ¥24,000 (0.8% × ¥3M) + ¥35,000 (0.7% × ¥5M) + ¥60,000 (0.6% × ¥10M)
    // + ¥50,000 (0.5% × ¥10M)
    ['¥30,000,000: ¥191,800', 3_000_000_000, 19_180_000],
  ])('%s', (_label, amountFen, feeFen) => {
    expect(caseAcceptanceFeeFen(amountFen)).toBe(feeFen);
  });

  it('halves it on docketing for a small claim, tried under the simple procedure (art. 16), rounding half a fen up', () => {
    // ¥50 + 2.5% × ¥2,346 = ¥108.65, half ¥54.325
    expect(caseAcceptanceFee(1_234_600, 'SMALL_CLAIMS')).toMatchObject({
      fullFen: 10_865,
      onDocketingFen: 5_433,
      halvedUnder: expect.stringContaining('art. 16'),
    });
    expect(caseAcceptanceFee(300_000, 'SMALL_CLAIMS_BY_CONSENT').onDocketingFen).toBe(2_500);
    // the simple or the ordinary procedure, the court has not said which: the full fee
    expect(caseAcceptanceFee(300_000, 'SIMPLE_OR_ORDINARY')).toEqual({
      fullFen: 5_000,
      onDocketingFen: 5_000,
      halvedUnder: null,
      legalBasis: '诉讼费用交纳办法 art. 13 item 1',
    });
  });

  it('refuses an amount that is not whole fen', () => {
    expect(() => caseAcceptanceFeeFen(-1)).toThrow(RangeError);
    expect(() => caseAcceptanceFeeFen(1.5)).toThrow(RangeError);
  });
});

describe("a consolidated batch's case acceptance fees: each case's fee on its own amount, added up", () => {
  it('adds each case’s fee under its own procedure, halved per case, each rounded to the fen on its own', () => {
    const batch = [
      // ¥50 + 2.5% × ¥2,345.67 = ¥108.64175 → ¥108.64; a small claim: half, ¥54.32
      { amountInDisputeFen: 1_234_567, procedure: 'SMALL_CLAIMS' },
      // ¥50 flat; a small claim by consent: half, ¥25
      { amountInDisputeFen: 300_000, procedure: 'SMALL_CLAIMS_BY_CONSENT' },
      // ¥50 + 2.5% × ¥90,000 + 2% × ¥100,000 + 1.5% × ¥50,000 = ¥50 + ¥2,250 + ¥2,000 + ¥750 = ¥5,050, not halved
      { amountInDisputeFen: 25_000_000, procedure: 'SIMPLE_OR_ORDINARY' },
    ];
    expect(caseAcceptanceFeeTotal(batch)).toEqual({
      caseCount: 3,
      halvedCaseCount: 2,
      fullFen: 10_864 + 5_000 + 505_000,
      onDocketingFen: 5_432 + 2_500 + 505_000,
      legalBasis: expect.stringContaining('每件'),
    });
    // Not the scale on the combined ¥265,345.67: ¥50 + ¥2,250 + ¥2,000 + 1.5% × ¥65,345.67 = ¥5,280.18505.
    expect(caseAcceptanceFeeFen(26_534_567)).toBe(528_019);
    expect(caseAcceptanceFeeTotal(batch).fullFen).toBe(520_864);
  });

  it('charges the ¥50 of art. 13 item 1 per case: two ¥3,000 claims cost ¥100, where one ¥6,000 claim costs ¥50', () => {
    const two = [300_000, 300_000].map((amountInDisputeFen) => ({ amountInDisputeFen, procedure: 'UNDETERMINED' }));
    expect(caseAcceptanceFeeTotal(two)).toMatchObject({ caseCount: 2, halvedCaseCount: 0, fullFen: 10_000 });
    expect(caseAcceptanceFeeFen(600_000)).toBe(5_000);
  });

  it('is nothing for a batch of no cases, and refuses an amount that is not whole fen as a case’s fee does', () => {
    expect(caseAcceptanceFeeTotal([])).toMatchObject({ caseCount: 0, fullFen: 0, onDocketingFen: 0 });
    expect(() => caseAcceptanceFeeTotal([{ amountInDisputeFen: -1, procedure: null }])).toThrow(RangeError);
  });
});
