import { rejection } from '../../../test/support/rejection';
import { ArrearsMonth, CostLine, PenaltyLine, buildComplaintClaims, describeMonths, squareMetres, yuan } from './claim';

/** Seed 003: a high-rise flat of 56.78 m² at the owner rate of ¥1.67: 9,482.26 fen → ¥94.82 a month. */
const month = (m: string, paidFen = 0): ArrearsMonth => ({
  month: m,
  floorAreaCentiM2: 5_678,
  rateFenPerM2Month: 167,
  paidFen,
});
const penalties: PenaltyLine[] = [
  { label: '2023-01 fee', amountFen: 1_209, computation: '¥94.82 × 0.03% × 425 days = ¥12.09' },
  { label: '2023-02 fee', amountFen: 1_124, computation: '¥94.82 × 0.03% × 395 days = ¥11.24' },
];
const costs: CostLine[] = [{ kind: 'COURT_COSTS', label: 'court fee', amountFen: 2_500 }];

describe('element-based complaint claims', () => {
  it('computes each month in words and totals exactly', () => {
    const claims = buildComplaintClaims({
      arrears: [month('2023-02'), month('2023-01'), month('2023-03', 2_000)],
      penalties,
      costs,
    });
    expect(claims.feeLines.map((l) => [l.month, l.amountFen, l.computation])).toEqual([
      ['2023-01', 9_482, '56.78 m² × ¥1.67 = ¥94.82'],
      ['2023-02', 9_482, '56.78 m² × ¥1.67 = ¥94.82'],
      ['2023-03', 7_482, '56.78 m² × ¥1.67 = ¥94.82, less ¥20.00 paid = ¥74.82'],
    ]);
    expect(claims).toMatchObject({
      feeTotalFen: 26_446,
      penaltyTotalFen: 2_333,
      costsTotalFen: 2_500,
      amountInDisputeFen: 28_779,
      grandTotalFen: 31_279,
    });
    expect(claims.feeExplanation).toBe(
      'Property service fees owed for 3 months (2023-01 to 2023-03): ¥264.46, the sum of the monthly lines',
    );
    expect(claims.penaltyExplanation).toBe(
      'Penalty for late payment: ¥23.33, the sum of 2 lines computed under the contract: 2023-01 fee: ¥94.82 × 0.03% × 425 days = ¥12.09; 2023-02 fee: ¥94.82 × 0.03% × 395 days = ¥11.24',
    );
    expect(claims.costsExplanation).toBe(
      'Court costs, as the court assesses them: ¥25.00 as the company states them = court fee ¥25.00',
    );
    expect(claims.grandTotalExplanation).toBe('Total: fees ¥264.46 + penalty ¥23.33 + costs ¥25.00 = ¥312.79');
    expect(claims.statements).toEqual([
      '1. Order the defendant to pay property service fees of ¥264.46 for 2023-01 to 2023-03',
      '2. Order the defendant to pay a penalty for late payment of ¥23.33',
      '3. Order the defendant to bear the court costs (court fee)',
    ]);
  });

  it('claims a sum other than court costs as a claim of its own, in the amount in dispute (诉讼费用交纳办法 art. 6)', () => {
    // A lawyer's fee is no 诉讼费用: before, it was stated as court costs, outside 标的额 and the procedure's test.
    const claims = buildComplaintClaims({
      arrears: [month('2023-01')],
      penalties: [],
      costs: [
        { kind: 'OTHER_CLAIM', label: '律师费', amountFen: 300_000 },
        { kind: 'COURT_COSTS', label: '案件受理费', amountFen: 2_500 },
      ],
    });
    expect(claims).toMatchObject({
      feeTotalFen: 9_482,
      otherClaimsTotalFen: 300_000,
      otherClaimLines: [{ kind: 'OTHER_CLAIM', label: '律师费', amountFen: 300_000 }],
      costsTotalFen: 2_500,
      costLines: [{ kind: 'COURT_COSTS', label: '案件受理费', amountFen: 2_500 }],
      amountInDisputeFen: 309_482,
      grandTotalFen: 311_982,
      otherClaimsExplanation: 'Other claims: ¥3,000.00 = 律师费 ¥3,000.00',
      grandTotalExplanation: 'Total: fees ¥94.82 + penalty ¥0.00 + other claims ¥3,000.00 + costs ¥25.00 = ¥3,119.82',
    });
    expect(claims.statements).toEqual([
      '1. Order the defendant to pay property service fees of ¥94.82 for 2023-01',
      '2. Order the defendant to pay 律师费 of ¥3,000.00',
      '3. Order the defendant to bear the court costs (案件受理费)',
    ]);
  });

  it('takes a cost without a kind, as packages made before kinds hold them, for court costs', () => {
    const claims = buildComplaintClaims({
      arrears: [month('2023-01')],
      penalties: [],
      costs: [{ label: '诉讼费', amountFen: 5_000 }],
    });
    expect(claims).toMatchObject({ costsTotalFen: 5_000, otherClaimsTotalFen: 0, amountInDisputeFen: 9_482 });
  });

  it('claims a month handed over for the days served, with the days in words, and checks them', () => {
    // The company's contract began on 16 March 2026: 56.78 m² × ¥1.67 × 16/31 = 48.9407 → ¥48.94.
    const claims = buildComplaintClaims({
      arrears: [{ ...month('2026-03'), servedDays: 16 }, month('2026-04')],
      penalties: [],
      costs: [],
    });
    expect(claims.feeLines.map((l) => [l.month, l.servedDays, l.amountFen, l.computation])).toEqual([
      ['2026-03', 16, 4_894, '56.78 m² × ¥1.67 × 16/31 days = ¥48.94'],
      ['2026-04', null, 9_482, '56.78 m² × ¥1.67 = ¥94.82'],
    ]);
    expect(claims.feeTotalFen).toBe(4_894 + 9_482);
    // Paid in full for its days, the month is no arrears; days the month has not, or a fraction, are refused.
    expect(
      rejection(() =>
        buildComplaintClaims({ arrears: [{ ...month('2026-03', 4_894), servedDays: 16 }], penalties: [], costs: [] }),
      ).details?.fields,
    ).toEqual({ 'arrears[0].paidFen': 'a month paid, waived or corrected off in full is not in arrears' });
    for (const servedDays of [0, 31, 1.5])
      expect(
        Object.keys(
          rejection(() =>
            buildComplaintClaims({ arrears: [{ ...month('2026-04'), servedDays }], penalties: [], costs: [] }),
          ).details?.fields as object,
        ),
      ).toEqual(['arrears[0].servedDays']);
  });

  it('claims a month billed in parts at each rate for its days, rounded once, and checks the parts', () => {
    // A contract ended on 15 March 2026 and the company's renewal began on the 16th at another rate.
    const parts = [
      { rateFenPerM2Month: 150, days: 15 },
      { rateFenPerM2Month: 200, days: 16 },
    ];
    const march = { month: '2026-03', floorAreaCentiM2: 10_000, rateFenPerM2Month: 200, paidFen: 0 };
    const claims = buildComplaintClaims({ arrears: [{ ...march, parts }], penalties: [], costs: [] });
    expect(claims.feeLines.map((l) => [l.servedDays, l.parts, l.chargedFen, l.computation])).toEqual([
      [null, parts, 17_581, '100.00 m² × (¥1.50 × 15/31 + ¥2.00 × 16/31 days) = ¥175.81'],
    ]);
    // Days that do not add up to the month's (or to servedDays), one part, a last rate not the month's: refused.
    for (const wrong of [
      { parts: [parts[0], { ...parts[1], days: 15 }] },
      { parts: [parts[1]] },
      { parts: [parts[0], parts[1]], rateFenPerM2Month: 150 },
      { parts, servedDays: 20 },
    ])
      expect(
        Object.keys(
          rejection(() => buildComplaintClaims({ arrears: [{ ...march, ...wrong }], penalties: [], costs: [] })).details
            ?.fields as object,
        ),
      ).toEqual(['arrears[0].parts']);
  });

  it('claims a month whose first part the contract charged owners nothing for (rate 0): its days at ¥0.00', () => {
    // Contracts accept an owner rate of 0 (the subsidy paying it all): the renewal's days alone are owed. Before, the
    // claims were refused as invalid (arrears[0].parts), so no complaint could be drafted for the account.
    const parts = [
      { rateFenPerM2Month: 0, days: 15 },
      { rateFenPerM2Month: 200, days: 16 },
    ];
    const march = { month: '2026-03', floorAreaCentiM2: 10_000, rateFenPerM2Month: 200, paidFen: 0 };
    const claims = buildComplaintClaims({ arrears: [{ ...march, parts }], penalties: [], costs: [] });
    // 100 × ¥2.00 × 16/31 = ¥103.23
    expect(claims.feeLines.map((l) => [l.parts, l.chargedFen, l.computation])).toEqual([
      [parts, 10_323, '100.00 m² × (¥0.00 × 15/31 + ¥2.00 × 16/31 days) = ¥103.23'],
    ]);
    // A negative or fractional part's rate is still refused, and so is a month's (last part's) rate of 0.
    for (const wrong of [
      { parts: [{ rateFenPerM2Month: -1, days: 15 }, parts[1]] },
      { parts: [{ rateFenPerM2Month: 0.5, days: 15 }, parts[1]] },
    ])
      expect(
        Object.keys(
          rejection(() => buildComplaintClaims({ arrears: [{ ...march, ...wrong }], penalties: [], costs: [] })).details
            ?.fields as object,
        ),
      ).toEqual(['arrears[0].parts']);
    expect(
      Object.keys(
        rejection(() =>
          buildComplaintClaims({
            arrears: [{ ...march, rateFenPerM2Month: 0, parts: [parts[1], { rateFenPerM2Month: 0, days: 15 }] }],
            penalties: [],
            costs: [],
          }),
        ).details?.fields as object,
      ),
    ).toContain('arrears[0].rateFenPerM2Month');
  });

  it('claims fees alone when there is no penalty or cost', () => {
    const claims = buildComplaintClaims({ arrears: [month('2023-01')], penalties: [], costs: [] });
    expect(claims).toMatchObject({
      penaltyTotalFen: 0,
      costsTotalFen: 0,
      grandTotalFen: 9_482,
      penaltyExplanation: 'No penalty is claimed',
      costsExplanation: 'No costs are claimed',
    });
    expect(claims.feeExplanation).toMatch(/for 1 month \(2023-01\)/);
    expect(claims.statements).toEqual(['1. Order the defendant to pay property service fees of ¥94.82 for 2023-01']);
  });

  it('keeps a year of large flats exact to the fen (no float drift)', () => {
    // 123.45 m² × ¥2.45 = 30,245.25 fen → 30,245 each month; twelve months 362,940 fen.
    const arrears = Array.from({ length: 12 }, (_, i) => ({
      month: `2022-${String(i + 1).padStart(2, '0')}`,
      floorAreaCentiM2: 12_345,
      rateFenPerM2Month: 245,
      paidFen: 0,
    }));
    const claims = buildComplaintClaims({
      arrears,
      penalties: [{ label: 'all months', amountFen: 1, computation: 'agreed' }],
      costs: [],
    });
    expect(claims.feeTotalFen).toBe(362_940);
    expect(claims.grandTotalFen).toBe(362_941);
    expect(claims.feeExplanation).toContain('¥3,629.40');
  });

  it.each<[number, string]>([
    [0, '¥0.00'],
    [9_482, '¥94.82'],
    [5_432_300, '¥54,323.00'],
    [24_344_800, '¥243,448.00'],
    [12_345_678_900, '¥123,456,789.00'],
  ])('writes %i fen as %s', (fen, text) => {
    expect(yuan(fen)).toBe(text);
  });

  it.each<[number, string]>([
    [5_678, '56.78 m²'],
    [5, '0.05 m²'],
    [300_000_000, '3000000.00 m²'],
  ])('writes %i centi-m² as %s', (area, text) => {
    expect(squareMetres(area)).toBe(text);
  });

  it.each<[string[], string]>([
    [['2023-03', '2023-01', '2023-02', '2023-05'], '2023-01 to 2023-03, 2023-05'],
    [['2022-12', '2023-01'], '2022-12 to 2023-01'],
    [['2023-07'], '2023-07'],
  ])('describes months %j as %s', (months, text) => {
    expect(describeMonths(months)).toBe(text);
  });

  it.each<[string, Parameters<typeof buildComplaintClaims>[0], string[]]>([
    ['no arrears', { arrears: [], penalties: [], costs: [] }, ['arrears']],
    [
      'a month twice and a zero rate',
      { arrears: [month('2023-01'), { ...month('2023-01'), rateFenPerM2Month: 0 }], penalties: [], costs: [] },
      ['arrears[1].month', 'arrears[1].rateFenPerM2Month'],
    ],
    [
      'a zero rate and a negative payment, both named',
      { arrears: [{ ...month('2023-01', -1), rateFenPerM2Month: 0 }], penalties: [], costs: [] },
      ['arrears[0].paidFen', 'arrears[0].rateFenPerM2Month'],
    ],
    ['a month paid in full', { arrears: [month('2023-01', 9_482)], penalties: [], costs: [] }, ['arrears[0].paidFen']],
    [
      'a float area',
      { arrears: [{ ...month('2023-01'), floorAreaCentiM2: 56.78 }], penalties: [], costs: [] },
      ['arrears[0].floorAreaCentiM2'],
    ],
    [
      'an unexplained penalty and a negative cost',
      {
        arrears: [month('2023-01')],
        penalties: [{ label: 'x', amountFen: 5, computation: ' ' }],
        costs: [{ label: 'fee', amountFen: -1 }],
      },
      ['costs[0]', 'penalties[0]'],
    ],
  ])('rejects %s, naming the fields', (_label, input, fields) => {
    const error = rejection(() => buildComplaintClaims(input));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(error.details?.fields as object).sort()).toEqual(fields);
  });
});
