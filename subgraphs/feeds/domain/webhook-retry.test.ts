import {
  PRODUCTION_RETRY_SCHEDULE,
  afterFailure,
  isDelivered,
  parseRetrySchedule,
  retryWindowDeadline,
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

describe("a subscription's retry window in the deadline register", () => {
  const subscription = {
    id: 'a3c1e2d4-5b6f-4a7b-8c9d-0e1f2a3b4c5d',
    organisationId: 'bj-xicheng-court',
    role: 'COURT',
  };
  const chinaDay = (moment: Date) => moment.toISOString().slice(0, 10);

  it('is due the day the window after the first failed attempt ends, owned by the subscriber', () => {
    const firstFailedAt = new Date('2026-12-01T10:00:00Z');
    expect(
      retryWindowDeadline(subscription, firstFailedAt, PRODUCTION_RETRY_SCHEDULE, new Date(), chinaDay),
    ).toMatchObject({
      deadlineKey: 'webhook-retry:a3c1e2d4-5b6f-4a7b-8c9d-0e1f2a3b4c5d',
      kind: 'WEBHOOK_RETRY_WINDOW',
      ownerKind: 'COURT',
      ownerOrganisationId: 'bj-xicheng-court',
      dueOn: '2026-12-02',
      metOn: null,
      legalBasis: expect.stringMatching(/24 h/),
    });
  });

  it('is met the day nothing of the subscription is failing any more', () => {
    expect(
      retryWindowDeadline(subscription, null, PRODUCTION_RETRY_SCHEDULE, new Date('2026-12-02T03:00:00Z'), chinaDay),
    ).toMatchObject({ dueOn: null, metOn: '2026-12-02' });
  });
});
