/**
 * Benchmark: the production topology as processes (hub/topology.ts, `npm run start:topology`), on the broker in
 * KAFKA_BROKERS (default 127.0.0.1:29092, with KAFKA_CREDENTIALS_FILE) and the machine's PostgreSQL. It prints:
 *  - scale-out: gateway requests per second for a read served by the areas subgraph (`areas(first: 3)`), from
 *    BENCH_CONCURRENCY (16) clients for BENCH_SECONDS (10), through a topology with 1 instance and one with 2
 *    instances of areas and contracts, both started first and measured in turn for BENCH_ROUNDS (3) interleaved
 *    rounds (the order alternating), so the machine's load falls on both alike; each round's figures (requests
 *    answered 200 without errors, over the measured wall time), the medians and their ratio, with the CPU count
 *    (on 2 cores, expect little gain: the gateway and the instances share them). Every request carries a fresh
 *    x-request-id.
 *  - relay handover: with 2 instances, one is SIGKILLed while writes continue through the gateway; the time from
 *    the kill to the first event the survivor's relay publishes for a write committed after it (target ≤ 5 s),
 *    BENCH_ROUNDS times.
 *
 *   npm run bench:topology
 *   BENCH_ROUNDS=5 BENCH_SECONDS=15 npm run bench:topology   (a quiet machine: nothing else running)
 */
import os from 'node:os';
import { randomBytes, randomUUID } from 'node:crypto';
import { loadHubModules, topologyBenchSettings } from './hub-modules';
import { closedLoop, median, runBenchmark } from './load';

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
  const { brokers, credentials, secrets } = topologyBenchSettings(hub);
  const tokens = hub.topologyGatewayTokens(secrets);
  const office = hub.DEMO_STREETS[0].office;
  const token = await hub.mintUserToken(office, tokens, '1h');
  /** The answer's status and body (`errors` set when it is not JSON). */
  const call = async (url: string, query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': randomUUID() },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    let body: { data?: { registerArea?: { id: string } }; errors?: unknown[] };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      body = { errors: [`not JSON: ${text.slice(0, 200)}`] };
    }
    return { status: res.status, body };
  };
  const registerArea = (url: string, name: string) =>
    call(url, 'mutation($i: RegisterAreaInput!) { registerArea(input: $i) { id } }', {
      i: { name, districtCode: hub.DEMO_STREETS[0].districtCode, streetCode: hub.DEMO_STREETS[0].streetCode },
    });

  const started: { topology: Awaited<ReturnType<typeof startTopology>>; prefix: string; database: string }[] = [];
  const start = async (instances: number) => {
    const suffix = randomBytes(4).toString('hex');
    const database = `hub_bench_${suffix}`;
    const databaseUrl = await hub.ensureDatabase(hub.MACHINE_POSTGRES_URL, database);
    const prefix = `bench-${suffix}.`;
    try {
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
      started.push({ topology, prefix, database });
      return { topology, prefix };
    } catch (error) {
      await hub.dropDatabase(hub.MACHINE_POSTGRES_URL, database);
      throw error;
    }
  };

  const rps: Record<number, number[]> = { 1: [], 2: [] };
  const handovers: number[] = [];
  try {
    // one after the other: twelve processes starting at once on 2 cores would only be slower
    const one = await start(1);
    const two = await start(2);
    for (const { topology } of [one, two])
      for (let i = 0; i < 5; i++) {
        const answer = await registerArea(topology.gatewayUrl, `基准片区-${i}`);
        if (answer.status !== 200 || !answer.body.data?.registerArea)
          throw new Error(`registering an area failed: ${answer.status} ${JSON.stringify(answer.body)}`);
      }
    const measure = async (instances: 1 | 2) => {
      const { gatewayUrl } = (instances === 1 ? one : two).topology;
      // Done: a 200 with data and no errors; the rate over the measured wall time (the last requests end after
      // SECONDS), not the configured one.
      const {
        rps: perSecond,
        failed,
        firstFailure,
      } = await closedLoop(CONCURRENCY, SECONDS, async () => {
        const { status, body } = await call(gatewayUrl, '{ areas(first: 3) { id name } }');
        return status === 200 && body.data && !body.errors ? null : `${status} ${JSON.stringify(body)}`;
      });
      rps[instances].push(perSecond);
      return `${instances} instance(s) ${perSecond.toFixed(0)}/s (${failed} failed${failed > 0 ? `, the first: ${firstFailure}` : ''})`;
    };
    for (let round = 0; round < ROUNDS; round++) {
      const order: (1 | 2)[] = round % 2 === 0 ? [1, 2] : [2, 1];
      const figures: string[] = [];
      for (const instances of order) figures.push(await measure(instances));
      process.stdout.write(`round ${round + 1}: ${figures.join(', ')}\n`);
    }

    const probe = await probeTopics(brokers, [`${two.prefix}areas.areas.v1`], credentials.admin);
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const [victim] = two.topology.instances.areas!;
        const killedAt = Date.now();
        await two.topology.kill(victim);
        const answer = await registerArea(two.topology.gatewayUrl, `基准交接-${round}`);
        const id = answer.status === 200 ? answer.body.data?.registerArea?.id : undefined;
        if (!id) throw new Error(`write after the kill failed: ${answer.status} ${JSON.stringify(answer.body.errors)}`);
        const published = await probe.waitForCount(
          'the survivor to publish',
          (m) => JSON.parse(m.message.value!.toString()).areaId === id,
          1,
          30_000,
        );
        const at = Number(published[0].message.timestamp);
        handovers.push(at - killedAt);
        process.stdout.write(`relay handover round ${round + 1}: first event ${at - killedAt} ms after the kill\n`);
        await two.topology.restart(victim);
        await sleep(500);
      }
    } finally {
      await probe.stop();
    }
  } finally {
    for (const { topology, database } of started) {
      await topology.stop();
      await hub.dropDatabase(hub.MACHINE_POSTGRES_URL, database);
    }
  }

  const [rps1, rps2] = [median(rps[1]), median(rps[2])];
  process.stdout.write(
    [
      '',
      `CPUs: ${os.cpus().length} (${os.cpus()[0]?.model ?? 'unknown'}), load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
      `gateway RPS, median of ${ROUNDS} interleaved rounds: 1 instance ${rps1.toFixed(0)}/s, 2 instances ${rps2.toFixed(0)}/s (×${(rps2 / rps1).toFixed(2)})`,
      `relay death → successor's first publish: median ${median(handovers)} ms, max ${Math.max(...handovers)} ms (target ≤ 5000 ms)`,
      '',
    ].join('\n'),
  );
}

runBenchmark(main);
