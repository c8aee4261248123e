import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Message, Producer } from 'kafkajs';
import { HubOrm } from '../platform/db/orm';
import { DomainError } from '../kernel/errors';
import { AREA_REGISTERED, COURT_CASE_EVENT_REPORTED } from '../catalog';
import { ConsumerDefinition, InboxConsumer, on } from '../platform/events/consumer';
import { deletePrefixed } from '../platform/events/broker-admin';
import { KafkaSettings, createKafka, ensureTopics } from '../platform/events/kafka';
import { dropDatabase } from '../tools/postgres/local-postgres';
import { areaRegisteredEvent, asKafkaMessage } from './support/events';
import { adminPostgresUrl, uniqueSuffix } from './support/hub-fixture';
import { probeTopics, rawProducer } from './support/kafka-probe';
import { waitFor } from './support/wait-for';
import { runDatabaseName } from './support/run-databases';
import { inboxOnlyOrm, probeKafkaSettings } from './support/inbox-only';

/** The shared consumer on its own, with handlers that fail on purpose. */
describe('inbox consumer retries and dead letters', () => {
  const suffix = uniqueSuffix();
  const database = runDatabaseName(suffix);
  const settings = probeKafkaSettings('retry-test', `r${suffix}.`);
  // The consumer reads the topic of the event type it subscribes to (prefixed for this test).
  const topic = AREA_REGISTERED.topic.name;
  let orm: HubOrm;
  let producer: Producer;
  const consumers: InboxConsumer[] = [];
  const calls = new Map<string, number>();

  beforeAll(async () => {
    orm = await inboxOnlyOrm(database, 'probe');
    await ensureTopics(createKafka(settings), settings, [topic, 'probe.dead-letter.v1']);
    producer = rawProducer(settings.brokers);
    await producer.connect();
  });

  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.stop()));
    await producer?.disconnect();
    await orm?.close();
    await Promise.all([
      dropDatabase(adminPostgresUrl(), database),
      deletePrefixed(createKafka(settings), settings.topicPrefix!),
    ]);
  });

  const start = async (name: string, behaviour: (attempt: number, em: EntityManager) => unknown) => {
    const consumer = new InboxConsumer({
      orm,
      kafka: createKafka(settings),
      kafkaSettings: settings,
      deadLetterTopic: 'probe.dead-letter.v1',
      maxAttempts: 3,
      initialBackoffMs: 20,
      definition: {
        name,
        subscriptions: [
          on(AREA_REGISTERED, async (em, event) => {
            const attempt = (calls.get(`${name}:${event.id}`) ?? 0) + 1;
            calls.set(`${name}:${event.id}`, attempt);
            await behaviour(attempt, em);
          }),
        ],
      },
    });
    await consumer.start();
    consumers.push(consumer);
  };

  /**
   * Topics under a prefix of their own (the consumer's, a dead-letter topic and any `more`), so one test's messages
   * are not in the way of another's consumers, and a probe on that dead-letter topic.
   */
  const ownTopics = async (name: string, more: string[] = []) => {
    const own: KafkaSettings = { ...settings, topicPrefix: `${settings.topicPrefix}${name}.` };
    await ensureTopics(createKafka(own), own, [topic, ...more, 'probe.dead-letter.v1']);
    const dlq = await probeTopics(settings.brokers, [`${own.topicPrefix}probe.dead-letter.v1`]);
    return {
      own,
      dlq,
      send: (to: string, messages: Message[]) =>
        producer.send({ topic: `${own.topicPrefix}${to}`, acks: -1, messages }),
    };
  };
  /** A consumer reading the topics of `own`, started and stopped with the file. */
  const startOwn = async (own: KafkaSettings, definition: ConsumerDefinition, kafka = createKafka(own)) => {
    const consumer = new InboxConsumer({
      orm,
      kafka,
      kafkaSettings: own,
      deadLetterTopic: 'probe.dead-letter.v1',
      definition,
    });
    await consumer.start();
    consumers.push(consumer);
  };

  it('retries a failing handler with backoff, applies once it passes, and dead-letters what keeps failing or is rejected', async () => {
    const dlq = await probeTopics(settings.brokers, [`${settings.topicPrefix}probe.dead-letter.v1`]);
    try {
      await start('flaky', (attempt) => {
        if (attempt < 3) throw new Error(`flaky failure ${attempt}`);
      });
      await start('broken', () => {
        throw new Error('handler bug');
      });
      await start('rejecting', () => {
        throw new DomainError('STALE_DECISION', 'a newer decision was already applied');
      });
      // Values a schema's formats allow that PostgreSQL or Date refuse: the data's fault, dead-lettered at once.
      // The driver's message starts with the statement, its values written in (an owner's name here).
      await start('unstorable', (_attempt, em) => em.getConnection().execute(`select 'urn:uuid:张三'::uuid`));
      await start('leap-second', () => new Date('2025-12-31T23:59:60Z').toISOString());
      // A CHECK constraint refusing the values: the same on every retry, so dead-lettered at once (before, five tries).
      await start('refused-by-check', async (_attempt, em) => {
        const run = (sql: string) => em.getConnection().execute(sql, [], 'run', em.getTransactionContext());
        await run(`create temp table refused (n int check (n > 0)) on commit drop`);
        await run(`insert into refused values (0)`);
      });
      const event = areaRegisteredEvent();
      await producer.send({
        topic: `${settings.topicPrefix}${topic}`,
        acks: -1,
        messages: [asKafkaMessage(event, randomUUID())],
      });

      const dead = await dlq.waitForCount(
        'dead letters of broken, rejecting, unstorable, leap-second, refused-by-check',
        () => true,
        5,
      );
      const byConsumer = Object.fromEntries(dead.map((m) => [m.headers.dlq_consumer, m.headers]));
      expect(byConsumer.broken).toMatchObject({
        dlq_reason_code: 'HANDLER_FAILED',
        dlq_reason: 'handler bug',
        ce_id: event.id,
      });
      expect(byConsumer.rejecting).toMatchObject({ dlq_reason_code: 'STALE_DECISION', ce_id: event.id });
      expect(byConsumer.unstorable).toMatchObject({ dlq_reason_code: 'INVALID_DATA', ce_id: event.id });
      // The reason goes to the dead-letter topic and the log without the statement or its values.
      expect(byConsumer.unstorable.dlq_reason).toMatch(/^database error 22P02: invalid input syntax for type uuid/);
      expect(byConsumer.unstorable.dlq_reason).not.toMatch(/张三|select/);
      expect(byConsumer['leap-second']).toMatchObject({ dlq_reason_code: 'INVALID_DATA', ce_id: event.id });
      expect(byConsumer['refused-by-check']).toMatchObject({ dlq_reason_code: 'INVALID_DATA', ce_id: event.id });
      expect(byConsumer.flaky).toBeUndefined();

      await waitFor('flaky applied', async () => {
        const rows = await orm.em
          .fork()
          .getConnection()
          .execute(`select consumer from probe.inbox where event_id = ?`, [event.id]);
        return rows.length === 1 ? rows : undefined;
      });
      const applied = await orm.em
        .fork()
        .getConnection()
        .execute<{ consumer: string }[]>(`select consumer from probe.inbox where event_id = ?`, [event.id]);
      expect(applied.map((r) => r.consumer)).toEqual(['flaky']);
      expect(calls.get(`flaky:${event.id}`)).toBe(3);
      expect(calls.get(`broken:${event.id}`)).toBe(3);
      expect(calls.get(`refused-by-check:${event.id}`)).toBe(1);
      expect(calls.get(`rejecting:${event.id}`)).toBe(1);
      expect(calls.get(`unstorable:${event.id}`)).toBe(1);
      expect(calls.get(`leap-second:${event.id}`)).toBe(1);
    } finally {
      await dlq.stop();
    }
  });

  it('dead-letters a flood of unreadable records a fetch at a time, and applies the event behind them', async () => {
    // A party may write tens of thousands of tiny records a second within its quota; each dead letter sent and awaited
    // on its own (acks from all replicas) held every other sender's events on the consumer behind them.
    const { own, dlq, send } = await ownTopics('flood');
    const kafka = createKafka(own);
    const applied: string[] = [];
    let deadLetterSends = 0;
    const producerOf = kafka.producer.bind(kafka);
    kafka.producer = (config) => {
      const made = producerOf(config);
      const send = made.send.bind(made);
      made.send = (record) => {
        deadLetterSends++;
        return send(record);
      };
      return made;
    };
    try {
      await startOwn(
        own,
        { name: 'flooded', subscriptions: [on(AREA_REGISTERED, async (_em, event) => void applied.push(event.id))] },
        kafka,
      );
      const FLOOD = 3000;
      for (let sent = 0; sent < FLOOD; sent += 1000)
        await send(
          topic,
          Array.from({ length: 1000 }, (_, i) => ({ key: 'k', value: `not an event ${sent + i}` })),
        );
      const behind = areaRegisteredEvent();
      await send(topic, [asKafkaMessage(behind, behind.data.areaId)]);
      await waitFor('the event behind the flood', () => applied.includes(behind.id), { timeoutMs: 60_000 });
      const dead = await dlq.waitForCount('the flood', (m) => m.headers.dlq_consumer === 'flooded', FLOOD);
      expect(new Set(dead.map((m) => m.headers.dlq_reason_code))).toEqual(new Set(['NOT_A_CLOUDEVENT']));
      expect(new Set(dead.map((m) => m.message.value?.toString())).size).toBe(FLOOD);
      // A few sends (one per fetched batch, split by bytes), not one per record.
      expect(deadLetterSends).toBeLessThan(FLOOD / 50);
    } finally {
      await dlq.stop();
    }
  });

  it('dead-letters a record whose headers have no value, and applies the event behind it', async () => {
    // Kafka lets a header go without a value (kafkajs writes and reads it as null): before, reading it threw a
    // TypeError that stopped the consumer on that record for good, and with it every party's messages of the topic.
    const { own, dlq, send } = await ownTopics('nullheaders');
    const applied: string[] = [];
    try {
      await startOwn(own, {
        name: 'null-headers',
        subscriptions: [on(AREA_REGISTERED, async (_em, event) => void applied.push(event.id))],
      });
      const sample = asKafkaMessage(areaRegisteredEvent(), 'k');
      const none = null as unknown as string;
      // A Java or librdkafka producer sends such headers as they are; kafkajs 2.2.4 encodes a null value (length -1)
      // but sizes the record with Buffer.byteLength(value) before its own null check, so it is let through here.
      const byteLength = Buffer.byteLength;
      Buffer.byteLength = ((value: Parameters<typeof byteLength>[0], encoding?: BufferEncoding) =>
        value === null ? 0 : byteLength(value, encoding)) as typeof Buffer.byteLength;
      try {
        await send(topic, [
          { key: 'k', value: sample.value, headers: { ...sample.headers, ce_specversion: none } },
          { key: 'k', value: sample.value, headers: { ...sample.headers, ce_id: none, ce_subject: none } },
        ]);
      } finally {
        Buffer.byteLength = byteLength;
      }
      const behind = areaRegisteredEvent();
      await send(topic, [asKafkaMessage(behind, behind.data.areaId)]);
      await waitFor('the event behind the records without header values', () => applied.includes(behind.id));
      const dead = await dlq.waitForCount('both records', (m) => m.headers.dlq_consumer === 'null-headers', 2);
      expect(dead.map((m) => m.headers.dlq_reason_code)).toEqual(['NOT_A_CLOUDEVENT', 'NOT_A_CLOUDEVENT']);
      // The copies keep every header that had a value, and name those that had none (kafkajs cannot write them).
      expect(dead.map((m) => m.headers.dlq_headers_without_value)).toEqual(['ce_specversion', 'ce_id,ce_subject']);
      expect(dead[1].headers.ce_type).toBe(sample.headers!.ce_type);
      expect(applied).toEqual([behind.id]);
    } finally {
      await dlq.stop();
    }
  });

  it("takes a hub event type from its own topic only, never from a party's topic", async () => {
    // A consumer of both kinds: before, a hub event a court wrote on its own topic skipped the sender check.
    const courtTopic = `${COURT_CASE_EVENT_REPORTED.topic.name}.bj-mixed-court`;
    const { own, dlq, send } = await ownTopics('mixed', [courtTopic]);
    const applied: string[] = [];
    try {
      await startOwn(own, {
        name: 'mixed',
        subscriptions: [
          on(AREA_REGISTERED, async (_em, event) => void applied.push(event.id)),
          on(COURT_CASE_EVENT_REPORTED, async (_em, event) => void applied.push(event.id)),
        ],
      });
      const [forged, genuine] = [areaRegisteredEvent(), areaRegisteredEvent()];
      await send(courtTopic, [asKafkaMessage(forged, forged.data.areaId)]);
      await send(topic, [asKafkaMessage(genuine, genuine.data.areaId)]);
      const [dead] = await dlq.waitForCount('the forged hub event', (m) => m.headers.dlq_consumer === 'mixed', 1);
      expect(dead.headers).toMatchObject({ dlq_reason_code: 'SENDER_MISMATCH', ce_id: forged.id });
      await waitFor('the genuine event', () => applied.includes(genuine.id));
      expect(applied).not.toContain(forged.id);
    } finally {
      await dlq.stop();
    }
  });

  it('the batch path stores each event’s digest: an id re-sent with other content is dead-lettered as EVENT_ID_REUSED, earlier or in the same batch', async () => {
    const dlq = await probeTopics(settings.brokers, [`${settings.topicPrefix}probe.dead-letter.v1`]);
    const batched: string[] = [];
    try {
      const consumer = new InboxConsumer({
        orm,
        kafka: createKafka(settings),
        kafkaSettings: settings,
        deadLetterTopic: 'probe.dead-letter.v1',
        maxAttempts: 3,
        initialBackoffMs: 20,
        definition: {
          name: 'batched',
          subscriptions: [on(AREA_REGISTERED, async (_em, event) => void batched.push(`one:${event.data.name}`))],
          handleBatch: async (_em, events) =>
            void batched.push(...events.map((e) => `batch:${String((e.data as { name: string }).name)}`)),
        },
      });
      await consumer.start();
      consumers.push(consumer);
      const send = (events: ReturnType<typeof areaRegisteredEvent>[]) =>
        producer.send({
          topic: `${settings.topicPrefix}${topic}`,
          acks: -1,
          messages: events.map((e) => asKafkaMessage(e, e.data.areaId)),
        });
      const first = areaRegisteredEvent({ name: '甲' });
      await send([first]);
      // The handler runs inside the inbox transaction: wait for its committed row, not for the handler's call.
      const [{ data_sha256: stored }] = await waitFor('the first event applied', async () => {
        const rows = await orm.em
          .fork()
          .getConnection()
          .execute<{ data_sha256: string | null }[]>(
            `select data_sha256 from probe.inbox where consumer = 'batched' and event_id = ?`,
            [first.id],
          );
        return rows.length === 1 ? rows : undefined;
      });
      expect(stored).toMatch(/^[0-9a-f]{64}$/);

      // One batch: the first id again with other content and identical, a new event, and that new id with other content.
      const second = areaRegisteredEvent({ name: '乙' });
      await send([
        { ...first, data: { ...first.data, name: '甲改' } },
        first,
        second,
        { ...second, data: { ...second.data, name: '乙改' } },
      ]);
      const dead = await dlq.waitForCount('the reused ids', (m) => m.headers.dlq_consumer === 'batched', 2);
      // (Partitions by key: the two ids may come in either order.)
      expect(dead.map((m) => [m.headers.dlq_reason_code, m.headers.ce_id]).sort()).toEqual(
        [
          ['EVENT_ID_REUSED', first.id],
          ['EVENT_ID_REUSED', second.id],
        ].sort(),
      );
      // Each event's first content applied once; nothing of the refused copies (the topic also holds the first test's).
      const mine = batched.map((b) => b.replace(/^\w+:/, '')).filter((name) => name.length <= 2);
      expect(mine.sort()).toEqual(['甲', '乙'].sort());
    } finally {
      await dlq.stop();
    }
  });
});
