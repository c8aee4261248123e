import { demandPeriodDaysFromEnv } from './config';

describe("the city's reasonable period after a demand (HUB_DEMAND_PERIOD_DAYS; Civil Code art. 944 para. 2 fixes none)", () => {
  it('is unset by default, so the stated default applies, and whole days 0–365 when set', () => {
    expect(demandPeriodDaysFromEnv({})).toBeUndefined();
    expect(demandPeriodDaysFromEnv({ HUB_DEMAND_PERIOD_DAYS: ' ' })).toBeUndefined();
    expect(demandPeriodDaysFromEnv({ HUB_DEMAND_PERIOD_DAYS: '30' })).toBe(30);
    expect(demandPeriodDaysFromEnv({ HUB_DEMAND_PERIOD_DAYS: '0' })).toBe(0);
  });

  it.each(['-1', '1.5', '366', 'fifteen'])('refuses %s at start-up', (value) => {
    expect(() => demandPeriodDaysFromEnv({ HUB_DEMAND_PERIOD_DAYS: value })).toThrow(/HUB_DEMAND_PERIOD_DAYS/);
  });
});
