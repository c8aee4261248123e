import { creditSweepIntervalMs } from './credit-publication.background';

describe("the credit sweep's interval from the environment", () => {
  const interval = (value?: string) => creditSweepIntervalMs({ CREDIT_SWEEP_INTERVAL_MS: value });

  it('is ten minutes when unset or blank, else whole milliseconds from 1 s up to a timer’s longest', () => {
    expect(interval()).toBe(600_000);
    expect(interval('')).toBe(600_000);
    expect(interval(' ')).toBe(600_000);
    expect(interval('1000')).toBe(1_000);
    expect(interval(' 60000 ')).toBe(60_000);
    expect(interval('2147483647')).toBe(2_147_483_647);
  });

  // Before, 500, -1, 1.5 and 10m silently became the default; 1e4, 0x2710 and 10000.0 were taken as numbers; and an
  // interval beyond 2^31 - 1 ms was taken, which Node's timers shorten to 1 ms (the sweep ran without pause).
  it.each(['500', '0', '-1', '1.5', '10m', '1e4', '0x2710', '10000.0', '2147483648'])(
    'refuses %s at start-up, by name',
    (value) => {
      expect(() => interval(value)).toThrow(
        `CREDIT_SWEEP_INTERVAL_MS must be milliseconds, 1000 to 2147483647, not ${value}`,
      );
    },
  );
});
