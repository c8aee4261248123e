import { randomUUID } from 'node:crypto';
import { Producer } from 'kafkajs';
import { Client } from 'pg';
import { areaRegisteredEvent, asKafkaMessage } from './support/events';
import { TestHub, startTestHub } from './support/hub-fixture';
import { probeTopics, rawProducer } from './support/kafka-probe';
import { metricSample, scrapeMetrics } from './support/metrics';
import { waitFor } from './support/wait-for';
import { connectedClient } from './support/db-client';

describe('consumers: exactly-once effect and dead letters', () => {
  let t: TestHub;
  let db: Client;
  let producer: Producer;
  let topic: string;

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['contracts', 'arrears'] });
    db = await connectedClient(t.databaseUrl);
    producer = rawProducer(t.brokers);
    await producer.connect();
    topic = `${t.topicPrefix}areas.areas.v1`;
  });

  afterAll(async () => {
    await producer?.disconnect();
    await db?.end();
    await t?.stop();
  });

  const billingArea = async (areaId: string) =>
    (await db.query('select known_since from arrears.billing_area where area_id = $1', [areaId])).rows[0] as
      { known_since: Date } | undefined;

  it('applies the same event delivered twice only once', async () => {
    const key = randomUUID();
    const event = areaRegisteredEvent();
    await producer.send({ topic, acks: -1, messages: [asKafkaMessage(event, key)] });
    const first = await waitFor('first delivery applied', () => billingArea(event.data.areaId));

    const marker = areaRegisteredEvent();
    // Same key, so same partition: once the marker is applied, the duplicate before it has been handled too.
    await producer.send({ topic, acks: -1, messages: [asKafkaMessage(event, key), asKafkaMessage(marker, key)] });
    await waitFor('marker applied', () => billingArea(marker.data.areaId));

    expect((await billingArea(event.data.areaId))?.known_since).toEqual(first.known_since);
    const inbox = await db.query('select count(*)::int as n from arrears.inbox where event_id = $1', [event.id]);
    expect(inbox.rows[0].n).toBe(1);
    const contractsInbox = await db.query('select count(*)::int as n from contracts.inbox where event_id = $1', [
      event.id,
    ]);
    expect(contractsInbox.rows[0].n).toBe(1);
  });

  it('sends malformed messages to the dead-letter topic with the reason, and keeps consuming', async () => {
    const dlq = await probeTopics(t.brokers, [
      `${t.topicPrefix}arrears.dead-letter.v1`,
      `${t.topicPrefix}contracts.dead-letter.v1`,
    ]);
    try {
      const key = randomUUID();
      const invalid = areaRegisteredEvent({ streetCode: 'not-a-code' });
      const after = areaRegisteredEvent();
      await producer.send({
        topic,
        acks: -1,
        messages: [
          { key, value: '{ this is not json', headers: { note: 'no CloudEvent headers at all' } },
          { ...asKafkaMessage(invalid, key) },
          { ...asKafkaMessage(areaRegisteredEvent(), key), value: '{ "broken": ' },
          asKafkaMessage(after, key),
        ],
      });
      await waitFor('the event after the poison to be applied', () => billingArea(after.data.areaId));
      expect(await billingArea(invalid.data.areaId)).toBeUndefined();

      const arrearsDead = await dlq.waitForCount(
        '3 dead letters from arrears',
        (m) => m.headers.dlq_consumer === 'arrears.billing-area',
        3,
      );
      expect(arrearsDead.map((m) => m.headers.dlq_reason_code).sort()).toEqual([
        'MALFORMED_JSON',
        'NOT_A_CLOUDEVENT',
        'SCHEMA_VIOLATION',
      ]);
      for (const m of arrearsDead) {
        expect(m.headers.dlq_source_topic).toBe(topic);
        expect(m.message.key?.toString()).toBe(key);
        expect(Number(m.headers.dlq_source_offset)).toBeGreaterThanOrEqual(0);
      }
      const schemaViolation = arrearsDead.find((m) => m.headers.dlq_reason_code === 'SCHEMA_VIOLATION')!;
      expect(schemaViolation.headers.dlq_reason).toMatch(/streetCode/);
      expect(schemaViolation.headers.ce_id).toBe(invalid.id);
      await dlq.waitForCount(
        '3 dead letters from contracts',
        (m) => m.headers.dlq_consumer === 'contracts.area-view',
        3,
      );
      // each of the two consumers counted each of its dead letters, by source topic and reason
      const { text } = await scrapeMetrics(t);
      for (const reason of ['MALFORMED_JSON', 'NOT_A_CLOUDEVENT', 'SCHEMA_VIOLATION']) {
        expect(metricSample(text, 'hub_dead_letters_total', `topic="${topic}",reason="${reason}"`)).toBe(2);
      }
    } finally {
      await dlq.stop();
    }
  });

  it('dead-letters a message as large as the broker takes, without its body, and keeps consuming', async () => {
    // A malformed message just under the broker's 1 MiB, the largest a sender can write: its dead-letter copy, with
    // the reason's headers added, is over it. The broker refused that copy at every retry, so the consumer stayed on
    // the message for good, and every later event of its partitions waited.
    const dlq = await probeTopics(t.brokers, [`${t.topicPrefix}arrears.dead-letter.v1`]);
    try {
      const key = randomUUID();
      const headers = asKafkaMessage(areaRegisteredEvent(), key).headers;
      let sent = 0;
      // The largest body the broker takes with these headers: tried down from its limit in steps of 50 bytes.
      for (let size = 1_048_588; size > 1_046_000 && sent === 0; size -= 50) {
        try {
          await producer.send({ topic, acks: -1, messages: [{ key, value: `{${'x'.repeat(size)}`, headers }] });
          sent = size;
        } catch (error) {
          if ((error as { type?: string }).type !== 'MESSAGE_TOO_LARGE') throw error;
        }
      }
      expect(sent).toBeGreaterThan(1_046_000);
      const after = areaRegisteredEvent();
      await producer.send({ topic, acks: -1, messages: [asKafkaMessage(after, key)] });
      await waitFor('the event after the large poison to be applied', () => billingArea(after.data.areaId));
      const [dead] = await dlq.waitForCount(
        'the large dead letter',
        (m) => m.headers.dlq_consumer === 'arrears.billing-area' && m.message.key?.toString() === key,
        1,
      );
      expect(dead.headers).toMatchObject({
        dlq_reason_code: 'MALFORMED_JSON',
        dlq_source_topic: topic,
        dlq_value_omitted: `${sent + 1} bytes`,
        ce_id: headers.ce_id,
      });
      expect(dead.message.value).toBeNull();
    } finally {
      await dlq.stop();
    }
  });
});
