import { limitationAnnounceIntervalMs } from './limitation-announcement.background';

describe('HUB_LIMITATION_ANNOUNCE_INTERVAL_MS', () => {
  it('is one hour by default, 0 turns the step off, and anything else but a whole number of ms is refused', () => {
    expect(limitationAnnounceIntervalMs({})).toBe(3_600_000);
    expect(limitationAnnounceIntervalMs({ HUB_LIMITATION_ANNOUNCE_INTERVAL_MS: '' })).toBe(3_600_000);
    expect(limitationAnnounceIntervalMs({ HUB_LIMITATION_ANNOUNCE_INTERVAL_MS: '0' })).toBe(0);
    expect(limitationAnnounceIntervalMs({ HUB_LIMITATION_ANNOUNCE_INTERVAL_MS: '60000' })).toBe(60_000);
    for (const bad of ['-1', '1.5', 'hourly'])
      expect(() => limitationAnnounceIntervalMs({ HUB_LIMITATION_ANNOUNCE_INTERVAL_MS: bad })).toThrow(
        /HUB_LIMITATION_ANNOUNCE_INTERVAL_MS/,
      );
  });
});
