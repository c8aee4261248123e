/**
 * Webhook delivery benchmark (issue 13 §4): events on the hub's filing feed → the feeds subgraph's dispatcher
 * (a Kafka consumer group writing deliveries to PostgreSQL) → its sender loops → 20 subscriptions (one district
 * bureau each) on a local receiver (the reference receiver of examples/, verifying every signature, in a thread of
 * its own as it would be in the party's system).
 *
 * Two kinds of round, interleaved, each with 10,000 events (one delivery each: event i belongs to district i mod 20):
 * - burst: all events produced at once; deliveries/s from the first produce to the last delivery;
 * - paced: events produced at a steady 500/s (the target rate); commit → delivered latency (the event's ce-time,
 *   stamped when it is produced, to its arrival at the receiver), p50 and p99.
 * Prints every round and the medians. Target on the 2-core development machine: ≥ 500 deliveries/s, p99 ≤ 1 s.
 *
 * PostgreSQL: DATABASE_URL or postgres://postgres@127.0.0.1:5432 (a database hub_bench_webhooks_<random>, dropped at
 * the end). Kafka: KAFKA_BROKERS, or the local broker that `npm run kafka:start` runs. `npm run bench:webhooks -- 2000 1`
 * runs 2,000 events per round, one round of each kind.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Kafka, logLevel } from 'kafkajs';
import { startHub } from '../hub/hub';
import { mintUserToken } from '../platform/auth/tokens';
import { kafkaBrokersFromEnv, tokenSettings } from '../platform/config';
import { brokerCredentialsFromEnv } from '../platform/events/broker-credentials';
import { MACHINE_POSTGRES_URL, dropDatabase, ensureDatabase } from '../tools/postgres/local-postgres';
import { median, percentile } from './load';
import {
  AREA_REGISTERED,
  FILING_ACCEPTED,
  ProducedEvent,
  areaRegistered,
  filingEvent,
  produceEvents,
} from '../test/support/webhook-events';

const EVENTS = Number(process.argv[2] ?? 10_000);
const ROUNDS = Number(process.argv[3] ?? 3);
const SUBSCRIPTIONS = 20;
const PACED_RATE = 500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const brokers = kafkaBrokersFromEnv();
  if (!brokers) throw new Error('set KAFKA_BROKERS (or run `npm run kafka:start` and KAFKA_BROKERS=127.0.0.1:19092)');
  process.env.HUB_WEBHOOK_ALLOWED_HOSTS = '127.0.0.1';
  const adminUrl = process.env.DATABASE_URL ?? MACHINE_POSTGRES_URL;
  const database = `hub_bench_webhooks_${randomBytes(4).toString('hex')}`;
  const databaseUrl = await ensureDatabase(adminUrl, database);
  const tokens = tokenSettings();
  const kafkaCredentials = brokerCredentialsFromEnv();
  const topicPrefix = `benchwh${randomBytes(3).toString('hex')}.`;
  const hub = await startHub({
    databaseUrl,
    kafkaBrokers: brokers,
    kafkaCredentials,
    tokens,
    topicPrefix,
    ports: 'ephemeral',
    subgraphs: ['feeds'],
  });

  // One receiver, in a thread of its own; each subscription has its own secret, told apart by the path.
  const arrivals: { at: number; latencyMs: number }[] = [];
  const receiver = new Worker(path.join(__dirname, 'webhooks-receiver-thread.js'));
  const port = await new Promise<number>((resolve) =>
    receiver.on('message', (message: { port?: number; arrivals?: [number, number][] }) => {
      if (message.port) resolve(message.port);
      for (const [at, latencyMs] of message.arrivals ?? []) arrivals.push({ at, latencyMs });
    }),
  );
  const base = `http://127.0.0.1:${port}`;

  // The bench produces as the hub's operator would (the super user on a secured broker).
  const producer = new Kafka({
    clientId: 'bench-webhooks',
    brokers,
    logLevel: logLevel.NOTHING,
    ...(kafkaCredentials ? { sasl: { mechanism: 'scram-sha-512' as const, ...kafkaCredentials.admin } } : {}),
  }).producer();
  await producer.connect();
  try {
    const districts = Array.from({ length: SUBSCRIPTIONS }, (_, i) => `1101${String(i + 1).padStart(2, '0')}`);
    const areas = districts.map(() => randomUUID());
    await produceEvents(
      producer,
      topicPrefix,
      areas.map((areaId, i) => ({
        definition: AREA_REGISTERED,
        key: areaId,
        data: areaRegistered(areaId, districts[i]),
      })),
    );
    for (const [i, district] of districts.entries()) {
      const token = await mintUserToken(
        {
          subject: `bureau-${district}`,
          role: 'CITY_BUREAU',
          organisationId: `bureau-${district}`,
          jurisdictions: [district],
        },
        tokens,
        '1h',
      );
      const path = `/hooks/${district}`;
      const response = await fetch(hub.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: 'mutation($t: [Key!]!, $u: Url!) { createWebhookSubscription(eventTypes: $t, url: $u) { secret } }',
          variables: { t: [FILING_ACCEPTED.type], u: `${base}${path}` },
        }),
      });
      const body = (await response.json()) as {
        data?: { createWebhookSubscription: { secret: string } };
        errors?: unknown;
      };
      if (!body.data) throw new Error(`subscription ${i} failed: ${JSON.stringify(body.errors)}`);
      receiver.postMessage({ path, secret: body.data.createWebhookSubscription.secret });
    }

    const eventsOf = (round: number): ProducedEvent[] =>
      Array.from({ length: EVENTS }, (_, i) => {
        // Five transitions per filing, so a subscription also waits on the order within each filing.
        const filing = `${String(round).padStart(4, '0')}${String(Math.floor(i / 5)).padStart(8, '0')}`;
        const filingId = `00000000-0000-4000-8000-${filing}`;
        return {
          definition: FILING_ACCEPTED,
          key: filingId,
          data: filingEvent(filingId, areas[Math.floor(i / 5) % SUBSCRIPTIONS], (i % 5) + 1),
        };
      });
    const waitForAll = async (expected: number) => {
      const deadline = Date.now() + 10 * 60_000;
      while (arrivals.length < expected) {
        if (Date.now() > deadline) throw new Error(`only ${arrivals.length} of ${expected} deliveries arrived`);
        await sleep(20);
      }
    };

    const results: { kind: string; perSecond: number; p50: number; p99: number }[] = [];
    let round = 0;
    for (let r = 0; r < ROUNDS; r++) {
      for (const kind of ['burst', 'paced'] as const) {
        round++;
        const events = eventsOf(round);
        arrivals.length = 0;
        const started = Date.now();
        if (kind === 'burst') {
          for (let i = 0; i < events.length; i += 1000)
            await produceEvents(producer, topicPrefix, events.slice(i, i + 1000));
        } else {
          const tick = 50;
          const perTick = (PACED_RATE * tick) / 1000;
          for (let i = 0; i < events.length; i += perTick) {
            await produceEvents(producer, topicPrefix, events.slice(i, i + perTick));
            const due = started + ((i + perTick) / PACED_RATE) * 1000;
            await sleep(Math.max(0, due - Date.now()));
          }
        }
        await waitForAll(events.length);
        const last = Math.max(...arrivals.map((a) => a.at));
        const latencies = arrivals.map((a) => a.latencyMs).sort((a, b) => a - b);
        const result = {
          kind,
          perSecond: Math.round((events.length / (last - started)) * 1000),
          p50: percentile(latencies, 50),
          p99: percentile(latencies, 99),
        };
        results.push(result);
        console.log(
          `round ${round} ${kind.padEnd(5)}: ${events.length} deliveries in ${((last - started) / 1000).toFixed(1)} s = ${result.perSecond}/s; commit → delivered p50 ${result.p50} ms, p99 ${result.p99} ms`,
        );
        await sleep(1000);
      }
    }
    const of = (kind: string) => results.filter((r) => r.kind === kind);
    console.log('\n| round (median of %d) | deliveries/s | p50 ms | p99 ms |', ROUNDS);
    console.log('|---|---:|---:|---:|');
    for (const kind of ['burst', `paced`]) {
      const rs = of(kind);
      // A true median (the mean of the middle two for an even round count), rounded to the table's whole figures.
      const mid = (pick: (r: (typeof rs)[number]) => number) => Math.round(median(rs.map(pick)));
      console.log(
        `| ${kind === 'paced' ? `paced at ${PACED_RATE}/s` : 'burst'} | ${mid((r) => r.perSecond)} | ${mid((r) => r.p50)} | ${mid((r) => r.p99)} |`,
      );
    }
    console.log(
      `\n${EVENTS} events per round to ${SUBSCRIPTIONS} subscriptions; target ≥ 500 deliveries/s (burst) and p99 ≤ 1,000 ms (paced).`,
    );
  } finally {
    await producer.disconnect();
    await hub.stop();
    await receiver.terminate();
    await dropDatabase(adminUrl, database);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
