import { rejection } from '../../../test/support/rejection';
import { LateFeeBasis, LateFeeTerms, carriesLateFee, graceEndsOn, lateFeeFen, shownLateFee } from './late-fee';

/** Seed 003's 9,482 fen monthly fee, due 2024-01-31; 万分之五 a day is a common contract term (demo, not a seed figure). */
const jan: LateFeeBasis = { dueOn: '2024-01-31', principalFen: 9_482, reductions: [] };
const fivePerTenThousand: LateFeeTerms = { dailyRatePerTenThousand: 5, graceDays: 0 };

describe('graceEndsOn (Civil Code arts. 201, 203)', () => {
  it('moves a last grace day in a holiday to the next working day, and refuses past the holiday data', () => {
    expect(graceEndsOn('2026-09-18', 15)).toBe('2026-10-08'); // 3 October 2026, National Day
    expect(graceEndsOn('2024-03-04', 15)).toBe('2024-03-19'); // a Tuesday: not moved
    expect(graceEndsOn('2026-12-31', 0)).toBe('2026-12-31');
    expect(rejection(() => graceEndsOn('2026-12-31', 10)).code).toBe('OUTSIDE_HOLIDAY_CALENDAR');
    // Within the plain count of grace days no fee runs, so no calendar is needed.
    expect(lateFeeFen({ ...jan, dueOn: '2026-12-31' }, { ...fivePerTenThousand, graceDays: 10 }, '2027-01-10')).toBe(0);
  });
});

describe('shownLateFee past the holiday data', () => {
  it('waits for the missing year instead of refusing or charging grace days (0 meanwhile, the year named)', () => {
    const terms = { ...fivePerTenThousand, graceDays: 15 };
    // Due 2026-12-15: the plain 15th grace day, 30 December, is past 2026-12-24.
    expect(shownLateFee({ ...jan, dueOn: '2026-12-15' }, terms, '2027-01-20')).toEqual({
      fen: 0,
      awaitsHolidayYear: 2027,
    });
    expect(shownLateFee(jan, fivePerTenThousand, '2024-03-01')).toEqual({ fen: 142, awaitsHolidayYear: null });
    expect(shownLateFee({ ...jan, dueOn: '2026-12-15' }, terms, '2026-12-30')).toEqual({
      fen: 0,
      awaitsHolidayYear: null,
    });
  });
});

describe('lateFeeFen', () => {
  const cases: [string, LateFeeBasis, LateFeeTerms | null, string, number][] = [
    ['no late-fee terms in the contract', jan, null, '2025-01-31', 0],
    ['on the due date', jan, fivePerTenThousand, '2024-01-31', 0],
    ['before the due date', jan, fivePerTenThousand, '2024-01-01', 0],
    ['30 days late: 9,482 × 30 × 0.0005 = 142.23', jan, fivePerTenThousand, '2024-03-01', 142],
    ['within the grace days', jan, { ...fivePerTenThousand, graceDays: 15 }, '2024-02-15', 0],
    // 15 grace days end on 2024-02-15, in the Spring Festival holiday (10–17 February): art. 203 moves the end to
    // Sunday the 18th (worked in lieu), so the fee runs 12 days to 1 March: 9,482 × 12 × 0.0005 = 56.892.
    [
      '12 days after the grace days moved by art. 203: 56.892',
      jan,
      { ...fivePerTenThousand, graceDays: 15 },
      '2024-03-01',
      57,
    ],
    ['on the moved last grace day', jan, { ...fivePerTenThousand, graceDays: 15 }, '2024-02-18', 0],
    ['the day after it: 4.741', jan, { ...fivePerTenThousand, graceDays: 15 }, '2024-02-19', 5],
    [
      'part paid on day 10: 10 days on 9,482 and 20 on 4,482 = 92.23',
      { ...jan, reductions: [{ on: '2024-02-10', fen: 5_000 }] },
      fivePerTenThousand,
      '2024-03-01',
      92,
    ],
    [
      'part paid in the grace days: all 12 days on 4,482 = 26.892',
      { ...jan, reductions: [{ on: '2024-02-05', fen: 5_000 }] },
      { ...fivePerTenThousand, graceDays: 15 },
      '2024-03-01',
      27,
    ],
    [
      'paid in full on day 10: the fee stops there, day 10 included (47.41)',
      { ...jan, reductions: [{ on: '2024-02-10', fen: 9_482 }] },
      fivePerTenThousand,
      '2024-12-31',
      47,
    ],
    [
      'a payment after asOf is not known yet',
      { ...jan, reductions: [{ on: '2024-03-02', fen: 9_482 }] },
      fivePerTenThousand,
      '2024-03-01',
      142,
    ],
    [
      'capped at 10% of the principal: 948.2',
      jan,
      { ...fivePerTenThousand, capPercentOfPrincipal: 10 },
      '2025-03-06',
      948,
    ],
    ['below the cap', jan, { ...fivePerTenThousand, capPercentOfPrincipal: 10 }, '2024-03-01', 142],
    ['a cap of 0%', jan, { ...fivePerTenThousand, capPercentOfPrincipal: 0 }, '2024-03-01', 0],
  ];
  // By name, so the title shows the expected fee (printf's %i took the second value, the basis: "→ NaN fen").
  it.each(cases.map(([name, basis, terms, asOf, fen]) => ({ name, basis, terms, asOf, fen })))(
    '$name → $fen fen',
    ({ basis, terms, asOf, fen }) => {
      expect(lateFeeFen(basis, terms, asOf)).toBe(fen);
    },
  );

  it.each<[number, number]>([
    // 1,000 fen at 万分之五 is half a fen a day: rounded once, half up, per charge, never day by day.
    [1, 1], // 0.5
    [3, 2], // 1.5 (rounding each day would give 3)
    [5, 3], // 2.5 (half-even would give 2)
  ])('rounds %i days on 1,000 fen once, half up, to %i fen', (days, fen) => {
    const asOf = `2024-02-${String(days).padStart(2, '0')}`;
    expect(lateFeeFen({ dueOn: '2024-01-31', principalFen: 1_000, reductions: [] }, fivePerTenThousand, asOf)).toBe(
      fen,
    );
  });

  describe('is never compounded', () => {
    // 10,000 fen at 万分之五 earns exactly 5 fen a day, so every result is exact and rounding cannot hide growth.
    const tenThousand: LateFeeBasis = { dueOn: '2023-12-31', principalFen: 10_000, reductions: [] };

    it.each<[string, number]>([
      ['2024-01-30', 30],
      ['2024-02-29', 60],
      ['2024-12-31', 366],
      ['2026-12-31', 1_096],
    ])('as of %s (%i days) the fee is exactly 5 fen a day', (asOf, days) => {
      expect(lateFeeFen(tenThousand, fivePerTenThousand, asOf)).toBe(5 * days);
    });

    it('charges the second 30 days on the principal, not on principal + the first 30 days’ fee', () => {
      const first = lateFeeFen(tenThousand, fivePerTenThousand, '2024-01-30');
      const both = lateFeeFen(tenThousand, fivePerTenThousand, '2024-02-29');
      // Compounding would charge (10,000 + 150) × 30 × 5 ten-thousandths of a fen in the second month: 152.25 fen.
      const compoundedTenThousandths = first * 10_000 + (10_000 + first) * 30 * 5;
      expect([first, both]).toEqual([150, 300]);
      expect(both).toBe(2 * first);
      expect(compoundedTenThousandths).toBe(3_022_500);
      expect(both * 10_000).toBeLessThan(compoundedTenThousandths);
    });
  });

  it.each<[string, LateFeeBasis, LateFeeTerms, Record<string, string>]>([
    [
      'a fractional rate',
      jan,
      { dailyRatePerTenThousand: 0.5, graceDays: 0 },
      { dailyRatePerTenThousand: expect.any(String) },
    ],
    ['negative grace days', jan, { dailyRatePerTenThousand: 5, graceDays: -1 }, { graceDays: expect.any(String) }],
    [
      'a fractional cap',
      jan,
      { ...fivePerTenThousand, capPercentOfPrincipal: 12.5 },
      { capPercentOfPrincipal: expect.any(String) },
    ],
    [
      'payments above the principal',
      {
        ...jan,
        reductions: [
          { on: '2024-02-01', fen: 9_000 },
          { on: '2024-02-02', fen: 483 },
        ],
      },
      fivePerTenThousand,
      { reductions: expect.any(String) },
    ],
    [
      'a bad reduction',
      { ...jan, reductions: [{ on: 'someday', fen: 1 }] },
      fivePerTenThousand,
      { 'reductions[0]': expect.any(String) },
    ],
    [
      'a fractional principal',
      { ...jan, principalFen: 94.82 },
      fivePerTenThousand,
      { principalFen: expect.any(String) },
    ],
  ])('refuses %s', (_name, basis, terms, fields) => {
    const error = rejection(() => lateFeeFen(basis, terms, '2024-03-01'));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toEqual({ fields });
  });
});

describe('lateFeeFen at a monthly rate (每逾期一个月, Civil Code art. 202)', () => {
  // 1% a month (万分之100) on seed 003's 9,482 fen, due 2024-01-31: each full month costs 94.82 yuan-fen exactly.
  const onePercentMonthly: LateFeeTerms = { monthlyRatePerTenThousand: 100, graceDays: 0 };
  it.each<[string, LateFeeBasis, LateFeeTerms, string, number]>([
    ['a month not yet full (ends 2024-02-29, no 31 February)', jan, onePercentMonthly, '2024-02-28', 0],
    ['one full month: 9,482 × 1% = 94.82', jan, onePercentMonthly, '2024-02-29', 95],
    ['three full months (to 29 Feb, 31 Mar, 30 Apr): 284.46', jan, onePercentMonthly, '2024-05-29', 284],
    [
      '5,000 paid on 15 March relieves the month ending 31 March: (9,482 + 4,482 + 4,482) × 1% = 184.46',
      { ...jan, reductions: [{ on: '2024-03-15', fen: 5_000 }] },
      onePercentMonthly,
      '2024-04-30',
      184,
    ],
    [
      'capped at 2% of the principal: 189.64',
      jan,
      { ...onePercentMonthly, capPercentOfPrincipal: 2 },
      '2024-04-30',
      190,
    ],
    // 15 grace days end on Sunday 2024-02-18 (art. 203, above): the first month is full on 2024-03-18.
    [
      'the day before the first month after grace is full',
      jan,
      { ...onePercentMonthly, graceDays: 15 },
      '2024-03-17',
      0,
    ],
    ['the first month after grace', jan, { ...onePercentMonthly, graceDays: 15 }, '2024-03-18', 95],
  ])('%s', (_, basis, terms, asOf, fen) => {
    expect(lateFeeFen(basis, terms, asOf)).toBe(fen);
  });

  it('refuses terms with both rates or neither', () => {
    const both = rejection(() => lateFeeFen(jan, { ...onePercentMonthly, dailyRatePerTenThousand: 5 }, '2024-04-30'));
    expect(both.code).toBe('BAD_USER_INPUT');
    expect(both.details).toEqual({ fields: { rate: expect.any(String) } });
    expect(rejection(() => lateFeeFen(jan, { graceDays: 0 }, '2024-04-30')).code).toBe('BAD_USER_INPUT');
  });
});

describe('carriesLateFee (the heavier burden of Civil Code art. 560 para. 2)', () => {
  it.each<[string, Parameters<typeof carriesLateFee>[0], boolean]>([
    ['no terms', null, false],
    ['a daily rate', { dailyRatePerTenThousand: 5, graceDays: 0 }, true],
    ['a monthly rate under a cap', { monthlyRatePerTenThousand: 100, graceDays: 15, capPercentOfPrincipal: 30 }, true],
    ['a rate of 0', { dailyRatePerTenThousand: 0, graceDays: 0 }, false],
    ['a cap of 0', { dailyRatePerTenThousand: 5, graceDays: 0, capPercentOfPrincipal: 0 }, false],
  ])('%s: %p', (_name, terms, carries) => {
    expect(carriesLateFee(terms)).toBe(carries);
  });
});
