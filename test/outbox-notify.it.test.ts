import { randomUUID } from 'node:crypto';
import { knex as createKnex, Knex } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { deletePrefixed } from '../platform/events/broker-admin';
import { createKafka, ensureTopics, KafkaSettings } from '../platform/events/kafka';
import { outboxAndInboxDdl, outboxNotifyDdl } from '../platform/events/outbox.entities';
import { OutboxRelay } from '../platform/events/relay';
import { dropDatabase, ensureDatabase } from '../tools/postgres/local-postgres';
import { adminPostgresUrl, kafkaBrokers, testKafkaAdmin, uniqueSuffix } from './support/hub-fixture';
import { probeTopics } from './support/kafka-probe';
import { waitFor } from './support/wait-for';
import { connectedClient } from './support/db-client';
import { runDatabaseName } from './support/run-databases';

const SCHEMA = 'notified';
const TOPIC = 'notified.events.v1';

/**
 * The relay is woken by the outbox's NOTIFY, not by an in-process nudge: rows are inserted from another
 * connection (as another process would) while the relay's fallback poll is a minute long.
 */
describe('outbox relay woken by LISTEN/NOTIFY', () => {
  const database = runDatabaseName(`notify_${uniqueSuffix()}`);
  const settings: KafkaSettings = {
    brokers: kafkaBrokers(),
    clientId: 'test-notify',
    topicPrefix: `t${uniqueSuffix()}.`,
    partitions: 1,
    // The run's super user on a secured broker (none on an open one): this test plays the relay outside a hub.
    sasl: testKafkaAdmin(),
  };
  let url: string;
  let db: Client;
  let knex: Knex;
  let relay: OutboxRelay;
  /**
   * What the relay did, as this test sees it: how often it was nudged (its LISTEN connection's notifications, and
   * the one call when that connection is (re)opened), and for each of its passes that read the outbox, how many
   * nudges there had been when it sent its read. A pass that read the outbox after the latest nudge has seen every
   * row committed before then; the relay then waits for its minute-long poll unless nudged again.
   */
  let nudges = 0;
  const passes: { afterNudges: number; answered: boolean }[] = [];
  /** The timed passes' "does any row wait" statements, by schema. */
  const looks = new Map<string, number>();

  beforeAll(async () => {
    url = await ensureDatabase(adminPostgresUrl(), database);
    db = await connectedClient(url);
    for (const sql of [...outboxAndInboxDdl(SCHEMA), ...outboxNotifyDdl(SCHEMA)]) await db.query(sql);
    const kafka = createKafka(settings);
    await ensureTopics(kafka, settings, [TOPIC]);
    knex = createKnex({ client: 'pg', connection: url, pool: { min: 0, max: 2 } });
    const reads = new Map<string, (typeof passes)[number]>();
    knex.on('query', (q: { sql: string; __knexQueryUid: string }) => {
      if (q.sql.startsWith(`select * from "${SCHEMA}"."outbox" where published_at is null`)) {
        const pass = { afterNudges: nudges, answered: false };
        reads.set(q.__knexQueryUid, pass);
        passes.push(pass);
      }
      const look = /^select exists \(select 1 from "(\w+)"\."outbox"/.exec(q.sql);
      if (look) looks.set(look[1], (looks.get(look[1]) ?? 0) + 1);
    });
    knex.on('query-response', (_response: unknown, q: { __knexQueryUid: string }) => {
      const pass = reads.get(q.__knexQueryUid);
      if (pass) pass.answered = true;
    });
    relay = new OutboxRelay({
      schema: SCHEMA,
      knex,
      kafka,
      kafkaSettings: settings,
      databaseUrl: url,
      pollIntervalMs: 60_000,
    });
    const nudge = relay.nudge.bind(relay);
    relay.nudge = () => {
      nudges++;
      nudge();
    };
    relay.start();
  });

  afterAll(async () => {
    await relay?.stop();
    await knex?.destroy();
    await db?.end();
    await Promise.all([
      dropDatabase(adminPostgresUrl(), database),
      deletePrefixed(createKafka(settings), settings.topicPrefix!),
    ]);
  });

  const insert = async (key: string, schema = SCHEMA) => {
    await db.query(
      `insert into "${schema}"."outbox" (event_id, topic, message_key, event_type, source, occurred_at, payload)
       values ($1, $2, $3, 'test.notified', '/test', now(), '{}'::jsonb)`,
      [randomUUID(), TOPIC, key],
    );
  };
  /**
   * Waits until the relay, nudged more than `since` times (its listener calls it once LISTEN is in place), has read
   * the outbox after its latest nudge: from then on only a nudge (a NOTIFY) or its minute-long poll makes it read again.
   * Returns the nudges so far.
   */
  const passedAfterListening = (since: number) =>
    waitFor('the relay to listen and read the outbox after that', () =>
      nudges > since && passes.some((p) => p.answered && p.afterNudges === nudges) ? nudges : undefined,
    );
  const listening = () =>
    waitFor('the relay listening', async () => {
      const r = await db.query(
        `select count(*)::int as n from pg_stat_activity where application_name = $1 and datname = $2`,
        [`outbox-relay:${SCHEMA}`, database],
      );
      return r.rows[0].n === 1;
    });

  it('publishes a row committed on another connection long before its fallback poll, also after its LISTEN connection was killed', async () => {
    const probe = await probeTopics(settings.brokers, [`${settings.topicPrefix}${TOPIC}`]);
    try {
      await listening();
      // the relay's pass once it listens has run: the next publication needs a NOTIFY
      let seen = await passedAfterListening(0);
      // both waits are far shorter than the minute-long poll: only the NOTIFY can have woken the relay
      await insert('first');
      await probe.waitForCount('the first event', (m) => m.message.key?.toString() === 'first', 1, 20_000);
      // and the relay was nudged since: the insert's notification reached it
      expect(nudges).toBeGreaterThan(seen);
      seen = nudges;

      await db.query(
        `select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and datname = $2`,
        [`outbox-relay:${SCHEMA}`, database],
      );
      await listening();
      // listening again (the reconnected listener nudges once), and read the outbox since
      seen = await passedAfterListening(seen);
      await insert('second');
      await probe.waitForCount('the second event', (m) => m.message.key?.toString() === 'second', 1, 20_000);
      expect(nudges).toBeGreaterThan(seen);
      // The relay marks rows published after the broker acknowledged them, so a consumer may see them first.
      await waitFor('both rows marked published', async () => {
        const unpublished = await db.query(
          `select count(*)::int as n from "${SCHEMA}"."outbox" where published_at is null`,
        );
        return unpublished.rows[0].n === 0;
      });
    } finally {
      await probe.stop();
    }
  });

  it('publishes a row no notification announced at its next timed poll, which first looks whether any row waits', async () => {
    const schema = 'polled';
    for (const sql of outboxAndInboxDdl(schema)) await db.query(sql);
    // no LISTEN and no NOTIFY trigger: only the timed poll can find the row
    const polling = new OutboxRelay({
      schema,
      knex,
      kafka: createKafka(settings),
      kafkaSettings: settings,
      pollIntervalMs: 200,
    });
    const probe = await probeTopics(settings.brokers, [`${settings.topicPrefix}${TOPIC}`]);
    polling.start();
    try {
      // several timed passes have found nothing by now (each asks whether any row waits before reading the outbox)
      await waitFor('timed passes to look at the empty outbox', () => (looks.get(schema) ?? 0) >= 3);
      await insert('polled', schema);
      await probe.waitForCount('the polled event', (m) => m.message.key?.toString() === 'polled', 1, 20_000);
      await waitFor('the row marked published', async () => {
        const r = await db.query(`select count(*)::int as n from "${schema}"."outbox" where published_at is null`);
        return r.rows[0].n === 0;
      });
    } finally {
      await polling.stop();
      await probe.stop();
    }
  });

  it('publishes a backlog larger than the broker takes in one request, in order: 1,000 rows of 4 KB for one key', async () => {
    // A broker outage leaves such a backlog (or a burst of large events: a claim with its charges is 8 KB). One
    // sendBatch of the relay's 1,000 rows put 4 MB in one partition's record batch, over the broker's 1 MB
    // (message.max.bytes): refused as a whole at every pass, it held up every later event of the subgraph.
    const probe = await probeTopics(settings.brokers, [`${settings.topicPrefix}${TOPIC}`]);
    try {
      await listening();
      await db.query(
        `insert into "${SCHEMA}"."outbox" (event_id, topic, message_key, event_type, source, occurred_at, payload)
         select gen_random_uuid(), $1, 'large', 'test.notified', '/test', now(),
                jsonb_build_object('n', n, 'text', repeat('x', 4000))
         from generate_series(1, 1000) as n`,
        [TOPIC],
      );
      const received = await probe.waitForCount(
        'the 1,000 large events',
        (m) => m.message.key?.toString() === 'large',
        1000,
        60_000,
      );
      expect(received.map((m) => (JSON.parse(m.message.value!.toString()) as { n: number }).n)).toEqual(
        Array.from({ length: 1000 }, (_, i) => i + 1),
      );
      await waitFor('every row marked published', async () => {
        const r = await db.query(`select count(*)::int as n from "${SCHEMA}"."outbox" where published_at is null`);
        return r.rows[0].n === 0;
      });
    } finally {
      await probe.stop();
    }
  });
});
