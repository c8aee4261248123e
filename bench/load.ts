/** What the benchmarks share: percentiles, medians, compiled thread files and a closed loop of back-to-back requests. */
import fs from 'node:fs';
import path from 'node:path';

/** The `p`th percentile of values sorted ascending (nearest rank; p 0 is the least). */
export const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

/** The median (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The compiled file of a benchmark's thread or child process beside this one (dist/bench/…): the benchmarks run from
 * the build. `command` is the npm script that builds and runs the benchmark, named when the file is missing.
 */
export function compiled(file: string, command: string): string {
  const full = path.join(__dirname, file);
  if (!fs.existsSync(full)) throw new Error(`${full} is missing: run the benchmark with ${command}`);
  return full;
}

/** This process's CPU (user and system) since `since`, in whole milliseconds. */
export const cpuMs = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return Math.round((used.user + used.system) / 1000);
};

/** Runs a benchmark's main and exits: 0 when it finishes, 1 with the error printed when it fails. */
export function runBenchmark(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

export interface ClosedLoopResult {
  /** Milliseconds of each answered request. */
  latencies: number[];
  failed: number;
  /** What the first failed request answered (cut to 300 characters). */
  firstFailure: string;
  /** Answered requests per second over the loop's wall time. */
  rps: number;
}

/**
 * `connections` callers, each sending `send()` again as soon as it is answered, for `seconds`. `send` returns null
 * when the answer is good, else what to report of it.
 */
export async function closedLoop(
  connections: number,
  seconds: number,
  send: () => Promise<string | null>,
): Promise<ClosedLoopResult> {
  const until = performance.now() + seconds * 1000;
  const latencies: number[] = [];
  let failed = 0;
  let firstFailure = '';
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const sent = performance.now();
        const failure = await send();
        if (failure === null) latencies.push(performance.now() - sent);
        else {
          failed++;
          firstFailure ||= failure.slice(0, 300);
        }
      }
    }),
  );
  return { latencies, failed, firstFailure, rps: latencies.length / ((performance.now() - started) / 1000) };
}
