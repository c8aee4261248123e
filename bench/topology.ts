/**
 * Benchmark: the production topology as processes (hub/topology.ts, `npm run start:topology`), on the broker in
 * KAFKA_BROKERS (default 127.0.0.1:29092, with KAFKA_CREDENTIALS_FILE) and the machine's PostgreSQL. It prints:
 *  - scale-out: gateway requests per second for a read served by the areas subgraph (`areas(first: 3)`), from
 *    BENCH_CONCURRENCY (16) clients for BENCH_SECONDS (10), with 1 and then 2 instances of areas and contracts, and
 *    the CPU count (on 2 cores, expect little gain: the gateway and the instances share them);
 *  - relay handover: with 2 instances, one is SIGKILLed while writes continue through the gateway; the time from
 *    the kill to the first event the survivor's relay publishes for a write committed after it (target ≤ 5 s),
 *    BENCH_ROUNDS (3) times.
 *
 *   npm run bench:topology
 */
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { loadHubModules } from './hub-modules';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const hub = await loadHubModules();
  const [{ startTopology, freeBasePort }, { buildDist }, { probeTopics }] = await Promise.all([
    import('../hub/topology'),
    import('../test/support/built'),
    import('../test/support/kafka-probe'),
  ]);
  const root = await buildDist();
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:29092').split(',');
  const credentials = hub.brokerCredentialsFromEnv();
  if (!credentials) throw new Error('set KAFKA_CREDENTIALS_FILE: the topology runs on a secured broker');
  const secrets = {
    jwt: randomBytes(32).toString('base64'),
    internal: randomBytes(32).toString('base64'),
    ownerDataKey: randomBytes(32).toString('base64'),
  };
  const tokens = hub.tokenSettings({
    NODE_ENV: 'production',
    HUB_JWT_SECRET: secrets.jwt,
    HUB_INTERNAL_SECRET: secrets.internal,
  });
  const office = hub.DEMO_STREETS[0].office;
  const token = await hub.mintUserToken(office, tokens, '1h');
  const call = (url: string, query: string, variables: Record<string, unknown> = {}) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    }).then(async (res) => (await res.json()) as { data?: { registerArea?: { id: string } }; errors?: unknown[] });
  const registerArea = (url: string, name: string) =>
    call(url, 'mutation($i: RegisterAreaInput!) { registerArea(input: $i) { id } }', {
      i: { name, districtCode: hub.DEMO_STREETS[0].districtCode, streetCode: hub.DEMO_STREETS[0].streetCode },
    });

  const run = async (
    instances: number,
    measure: (t: Awaited<ReturnType<typeof startTopology>>, prefix: string) => Promise<void>,
  ) => {
    const suffix = randomBytes(4).toString('hex');
    const database = `hub_bench_${suffix}`;
    const databaseUrl = await hub.ensureDatabase(hub.MACHINE_POSTGRES_URL, database);
    const prefix = `bench-${suffix}.`;
    const topology = await startTopology(
      {
        databaseUrl,
        brokers,
        credentials,
        secrets,
        instances,
        subgraphs: ['areas', 'contracts'],
        basePort: await freeBasePort(instances),
        localEnv: { KAFKA_TOPIC_PREFIX: prefix, HUB_LOG_LEVEL: 'warn', HUB_RATE_LIMIT: '1000000000/60' },
      },
      { root },
    );
    try {
      await measure(topology, prefix);
    } finally {
      await topology.stop();
      await hub.dropDatabase(hub.MACHINE_POSTGRES_URL, database);
    }
  };

  const rps: Record<number, number> = {};
  for (const instances of [1, 2]) {
    await run(instances, async (topology) => {
      for (let i = 0; i < 5; i++) await registerArea(topology.gatewayUrl, `基准片区-${i}`);
      const until = Date.now() + SECONDS * 1000;
      let done = 0;
      let failed = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (Date.now() < until) {
            const body = await call(topology.gatewayUrl, '{ areas(first: 3) { id name } }');
            if (body.errors) failed++;
            else done++;
          }
        }),
      );
      rps[instances] = done / SECONDS;
      process.stdout.write(
        `${instances} instance(s) per subgraph: ${rps[instances].toFixed(0)} requests/s (${failed} failed)\n`,
      );
    });
  }

  const handovers: number[] = [];
  await run(2, async (topology, prefix) => {
    const probe = await probeTopics(brokers, [`${prefix}areas.areas.v1`], credentials.admin);
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const [victim] = topology.instances.areas!;
        const killedAt = Date.now();
        await topology.kill(victim);
        const answer = await registerArea(topology.gatewayUrl, `基准交接-${round}`);
        const id = answer.data?.registerArea?.id;
        if (!id) throw new Error(`write after the kill failed: ${JSON.stringify(answer.errors)}`);
        const published = await probe.waitForCount(
          'the survivor to publish',
          (m) => JSON.parse(m.message.value!.toString()).areaId === id,
          1,
          30_000,
        );
        const at = Number(published[0].message.timestamp);
        handovers.push(at - killedAt);
        process.stdout.write(`relay handover round ${round + 1}: first event ${at - killedAt} ms after the kill\n`);
        await topology.restart(victim);
        await sleep(500);
      }
    } finally {
      await probe.stop();
    }
  });

  const sorted = [...handovers].sort((a, b) => a - b);
  process.stdout.write(
    [
      '',
      `CPUs: ${os.cpus().length} (${os.cpus()[0]?.model ?? 'unknown'}), load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
      `gateway RPS: 1 instance ${rps[1].toFixed(0)}/s, 2 instances ${rps[2].toFixed(0)}/s (×${(rps[2] / rps[1]).toFixed(2)})`,
      `relay death → successor's first publish: median ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted.at(-1)} ms (target ≤ 5000 ms)`,
      '',
    ].join('\n'),
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
