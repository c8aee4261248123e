import fs from 'node:fs';

/**
 * HUB_TEST_TIMINGS: how long each phase of a hub's start and stop takes, to see where a test file's fixed cost goes.
 * `1` writes one line per phase to stderr; a path appends them there as JSON lines (one file for a whole run, to sum
 * per phase). Unset (production, ordinary test runs): nothing is measured or written.
 */
const target = () => process.env.HUB_TEST_TIMINGS;

export function recordPhase(phase: string, ms: number, extra: Record<string, unknown> = {}): void {
  const to = target();
  if (!to) return;
  const entry = { phase, ms: Math.round(ms), pid: process.pid, at: new Date().toISOString(), ...extra };
  if (to === '1') process.stderr.write(`hub phase ${phase} ${entry.ms} ms\n`);
  else fs.appendFileSync(to, `${JSON.stringify(entry)}\n`);
}

/**
 * Runs `work`, recording its duration under `phase` when HUB_TEST_TIMINGS is set (failures too, marked), with this
 * process's CPU meanwhile (`cpuMs`: everything the process did then, so overlapping phases share it).
 */
export async function timed<T>(phase: string, work: () => Promise<T>): Promise<T> {
  if (!target()) return work();
  const start = performance.now();
  const cpu = process.cpuUsage();
  const record = (extra: Record<string, unknown>) => {
    const used = process.cpuUsage(cpu);
    recordPhase(phase, performance.now() - start, { cpuMs: Math.round((used.user + used.system) / 1000), ...extra });
  };
  try {
    const result = await work();
    record({});
    return result;
  } catch (error) {
    record({ failed: true });
    throw error;
  }
}
