/**
 * The client of bench/gateway-overhead.ts in a thread of its own, so that its event loop is not the subgraphs':
 * for each phase it keeps `connections` requests in flight for `durationMs`, every request with a fresh
 * x-request-id, and answers with each request's latency.
 */
import { randomUUID } from 'node:crypto';
import { parentPort } from 'node:worker_threads';

export interface LoadPhase {
  url: string;
  headers: Record<string, string>;
  body: string;
  connections: number;
  durationMs: number;
}

export interface LoadResult {
  latencies: number[];
  seconds: number;
  failures: number;
  firstFailure?: string;
}

async function run(phase: LoadPhase): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  const started = performance.now();
  const until = started + phase.durationMs;
  const loop = async () => {
    while (performance.now() < until) {
      const sent = performance.now();
      const res = await fetch(phase.url, {
        method: 'POST',
        headers: { ...phase.headers, 'x-request-id': randomUUID() },
        body: phase.body,
      });
      const text = await res.text();
      if (res.status !== 200 || text.includes('"errors"')) {
        failures++;
        firstFailure ??= `${res.status} ${text.slice(0, 300)}`;
      } else latencies.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: phase.connections }, loop));
  return { latencies, seconds: (performance.now() - started) / 1000, failures, firstFailure };
}

parentPort!.on('message', (phase: LoadPhase) => {
  void run(phase).then((result) => parentPort!.postMessage(result));
});
