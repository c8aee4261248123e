/**
 * Benchmark: what an idle production topology costs (hub/topology.ts as `npm run start:topology` runs it, production
 * settings, no load): one instance each of BENCH_SUBGRAPHS (areas, contracts, arrears, litigation) and the gateway,
 * on the broker in KAFKA_BROKERS (default 127.0.0.1:29092, with KAFKA_CREDENTIALS_FILE) and the machine's PostgreSQL.
 * Once every process is ready and BENCH_SETTLE_SECONDS (20) have passed, each process's CPU (user and system, from
 * /proc: Linux only) is read at the start and end of BENCH_ROUNDS (3) windows of BENCH_SECONDS (60), and printed as
 * CPU seconds per minute, per process and in all, with the load average.
 * With BENCH_COMPARE_ROOT (another checkout, `npm run build` done there) a second topology runs that checkout's dist/
 * beside this one, started after it and measured over the same windows, so the machine's load falls on both alike;
 * the medians of both and their ratio are printed. BENCH_INSTANCES (1) instances of each subgraph; BENCH_LOCAL_ENV and
 * BENCH_COMPARE_LOCAL_ENV (JSON objects of hub/topology.ts's LOCAL_ONLY_ENV) tune this checkout's topology and the
 * compared one, e.g. the consumers' fetch wait of test/topology-failover.it.test.ts against another (BENCH_COMPARE_ROOT
 * may be this checkout).
 *
 *   npm run bench:topology-idle
 *   BENCH_COMPARE_ROOT=/path/to/main-checkout BENCH_ROUNDS=5 npm run bench:topology-idle
 *   BENCH_COMPARE_ROOT=. BENCH_INSTANCES=2 BENCH_LOCAL_ENV='{"KAFKA_CONSUMER_MAX_WAIT_MS":"500"}' \
 *     BENCH_COMPARE_LOCAL_ENV='{"KAFKA_CONSUMER_MAX_WAIT_MS":"1500"}' npm run bench:topology-idle
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { SubgraphName } from '../platform/config';
import { loadHubModules, topologyBenchSettings } from './hub-modules';
import { median, runBenchmark } from './load';
import { processCpuSeconds } from './process-cpu';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SETTLE_SECONDS = Number(process.env.BENCH_SETTLE_SECONDS ?? 20);
const SUBGRAPHS = (process.env.BENCH_SUBGRAPHS ?? 'areas,contracts,arrears,litigation').split(',') as SubgraphName[];
const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 1);
const LOCAL_ENV = [process.env.BENCH_LOCAL_ENV, process.env.BENCH_COMPARE_LOCAL_ENV].map(
  (json) => (json ? JSON.parse(json) : {}) as Record<string, string>,
);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

async function main(): Promise<void> {
  const hub = await loadHubModules();
  const [{ startTopology, freeBasePort }] = await Promise.all([import('../hub/topology')]);
  const own = hub.projectRoot(__dirname);
  const roots = [own, ...(process.env.BENCH_COMPARE_ROOT ? [path.resolve(process.env.BENCH_COMPARE_ROOT)] : [])];
  for (const root of roots)
    if (!fs.existsSync(path.join(root, 'dist', 'hub', 'topology.js'))) throw new Error(`run npm run build in ${root}`);
  const { brokers, credentials, secrets } = topologyBenchSettings(hub);

  const databases: string[] = [];
  const started: Awaited<ReturnType<typeof startTopology>>[] = [];
  const start = async (root: string, localEnv: Record<string, string>) => {
    const suffix = randomBytes(4).toString('hex');
    const database = `hub_bench_${suffix}`;
    const databaseUrl = await hub.ensureDatabase(hub.MACHINE_POSTGRES_URL, database);
    databases.push(database);
    const topology = await startTopology(
      {
        databaseUrl,
        brokers,
        credentials,
        secrets,
        instances: INSTANCES,
        subgraphs: SUBGRAPHS,
        basePort: await freeBasePort(INSTANCES),
        localEnv: { KAFKA_TOPIC_PREFIX: `bench-${suffix}.`, HUB_LOG_LEVEL: 'warn', ...localEnv },
      },
      // as `npm run start:topology` allows: five processes starting on a loaded 2-core machine take minutes
      { root, readyTimeoutMs: 600_000 },
    );
    started.push(topology);
    return topology;
  };

  const perMinute: number[][] = roots.map(() => []);
  try {
    // one after the other (two migrate steps at once on a loaded machine outlast the step's 2 minutes)
    const topologies = [];
    for (const [t, root] of roots.entries()) topologies.push(await start(root, LOCAL_ENV[t]));
    const processes = topologies.map((t) => [t.gateway, ...Object.values(t.instances).flat()]);
    process.stdout.write(`all ready; settling ${SETTLE_SECONDS} s (load average ${loadAverage()})\n`);
    await sleep(SETTLE_SECONDS * 1000);
    for (let round = 0; round < ROUNDS; round++) {
      const before = processes.map((list) => list.map((p) => processCpuSeconds(p.pid)));
      const from = performance.now();
      await sleep(SECONDS * 1000);
      const minutes = (performance.now() - from) / 60_000;
      const lines = processes.map((list, t) => {
        const each = list.map((p, i) => (processCpuSeconds(p.pid) - before[t][i]) / minutes);
        if (each.some(Number.isNaN)) throw new Error(`a process of ${roots[t]} exited while idle`);
        const all = each.reduce((a, b) => a + b, 0);
        perMinute[t].push(all);
        return `  ${roots[t]}: ${all.toFixed(2)} CPU s/min (${list.map((p, i) => `${p.name} ${each[i].toFixed(2)}`).join(', ')})`;
      });
      process.stdout.write(`round ${round + 1}, load average ${loadAverage()}:\n${lines.join('\n')}\n`);
    }
  } finally {
    for (const topology of started) await topology.stop();
    for (const database of databases) await hub.dropDatabase(hub.MACHINE_POSTGRES_URL, database);
  }

  const medians = perMinute.map(median);
  process.stdout.write(
    [
      '',
      `CPUs: ${os.cpus().length} (${os.cpus()[0]?.model ?? 'unknown'}), load average ${loadAverage()}`,
      `idle topology (${SUBGRAPHS.join(', ')}, gateway; ${INSTANCES} instance(s) each), CPU seconds per minute, median of ${ROUNDS} windows of ${SECONDS} s:`,
      ...roots.map((root, t) => `  ${root}: ${medians[t].toFixed(2)}`),
      ...(roots.length === 2 ? [`  ratio (this checkout / compared): ×${(medians[0] / medians[1]).toFixed(2)}`] : []),
      '',
    ].join('\n'),
  );
}

runBenchmark(main);
