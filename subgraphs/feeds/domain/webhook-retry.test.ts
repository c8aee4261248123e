import {
  PRODUCTION_RETRY_SCHEDULE,
  afterFailure,
  isDelivered,
  parseRetrySchedule,
  retryDelayMs,
} from './webhook-retry';

describe('webhook retries', () => {
  it('doubles the delay from 5 s up to an hour', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, PRODUCTION_RETRY_SCHEDULE))).toEqual([
      5_000, 10_000, 20_000, 40_000,
    ]);
    expect(retryDelayMs(30, PRODUCTION_RETRY_SCHEDULE)).toBe(3_600_000);
  });

  it('retries within 24 hours of the first attempt, then pauses', () => {
    const first = new Date('2026-11-30T00:00:00Z');
    expect(afterFailure(3, first, new Date('2026-11-30T00:01:00Z'), PRODUCTION_RETRY_SCHEDULE)).toEqual({
      retryAt: new Date('2026-11-30T00:01:20Z'),
    });
    expect(afterFailure(30, first, new Date('2026-11-30T23:30:00Z'), PRODUCTION_RETRY_SCHEDULE)).toEqual({
      pause: true,
    });
  });

  it('reads a short schedule for tests from configuration', () => {
    expect(parseRetrySchedule('100, 400, 2000')).toEqual({ initialDelayMs: 100, maxDelayMs: 400, windowMs: 2000 });
    expect(parseRetrySchedule('400,100,2000')).toBeNull();
    expect(parseRetrySchedule('100,400')).toBeNull();
  });

  it('counts only 2xx answers as delivered', () => {
    expect([200, 204, 301, 404, 500, null].map(isDelivered)).toEqual([true, true, false, false, false, false]);
  });
});
