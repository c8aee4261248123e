import { FixedWindowLimiter } from './rate-limit';

describe('fixed-window rate limit', () => {
  it('allows max requests per window and key, then says when to retry', () => {
    const limiter = new FixedWindowLimiter();
    const t0 = 1_000_000;
    expect([1, 2, 3].map(() => limiter.hit('org:a', 3, 10_000, t0).ok)).toEqual([true, true, true]);
    expect(limiter.hit('org:a', 3, 10_000, t0 + 2_500)).toEqual({
      ok: false,
      limit: 3,
      remaining: 0,
      retryAfterSeconds: 8,
    });
    expect(limiter.hit('org:b', 3, 10_000, t0 + 2_500).ok).toBe(true);
    expect(limiter.hit('org:a', 3, 10_000, t0 + 10_000).ok).toBe(true);
  });

  it('keeps a bounded number of keys', () => {
    const limiter = new FixedWindowLimiter(100);
    for (let i = 0; i < 1000; i++) limiter.hit(`address:${i}`, 1, 60_000, 0);
    expect((limiter as unknown as { windows: Map<string, unknown> }).windows.size).toBeLessThanOrEqual(100);
  });
});
