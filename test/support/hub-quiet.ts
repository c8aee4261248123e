import type { Admin } from 'kafkajs';
import { PARTY_ID_PATTERN } from '../../catalog';
import { ALL_SUBGRAPHS } from '../../hub/subgraphs';
import { consumerTopicPrefixes, consumerTopics } from '../../platform/events/consumer';
import { createKafka } from '../../platform/events/kafka';
import type { TestHub } from './hub-fixture';
import { waitFor } from './wait-for';

/**
 * Waits until a test hub has nothing in flight: every running subgraph's outbox is published and every consumer
 * group of its consumers has committed up to the end of each topic it reads, with no event published meanwhile.
 * A real condition where "row counts unchanged for a while" only guessed that a slow consumer was done.
 *
 * One round, in this order: the groups' committed offsets (C), the topics' end offsets (H), the outboxes' backlog (B),
 * the end offsets again (H'). C = H: every event up to H was handled and its handler's transaction (with any outbox
 * rows it wrote) committed before C was read. B = 0: every outbox row written before then was published, so is
 * counted in H'; H' = H: it was published before H was read, hence handled too. Any other round is repeated.
 */
export function hubQuiet(t: TestHub) {
  const kafka = createKafka(
    { brokers: t.brokers, clientId: 'test-quiet', topicPrefix: t.topicPrefix, sasl: t.kafkaCredentials?.admin },
    { quiet: true },
  );
  let admin: Admin | undefined;
  const running = Object.values(t.hub.subgraphs).filter((s) => s !== undefined);
  const definitions = ALL_SUBGRAPHS.filter((m) => t.hub.subgraphs[m.name]).flatMap((m) =>
    m.consumers.map((definition, i) => ({ definition, groupId: t.hub.subgraphs[m.name]!.consumers[i].groupId })),
  );

  /** Each group with the topics it reads now: its literal topics, and each party's topic of its per-party families. */
  const groups = async (a: Admin) => {
    const existing = await a.listTopics();
    return definitions.map(({ definition, groupId }) => {
      const prefixes = consumerTopicPrefixes(definition).map((p) => `${t.topicPrefix}${p}`);
      const parties = existing.filter((topic) =>
        prefixes.some((p) => topic.startsWith(p) && PARTY_ID_PATTERN.test(topic.slice(p.length))),
      );
      return {
        groupId,
        topics: [...consumerTopics(definition).map((topic) => `${t.topicPrefix}${topic}`), ...parties],
      };
    });
  };
  const endOffsets = async (a: Admin, topics: string[]) => {
    const ends = new Map<string, number>();
    for (const topic of topics)
      for (const p of await a.fetchTopicOffsets(topic)) ends.set(`${topic}/${p.partition}`, Number(p.high));
    return ends;
  };
  const same = (a: Map<string, number>, b: Map<string, number>) =>
    a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

  /** One round; the reason it is not quiet yet, or undefined. */
  const round = async (): Promise<string | undefined> => {
    if (!admin) {
      const connecting = kafka.admin();
      await connecting.connect();
      admin = connecting;
    }
    const read = await groups(admin);
    const committed = new Map<string, number>();
    for (const { groupId, topics } of read.filter((g) => g.topics.length > 0))
      for (const { topic, partitions } of await admin.fetchOffsets({ groupId, topics }))
        for (const p of partitions) committed.set(`${groupId} ${topic}/${p.partition}`, Math.max(0, Number(p.offset)));
    const topics = [...new Set(read.flatMap((g) => g.topics))];
    const ends = await endOffsets(admin, topics);
    for (const { groupId, topics: own } of read)
      for (const topic of own)
        for (const [key, end] of ends)
          if (key.startsWith(`${topic}/`) && (committed.get(`${groupId} ${key}`) ?? 0) < end)
            return `${groupId} behind on ${key}`;
    for (const subgraph of running) {
      const { backlog } = await subgraph.relay.backlog();
      if (backlog > 0) return `${subgraph.name}'s outbox holds ${backlog} unpublished`;
    }
    if (!same(ends, await endOffsets(admin, topics))) return 'events published meanwhile';
    return undefined;
  };

  return {
    /** Resolves once a round finds the hub quiet; fails after `timeoutMs` naming what was still in flight. */
    wait: async (timeoutMs = 60_000) => {
      let last: string | undefined = 'not checked';
      try {
        await waitFor(
          'the hub to be quiet (outboxes published, consumers caught up)',
          async () => {
            try {
              return (last = await round()) === undefined;
            } catch (error) {
              // A fresh admin client for the next round (a broken connection is not retried by kafkajs for long).
              await admin?.disconnect().catch(() => undefined);
              admin = undefined;
              throw error;
            }
          },
          { timeoutMs, intervalMs: 100 },
        );
      } catch (error) {
        throw new Error(`${(error as Error).message}; last seen: ${last}`);
      }
    },
    stop: async () => void (await admin?.disconnect().catch(() => undefined)),
  };
}
