/**
 * Benchmark: the outbox relay (platform/events/relay.ts), commit → consumed, against the broker in KAFKA_BROKERS
 * (default 127.0.0.1:29092). A fresh database gets one subgraph-shaped outbox (outboxAndInboxDdl + the NOTIFY
 * trigger); its rows are inserted with plain SQL, so the relay is woken only by PostgreSQL's NOTIFY, as a relay in
 * another process would be. It prints:
 *  - latency: one row per transaction at a sustained rate (default 500/s for 10 s, from 8 connections), from the moment the commit
 *    returned to the moment a kafkajs consumer received the message: p50/p95/p99/max, an event that has not arrived
 *    30 s after the last commit counted as infinitely late (and the target as not met);
 *  - burst: 10,000 rows committed at once, until the consumer has them all, against raw batched kafkajs
 *    (sendBatch of 1,000 messages, acks=all, idempotent, the relay's producer settings) of the same messages and
 *    CloudEvents headers to the same broker, until the consumer has them all (each counting only its own events,
 *    at most BENCH_BURST_DEADLINE_S, default 120, else never done); interleaved rounds, the order alternating,
 *    medians and the ratio.
 *
 *   npm run bench:events
 *   BENCH_RATE=500 BENCH_SECONDS=10 BENCH_BURST=10000 BENCH_ROUNDS=3 npm run bench:events
 *
 * PostgreSQL: DATABASE_URL or postgres://postgres@127.0.0.1:5432 (a database hub_bench_<random>, dropped at the
 * end). The topic the benchmark creates and its consumer group are deleted at the end.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { Client, Pool } from 'pg';
import { wholeNumberFromEnv } from '../platform/config';
import { median, percentile } from './load';

async function loadHub() {
  process.env.HUB_LOG_LEVEL ??= 'warn';
  const [postgres, kafka, relay, outbox, cloudevent, knex, brokerCredentials] = await Promise.all([
    import('../tools/postgres/local-postgres'),
    import('../platform/events/kafka'),
    import('../platform/events/relay'),
    import('../platform/events/outbox.entities'),
    import('../platform/events/cloudevent'),
    import('@mikro-orm/postgresql'),
    import('../platform/events/broker-credentials'),
  ]);
  return { ...postgres, ...kafka, ...relay, ...outbox, ...cloudevent, ...brokerCredentials, knexFactory: knex.knex };
}

const RATE = Number(process.env.BENCH_RATE ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const BURST = Number(process.env.BENCH_BURST ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SCHEMA = 'bench';
const TOPIC = 'bench.events.v1';
const PAYLOAD = { filingId: randomUUID(), companyId: '91110108MA01BENCH1', note: '基准测试事件'.repeat(10) };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** How long a burst may take to arrive whole before its round is given up (recorded as never done). */
const BURST_DEADLINE_MS =
  wholeNumberFromEnv('BENCH_BURST_DEADLINE_S', 120, { min: 1, max: 86_400, what: 'seconds' }) * 1000;

async function main(): Promise<void> {
  const hub = await loadHub();
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:29092').split(',');
  const adminUrl = process.env.DATABASE_URL ?? hub.MACHINE_POSTGRES_URL;
  const database = `hub_bench_${randomBytes(4).toString('hex')}`;
  const settings = {
    brokers,
    clientId: 'bench-events',
    topicPrefix: `bench-${randomBytes(3).toString('hex')}.`,
    partitions: 3,
    // The super user of a secured broker (KAFKA_CREDENTIALS_FILE, printed by `npm run kafka:start`): the bench plays the relay.
    sasl: hub.brokerCredentialsFromEnv()?.admin,
  };
  const topic = hub.topicName(settings, TOPIC);
  const groupId = `bench-events-${randomUUID()}`;
  const kafka = hub.createKafka(settings);
  let db: Client | undefined;
  let pool: Pool | undefined;
  let knex: ReturnType<typeof hub.knexFactory> | undefined;
  let relay: InstanceType<typeof hub.OutboxRelay> | undefined;
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  try {
    // Inside the try: a failure from here on still drops the database and deletes the topic.
    const url = await hub.ensureDatabase(adminUrl, database);
    const client = (db = new Client({ connectionString: url }));
    // the sustained rate is held by several connections, as many requests would commit side by side
    const commitPool = (pool = new Pool({ connectionString: url, max: 8 }));
    knex = hub.knexFactory({ client: 'pg', connection: url, pool: { min: 1, max: 4 } });
    await client.connect();
    for (const sql of [...hub.outboxAndInboxDdl(SCHEMA), ...hub.outboxNotifyDdl(SCHEMA)]) await client.query(sql);
    await hub.ensureTopics(kafka, settings, [TOPIC]);

    // commit time by event id; the consumer records when each arrived
    const committedAt = new Map<string, number>();
    const arrivedAt = new Map<string, number>();
    // What a phase waits for: its own ids only (a straggler of an earlier phase does not count), and how many of
    // them are still to come.
    let waiting: { ids: Set<string>; left: number; resolve: () => void } | undefined;
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: false });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        const now = performance.now();
        for (const message of batch.messages) {
          const id = message.headers?.ce_id?.toString() ?? message.key!.toString();
          if (arrivedAt.has(id)) continue; // a redelivery: the first arrival counts
          arrivedAt.set(id, now);
          if (waiting?.ids.has(id)) waiting.left--;
        }
        if (waiting && waiting.left <= 0) waiting.resolve();
      },
    });
    await waitForAssignment(kafka, topic, arrivedAt);

    relay = new hub.OutboxRelay({ schema: SCHEMA, knex, kafka, kafkaSettings: settings, databaseUrl: url });
    relay.start();
    await sleep(500);

    const insert = (ids: string[], on: Client | Pool = client) =>
      on.query(
        `insert into "${SCHEMA}"."outbox" (event_id, topic, message_key, event_type, source, occurred_at, payload)
         select id, $2, id::text, 'bench.event', '/bench', now(), $3::jsonb from unnest($1::uuid[]) as id`,
        [ids, TOPIC, JSON.stringify(PAYLOAD)],
      );
    /** Resolves true once every one of `ids` has arrived, false when `timeoutMs` passes first. */
    const allArrived = async (ids: string[], timeoutMs: number): Promise<boolean> => {
      const wanted = new Set(ids);
      const left = ids.filter((id) => !arrivedAt.has(id)).length;
      if (left === 0) return true;
      let timer: NodeJS.Timeout | undefined;
      try {
        return await Promise.race([
          new Promise<boolean>((resolve) => (waiting = { ids: wanted, left, resolve: () => resolve(true) })),
          new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
        ]);
      } finally {
        clearTimeout(timer);
        waiting = undefined;
      }
    };
    const arrivedOf = (ids: string[]) => ids.filter((id) => arrivedAt.has(id)).length;

    // 1. sustained rate, one event per transaction
    console.log(`latency: ${RATE} events/s for ${SECONDS} s, one row per transaction, relay woken by NOTIFY`);
    arrivedAt.clear();
    const total = RATE * SECONDS;
    const start = performance.now();
    const commits: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = start + (i * 1000) / RATE;
      const ahead = due - performance.now();
      if (ahead > 1) await sleep(ahead);
      const id = randomUUID();
      commits.push(insert([id], commitPool).then(() => void committedAt.set(id, performance.now())));
    }
    await Promise.all(commits);
    const achieved = total / ((performance.now() - start) / 1000);
    const committed = [...committedAt.keys()];
    await allArrived(committed, 30_000);
    // An event that never arrived counts as infinitely late: it is in the percentiles, at the slow end.
    const latencies = [...committedAt]
      .map(([id, at]) => (arrivedAt.has(id) ? arrivedAt.get(id)! - at : Number.POSITIVE_INFINITY))
      .sort((a, b) => a - b);
    const missing = committed.length - arrivedOf(committed);
    const f = (ms: number) => (Number.isFinite(ms) ? `${ms.toFixed(1)} ms` : 'never (missing)');
    const p99 = percentile(latencies, 99);
    const met = missing === 0 && p99 <= 100;
    console.log(
      `  achieved ${achieved.toFixed(0)} commits/s, consumed ${committed.length - missing}/${total}` +
        `${missing > 0 ? ` (${missing} never arrived within 30 s: counted as infinitely late)` : ''}: p50 ${f(percentile(latencies, 50))}  ` +
        `p95 ${f(percentile(latencies, 95))}  p99 ${f(p99)}  max ${f(latencies[latencies.length - 1])}  ` +
        `(target p99 ≤ 100 ms and none missing: ${met ? 'met' : 'NOT met'})`,
    );

    // 2. burst: relay vs raw batched kafkajs, interleaved
    console.log(
      `burst: ${BURST} events, until all are consumed (at most ${BURST_DEADLINE_MS / 1000} s); ${ROUNDS} interleaved rounds, the order alternating`,
    );
    await producer.connect();
    const times: Record<'relay' | 'raw', number[]> = { relay: [], raw: [] };
    const viaRelay = async (ids: string[]) => {
      await insert(ids);
    };
    const viaKafkajs = async (ids: string[]) => {
      for (let i = 0; i < ids.length; i += 1000) {
        await producer.sendBatch({
          acks: -1,
          topicMessages: [
            {
              topic,
              messages: ids.slice(i, i + 1000).map((id) => ({
                key: id,
                value: JSON.stringify(PAYLOAD),
                headers: hub.encodeHeaders({
                  id,
                  type: 'bench.event',
                  source: '/bench',
                  time: new Date().toISOString(),
                  data: PAYLOAD,
                }),
              })),
            },
          ],
        });
      }
    };
    const ways = { relay: viaRelay, raw: viaKafkajs };
    const label = { relay: 'relay', raw: 'raw kafkajs' };
    for (let round = 1; round <= ROUNDS; round++) {
      const order: ('relay' | 'raw')[] = round % 2 === 1 ? ['relay', 'raw'] : ['raw', 'relay'];
      const line: string[] = [];
      for (const way of order) {
        const ids = Array.from({ length: BURST }, () => randomUUID());
        arrivedAt.clear();
        const t0 = performance.now();
        await ways[way](ids);
        const whole = await allArrived(ids, BURST_DEADLINE_MS);
        const ms = performance.now() - t0;
        // A burst that did not arrive whole by the deadline counts as never done (infinitely slow).
        times[way].push(whole ? ms : Number.POSITIVE_INFINITY);
        line.push(
          whole
            ? `${label[way]} ${ms.toFixed(0)} ms`
            : `${label[way]} only ${arrivedOf(ids)}/${BURST} within ${(ms / 1000).toFixed(1)} s`,
        );
      }
      console.log(`  round ${round}: ${line.join(', ')}`);
    }
    const took = (ms: number) =>
      Number.isFinite(ms)
        ? `${ms.toFixed(0)} ms (${(BURST / (ms / 1000)).toFixed(0)} events/s)`
        : 'not done by the deadline';
    const relayMedian = median(times.relay);
    const rawMedian = median(times.raw);
    // A relay that never finished scores 0; raw kafkajs that never finished leaves nothing to compare with.
    const ratio = !Number.isFinite(relayMedian) ? 0 : rawMedian / relayMedian;
    const verdict = Number.isFinite(ratio)
      ? `${ratio.toFixed(2)}× (target ≥ 0.5×: ${ratio >= 0.5 ? 'met' : 'NOT met'})`
      : '— (raw kafkajs not done by the deadline: no comparison)';
    console.log(
      `  median: relay ${took(relayMedian)}, raw kafkajs ${took(rawMedian)}; relay/raw throughput ${verdict}`,
    );
  } finally {
    await relay?.stop().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await consumer.disconnect().catch(() => undefined);
    await knex?.destroy().catch(() => undefined);
    await db?.end().catch(() => undefined);
    await pool?.end().catch(() => undefined);
    await deleteTopicAndGroup(kafka, topic, groupId).catch((e) => console.error(`could not delete ${topic}: ${e}`));
    await hub.dropDatabase(adminUrl, database).catch((e) => console.error(`could not drop ${database}: ${e}`));
  }
}

/** Deletes the benchmark's topic (created directly, not by a hub that would delete its own) and consumer group. */
async function deleteTopicAndGroup(kafka: Kafka, topic: string, groupId: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    if ((await admin.listTopics()).includes(topic)) await admin.deleteTopics({ topics: [topic] });
    await admin.deleteGroups([groupId]).catch(() => undefined); // gone already, or never joined
  } finally {
    await admin.disconnect();
  }
}

/** Sends probe messages until the consumer receives one, so its partitions are assigned before anything is timed. */
async function waitForAssignment(kafka: Kafka, topic: string, arrivedAt: Map<string, number>): Promise<void> {
  const probe = kafka.producer();
  await probe.connect();
  try {
    for (let attempt = 0; attempt < 60 && arrivedAt.size === 0; attempt++) {
      await probe.send({ topic, messages: [0, 1, 2].map((partition) => ({ partition, key: 'probe', value: '{}' })) });
      await sleep(500);
    }
    if (arrivedAt.size === 0) throw new Error('the benchmark consumer never received its probe');
  } finally {
    await probe.disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
