import { retentionDaysFromEnv } from './retention';

describe('a retention in days from the environment', () => {
  it('is the fallback when unset or blank, 0 to keep rows for good, and whole days up to ten years', () => {
    expect(retentionDaysFromEnv({}, 'HUB_X_RETENTION_DAYS', 30)).toBe(30);
    expect(retentionDaysFromEnv({ HUB_X_RETENTION_DAYS: ' ' }, 'HUB_X_RETENTION_DAYS', 30)).toBe(30);
    expect(retentionDaysFromEnv({ HUB_X_RETENTION_DAYS: '0' }, 'HUB_X_RETENTION_DAYS', 30)).toBe(0);
    expect(retentionDaysFromEnv({ HUB_X_RETENTION_DAYS: '3650' }, 'HUB_X_RETENTION_DAYS', 30)).toBe(3650);
  });

  // 1e3, 0x1e and 30.0 are typos Number() read as 1000, 30 and 30 (before, taken).
  it.each(['-1', '7.5', '3651', 'a month', '1e3', '0x1e', '30.0'])('refuses %s at start-up, by name', (value) => {
    expect(() => retentionDaysFromEnv({ HUB_X_RETENTION_DAYS: value }, 'HUB_X_RETENTION_DAYS', 30)).toThrow(
      `HUB_X_RETENTION_DAYS must be days (0 keeps rows for good), 0 to 3650, not ${value}`,
    );
  });
});
