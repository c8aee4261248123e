import { PRODUCTION_RETRY_SCHEDULE, RetrySchedule, parseRetrySchedule } from '../domain/webhook-retry';
import { WebhookUrlPolicy } from '../domain/webhook-url';

/**
 * The webhook settings, from the environment:
 * - `HUB_WEBHOOK_ALLOWED_HOSTS`: hosts allowed although internal (comma-separated, exact; none by default);
 * - `HUB_WEBHOOK_RETRY`: `<first delay ms>,<max delay ms>,<retry window ms>` (5 s doubling to 1 h, for 24 h);
 * - `HUB_WEBHOOK_POLL_MS` (250) and `HUB_WEBHOOK_SENDERS` (4 claim loops per instance), `HUB_WEBHOOK_BATCH` (200).
 * https is required when `NODE_ENV=production`.
 */
export interface WebhookConfig {
  policy: WebhookUrlPolicy;
  retry: RetrySchedule;
  pollIntervalMs: number;
  senders: number;
  batchSize: number;
  /** Every request gives up after this long (10 s). */
  timeoutMs: number;
  /** Response bodies are kept up to this many bytes (1 KiB). */
  maxResponseBytes: number;
}

const positive = (text: string | undefined, fallback: number) => {
  const n = Number(text);
  return text && Number.isSafeInteger(n) && n > 0 ? n : fallback;
};

export function webhookConfig(env: NodeJS.ProcessEnv = process.env): WebhookConfig {
  const retry = env.HUB_WEBHOOK_RETRY ? parseRetrySchedule(env.HUB_WEBHOOK_RETRY) : PRODUCTION_RETRY_SCHEDULE;
  if (!retry) throw new Error('HUB_WEBHOOK_RETRY must be <first delay ms>,<max delay ms>,<window ms>');
  return {
    policy: {
      requireHttps: env.NODE_ENV === 'production',
      allowedHosts: (env.HUB_WEBHOOK_ALLOWED_HOSTS ?? '')
        .split(',')
        .map((h) => h.trim())
        .filter(Boolean),
    },
    retry,
    pollIntervalMs: positive(env.HUB_WEBHOOK_POLL_MS, 250),
    senders: positive(env.HUB_WEBHOOK_SENDERS, 4),
    batchSize: positive(env.HUB_WEBHOOK_BATCH, 200),
    timeoutMs: 10_000,
    maxResponseBytes: 1024,
  };
}
