import { wholeNumberFromEnv } from '../config';
import { logger } from '../logging';
import type { BackgroundWork } from './module';

/** The longest delay a Node timer keeps: a longer one fires after 1 ms, so the work would run without pause. */
export const LONGEST_TIMER_MS = 2_147_483_647;

/**
 * A periodic work's interval from the variable `name`: `fallbackMs` when unset or empty, `0` to turn the work off,
 * else whole milliseconds up to a timer's longest (about 24.8 days); anything else refused at start, by name
 * (wholeNumberFromEnv: before, its own Number() took a blank value for 0, turning the work off, and `1e3` for 1000).
 */
export function intervalMsFromEnv(env: NodeJS.ProcessEnv, name: string, fallbackMs: number): number {
  return wholeNumberFromEnv(
    name,
    fallbackMs,
    { min: 0, max: LONGEST_TIMER_MS, what: 'milliseconds (0 turns it off)' },
    env,
  );
}

/**
 * Background work that runs `task` every `intervalMs` (first at start), one run at a time; a failed run is logged
 * and the next one tried at the next interval. Stopping waits for a run under way. An interval of 0 (intervalMsFromEnv:
 * turned off) is work that never runs.
 */
export function periodicWork(name: string, intervalMs: number, task: () => Promise<unknown>): BackgroundWork {
  if (intervalMs === 0) return { start: () => undefined, stop: async () => undefined };
  const log = logger.child({ component: name });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = true;
  const run = () => {
    running = task()
      .then(() => undefined)
      .catch((error: unknown) => log.warn({ err: error }, `${name} failed; will retry`))
      .finally(() => {
        running = undefined;
        if (!stopped) timer = setTimeout(run, intervalMs);
      });
  };
  return {
    start() {
      if (!stopped) return;
      stopped = false;
      run();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/** Several background works started together, and stopped together. */
export function allWork(...works: BackgroundWork[]): BackgroundWork {
  return {
    start: () => works.forEach((w) => w.start()),
    stop: async () => {
      await Promise.all(works.map((w) => w.stop()));
    },
  };
}
