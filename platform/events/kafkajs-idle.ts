import { createRequire } from 'node:module';

/** The fields of kafkajs' per-connection RequestQueue (src/network/requestQueue/index.js) the fix below reads. */
interface RequestQueueInternals {
  pending: unknown[];
  /** Until when the broker asked this connection to hold its requests (ms since the epoch; -1: never). */
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
}

/** kafkajs' own delay for a check of pending requests once a throttle has run out (CHECK_PENDING_REQUESTS_INTERVAL). */
const CHECK_PENDING_REQUESTS_INTERVAL_MS = 10;

/**
 * kafkajs 2.2.4, its last release, re-arms a timer on every connection after each answer even when no request waits:
 * with no throttle its delay is negative, so the timer fires the next millisecond and re-arms itself, for as long as
 * the connection lives (tulios/kafkajs#1556; the fix proposed in #1667 was never released). Every consumer, producer
 * and admin client of a process thus ran a callback each millisecond (~800 wake-ups a second in an idle subgraph); with
 * this fix an idle subgraph process takes 1.3–2.0 s of CPU a minute instead of 3.0–3.7 (README › Production, Idle
 * CPU). Here the check is scheduled only while a request waits, as #1667 does: at the throttle's end, or after
 * kafkajs' 10 ms when it has already ended; a request waiting only for an in-flight slot is sent when an answer frees
 * one (fulfillRequest).
 */
export function scheduleOnlyWhilePending(this: RequestQueueInternals): void {
  if (this.throttleCheckTimeoutId || this.pending.length === 0) return;
  const untilUnthrottled = this.throttledUntil - Date.now();
  this.throttleCheckTimeoutId = setTimeout(
    () => {
      this.throttleCheckTimeoutId = null;
      this.checkPendingRequests();
    },
    untilUnthrottled > 0 ? untilUnthrottled : CHECK_PENDING_REQUESTS_INTERVAL_MS,
  );
}

/** kafkajs' RequestQueue class: the module every kafkajs connection of this process takes it from. */
export const kafkajsRequestQueue = (): { prototype: RequestQueueInternals } =>
  createRequire(require.resolve('kafkajs'))('./src/network/requestQueue');

/** Installs the fix in this process's kafkajs (once; platform/events/kafka.ts does on load). */
export function fixKafkajsIdleTimers(): void {
  kafkajsRequestQueue().prototype.scheduleCheckPendingRequests = scheduleOnlyWhilePending;
}
