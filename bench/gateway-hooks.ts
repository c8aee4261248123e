/**
 * Benchmark: what do the edge's plugins cost Hive Gateway's runtime per request, without HTTP or the machine's
 * noise in the way (issue 16, target 1; README › Performance › Gateway and lists)?
 *
 * Each variant is a runtime in a thread of its own (bench/gateway-hooks-thread.ts), driven by `runtime.fetch`:
 * - stock: Hive Gateway's runtime with a header-forwarding plugin only (as bench:gateway's stock);
 * - ours: this checkout's edge (dist/gateway/runtime.js);
 * - base: with BENCH_BASELINE_DIST=<another checkout's built dist>, that checkout's edge.
 * The subgraphs run here over a fresh database with the demo data only while each variant records their answers
 * (warm-up); the hub then stops and the rounds replay the answers. A round runs each variant in turn (the order
 * rotating round by round) for `requests` requests of each query, one at a time, each with a fresh x-request-id,
 * and takes the thread's CPU time per request (bench/thread-cpu.ts). It prints per query and variant the median
 * over rounds, and the ratios' medians (each round's ratio, so drift between rounds cancels).
 *
 *   npm run bench:gateway-hooks                 # 11 rounds × 500 requests
 *   npm run bench:gateway-hooks -- 7 300        # rounds, requests per round, variant and query
 *
 * PostgreSQL: DATABASE_URL or postgres://postgres@127.0.0.1:5432 (a database hub_bench_gh_<random>, dropped at the
 * end). Kafka: KAFKA_BROKERS.
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Identity } from '../kernel/identity';
import type { HooksResult, HooksRun, HooksThreadData } from './gateway-hooks-thread';
import { loadHubModules, withoutRateLimits } from './hub-modules';
import { median, runBenchmark } from './load';

type Variant = 'stock' | 'ours' | 'base';

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function main() {
  const rounds = Number(process.argv[2] ?? 11);
  const requests = Number(process.argv[3] ?? 500);
  const m = await loadHubModules();
  const brokers = m.kafkaBrokersFromEnv();
  if (!brokers) throw new Error('set KAFKA_BROKERS (or run `npm run kafka:start` and KAFKA_BROKERS=127.0.0.1:19092)');
  const adminUrl = process.env.DATABASE_URL ?? m.MACHINE_POSTGRES_URL;
  const database = `hub_bench_gh_${randomBytes(4).toString('hex')}`;
  const tokens = m.tokenSettings();
  const config = withoutRateLimits(m.DEFAULT_EDGE_CONFIG);
  const threads = new Map<Variant, Worker>();
  let hub: Awaited<ReturnType<typeof m.startHub>> | undefined;
  // Dropped in the finally unless the run dropped it itself after the warm-up (also when the hub failed to start).
  let databaseLeft = true;
  try {
    hub = await m.startHub({
      databaseUrl: await m.ensureDatabase(adminUrl, database),
      kafkaBrokers: brokers,
      kafkaCredentials: m.brokerCredentialsFromEnv(),
      tokens,
      topicPrefix: `benchgh${randomBytes(3).toString('hex')}.`,
      ports: 'ephemeral',
      edge: config,
    });
    process.stderr.write('loading the demo data...\n');
    await m.loadDemoData(hub.gatewayUrl, tokens);
    const subgraphUrls = Object.fromEntries(Object.values(hub.subgraphs).map((s) => [s.name, s.url]));
    const supergraph = m.withSubgraphUrls(fs.readFileSync(m.supergraphPath(), 'utf8'), subgraphUrls);
    const dists: Partial<Record<Variant, string>> = { ours: path.resolve(__dirname, '..') };
    if (process.env.BENCH_BASELINE_DIST) dists.base = path.resolve(process.env.BENCH_BASELINE_DIST);
    const variants: Variant[] = ['stock', ...(Object.keys(dists) as Variant[])];
    for (const variant of variants) {
      const worker = new Worker(path.join(__dirname, 'gateway-hooks-thread.js'), {
        workerData: {
          variant: variant === 'stock' ? { stock: true } : { dist: dists[variant]! },
          supergraph,
          subgraphUrls,
          tokens,
          config,
        } satisfies HooksThreadData,
      });
      threads.set(variant, worker);
      await once(worker, 'message');
    }

    const court: Identity = {
      subject: `${m.DEMO_REFERRALS.courtId}-clerk`,
      role: 'COURT',
      organisationId: m.DEMO_REFERRALS.courtId,
      jurisdictions: ['110108'],
    };
    const queries = [
      {
        name: 'single-subgraph: a bureau lists compounds',
        who: m.DEMO_BUREAU,
        query: '{ compounds(first: 20) { id name districtCode kind } }',
      },
      {
        name: 'cross-subgraph: a court lists its referrals with their households',
        who: court,
        query:
          '{ referrals(first: 20) { totalCount items { id status amountInDisputeFen household { unit room ownerName } } } }',
      },
    ];
    const run = async (variant: Variant, q: (typeof queries)[number], count: number, record: boolean) => {
      const headers: Record<string, string> =
        variant === 'stock'
          ? { 'x-hub-identity': await m.signIdentityAssertion(q.who, tokens) }
          : { authorization: `Bearer ${await m.mintUserToken(q.who, tokens, '1h')}` };
      const worker = threads.get(variant)!;
      worker.postMessage({
        body: JSON.stringify({ query: q.query }),
        headers,
        requests: count,
        record,
      } satisfies HooksRun);
      const [result] = (await once(worker, 'message')) as [HooksResult];
      if (result.failure) throw new Error(`${variant}, ${q.name}: ${result.failure}`);
      return result;
    };
    // Warm-up: record the subgraphs' answers, then plans, caches and JIT on the replay.
    for (const variant of variants) for (const q of queries) await run(variant, q, 3, true);
    await hub.stop();
    hub = undefined;
    await m.dropDatabase(adminUrl, database);
    databaseLeft = false;
    for (const variant of variants) for (const q of queries) await run(variant, q, requests, false);

    const loadBefore = load();
    const cpu = new Map<string, number[]>();
    for (let round = 0; round < rounds; round++) {
      const order = variants.map((_, i) => variants[(i + round) % variants.length]);
      for (const q of queries)
        for (const variant of order) {
          const key = `${q.name}|${variant}`;
          cpu.set(key, [...(cpu.get(key) ?? []), (await run(variant, q, requests, false)).cpuMicrosPerRequest]);
        }
      process.stderr.write(`round ${round + 1}/${rounds} done (load ${load()})\n`);
    }

    const lines = [
      '',
      `Gateway hooks, in process: ${rounds} interleaved rounds × ${requests} requests per variant and query, replayed subgraph answers`,
      `load average ${loadBefore} before the rounds, ${load()} after`,
    ];
    const ratio = (q: string, a: Variant, b: Variant) => {
      const as = cpu.get(`${q}|${a}`)!;
      const bs = cpu.get(`${q}|${b}`)!;
      const each = as.map((x, i) => x / bs[i]);
      return `${a}/${b} ${median(each).toFixed(3)}× (rounds ${Math.min(...each).toFixed(2)}–${Math.max(...each).toFixed(2)})`;
    };
    for (const q of queries) {
      lines.push('', q.name);
      for (const variant of variants) {
        const all = cpu.get(`${q.name}|${variant}`)!;
        lines.push(
          `  ${variant.padEnd(6)} thread CPU ${median(all).toFixed(0).padStart(5)} µs/request (median; rounds ${Math.min(...all).toFixed(0)}–${Math.max(...all).toFixed(0)})`,
        );
      }
      const ratios = [ratio(q.name, 'ours', 'stock')];
      if (dists.base) ratios.push(ratio(q.name, 'base', 'stock'), ratio(q.name, 'ours', 'base'));
      lines.push(`  ${ratios.join('; ')}`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await Promise.all([...threads.values()].map((w) => w.terminate()));
    await hub?.stop();
    if (databaseLeft) await m.dropDatabase(adminUrl, database);
  }
}

runBenchmark(main);
