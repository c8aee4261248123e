import { startTestHub } from '../test/support/hub-fixture';
import { SubgraphName } from '../platform/config';
import { cpuMs, runBenchmark } from './load';

/**
 * The CPU this process spends while a started test hub sits idle (its consumers' fetch loops, relays, timers), and
 * how long its stop takes: the fixed cost every integration file pays for each second its hub runs.
 *
 *   KAFKA_BROKERS=… KAFKA_CREDENTIALS_FILE=… HUB_TEST_MIGRATIONS_HASH=<the template's hash> \
 *     node dist/bench/hub-idle-cpu.js [idle seconds, default 20] [subgraphs, default all six]
 *
 * Run it in two checkouts one after the other, several rounds, to compare (README › Tests).
 */
async function main() {
  process.env.HUB_LOG_LEVEL ??= 'warn';
  const idleSeconds = Number(process.argv[2] ?? 20);
  const subgraphs = (process.argv[3] ?? 'areas,contracts,arrears,litigation,complaints,feeds').split(
    ',',
  ) as SubgraphName[];
  const hub = await startTestHub({ subgraphs });
  // The start's own work (schemas, first fetches, the group joins) settles first.
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const idling = process.cpuUsage();
  await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
  const idleCpuMs = cpuMs(idling);
  const stopping = performance.now();
  await hub.stop();
  const stopMs = Math.round(performance.now() - stopping);
  console.log(
    JSON.stringify({ subgraphs: subgraphs.length, idleSeconds, idleCpuMsPerSecond: idleCpuMs / idleSeconds, stopMs }),
  );
}

runBenchmark(main);
