/**
 * Benchmark: what does our gateway cost (issue 16, target 1)?
 *
 * The subgraphs run in this process over a fresh database with the demo data (areas, filings, the levy, three
 * billed months, referrals). Three ways in, each over the same subgraphs:
 * - ours: the edge (gateway/server.ts) in a thread of its own, with the caller's JWT;
 * - stock: Hive Gateway's runtime over the same supergraph with a header-forwarding plugin only, in a thread of
 *   its own, given the identity assertion directly (no token to verify, nothing to sign);
 * - direct: the subgraph itself with the assertion (single-subgraph queries only).
 * The client is a thread of its own too. Each phase keeps 1 or 10 requests in flight for a few seconds, every
 * request with a fresh x-request-id (nothing merges in flight); phases interleave round by round, in rotating
 * order, so the machine's drift falls on all alike. It prints p50/p99/RPS per way in, and the ratios:
 * added p50 at 1 connection (target ≤ 2 ms over direct) and RPS at 10 connections (target ≥ 1.0× stock).
 * Beside them, each gateway thread's own CPU time per request (bench/thread-cpu.ts), ours over stock: on a shared
 * machine the latencies move with the others' load, the CPU a request costs the gateway much less.
 *
 *   npm run bench:gateway                  # 3 rounds of 3 s phases
 *   npm run bench:gateway -- 5 4           # rounds, seconds per phase
 *
 * With BENCH_BASELINE_DIST=<another checkout's built dist> a fourth way in, `base`, is that checkout's edge in a
 * thread of its own (its dist/bench/edge-gateway-thread.js, which must register tracing as gateway/main.ts does, as
 * this one's does), interleaved with the others: before and after a change of the edge, side by side in one run.
 *
 * PostgreSQL: DATABASE_URL or postgres://postgres@127.0.0.1:5432 (a database hub_bench_gw_<random>, dropped at
 * the end; BENCH_DATABASE=<name> keeps and reuses one). Kafka: KAFKA_BROKERS.
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EdgeConfig } from '../gateway/config';
import type { Identity } from '../kernel/identity';
import type { LoadPhase, LoadResult } from './gateway-load-thread';
import { loadHubModules, withoutRateLimits } from './hub-modules';
import { compiled, percentile } from './load';

const threadFile = (file: string) => compiled(file, 'npm run bench:gateway');

type Way = 'ours' | 'stock' | 'direct' | 'base';
interface Scenario {
  name: string;
  query: string;
  who: Identity;
  /** The subgraph that answers it alone, for the direct way in. */
  subgraph?: string;
}

async function main() {
  const rounds = Number(process.argv[2] ?? process.env.BENCH_ROUNDS ?? 3);
  const seconds = Number(process.argv[3] ?? process.env.BENCH_SECONDS ?? 3);
  const hubModules = await loadHubModules();
  const {
    DEFAULT_EDGE_CONFIG,
    DEMO_BUREAU,
    DEMO_BILLING,
    DEMO_REFERRALS,
    MACHINE_POSTGRES_URL,
    dropDatabase,
    ensureDatabase,
    kafkaBrokersFromEnv,
    brokerCredentialsFromEnv,
  } = hubModules;
  const {
    loadDemoArrears,
    loadDemoData,
    mintUserToken,
    signIdentityAssertion,
    startHub,
    supergraphPath,
    tokenSettings,
    withSubgraphUrls,
  } = hubModules;
  const brokers = kafkaBrokersFromEnv();
  if (!brokers) throw new Error('set KAFKA_BROKERS (or run `npm run kafka:start` and KAFKA_BROKERS=127.0.0.1:19092)');
  const adminUrl = process.env.DATABASE_URL ?? MACHINE_POSTGRES_URL;
  const database = process.env.BENCH_DATABASE ?? `hub_bench_gw_${randomBytes(4).toString('hex')}`;
  const tokens = tokenSettings();
  const config: EdgeConfig = withoutRateLimits(DEFAULT_EDGE_CONFIG);

  let hub: Awaited<ReturnType<typeof startHub>> | undefined;
  const threads: Worker[] = [];
  const thread = async (file: string, data: object) => {
    const worker = new Worker(path.isAbsolute(file) ? file : threadFile(file), { workerData: data });
    threads.push(worker);
    const [started] = (await once(worker, 'message')) as [{ url: string }];
    return { url: started.url, worker };
  };
  /** The CPU time a gateway's thread has run so far, in µs (bench/thread-cpu.ts). */
  const cpuMicros = async (worker: Worker) => {
    const answer = once(worker, 'message') as Promise<[{ cpuMicros?: number }]>;
    worker.postMessage('cpu');
    return (await answer)[0].cpuMicros;
  };
  try {
    // Inside the try: a hub that fails to start leaves no database behind.
    hub = await startHub({
      databaseUrl: await ensureDatabase(adminUrl, database),
      kafkaBrokers: brokers,
      kafkaCredentials: brokerCredentialsFromEnv(),
      tokens,
      topicPrefix: `benchgw${randomBytes(3).toString('hex')}.`,
      ports: 'ephemeral',
      edge: config,
    });
    process.stderr.write('loading the demo data...\n');
    await loadDemoData(hub.gatewayUrl, tokens);
    await loadDemoArrears(hub.gatewayUrl, tokens);
    const subgraphUrls = Object.fromEntries(Object.values(hub.subgraphs).map((s) => [s.name, s.url]));
    const supergraphSdl = fs.readFileSync(supergraphPath(), 'utf8');
    const baselineDist = process.env.BENCH_BASELINE_DIST;
    const gateways: Partial<Record<Exclude<Way, 'direct'>, { url: string; worker: Worker }>> = {
      ours: await thread('edge-gateway-thread.js', { supergraphSdl, subgraphUrls, tokens, config }),
      stock: await thread('gateway-stock-thread.js', { supergraph: withSubgraphUrls(supergraphSdl, subgraphUrls) }),
    };
    if (baselineDist) {
      const file = path.resolve(baselineDist, 'bench', 'edge-gateway-thread.js');
      gateways.base = await thread(file, { supergraphSdl, subgraphUrls, tokens, config });
    }
    const client = new Worker(threadFile('gateway-load-thread.js'));
    threads.push(client);
    const load = async (phase: LoadPhase): Promise<LoadResult> => {
      client.postMessage(phase);
      const [result] = (await once(client, 'message')) as [LoadResult];
      if (result.failures > 0) throw new Error(`${result.failures} requests failed, the first: ${result.firstFailure}`);
      return result;
    };

    const court: Identity = {
      subject: `${DEMO_REFERRALS.courtId}-clerk`,
      role: 'COURT',
      organisationId: DEMO_REFERRALS.courtId,
      jurisdictions: ['110108'],
    };
    const scenarios: Scenario[] = [
      {
        name: 'single-subgraph: a bureau lists compounds',
        query: '{ compounds(first: 20) { id name districtCode kind } }',
        who: DEMO_BUREAU,
        subgraph: 'areas',
      },
      {
        name: 'cross-subgraph: a court lists its referrals with their households',
        query:
          '{ referrals(first: 20) { totalCount items { id status amountInDisputeFen household { unit room ownerName } } } }',
        who: court,
      },
      {
        name: 'cross-subgraph: a company lists arrears(first: 50) with households',
        query: '{ arrears(first: 50) { totalCount items { accountId openFen household { unit room ownerName } } } }',
        who: DEMO_BILLING.company,
      },
    ];
    const connections = [1, 10];
    const results = new Map<string, number[] & { seconds?: number; cpuMicros?: number }>();
    const record = (key: string, r: LoadResult & { cpuMicros?: number }) => {
      const all = results.get(key) ?? Object.assign([] as number[], { seconds: 0, cpuMicros: 0 });
      all.push(...r.latencies);
      all.seconds = (all.seconds ?? 0) + r.seconds;
      if (r.cpuMicros === undefined || all.cpuMicros === undefined) all.cpuMicros = undefined;
      else all.cpuMicros += r.cpuMicros;
      results.set(key, all);
    };
    const phase = async (s: Scenario, way: Way, n: number, durationMs: number) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      // Signed per phase: an assertion lives 60 s.
      if (way === 'ours' || way === 'base')
        headers.authorization = `Bearer ${await mintUserToken(s.who, tokens, '1h')}`;
      else headers['x-hub-identity'] = await signIdentityAssertion(s.who, tokens);
      if (way === 'direct')
        return load({
          url: subgraphUrls[s.subgraph!],
          headers,
          body: JSON.stringify({ query: s.query }),
          connections: n,
          durationMs,
        });
      // The gateway thread's own CPU time over the phase: its cost per request, whatever else the machine runs.
      const { url, worker } = gateways[way]!;
      const before = await cpuMicros(worker);
      const result = await load({ url, headers, body: JSON.stringify({ query: s.query }), connections: n, durationMs });
      const after = await cpuMicros(worker);
      return { ...result, cpuMicros: before === undefined || after === undefined ? undefined : after - before };
    };
    const waysOf = (s: Scenario): Way[] => [
      'ours',
      'stock',
      ...(s.subgraph ? (['direct'] as const) : []),
      ...(baselineDist ? (['base'] as const) : []),
    ];
    for (const s of scenarios) for (const way of waysOf(s)) await phase(s, way, 10, 1000); // warm-up: connections, plans, JIT
    // The whole hub runs in this process (subgraphs here, both gateways and the client in threads): its RSS.
    let peakRss = 0;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);
    for (let round = 0; round < rounds; round++) {
      for (const s of scenarios) {
        for (const n of connections) {
          const ways = waysOf(s);
          const order = ways.map((_, i) => ways[(i + round) % ways.length]);
          for (const way of order) record(`${s.name}|${way}|${n}`, await phase(s, way, n, seconds * 1000));
        }
      }
      process.stderr.write(`round ${round + 1}/${rounds} done\n`);
    }

    clearInterval(sampler);
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
    const memory = `Process RSS (subgraphs, the gateways and the client): peak ${mb(peakRss)} under load, ${mb(process.memoryUsage().rss)} after 5 s idle`;
    const lines = [
      '',
      `Gateway overhead: ${rounds} interleaved rounds × ${seconds} s per way in, connections and query (unique x-request-id per request)`,
    ];
    for (const s of scenarios) {
      lines.push('', s.name, `  ${s.query}`);
      for (const n of connections) {
        const figures = new Map<Way, { p50: number; p99: number; rps: number; cpu?: number }>();
        for (const way of waysOf(s)) {
          const all = results.get(`${s.name}|${way}|${n}`)!;
          const sorted = [...all].sort((a, b) => a - b);
          const cpu = way === 'direct' || all.cpuMicros === undefined ? undefined : all.cpuMicros / sorted.length;
          const f = {
            p50: percentile(sorted, 50),
            p99: percentile(sorted, 99),
            rps: sorted.length / all.seconds!,
            cpu,
          };
          figures.set(way, f);
          lines.push(
            `  ${String(n).padStart(2)} conn  ${way.padEnd(6)}  p50 ${f.p50.toFixed(2).padStart(7)} ms  p99 ${f.p99.toFixed(2).padStart(7)} ms  ${f.rps.toFixed(0).padStart(5)} req/s  (n=${sorted.length})` +
              (cpu === undefined ? '' : `  gateway CPU ${cpu.toFixed(0).padStart(5)} µs/req`),
          );
        }
        const ours = figures.get('ours')!;
        const stock = figures.get('stock')!;
        const direct = figures.get('direct');
        const ratios = [
          `ours/stock RPS ${(ours.rps / stock.rps).toFixed(2)}×`,
          `p50 ours − stock ${(ours.p50 - stock.p50).toFixed(2)} ms`,
        ];
        if (ours.cpu !== undefined && stock.cpu !== undefined)
          ratios.push(`gateway CPU ours/stock ${(ours.cpu / stock.cpu).toFixed(2)}×`);
        const base = figures.get('base');
        if (base) {
          ratios.push(`ours/base RPS ${(ours.rps / base.rps).toFixed(2)}×`);
          if (ours.cpu !== undefined && base.cpu !== undefined)
            ratios.push(
              `gateway CPU ours/base ${(ours.cpu / base.cpu).toFixed(2)}×, base/stock ${(base.cpu / stock.cpu!).toFixed(2)}×`,
            );
        }
        if (direct)
          ratios.push(
            `p50 added over direct: ours ${(ours.p50 - direct.p50).toFixed(2)} ms, stock ${(stock.p50 - direct.p50).toFixed(2)} ms`,
            `ours/direct RPS ${(ours.rps / direct.rps).toFixed(2)}×`,
          );
        lines.push(`           ${ratios.join('; ')}`);
      }
    }
    lines.push('', memory, '');
    process.stdout.write(lines.join('\n'));
  } finally {
    for (const worker of threads) {
      worker.postMessage('stop');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    await Promise.all(threads.map((w) => w.terminate()));
    await hub?.stop();
    if (!process.env.BENCH_DATABASE) await dropDatabase(adminUrl, database);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
