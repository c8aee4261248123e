import type { Admin, Kafka } from 'kafkajs';
import { probe } from '../readiness';

/**
 * Each consumer group's lag: per partition the topic's high watermark minus the group's committed offset (the
 * whole partition when nothing is committed yet), summed over its topics. One admin client, connected on the first
 * scrape; a scrape waits at most `timeoutMs` for the broker and then reports no figure rather than a stale one.
 */
export function consumerLagReader(
  kafka: Kafka,
  groups: { groupId: string; topics: () => readonly string[] }[],
  timeoutMs = 2000,
) {
  let admin: Admin | undefined;
  let connected: Promise<void> | undefined;
  const lagOf = async (groupId: string, topics: readonly string[]) => {
    const committed = await admin!.fetchOffsets({ groupId, topics: [...topics] });
    let lag = 0;
    for (const { topic, partitions } of committed) {
      const high = new Map((await admin!.fetchTopicOffsets(topic)).map((p) => [p.partition, Number(p.high)]));
      for (const p of partitions) {
        const at = Number(p.offset);
        const end = high.get(p.partition) ?? 0;
        lag += Math.max(0, end - (at >= 0 ? at : 0));
      }
    }
    return { group: groupId, lag };
  };
  const read = async () => {
    admin ??= kafka.admin();
    connected ??= admin.connect().catch((error: unknown) => {
      connected = undefined;
      throw error;
    });
    let answer: { group: string; lag: number }[] = [];
    const status = await probe(async () => {
      await connected;
      // A group whose figures cannot be read now (a topic not created yet) is left out; the others are reported.
      // A group reading no topic yet (a consumer of parties' topics before any party has one) has no lag to tell:
      // asked with no topics, the broker answered nothing and the group showed 0 however far behind.
      const read = await Promise.allSettled(
        groups.flatMap((g) => {
          const topics = g.topics();
          return topics.length === 0 ? [] : [lagOf(g.groupId, topics)];
        }),
      );
      answer = read.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    }, timeoutMs);
    return status === 'UP' ? answer : [];
  };
  return { read, stop: async () => void (await admin?.disconnect().catch(() => undefined)) };
}
