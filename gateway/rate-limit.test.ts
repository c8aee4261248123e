import { FixedWindowLimiter, addressKey } from './rate-limit';

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

  it('drops a tenth of the keys at once when full, so a new key does not look through all the others each time', () => {
    const limiter = new FixedWindowLimiter(100);
    const windows = (limiter as unknown as { windows: Map<string, unknown> }).windows;
    for (let i = 0; i < 100; i++) limiter.hit(`address:${i}`, 1, 60_000, 0);
    limiter.hit('address:new', 1, 60_000, 1);
    expect(windows.size).toBe(91);
    expect(windows.has('address:0')).toBe(false);
    expect(windows.has('address:10')).toBe(true);
    expect(windows.has('address:new')).toBe(true);
  });

  it('drops the keys idle longest when full, not a busy key whose window was renewed', () => {
    // A helper's edge audit: a renewed window kept its key's first place in the map, so a flood of new keys swept
    // the busiest caller's open window first and gave its count a fresh start.
    const limiter = new FixedWindowLimiter(10);
    limiter.hit('org:busy', 2, 1_000, 0);
    for (let i = 0; i < 8; i++) limiter.hit(`address:${i}`, 1, 60_000, 0);
    expect([1_000, 1_000].map((t) => limiter.hit('org:busy', 2, 1_000, t).ok)).toEqual([true, true]);
    limiter.hit('address:8', 1, 60_000, 1_001);
    limiter.hit('address:9', 1, 60_000, 1_001); // full: the oldest tenth goes
    expect(limiter.hit('org:busy', 2, 1_000, 1_002).ok).toBe(false);
    expect(limiter.hit('address:0', 1, 60_000, 1_002).ok).toBe(true); // dropped: counted afresh
  });

  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::ffff:cb00:7107', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::99', '2001:db8:1:2::/64'],
    ['2001:DB8:1:2:ffff::1', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['unknown', 'unknown'],
  ])('counts the address %s as %s', (address, key) => {
    expect(addressKey(address)).toBe(key);
  });
});
