/**
 * When a failed delivery is tried again: exponential backoff from `initialDelayMs`, doubling up to `maxDelayMs`,
 * for as long as `windowMs` after the first attempt (24 h in production). A delivery still failing after the window
 * pauses its subscription: the party sees PAUSED in `webhookSubscriptions` and resumes once its receiver is fixed.
 */
export interface RetrySchedule {
  initialDelayMs: number;
  maxDelayMs: number;
  windowMs: number;
}

export const PRODUCTION_RETRY_SCHEDULE: RetrySchedule = {
  initialDelayMs: 5_000,
  maxDelayMs: 60 * 60_000,
  windowMs: 24 * 60 * 60_000,
};

/** Delay before attempt `attempt + 1`, after `attempt` failed ones (1-based). */
export function retryDelayMs(attempt: number, schedule: RetrySchedule): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 40);
  return Math.min(schedule.initialDelayMs * 2 ** exponent, schedule.maxDelayMs);
}

export type FailedAttemptOutcome = { retryAt: Date } | { pause: true };

/** What follows a failed attempt: a retry at a later time, or (past the window) the subscription's pause. */
export function afterFailure(
  attempt: number,
  firstAttemptAt: Date,
  now: Date,
  schedule: RetrySchedule,
): FailedAttemptOutcome {
  const retryAt = new Date(now.getTime() + retryDelayMs(attempt, schedule));
  if (retryAt.getTime() - firstAttemptAt.getTime() > schedule.windowMs) return { pause: true };
  return { retryAt };
}

/** Parses `HUB_WEBHOOK_RETRY` as `<initialMs>,<maxMs>,<windowMs>`; null when malformed. */
export function parseRetrySchedule(text: string): RetrySchedule | null {
  const parts = text.split(',').map((p) => Number(p.trim()));
  if (parts.length !== 3 || parts.some((n) => !Number.isSafeInteger(n) || n <= 0)) return null;
  const [initialDelayMs, maxDelayMs, windowMs] = parts;
  return initialDelayMs <= maxDelayMs ? { initialDelayMs, maxDelayMs, windowMs } : null;
}

/** A 2xx answer is a delivery; anything else (redirects included: they are not followed) is a failure. */
export const isDelivered = (statusCode: number | null): boolean =>
  statusCode !== null && statusCode >= 200 && statusCode < 300;

/** The register's key of a subscription's retry window. */
export const retryWindowKey = (subscriptionId: string) => `webhook-retry:${subscriptionId}`;

/**
 * A webhook subscription's retry window as the deadline register holds it (issue 21): while a delivery to it keeps
 * failing, the party has until the window's end after the first failed attempt (`firstFailedAt`) to fix its receiver
 * before the subscription is paused; the due date is that moment's day in China. Met (`metOn`, the day it was seen)
 * once no delivery of the subscription is failing any more. Owned by the subscription's organisation, in the role
 * it subscribed as. The rule is the hub's own retry policy (HUB_WEBHOOK_RETRY), not a statute.
 */
export function retryWindowDeadline(
  subscription: { id: string; organisationId: string; role: string },
  firstFailedAt: Date | null,
  schedule: RetrySchedule,
  now: Date,
  chinaDateOf: (moment: Date) => string,
) {
  const hours = Math.round((schedule.windowMs / 3_600_000) * 10) / 10;
  return {
    deadlineKey: retryWindowKey(subscription.id),
    kind: 'WEBHOOK_RETRY_WINDOW',
    subjectId: subscription.id,
    ownerKind: subscription.role,
    ownerOrganisationId: subscription.organisationId,
    districtCode: null,
    legalBasis: `The hub's webhook retry policy (HUB_WEBHOOK_RETRY): failed deliveries are retried for ${hours} h from the first failed attempt, then the subscription is paused until the party resumes it`,
    dueOn: firstFailedAt === null ? null : chinaDateOf(new Date(firstFailedAt.getTime() + schedule.windowMs)),
    metOn: firstFailedAt === null ? chinaDateOf(now) : null,
    cancelled: false,
  };
}
