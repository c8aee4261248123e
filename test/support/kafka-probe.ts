import { randomUUID } from 'node:crypto';
import { Kafka, KafkaMessage, logLevel } from 'kafkajs';
import { TEST_CONSUMER_MAX_WAIT_MS } from './hub-fixture';
import { waitFor } from './wait-for';

export interface ProbedMessage {
  topic: string;
  partition: number;
  message: KafkaMessage;
  headers: Record<string, string>;
}

/** A raw Kafka consumer with its own group, standing in for an outside subscriber (a bureau, a court). */
export async function probeTopics(brokers: string[], topics: string[]) {
  const kafka = new Kafka({ clientId: 'test-probe', brokers, logLevel: logLevel.NOTHING });
  // A short fetch wait: disconnecting waits for the pending fetch, which would otherwise take up to 5 s per probe.
  const consumer = kafka.consumer({ groupId: `probe-${randomUUID()}`, maxWaitTimeInMs: TEST_CONSUMER_MAX_WAIT_MS });
  const received: ProbedMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(Array.isArray(v) ? v[0] : v)]));
      received.push({ topic, partition, message, headers });
    },
  });
  return {
    received,
    waitForCount: (what: string, predicate: (m: ProbedMessage) => boolean, count: number, timeoutMs = 30000) =>
      waitFor(what, () => {
        const matching = received.filter(predicate);
        return matching.length >= count ? matching : undefined;
      }, { timeoutMs }),
    stop: () => consumer.disconnect(),
  };
}

export function rawProducer(brokers: string[]) {
  return new Kafka({ clientId: 'test-producer', brokers, logLevel: logLevel.NOTHING }).producer();
}
