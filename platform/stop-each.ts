import { logger } from './logging';

/** A part of a process to stop, named for its log line. */
export interface StopStep {
  name: string;
  stop: () => Promise<unknown>;
}

/**
 * Stops each step in the order given, every one even when one before it failed, and returns the failures: a relay or
 * consumer left running after an earlier step threw held the process, and a consumer that never left its group kept
 * its peers waiting for its session to expire (an operations audit of 2026-12-07).
 */
export async function stopEach(steps: readonly StopStep[]): Promise<{ name: string; error: unknown }[]> {
  const failures: { name: string; error: unknown }[] = [];
  for (const { name, stop } of steps) {
    try {
      await stop();
    } catch (error) {
      failures.push({ name, error });
    }
  }
  return failures;
}

/** stopEach, each failure logged ("did not stop cleanly" with its step); true when every step stopped cleanly. */
export async function stopEachLogged(steps: readonly StopStep[]): Promise<boolean> {
  const failures = await stopEach(steps);
  for (const { name, error } of failures) logger.error({ err: error, step: name }, 'did not stop cleanly');
  return failures.length === 0;
}
