import { logger } from '../logging';
import type { BackgroundWork } from './module';

/**
 * A periodic work's interval from the variable `name`: `fallbackMs` when unset or empty, `0` to turn the work off,
 * anything but a whole number of milliseconds refused at start.
 */
export function intervalMsFromEnv(env: NodeJS.ProcessEnv, name: string, fallbackMs: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallbackMs;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} must be 0 or more ms`);
  return n;
}

/**
 * Background work that runs `task` every `intervalMs` (first at start), one run at a time; a failed run is logged
 * and the next one tried at the next interval. Stopping waits for a run under way.
 */
export function periodicWork(name: string, intervalMs: number, task: () => Promise<unknown>): BackgroundWork {
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
