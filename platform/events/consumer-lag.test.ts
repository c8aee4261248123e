import type { Kafka } from 'kafkajs';
import { consumerLagReader } from './consumer-lag';

/** kafkajs' admin as the reader uses it: the committed offsets answer only for the topics asked for. */
const brokerWith = (topics: Record<string, { high: number; committed: number }>) =>
  ({
    admin: () => ({
      connect: async () => undefined,
      disconnect: async () => undefined,
      fetchOffsets: async ({ topics: asked }: { topics: string[] }) =>
        asked.map((topic) => ({
          topic,
          partitions: [{ partition: 0, offset: String(topics[topic]?.committed ?? -1) }],
        })),
      fetchTopicOffsets: async (topic: string) => [{ partition: 0, high: String(topics[topic]?.high ?? 0) }],
    }),
  }) as unknown as Kafka;

describe("a consumer group's lag", () => {
  it('is read over the topics the consumer reads now, its parties’ topics included', async () => {
    // A consumer of courts' topics: none of its definition's own. Before, read over those alone, it showed 0.
    let reading: string[] = [];
    const reader = consumerLagReader(
      brokerWith({
        'court.case-events.v1.bj-xicheng-court': { high: 10, committed: -1 },
        'hub.a': { high: 5, committed: 3 },
      }),
      [
        { groupId: 'litigation.court-case-events', topics: () => reading },
        { groupId: 'arrears.accounts', topics: () => ['hub.a'] },
      ],
    );
    // No party has a topic yet: no figure for the group (rather than a 0 that says it is caught up).
    expect(await reader.read()).toEqual([{ group: 'arrears.accounts', lag: 2 }]);
    reading = ['court.case-events.v1.bj-xicheng-court'];
    expect(await reader.read()).toEqual([
      { group: 'litigation.court-case-events', lag: 10 },
      { group: 'arrears.accounts', lag: 2 },
    ]);
    await reader.stop();
  });
});
