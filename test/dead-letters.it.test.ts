import { Admin, Producer } from 'kafkajs';
import { AREA_REGISTERED } from '../catalog';
import { DomainError } from '../kernel/errors';
import { HubOrm } from '../platform/db/orm';
import { deletePrefixed } from '../platform/events/broker-admin';
import { ConsumerDefinition, InboxConsumer, on } from '../platform/events/consumer';
import { createKafka, ensureTopics } from '../platform/events/kafka';
import { listDeadLetters, replayDeadLetter } from '../platform/subgraph/dead-letters';
import { SubgraphModule } from '../platform/subgraph/module';
import { dropDatabase } from '../tools/postgres/local-postgres';
import { areaRegisteredEvent, asKafkaMessage } from './support/events';
import { adminPostgresUrl, uniqueSuffix } from './support/hub-fixture';
import { rawProducer } from './support/kafka-probe';
import { runDatabaseName } from './support/run-databases';
import { inboxOnlyOrm, probeKafkaSettings } from './support/inbox-only';
import { waitFor } from './support/wait-for';

/**
 * An operator's dead letters (npm run dead-letters): listed from the subgraph's dead-letter topic, and replayed from
 * their source offsets once what refused them is mended, over a real broker and PostgreSQL.
 */
describe('listing and replaying dead letters', () => {
  const suffix = uniqueSuffix();
  const database = runDatabaseName(suffix);
  const settings = probeKafkaSettings('dead-letters-test', `dl${suffix}.`);
  /** The areas registered so far: an area.registered event naming another is refused, as contracts refuse an unknown area. */
  const known = new Set<string>();
  const applied: string[] = [];
  const definition: ConsumerDefinition = {
    name: 'areas.registrations',
    subscriptions: [
      on(AREA_REGISTERED, async (_em, event) => {
        if (!known.has(event.data.areaId))
          throw new DomainError('UNKNOWN_AREA', `area ${event.data.areaId} changed before it was registered`);
        applied.push(event.id);
      }),
    ],
  };
  const module: SubgraphModule = {
    name: 'areas',
    producedTopics: [],
    consumers: [definition],
    resolvers: [],
    entities: [],
    migrations: async () => [],
    errors: {},
  };
  let orm: HubOrm;
  let producer: Producer;
  let admin: Admin;
  let consumer: InboxConsumer;
  const kafka = createKafka(settings, { quiet: true });

  beforeAll(async () => {
    orm = await inboxOnlyOrm(database, 'areas');
    await ensureTopics(kafka, settings, [AREA_REGISTERED.topic.name, 'areas.dead-letter.v1']);
    producer = rawProducer(settings.brokers);
    await producer.connect();
    admin = kafka.admin();
    await admin.connect();
    consumer = new InboxConsumer({
      definition,
      orm,
      kafka,
      kafkaSettings: settings,
      deadLetterTopic: 'areas.dead-letter.v1',
    });
    await consumer.start();
  });

  afterAll(async () => {
    await consumer?.stop();
    await producer?.disconnect();
    await admin?.disconnect();
    await orm?.close();
    await Promise.all([dropDatabase(adminPostgresUrl(), database), deletePrefixed(kafka, settings.topicPrefix!)]);
  });

  const send = (...events: ReturnType<typeof areaRegisteredEvent>[]) =>
    producer.send({
      topic: `${settings.topicPrefix}${AREA_REGISTERED.topic.name}`,
      acks: -1,
      messages: events.map((e) => asKafkaMessage(e, e.data.areaId)),
    });
  const deadLettersOf = async (...events: { id: string }[]) =>
    waitFor('their dead letters', async () => {
      const listed = await listDeadLetters(kafka, settings, module, 1000);
      const theirs = listed.filter((d) => events.some((e) => e.id === d.eventId));
      return theirs.length === events.length ? theirs : undefined;
    });
  const replay = (at: { partition: number; offset: string }) =>
    replayDeadLetter({ kafka, settings, module, orm, ...at });

  it('lists why each message was refused and where it came from, and applies one replayed once it can be', async () => {
    const late = areaRegisteredEvent();
    const never = areaRegisteredEvent();
    await send(late, never);
    const [first, second] = await deadLettersOf(late, never);
    const source = `${settings.topicPrefix}${AREA_REGISTERED.topic.name}`;
    expect(first).toMatchObject({
      reasonCode: 'UNKNOWN_AREA',
      reason: `area ${late.data.areaId} changed before it was registered`,
      consumer: 'areas.registrations',
      eventType: AREA_REGISTERED.type,
      eventId: late.id,
      source: { topic: source, partition: 0 },
    });
    expect(second).toMatchObject({ reasonCode: 'UNKNOWN_AREA', eventId: never.id, source: { topic: source } });
    expect(BigInt(second.source!.offset)).toBe(BigInt(first.source!.offset) + 1n);
    expect(applied).toEqual([]);

    // Refused again while nothing is mended: said so, and nothing is written.
    expect((await replay(first)).result).toEqual({
      outcome: 'REFUSED',
      reasonCode: 'UNKNOWN_AREA',
      reason: `area ${late.data.areaId} changed before it was registered`,
    });
    known.add(late.data.areaId);
    expect((await replay(first)).result).toEqual({ outcome: 'APPLIED' });
    expect(applied).toEqual([late.id]);
    const inbox = await orm.em
      .fork()
      .getConnection()
      .execute<{ offset: string }[]>(`select "offset" from areas.inbox where event_id = ?`, [late.id]);
    expect(inbox.map((r) => String(r.offset))).toEqual([first.source!.offset]);
    // Replayed twice (two operators, or a retry of the command), it is applied once.
    expect((await replay(first)).result).toEqual({ outcome: 'ALREADY_APPLIED' });
    expect(applied).toEqual([late.id]);
    expect((await replay(second)).result).toMatchObject({ outcome: 'REFUSED', reasonCode: 'UNKNOWN_AREA' });
    expect(applied).toEqual([late.id]);
  });

  it('says it cannot replay a place holding no dead letter, or a message past its retention', async () => {
    expect((await replay({ partition: 0, offset: '999999' })).result).toEqual({
      outcome: 'CANNOT_REPLAY',
      reason: `${settings.topicPrefix}areas.dead-letter.v1 holds no dead letter at 0:999999`,
    });
    const gone = areaRegisteredEvent();
    await send(gone);
    const [letter] = await deadLettersOf(gone);
    known.add(gone.data.areaId);
    // The broker's retention took the source message (as deleteRecords does to the offsets before the one given).
    await admin.fetchTopicMetadata({ topics: [letter.source!.topic] });
    await admin.deleteTopicRecords({
      topic: letter.source!.topic,
      partitions: [{ partition: letter.source!.partition, offset: String(BigInt(letter.source!.offset) + 1n) }],
    });
    expect((await replay(letter)).result).toEqual({
      outcome: 'CANNOT_REPLAY',
      reason: `${letter.source!.topic} no longer holds 0:${letter.source!.offset} (past its retention): ask the sender to send it again`,
    });
    expect(applied).not.toContain(gone.id);
  });

  it('checks the sender by the source topic again: a hub event type replayed from another topic is refused', async () => {
    // Only the hub writes its dead-letter topic; were a dead letter's source to name a topic that is not the event
    // type's own (here the dead-letter topic itself), the replay refuses it as the running consumer would.
    const forged = areaRegisteredEvent();
    known.add(forged.data.areaId);
    const dlq = `${settings.topicPrefix}areas.dead-letter.v1`;
    const [copy] = await producer.send({ topic: dlq, acks: -1, messages: [asKafkaMessage(forged, 'k')] });
    const [letter] = await producer.send({
      topic: dlq,
      acks: -1,
      messages: [
        {
          key: 'k',
          value: null,
          headers: {
            dlq_reason_code: 'HANDLER_FAILED',
            dlq_consumer: 'areas.registrations',
            dlq_source_topic: dlq,
            dlq_source_partition: '0',
            dlq_source_offset: copy.baseOffset!,
          },
        },
      ],
    });
    expect((await replay({ partition: 0, offset: letter.baseOffset! })).result).toEqual({
      outcome: 'REFUSED',
      reasonCode: 'SENDER_MISMATCH',
      reason: `${AREA_REGISTERED.type} is taken only from the hub's ${AREA_REGISTERED.topic.name}`,
    });
    expect(applied).not.toContain(forged.id);
  });
});
