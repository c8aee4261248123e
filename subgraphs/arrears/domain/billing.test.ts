import { DomainError } from '../../../kernel/errors';
import { checkBillingMonth, dueOnForMonth, monthSpan, subsidyRunsIn } from './billing';

describe('billing months', () => {
  it('spans whole calendar months, leap February included, and falls due on the last day served', () => {
    expect(monthSpan('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
    expect(monthSpan('2023-02').last).toBe('2023-02-28');
    expect(dueOnForMonth('2022-12')).toBe('2022-12-31');
  });

  it('bills a month once it has begun, and refuses next month or text that is no month as UNKNOWN_MONTH', () => {
    expect(checkBillingMonth('2026-11', '2026-11-01')).toBe('2026-11');
    expect(checkBillingMonth('2022-01', '2026-11-22')).toBe('2022-01');
    for (const month of ['2026-12', '2026-13', '2026-1', 202611, null]) {
      let error: unknown;
      try {
        checkBillingMonth(month, '2026-11-30');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).details?.problems).toEqual([{ code: 'UNKNOWN_MONTH', month }]);
    }
  });

  it("runs seed 003's subsidy for its 36 months from 2022-01 and not a month more", () => {
    const subsidy = { payer: '北太平庄街道办事处', rateFenPerM2Month: 78, startMonth: '2022-01', months: 36 };
    expect(subsidyRunsIn(subsidy, '2021-12')).toBe(false);
    expect(subsidyRunsIn(subsidy, '2022-01')).toBe(true);
    expect(subsidyRunsIn(subsidy, '2024-12')).toBe(true);
    expect(subsidyRunsIn(subsidy, '2025-01')).toBe(false);
  });
});
