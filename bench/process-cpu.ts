import { readFileSync, readdirSync } from 'node:fs';

/**
 * A process's CPU so far (user and system), in seconds, from /proc (Linux; the benchmarks' PostgreSQL and hub
 * processes run on this host); NaN once it has gone or where there is no /proc.
 */
export function processCpuSeconds(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, fields 14 and 15 of proc(5), in clock ticks (100 a second on Linux)
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/**
 * The CPU seconds so far of each PostgreSQL backend serving `database`, by pid (none where there is no /proc). A
 * backend gone before the next reading is not counted: the pools the benchmarks use keep their connections.
 */
export function backendCpuSeconds(database: string): Map<number, number> {
  const used = new Map<number, number>();
  let pids: string[] = [];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return used;
  }
  for (const pid of pids) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`: postgres ${database} `)) continue;
    } catch {
      continue; // gone meanwhile
    }
    const cpu = processCpuSeconds(Number(pid));
    if (!Number.isNaN(cpu)) used.set(Number(pid), cpu);
  }
  return used;
}

/** The CPU seconds the processes of `after` used since `before` (a process new since counts from 0). */
export const cpuSince = (before: Map<number, number>, after: Map<number, number>): number =>
  [...after].reduce((sum, [pid, seconds]) => sum + seconds - (before.get(pid) ?? 0), 0);
