import { rejection } from '../../../test/support/rejection';
import { CollectionRow, collectionRate, summarizeCollection } from './collection-rate';
import { SEED_002_HOUSEHOLDS, SEED_002_PAID_HOUSEHOLDS, SEED_002_REPORTED_RATE_PERCENT } from './statutes';

describe('collectionRate', () => {
  it.each<[number, number, string | null]>([
    [SEED_002_PAID_HOUSEHOLDS, SEED_002_HOUSEHOLDS, SEED_002_REPORTED_RATE_PERCENT], // seed 002: 954 / 1,080 = 88.33… → "88.3"
    [98, 100, '98.0'], // 阳光丽景, 98%
    [1_080, 1_080, '100.0'],
    [0, 1_080, '0.0'],
    [1, 8, '12.5'], // exact
    [1, 16, '6.3'], // 6.25: half up
    [3, 16, '18.8'], // 18.75: half up (half-even would also give 18.8)
    [5, 16, '31.3'], // 31.25: half up (half-even would give 31.2)
    [1, 3, '33.3'],
    [2, 3, '66.7'],
    [1, 2_001, '0.0'], // 0.04997…
    [1, 1_999, '0.1'], // 0.05002…
    [0, 0, null], // nothing due: no rate, not NaN
    [Number.MAX_SAFE_INTEGER - 1, Number.MAX_SAFE_INTEGER, '100.0'], // no overflow: bigint
  ])('%i / %i → %p', (numerator, denominator, percent) => {
    expect(collectionRate(numerator, denominator)).toEqual({ numerator, denominator, percent });
  });

  it.each<[number, number, string]>([
    [-1, 10, 'numerator'],
    [1.5, 10, 'numerator'],
    [11, 10, 'numerator'],
    [1, Number.NaN, 'denominator'],
  ])('refuses %p / %p (%s)', (numerator, denominator, field) => {
    const error = rejection(() => collectionRate(numerator, denominator));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(error.details?.fields as object)).toEqual([field]);
  });
});

describe('summarizeCollection', () => {
  // Two buildings over two months; the figures are illustrative, 180 households each as in seed 002's average.
  const rows: CollectionRow[] = [
    {
      buildingId: 'B2',
      month: '2023-07',
      households: 180,
      paidHouseholds: 170,
      billedFen: 1_800_000,
      collectedFen: 1_700_000,
    },
    {
      buildingId: 'B1',
      month: '2023-06',
      households: 180,
      paidHouseholds: 150,
      billedFen: 1_800_000,
      collectedFen: 1_520_000,
    },
    {
      buildingId: 'B1',
      month: '2023-07',
      households: 180,
      paidHouseholds: 160,
      billedFen: 1_800_000,
      collectedFen: 1_600_000,
    },
    { buildingId: 'B2', month: '2023-06', households: 180, paidHouseholds: 0, billedFen: 0, collectedFen: 0 },
  ];

  it.each<['BUILDING' | 'MONTH' | 'ALL', [string, number, number, string | null, string | null][]]>([
    [
      'BUILDING', // in order of first appearance
      [
        ['B2', 360, 170, '47.2', '94.4'],
        ['B1', 360, 310, '86.1', '86.7'],
      ],
    ],
    [
      'MONTH', // in calendar order; B2's empty June counts its households but bills nothing
      [
        ['2023-06', 360, 150, '41.7', '84.4'],
        ['2023-07', 360, 330, '91.7', '91.7'],
      ],
    ],
    ['ALL', [['ALL', 720, 480, '66.7', '89.3']]],
  ])('sums per %s and computes both rates from the sums', (by, expected) => {
    const totals = summarizeCollection(rows, by);
    expect(
      totals.map((t) => [t.key, t.households, t.paidHouseholds, t.byHouseholds.percent, t.byAmount.percent]),
    ).toEqual(expected);
  });

  it('gives no rate by amount where nothing was billed', () => {
    const [b2June] = summarizeCollection([rows[3]], 'BUILDING');
    expect(b2June.byAmount).toEqual({ numerator: 0, denominator: 0, percent: null });
  });

  it('refuses a row with more paid than billed households, even when the sum would look fine', () => {
    const bad = { ...rows[0], paidHouseholds: 181 };
    expect(rejection(() => summarizeCollection([bad, rows[1]], 'ALL')).code).toBe('BAD_USER_INPUT');
  });
});
