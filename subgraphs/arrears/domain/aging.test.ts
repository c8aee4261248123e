import { rejection } from '../../../test/support/rejection';
import { agingBucket, agingSummary, daysOverdue } from './aging';
import { Charge } from './charge';
import { AgingBucket } from './statutes';

/** Seed 003: a 56.78 m² high-rise flat at the owner rate ¥1.67 is billed 9,482 fen a month; due on the month's last day (demo). */
const MONTHLY = 9_482;
const charge = (month: string, dueOn: string, paidFen = 0, waivedFen = 0): Charge => ({
  chargeId: `c-${month}`,
  month,
  dueOn,
  amountFen: MONTHLY,
  paidFen,
  waivedFen,
});

describe('days overdue', () => {
  it.each<[string, string, number]>([
    ['2024-01-31', '2024-01-15', 0], // not yet due
    ['2024-01-31', '2024-01-31', 0], // paying on the due date is on time
    ['2024-01-31', '2024-02-01', 1],
    ['2024-01-31', '2024-03-01', 30], // through 29 February 2024
    ['2023-01-31', '2024-01-31', 365],
    ['2023-01-31', '2024-02-01', 366],
  ])('due %s, as of %s: %i days', (dueOn, asOf, days) => {
    expect(daysOverdue(dueOn, asOf)).toBe(days);
  });
});

describe('aging buckets', () => {
  it.each<[number, AgingBucket]>([
    [0, 'DAYS_0_30'],
    [30, 'DAYS_0_30'],
    [31, 'DAYS_31_90'],
    [90, 'DAYS_31_90'],
    [91, 'DAYS_91_180'],
    [180, 'DAYS_91_180'],
    [181, 'DAYS_181_365'],
    [365, 'DAYS_181_365'],
    [366, 'OVER_365'],
    [3_650, 'OVER_365'],
  ])('%i days overdue is %s', (days, bucket) => {
    expect(agingBucket(days)).toBe(bucket);
  });

  it.each([-1, 1.5, Number.NaN])('refuses %p days', (days) => {
    expect(rejection(() => agingBucket(days)).code).toBe('BAD_USER_INPUT');
  });
});

describe('agingSummary', () => {
  it('sums count and open fen per bucket, listing empty buckets and leaving settled charges out', () => {
    const charges = [
      charge('2022-12', '2022-12-31'), // 456 days
      charge('2023-09', '2023-09-30'), // 183 days
      charge('2023-10', '2023-10-31', 4_000), // 152 days, part paid: 5,482 open
      charge('2023-11', '2023-11-30', 0, 482), // 122 days, part waived: 9,000 open
      charge('2024-01', '2024-01-31', MONTHLY), // paid: left out
      charge('2024-02', '2024-02-29'), // 31 days
      charge('2024-03', '2024-03-31'), // due today: not yet in arrears
      charge('2024-04', '2024-04-30'), // not yet due: not in arrears
    ];
    expect(agingSummary(charges, '2024-03-31')).toEqual([
      { bucket: 'DAYS_0_30', count: 0, openFen: 0 },
      { bucket: 'DAYS_31_90', count: 1, openFen: MONTHLY },
      { bucket: 'DAYS_91_180', count: 2, openFen: 5_482 + 9_000 },
      { bucket: 'DAYS_181_365', count: 1, openFen: MONTHLY },
      { bucket: 'OVER_365', count: 1, openFen: MONTHLY },
    ]);
  });

  it('ages a month only once it is past due: on 2026-12-01 the December fee (due 2026-12-31) is not arrears, November is 1 day overdue', () => {
    const charges = [charge('2026-10', '2026-10-31'), charge('2026-11', '2026-11-30'), charge('2026-12', '2026-12-31')];
    expect(agingSummary(charges, '2026-12-01')).toEqual([
      { bucket: 'DAYS_0_30', count: 1, openFen: MONTHLY },
      { bucket: 'DAYS_31_90', count: 1, openFen: MONTHLY }, // October: 31 days
      { bucket: 'DAYS_91_180', count: 0, openFen: 0 },
      { bucket: 'DAYS_181_365', count: 0, openFen: 0 },
      { bucket: 'OVER_365', count: 0, openFen: 0 },
    ]);
    expect(agingSummary(charges, '2027-01-01').slice(0, 2)).toEqual([
      { bucket: 'DAYS_0_30', count: 1, openFen: MONTHLY },
      { bucket: 'DAYS_31_90', count: 2, openFen: 2 * MONTHLY },
    ]);
  });

  it('gives five empty buckets for no charges', () => {
    expect(agingSummary([], '2024-03-31').map((l) => [l.count, l.openFen])).toEqual(Array(5).fill([0, 0]));
  });

  it('refuses a charge whose payments and waivers exceed its amount', () => {
    const error = rejection(() => agingSummary([charge('2024-01', '2024-01-31', 9_000, 1_000)], '2024-03-31'));
    expect(error.details).toEqual({
      problems: [
        { code: 'CHARGE_INCONSISTENT', chargeId: 'c-2024-01', amountFen: MONTHLY, paidFen: 9_000, waivedFen: 1_000 },
      ],
    });
  });
});
