import { intervalMsFromEnv, periodicWork } from './periodic';

describe("a periodic work's interval from the environment", () => {
  const interval = (value?: string) => intervalMsFromEnv({ HUB_X_INTERVAL_MS: value }, 'HUB_X_INTERVAL_MS', 3_600_000);

  it('is the fallback when unset or blank, 0 to turn the work off, and whole milliseconds up to a timer’s longest', () => {
    expect(interval()).toBe(3_600_000);
    expect(interval('')).toBe(3_600_000);
    // Before, a blank value was Number(' ') = 0: the work was turned off.
    expect(interval(' ')).toBe(3_600_000);
    expect(interval('0')).toBe(0);
    expect(interval(' 60000 ')).toBe(60_000);
    expect(interval('2147483647')).toBe(2_147_483_647);
  });

  // 1e3, 0x10 and 1000.0 are typos Number() read as numbers (before, taken); a delay beyond 2^31 - 1 ms is one
  // Node's timers shorten to 1 ms (before, taken: the work ran without pause).
  it.each(['-1', '1.5', 'hourly', '1e3', '0x10', '1000.0', '2147483648'])(
    'refuses %s at start-up, by name',
    (value) => {
      expect(() => interval(value)).toThrow(
        `HUB_X_INTERVAL_MS must be milliseconds (0 turns it off), 0 to 2147483647, not ${value}`,
      );
    },
  );
});

describe('a periodic work turned off', () => {
  it('never runs its task when its interval is 0', async () => {
    const task = jest.fn(async () => undefined);
    const work = periodicWork('off', 0, task);
    work.start();
    await work.stop();
    expect(task).not.toHaveBeenCalled();
  });
});
