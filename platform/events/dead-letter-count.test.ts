import type { Kafka } from 'kafkajs';
import { InboxConsumer } from './consumer';
import { deadLetters } from '../metrics';

/**
 * hub_dead_letters_total counts the dead letters on the broker. Before (an operations audit, 2026-12-07), it was
 * raised before the send: with the dead-letter topic refused (its ACL missing), each retry of the batch counted the
 * same message again, while nothing reached the topic and the partition rightly did not move.
 */
describe('the dead-letter counter', () => {
  it('counts a dead letter once it is on the broker, not each failed try', async () => {
    const fakeKafka = {
      producer: () => ({
        connect: async () => {
          throw Object.assign(new Error('Not authorized to access topics: [x.dead-letter.v1]'), {
            type: 'TOPIC_AUTHORIZATION_FAILED',
          });
        },
        disconnect: async () => undefined,
      }),
    } as unknown as Kafka;
    const consumer = new InboxConsumer({
      definition: { name: 'test.consumer', subscriptions: [] },
      orm: {} as never,
      kafka: fakeKafka,
      kafkaSettings: { clientId: 'x', brokers: ['b:1'] },
      deadLetterTopic: 'test.dead-letter.v1',
    });
    const copy = {
      copy: { key: 'k', value: 'v', headers: {} },
      source: { key: null, value: Buffer.from('v'), headers: {}, offset: '7' },
      why: { dlq_reason_code: 'SCHEMA_VIOLATION', dlq_reason: 'x', dlq_source_offset: '7' },
    };
    const count = async () => (await deadLetters.get()).values.find((v) => v.labels.topic === 'test.topic')?.value ?? 0;
    // kafkajs runs the batch again after each failure: three tries of one message
    for (let attempt = 0; attempt < 3; attempt++)
      await expect(
        (consumer as unknown as { sendDeadLetters: (...a: unknown[]) => Promise<void> }).sendDeadLetters(
          'test.topic',
          0,
          [copy],
        ),
      ).rejects.toThrow('Not authorized');
    expect(await count()).toBe(0);
  });
});
