import { measures, noOrderCounts, rate } from './measures';
import { XICHENG_TAXONOMY } from './statutes';
import { validateItem, versionInForce } from './taxonomy';

describe('complaint measures and the taxonomy', () => {
  it('returns each rate with its numerator and denominator, half up to one decimal', () => {
    expect(rate(2, 3)).toEqual({ numerator: 2, denominator: 3, percent: '66.7' });
    expect(rate(0, 0)).toEqual({ numerator: 0, denominator: 0, percent: null });
    // 49 orders at 462 households (seed 000) are 10.6 orders per 100 households.
    const m = measures({
      orders: 49,
      dueForResponse: 40,
      respondedInTime: 38,
      closed: 30,
      closedResolved: 27,
      rated: 30,
      satisfied: 25,
      repeats: 6,
      households: 462,
      ordersOfHouseholds: 49,
    });
    expect(m.response).toEqual({ numerator: 38, denominator: 40, percent: '95.0' });
    expect(m.resolution).toEqual({ numerator: 27, denominator: 30, percent: '90.0' });
    expect(m.satisfaction).toEqual({ numerator: 25, denominator: 30, percent: '83.3' });
    expect(m.perHundredHouseholds).toEqual({ numerator: 49, denominator: 462, percent: '10.6' });
    expect(m.repeatOrders).toBe(6);
    // Orders the reader holds from outside its households (escalated to a bureau from another district) count in
    // its orders, not over its households.
    expect(measures({ ...noOrderCounts(462), orders: 60, ordersOfHouseholds: 49 }).perHundredHouseholds).toEqual({
      numerator: 49,
      denominator: 462,
      percent: '10.6',
    });
  });

  it("holds seed 001's figures: 12 categories, 45 items, over 90 % of the calls", () => {
    expect(XICHENG_TAXONOMY).toMatchObject({ categories: 12, items: 45, shareOfCallsPercent: 90 });
  });

  it('needs a responsible party for every governance model and a cited source', () => {
    const refused = (() => {
      try {
        validateItem({
          code: 'X1',
          categoryCode: 'X',
          name: 'n',
          validFrom: '2026-01-01',
          source: ' ',
          responsible: { CONTRACT_BASED: 'PROPERTY_COMPANY' } as never,
        });
      } catch (e) {
        return (e as { details: { fields: Record<string, string> } }).details.fields;
      }
    })();
    expect(Object.keys(refused ?? {}).sort()).toEqual([
      'responsible.GOVERNMENT_BACKSTOP',
      'responsible.MULTI_PARTY_CO_GOVERNANCE',
      'source',
    ]);
  });

  it("takes of a code's versions the latest begun by the day, unless it had ended", () => {
    // Version 1 open-ended; version 2 from 2025 retires the item at the end of June 2025.
    const v1 = { validFrom: '2024-01-01', validTo: null };
    const v2 = { validFrom: '2025-01-01', validTo: '2025-06-30' };
    expect(versionInForce([v1, v2], '2024-12-31')).toBe(v1);
    expect(versionInForce([v2, v1], '2025-03-01')).toBe(v2);
    expect(versionInForce([v1, v2], '2025-06-30')).toBe(v2);
    // Retired: version 1's open period no longer admits the day (before, the backfill took it, the hotline did not).
    expect(versionInForce([v1, v2], '2025-08-01')).toBeUndefined();
    expect(versionInForce([v1, v2], '2023-12-31')).toBeUndefined();
    expect(versionInForce([], '2025-01-01')).toBeUndefined();
  });
});
