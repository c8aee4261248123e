/**
 * Benchmark: the outbox relay (platform/events/relay.ts), commit → consumed, against the broker in KAFKA_BROKERS
 * (default 127.0.0.1:29092). A fresh database gets one subgraph-shaped outbox (outboxAndInboxDdl + the NOTIFY
 * trigger); its rows are inserted with plain SQL, so the relay is woken only by PostgreSQL's NOTIFY, as a relay in
 * another process would be. It prints:
 *  - latency: one row per transaction at a sustained rate (default 500/s for 10 s, from 8 connections), from the moment the commit
 *    returned to the moment a kafkajs consumer received the message: p50/p95/p99/max;
 *  - burst: 10,000 rows committed at once, until the consumer has them all, against raw batched kafkajs
 *    (sendBatch of 1,000 messages, acks=all, idempotent, the relay's producer settings) of the same messages and
 *    CloudEvents headers to the
 *    same broker, until the consumer has them all; interleaved rounds, medians and the ratio.
 *
 *   npm run bench:events
 *   BENCH_RATE=500 BENCH_SECONDS=10 BENCH_BURST=10000 BENCH_ROUNDS=3 npm run bench:events
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { Client, Pool } from 'pg';

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
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const hub = await loadHub();
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:29092').split(',');
  const database = `hub_bench_${randomBytes(4).toString('hex')}`;
  const url = await hub.ensureDatabase(hub.MACHINE_POSTGRES_URL, database);
  const settings = {
    brokers,
    clientId: 'bench-events',
    topicPrefix: `bench-${randomBytes(3).toString('hex')}.`,
    partitions: 3,
    // The super user of a secured broker (KAFKA_CREDENTIALS_FILE, printed by `npm run kafka:start`): the bench plays the relay.
    sasl: hub.brokerCredentialsFromEnv()?.admin,
  };
  const kafka = hub.createKafka(settings);
  const db = new Client({ connectionString: url });
  // the sustained rate is held by several connections, as many requests would commit side by side
  const pool = new Pool({ connectionString: url, max: 8 });
  const knex = hub.knexFactory({ client: 'pg', connection: url, pool: { min: 1, max: 4 } });
  let relay: InstanceType<typeof hub.OutboxRelay> | undefined;
  const consumer = kafka.consumer({ groupId: `bench-events-${randomUUID()}`, maxWaitTimeInMs: 100 });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  try {
    await db.connect();
    for (const sql of [...hub.outboxAndInboxDdl(SCHEMA), ...hub.outboxNotifyDdl(SCHEMA)]) await db.query(sql);
    await hub.ensureTopics(kafka, settings, [TOPIC]);

    // commit time by event id; the consumer records when each arrived
    const committedAt = new Map<string, number>();
    const arrivedAt = new Map<string, number>();
    let waiting: { count: number; resolve: () => void } | undefined;
    await consumer.connect();
    await consumer.subscribe({ topic: hub.topicName(settings, TOPIC), fromBeginning: false });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        const now = performance.now();
        for (const message of batch.messages)
          arrivedAt.set(message.headers?.ce_id?.toString() ?? message.key!.toString(), now);
        if (waiting && arrivedAt.size >= waiting.count) waiting.resolve();
      },
    });
    await waitForAssignment(kafka, hub.topicName(settings, TOPIC), arrivedAt);

    relay = new hub.OutboxRelay({ schema: SCHEMA, knex, kafka, kafkaSettings: settings, databaseUrl: url });
    relay.start();
    await sleep(500);

    const insert = (ids: string[], on: Client | Pool = db) =>
      on.query(
        `insert into "${SCHEMA}"."outbox" (event_id, topic, message_key, event_type, source, occurred_at, payload)
         select id, $2, id::text, 'bench.event', '/bench', now(), $3::jsonb from unnest($1::uuid[]) as id`,
        [ids, TOPIC, JSON.stringify(PAYLOAD)],
      );
    const allArrived = (count: number) =>
      new Promise<void>((resolve) => {
        if (arrivedAt.size >= count) return resolve();
        waiting = { count, resolve };
      });

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
      commits.push(insert([id], pool).then(() => void committedAt.set(id, performance.now())));
    }
    await Promise.all(commits);
    const achieved = total / ((performance.now() - start) / 1000);
    await Promise.race([allArrived(total), sleep(30_000)]);
    const latencies = [...committedAt]
      .filter(([id]) => arrivedAt.has(id))
      .map(([id, at]) => arrivedAt.get(id)! - at)
      .sort((a, b) => a - b);
    const f = (ms: number) => `${ms.toFixed(1)} ms`;
    console.log(
      `  achieved ${achieved.toFixed(0)} commits/s, consumed ${latencies.length}/${total}: p50 ${f(percentile(latencies, 50))}  ` +
        `p95 ${f(percentile(latencies, 95))}  p99 ${f(percentile(latencies, 99))}  max ${f(latencies[latencies.length - 1])}  (target p99 ≤ 100 ms)`,
    );

    // 2. burst: relay vs raw batched kafkajs, interleaved
    console.log(`burst: ${BURST} events, until all are consumed; ${ROUNDS} interleaved rounds`);
    await producer.connect();
    const relayTimes: number[] = [];
    const rawTimes: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const ids = Array.from({ length: BURST }, () => randomUUID());
      arrivedAt.clear();
      let t0 = performance.now();
      await insert(ids);
      await allArrived(BURST);
      relayTimes.push(performance.now() - t0);

      const rawIds = Array.from({ length: BURST }, () => randomUUID());
      arrivedAt.clear();
      t0 = performance.now();
      for (let i = 0; i < rawIds.length; i += 1000) {
        await producer.sendBatch({
          acks: -1,
          topicMessages: [
            {
              topic: hub.topicName(settings, TOPIC),
              messages: rawIds.slice(i, i + 1000).map((id) => ({
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
      await allArrived(BURST);
      rawTimes.push(performance.now() - t0);
      console.log(
        `  round ${round}: relay ${relayTimes[round - 1].toFixed(0)} ms, raw kafkajs ${rawTimes[round - 1].toFixed(0)} ms`,
      );
    }
    const rate = (ms: number) => (BURST / (ms / 1000)).toFixed(0);
    const relayMedian = median(relayTimes);
    const rawMedian = median(rawTimes);
    console.log(
      `  median: relay ${relayMedian.toFixed(0)} ms (${rate(relayMedian)} events/s), raw kafkajs ${rawMedian.toFixed(0)} ms ` +
        `(${rate(rawMedian)} events/s); relay/raw throughput ${(rawMedian / relayMedian).toFixed(2)}× (target ≥ 0.5×)`,
    );
  } finally {
    await relay?.stop().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await consumer.disconnect().catch(() => undefined);
    await knex.destroy().catch(() => undefined);
    await db.end().catch(() => undefined);
    await pool.end().catch(() => undefined);
    await hub
      .dropDatabase(hub.MACHINE_POSTGRES_URL, database)
      .catch((e) => console.error(`could not drop ${database}: ${e}`));
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
