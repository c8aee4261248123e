import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { identity, startTestHub } from '../test/support/hub-fixture';
import { SubgraphName } from '../platform/config';
import { cpuMs, runBenchmark } from './load';

/**
 * The CPU this process spends on a test hub's start and on its stop, and how many SCRAM salted passwords (PBKDF2)
 * its Kafka clients computed meanwhile; the first start also loads the modules. Between them, the wall and CPU time of
 * the first query through the fresh gateway that reaches a subgraph (areas' `compounds`) and of the same query again:
 * what the first caller after a gateway's start waits for beyond the others.
 *
 *   KAFKA_BROKERS=… KAFKA_CREDENTIALS_FILE=… HUB_TEST_MIGRATIONS_HASH=<the template's hash> \
 *     node dist/bench/hub-start-cpu.js [starts, default 3] [subgraphs, default areas,contracts]
 *
 * Run it in two checkouts one after the other, several rounds, to compare (README › Tests).
 */
let pbkdf2Calls = 0;
const pbkdf2 = crypto.pbkdf2;
crypto.pbkdf2 = ((...args: Parameters<typeof crypto.pbkdf2>) => {
  pbkdf2Calls += 1;
  return pbkdf2(...args);
}) as typeof crypto.pbkdf2;

async function main() {
  process.env.HUB_LOG_LEVEL ??= 'warn';
  const starts = Number(process.argv[2] ?? 3);
  const subgraphs = (process.argv[3] ?? 'areas,contracts').split(',') as SubgraphName[];
  for (let i = 0; i < starts; i++) {
    const calls = pbkdf2Calls;
    const starting = process.cpuUsage();
    const hub = await startTestHub({ subgraphs });
    const startCpuMs = cpuMs(starting);
    const query = async () => {
      const at = performance.now();
      const cpu = process.cpuUsage();
      const answer = await hub.gql(identity('ADMIN', 'hub-operator'), '{ compounds(first: 1) { id } }');
      if (answer.status !== 200 || answer.body.errors)
        throw new Error(`the query failed: ${JSON.stringify(answer.body)}`);
      return { ms: Math.round(performance.now() - at), cpuMs: cpuMs(cpu) };
    };
    const firstQuery = subgraphs.includes('areas') ? await query() : undefined;
    const secondQuery = firstQuery && (await query());
    const stopping = process.cpuUsage();
    await hub.stop();
    const stopCpuMs = cpuMs(stopping);
    console.log(
      JSON.stringify({
        start: i,
        subgraphs: subgraphs.length,
        startCpuMs,
        firstQuery,
        secondQuery,
        stopCpuMs,
        pbkdf2: pbkdf2Calls - calls,
      }),
    );
  }
}

runBenchmark(main);
