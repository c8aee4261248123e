import { commaList } from '../../../kernel/comma-list';
import { wholeNumberFromEnv } from '../../../platform/config';
import { retentionDaysFromEnv } from '../../../platform/db/retention';
import { LONGEST_TIMER_MS } from '../../../platform/subgraph/periodic';
import { PRODUCTION_RETRY_SCHEDULE, RetrySchedule, parseRetrySchedule } from '../domain/webhook-retry';
import { DEFAULT_SECRET_OVERLAP_MS, MAX_SECRET_OVERLAP_MS, MIN_SECRET_OVERLAP_MS } from '../domain/webhook-secret';
import { WebhookUrlPolicy } from '../domain/webhook-url';

/**
 * The webhook settings, from the environment:
 * - `HUB_WEBHOOK_ALLOWED_HOSTS`: hosts allowed although internal (comma-separated, exact; none by default);
 * - `HUB_WEBHOOK_RETRY`: `<first delay ms>,<max delay ms>,<retry window ms>` (5 s doubling to 1 h, for 24 h);
 * - `HUB_WEBHOOK_POLL_MS` (1000): the fallback look for due deliveries (retries falling due); new deliveries wake the
 *   sender at once (LISTEN/NOTIFY);
 * - `HUB_WEBHOOK_IN_FLIGHT` (256): requests one instance has open at most;
 * - `HUB_WEBHOOK_PER_SUBSCRIPTION` (32): requests in flight to one subscription at most, over all instances (each
 *   for another aggregate: one aggregate's events go one after the other);
 * - `HUB_WEBHOOK_PER_ORGANISATION` (64): requests in flight to one organisation's subscriptions together at most,
 *   over all instances, so one organisation's receivers that hang cannot hold every request of an instance.
 * - `HUB_WEBHOOK_DNS_SERVERS`: DNS servers for receivers' hosts (`host:port`, comma-separated; the system's by
 *   default), asked by c-ares with a timeout (webhook-url-check.ts);
 * - `HUB_WEBHOOK_RETENTION_DAYS` (30): how long a delivered delivery and its attempts are kept, and so how far back a
 *   replay reaches; 0 keeps them for good. Pending ones (a paused subscription's) always stay.
 * - `HUB_WEBHOOK_SECRET_OVERLAP_MS` (86,400,000: 24 h): after `rotateWebhookSecret`, how long the secret it replaced
 *   still signs every delivery beside the new one; a whole number from 1,000 (a second) to 604,800,000 (a week).
 * https is required when `NODE_ENV=production`. The poll and the three counts are whole numbers from 1 (the poll up to
 * a timer's longest, about 24.8 days; the counts up to 100,000): anything else stops the subgraph at start, naming the
 * variable (before, a typo or 0 silently became the default).
 */
export interface WebhookConfig {
  policy: WebhookUrlPolicy;
  dnsServers: string[];
  retry: RetrySchedule;
  pollIntervalMs: number;
  maxInFlight: number;
  perSubscription: number;
  perOrganisation: number;
  /** A claim's lease: longer than a request's timeout plus recording it, so only a dead sender's rows are retaken. */
  leaseMs: number;
  /** Every request gives up after this long (10 s). */
  timeoutMs: number;
  /** Response bodies are kept up to this many bytes (1 KiB). */
  maxResponseBytes: number;
  /** Delivered deliveries and their attempts are kept this many days (0: for good); a replay reaches back as far. */
  retentionDays: number;
  /** How long a rotated-out secret still signs beside the new one (24 h). */
  secretOverlapMs: number;
}

/** Requests in flight at most, per instance, subscription or organisation: a bound only against a typo's zeros. */
const MAX_REQUESTS = 100_000;

export function webhookConfig(env: NodeJS.ProcessEnv = process.env): WebhookConfig {
  const retry = env.HUB_WEBHOOK_RETRY ? parseRetrySchedule(env.HUB_WEBHOOK_RETRY) : PRODUCTION_RETRY_SCHEDULE;
  if (!retry) throw new Error('HUB_WEBHOOK_RETRY must be <first delay ms>,<max delay ms>,<window ms>');
  const requests = (name: string, fallback: number) =>
    wholeNumberFromEnv(name, fallback, { min: 1, max: MAX_REQUESTS, what: 'requests' }, env);
  return {
    policy: {
      requireHttps: env.NODE_ENV === 'production',
      allowedHosts: commaList(env.HUB_WEBHOOK_ALLOWED_HOSTS),
    },
    dnsServers: commaList(env.HUB_WEBHOOK_DNS_SERVERS),
    retry,
    pollIntervalMs: wholeNumberFromEnv(
      'HUB_WEBHOOK_POLL_MS',
      1000,
      { min: 1, max: LONGEST_TIMER_MS, what: 'milliseconds' },
      env,
    ),
    maxInFlight: requests('HUB_WEBHOOK_IN_FLIGHT', 256),
    perSubscription: requests('HUB_WEBHOOK_PER_SUBSCRIPTION', 32),
    perOrganisation: requests('HUB_WEBHOOK_PER_ORGANISATION', 64),
    leaseMs: 60_000,
    timeoutMs: 10_000,
    maxResponseBytes: 1024,
    retentionDays: retentionDaysFromEnv(env, 'HUB_WEBHOOK_RETENTION_DAYS', 30),
    secretOverlapMs: wholeNumberFromEnv(
      'HUB_WEBHOOK_SECRET_OVERLAP_MS',
      DEFAULT_SECRET_OVERLAP_MS,
      { min: MIN_SECRET_OVERLAP_MS, max: MAX_SECRET_OVERLAP_MS, what: 'milliseconds' },
      env,
    ),
  };
}
