/**
 * Benchmark: what one process of the production topology (hub/topology.ts, the entry points of docker-compose.yml)
 * costs to start: the CPU it has used (from /proc) and the wall time when it first answers its readiness probe
 * (/readyz for a subgraph, /healthz for the gateway), each process started alone and stopped (SIGTERM) before the
 * next. Given several checkouts (each with its dist/ built), it starts each service from each in turn for
 * BENCH_ROUNDS (5) rounds, the order alternating (A B, B A, ...), so the machine's load falls on both alike; it
 * prints each start, then the medians per service and checkout and their ratio to the first checkout. One database
 * (migrated once) and one topic prefix on the broker in KAFKA_BROKERS (default 127.0.0.1:29092, with
 * KAFKA_CREDENTIALS_FILE) serve every start.
 *
 *   KAFKA_CREDENTIALS_FILE=… npm run bench:topology-start -- <checkout> [<checkout>…]
 *   BENCH_SERVICES=areas,gateway BENCH_ROUNDS=7 node dist/bench/topology-start.js ../base .
 */
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadHubModules, topologyBenchSettings } from './hub-modules';
import { median, runBenchmark } from './load';
import { processCpuSeconds } from './process-cpu';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SERVICES = (process.env.BENCH_SERVICES ?? 'areas,contracts,arrears,litigation,gateway').split(',');

async function main(): Promise<void> {
  const checkouts = process.argv.slice(2).map((dir) => path.resolve(dir));
  if (checkouts.length === 0) throw new Error('usage: node dist/bench/topology-start.js <checkout> [<checkout>…]');
  const hub = await loadHubModules();
  const { topologyServices, freeBasePort, ServiceProcess } = await import('../hub/topology');
  const { brokers, credentials, secrets } = topologyBenchSettings(hub);
  const suffix = randomBytes(4).toString('hex');
  const database = `hub_bench_${suffix}`;
  const databaseUrl = await hub.ensureDatabase(hub.MACHINE_POSTGRES_URL, database);
  try {
    const services = topologyServices({
      databaseUrl,
      brokers,
      credentials,
      secrets,
      instances: 1,
      subgraphs: SERVICES.filter((s) => s !== 'gateway') as (typeof hub.SUBGRAPH_NAMES)[number][],
      basePort: await freeBasePort(1),
      localEnv: { KAFKA_TOPIC_PREFIX: `bench-${suffix}.`, HUB_LOG_LEVEL: 'warn', KAFKA_CONSUMER_MAX_WAIT_MS: '500' },
    });
    // the migrations and the topics once, from the first checkout
    for (const step of services.steps) await new ServiceProcess(step, checkouts[0]).run();
    const definitions = [...services.subgraphs, services.gateway];
    const figures: { checkout: string; service: string; cpuMs: number; readyMs: number }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? checkouts : [...checkouts].reverse();
      for (const definition of definitions)
        for (const checkout of order) {
          const child = new ServiceProcess(definition, checkout);
          const spawned = performance.now();
          child.spawn();
          await child.waitReady(definition.service === 'gateway' ? '/healthz' : '/readyz');
          const readyMs = Math.round(performance.now() - spawned);
          const cpuMs = Math.round(processCpuSeconds(child.pid) * 1000);
          await child.kill('SIGTERM');
          figures.push({ checkout, service: definition.service, cpuMs, readyMs });
          console.log(JSON.stringify({ round: round + 1, ...figures.at(-1), load: os.loadavg()[0].toFixed(2) }));
        }
    }
    for (const definition of definitions) {
      const of = (checkout: string) =>
        figures.filter((f) => f.checkout === checkout && f.service === definition.service);
      const first = median(of(checkouts[0]).map((f) => f.cpuMs));
      for (const checkout of checkouts) {
        const cpuMs = median(of(checkout).map((f) => f.cpuMs));
        const readyMs = median(of(checkout).map((f) => f.readyMs));
        console.log(
          `${definition.service} ${checkout}: median CPU ${cpuMs} ms (${(cpuMs / first).toFixed(2)}x), ready ${readyMs} ms`,
        );
      }
    }
    console.log(
      `load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}, ${os.cpus().length} CPUs`,
    );
  } finally {
    await hub.dropDatabase(hub.MACHINE_POSTGRES_URL, database);
  }
}

runBenchmark(main);
