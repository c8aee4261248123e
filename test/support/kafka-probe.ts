import { randomUUID } from 'node:crypto';
import { Kafka, KafkaMessage, logLevel } from 'kafkajs';
import { SaslCredential } from '../../platform/events/kafka';
import { TEST_CONSUMER_MAX_WAIT_MS, testKafkaAdmin } from './hub-fixture';
import { waitFor } from './wait-for';

export interface ProbedMessage {
  topic: string;
  partition: number;
  message: KafkaMessage;
  headers: Record<string, string>;
}

/**
 * A kafkajs client authenticated as `sasl`: by default the run's super user (none on an open broker); `null` for a
 * client without credentials.
 */
export function testKafkaClient(
  brokers: string[],
  clientId: string,
  sasl: SaslCredential | null = testKafkaAdmin() ?? null,
) {
  return new Kafka({
    clientId,
    brokers,
    logLevel: logLevel.NOTHING,
    ...(sasl ? { sasl: { mechanism: 'scram-sha-512' as const, ...sasl } } : {}),
  });
}

/**
 * A raw Kafka consumer with its own group, standing in for an outside subscriber (a bureau, a court); by default
 * as the super user, who reads everything.
 */
export async function probeTopics(
  brokers: string[],
  topics: string[],
  sasl: SaslCredential | null = testKafkaAdmin() ?? null,
) {
  const kafka = testKafkaClient(brokers, 'test-probe', sasl);
  // A short fetch wait: disconnecting waits for the pending fetch, which would otherwise take up to 5 s per probe.
  const consumer = kafka.consumer({ groupId: `probe-${randomUUID()}`, maxWaitTimeInMs: TEST_CONSUMER_MAX_WAIT_MS });
  const received: ProbedMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      const headers = Object.fromEntries(
        Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(Array.isArray(v) ? v[0] : v)]),
      );
      received.push({ topic, partition, message, headers });
    },
  });
  return {
    received,
    waitForCount: (what: string, predicate: (m: ProbedMessage) => boolean, count: number, timeoutMs = 30000) =>
      waitFor(
        what,
        () => {
          const matching = received.filter(predicate);
          return matching.length >= count ? matching : undefined;
        },
        { timeoutMs },
      ),
    /**
     * Resolves once the probe has read every message `topics` hold now, to each partition's end: with the hub quiet
     * before (hub-quiet.ts, every outbox published), nothing more of what the hub did so far is still to arrive, so
     * what the probe holds can be counted exactly.
     */
    readToEnd: async (topics: string[]) => {
      const admin = kafka.admin();
      await admin.connect();
      try {
        for (const topic of topics) {
          const ends = await admin.fetchTopicOffsets(topic);
          await waitFor(`the probe to read ${topic} to its end`, () =>
            ends.every(
              ({ partition, high }) =>
                high === '0' ||
                received.some(
                  (m) => m.topic === topic && m.partition === partition && Number(m.message.offset) >= Number(high) - 1,
                ),
            ),
          );
        }
      } finally {
        await admin.disconnect();
      }
    },
    stop: () => consumer.disconnect(),
  };
}

export function rawProducer(brokers: string[], sasl: SaslCredential | null = testKafkaAdmin() ?? null) {
  return testKafkaClient(brokers, 'test-producer', sasl).producer();
}
