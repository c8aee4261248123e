import { rejection } from '../../../test/support/rejection';
import { CollectionMonth, collectionPerformance, performanceWindowStart } from './performance';

const month = (
  m: string,
  dueOn: string,
  households: number,
  paidHouseholds: number,
  billedFen: number,
  collectedFen: number,
): CollectionMonth => ({
  areaId: 'a',
  companyId: 'c',
  month: m,
  dueOn,
  households,
  paidHouseholds,
  billedFen,
  collectedFen,
});

describe("the provider's performance publicised under Civil Code art. 943", () => {
  it('counts the twelve months of charges due before the day, not the month still running', () => {
    expect(performanceWindowStart('2026-12-01')).toBe('2025-12-01');
    const months = [
      month('2025-11', '2025-11-30', 100, 100, 10_000, 10_000), // due before the window
      month('2025-12', '2025-12-31', 100, 98, 10_000, 9_800),
      month('2026-11', '2026-11-30', 100, 98, 10_000, 9_800),
      month('2026-12', '2026-12-31', 100, 0, 10_000, 0), // billed, not yet due on 2026-12-01
    ];
    expect(collectionPerformance(months, '2026-12-01')).toEqual({
      dueFrom: '2025-12-01',
      asOf: '2026-12-01',
      months: 2,
      households: 200,
      paidHouseholds: 196,
      billedFen: 20_000,
      collectedFen: 19_600,
      byHouseholdsPercent: '98.0',
      byAmountPercent: '98.0',
    });
  });

  it('sums before dividing (a large month weighs more), and gives no rate when nothing fell due', () => {
    const rate = collectionPerformance(
      [month('2022-01', '2022-01-31', 1_412, 1_200, 141_200, 120_000), month('2022-02', '2022-02-28', 10, 0, 1_000, 0)],
      '2022-03-01',
    );
    expect(rate).toMatchObject({
      households: 1_422,
      paidHouseholds: 1_200,
      byHouseholdsPercent: '84.4',
      byAmountPercent: '84.4',
    });
    expect(collectionPerformance([month('2022-03', '2022-03-31', 10, 0, 1_000, 0)], '2022-03-01')).toBeNull();
    expect(collectionPerformance([], '2022-03-01')).toBeNull();
  });

  it('refuses a summary that collected more than it billed', () => {
    expect(
      rejection(() => collectionPerformance([month('2022-01', '2022-01-31', 1, 2, 100, 100)], '2022-03-01')).code,
    ).toBe('BAD_USER_INPUT');
  });
});
