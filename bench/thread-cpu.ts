import fs from 'node:fs';

/**
 * The CPU time the calling thread has run, in µs (Linux: /proc/thread-self/schedstat, nanoseconds on a CPU), or
 * undefined where there is none. Unlike process.cpuUsage() it is this thread's alone, so a gateway in a worker
 * thread is measured apart from the subgraphs and the client sharing its process; unlike wall time it does not grow
 * when other processes take the machine's cores.
 */
export function threadCpuMicros(): number | undefined {
  try {
    return Number(fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1000;
  } catch {
    return undefined;
  }
}
