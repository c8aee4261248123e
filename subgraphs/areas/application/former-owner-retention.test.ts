import { formerOwnerKeptYears, formerOwnerSweepIntervalMs } from './former-owner-retention';

describe('the former owners’ sweep settings', () => {
  it('HUB_FORMER_OWNER_KEPT_YEARS: whole years from the limitation period to 20, else refused by name', () => {
    expect(formerOwnerKeptYears({})).toBe(4);
    expect(formerOwnerKeptYears({ HUB_FORMER_OWNER_KEPT_YEARS: ' ' })).toBe(4);
    expect(formerOwnerKeptYears({ HUB_FORMER_OWNER_KEPT_YEARS: '10' })).toBe(10);
    for (const bad of ['2', '21', '3.5', 'x'])
      expect(() => formerOwnerKeptYears({ HUB_FORMER_OWNER_KEPT_YEARS: bad })).toThrow(/HUB_FORMER_OWNER_KEPT_YEARS/);
  });

  it('HUB_FORMER_OWNER_SWEEP_INTERVAL_MS: one hour by default, 0 turns it off', () => {
    expect(formerOwnerSweepIntervalMs({})).toBe(3_600_000);
    expect(formerOwnerSweepIntervalMs({ HUB_FORMER_OWNER_SWEEP_INTERVAL_MS: '0' })).toBe(0);
  });
});
