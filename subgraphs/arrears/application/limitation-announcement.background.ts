import { todayInChina } from '../../../kernel/clock';
import type { HubOrm } from '../../../platform/db/orm';
import type { BackgroundWork } from '../../../platform/subgraph/module';
import { periodicWork } from '../../../platform/subgraph/periodic';
import { announceLimitationDeadlines } from './announce-limitation-deadlines';

/**
 * `HUB_LIMITATION_ANNOUNCE_INTERVAL_MS`: how often an instance runs the limitation step for today in China (a day's
 * changes are a month falling due and a date passing, so one hour by default: within the hour the reminders run);
 * `0` turns it off (tests run `announceLimitationDeadlines(em, asOf)` with explicit dates instead).
 */
export function limitationAnnounceIntervalMs(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.HUB_LIMITATION_ANNOUNCE_INTERVAL_MS;
  if (text === undefined || text === '') return 3_600_000;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error('HUB_LIMITATION_ANNOUNCE_INTERVAL_MS must be 0 or more ms');
  return n;
}

/** The limitation step at start and then every interval; nothing when the interval is 0. */
export function limitationAnnouncement(orm: HubOrm, intervalMs = limitationAnnounceIntervalMs()): BackgroundWork {
  if (intervalMs === 0) return { start: () => undefined, stop: async () => undefined };
  return periodicWork('limitation-announcement', intervalMs, () =>
    announceLimitationDeadlines(orm.em.fork(), todayInChina()),
  );
}
