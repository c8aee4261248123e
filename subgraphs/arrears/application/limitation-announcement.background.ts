import { todayInChina } from '../../../kernel/clock';
import type { HubOrm } from '../../../platform/db/orm';
import type { BackgroundWork } from '../../../platform/subgraph/module';
import { intervalMsFromEnv, periodicWork } from '../../../platform/subgraph/periodic';
import { announceLimitationDeadlines } from './announce-limitation-deadlines';

/**
 * `HUB_LIMITATION_ANNOUNCE_INTERVAL_MS`: how often an instance runs the limitation step for today in China (a day's
 * changes are a month falling due and a date passing, so one hour by default: within the hour the reminders run);
 * `0` turns it off (tests run `announceLimitationDeadlines(em, asOf)` with explicit dates instead).
 */
export const limitationAnnounceIntervalMs = (env: NodeJS.ProcessEnv = process.env): number =>
  intervalMsFromEnv(env, 'HUB_LIMITATION_ANNOUNCE_INTERVAL_MS', 3_600_000);

/** The limitation step at start and then every interval; nothing when the interval is 0. */
export function limitationAnnouncement(orm: HubOrm, intervalMs = limitationAnnounceIntervalMs()): BackgroundWork {
  return periodicWork('limitation-announcement', intervalMs, () =>
    announceLimitationDeadlines(orm.em.fork(), todayInChina()),
  );
}
