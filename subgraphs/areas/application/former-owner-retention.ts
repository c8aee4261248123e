import type { EntityManager } from '@mikro-orm/postgresql';
import { IsoDate } from '../../../kernel/calendar';
import { todayInChina } from '../../../kernel/clock';
import { wholeNumberFromEnv } from '../../../platform/config';
import type { HubOrm } from '../../../platform/db/orm';
import { logger } from '../../../platform/logging';
import type { BackgroundWork } from '../../../platform/subgraph/module';
import { intervalMsFromEnv, periodicWork } from '../../../platform/subgraph/periodic';
import {
  FORMER_OWNER_KEPT_YEARS_BOUNDS,
  FORMER_OWNER_KEPT_YEARS_DEFAULT,
  formerOwnersKeptFrom,
} from '../domain/former-owner-retention';
import { eraseFormerOwnersNeededNoLonger } from '../persistence/former-owner.repository';

/** `HUB_FORMER_OWNER_KEPT_YEARS`: how long a former owner no referral names is kept (domain/former-owner-retention.ts). */
export const formerOwnerKeptYears = (env: NodeJS.ProcessEnv = process.env): number =>
  wholeNumberFromEnv(
    'HUB_FORMER_OWNER_KEPT_YEARS',
    FORMER_OWNER_KEPT_YEARS_DEFAULT,
    {
      ...FORMER_OWNER_KEPT_YEARS_BOUNDS,
      what: 'whole years',
    },
    env,
  );

/**
 * `HUB_FORMER_OWNER_SWEEP_INTERVAL_MS`: how often an instance erases the former owners past the horizon (a day's
 * change, so one hour by default); `0` turns it off (tests run `sweepFormerOwners(em, today)` with explicit days).
 */
export const formerOwnerSweepIntervalMs = (env: NodeJS.ProcessEnv = process.env): number =>
  intervalMsFromEnv(env, 'HUB_FORMER_OWNER_SWEEP_INTERVAL_MS', 3_600_000);

/**
 * Erases the former owners kept past the horizon on `today` and named by no court's case still running on `today`
 * (domain/court-case-end.ts); returns how many.
 */
export async function sweepFormerOwners(
  em: EntityManager,
  today: IsoDate,
  keptYears = formerOwnerKeptYears(),
): Promise<number> {
  const erased = await eraseFormerOwnersNeededNoLonger(em, {
    succeededBefore: formerOwnersKeptFrom(today, keptYears),
    today,
  });
  if (erased > 0) logger.info({ erased, keptYears }, 'former owners past the horizon erased');
  return erased;
}

/** The sweep at start and then every interval; nothing when the interval is 0. */
export function formerOwnerRetention(
  orm: HubOrm,
  intervalMs = formerOwnerSweepIntervalMs(),
  keptYears = formerOwnerKeptYears(),
): BackgroundWork {
  return periodicWork('former-owner-retention', intervalMs, () =>
    sweepFormerOwners(orm.em.fork(), todayInChina(), keptYears),
  );
}
