import { randomUUID } from 'node:crypto';
import { IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import { deadLetterTopicOf } from '../../catalog';
import { HubOrm } from '../db/orm';
import { InboxConsumer, ReplayOutcome } from '../events/consumer';
import { KafkaSettings, topicName } from '../events/kafka';
import { SubgraphModule } from './module';

/** A dead letter as an operator reads it: where it lies, why it was refused, and where its message came from. */
export interface DeadLetter {
  /** Its place in the subgraph's dead-letter topic (what `replay` takes). */
  partition: number;
  offset: string;
  failedAt: string;
  reasonCode: string;
  reason: string;
  /** The consumer that refused it. */
  consumer: string;
  /** The refused message's place; none on a copy without the reason's headers. */
  source?: { topic: string; partition: number; offset: string };
  eventType?: string;
  eventId?: string;
}

/** The most dead letters `listDeadLetters` reads from each partition. */
export const MOST_LISTED = 1000;
/** How long a read of known offsets may take before it is given up (the broker away, an offset never delivered). */
const READ_TIMEOUT_MS = 30_000;

const header = (headers: IHeaders | undefined, name: string): string | undefined => {
  const value = headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
};

const deadLetterOf = (partition: number, message: KafkaMessage): DeadLetter => {
  const at = (name: string) => header(message.headers, name);
  const sourceTopic = at('dlq_source_topic');
  const sourcePartition = Number(at('dlq_source_partition'));
  const sourceOffset = at('dlq_source_offset');
  return {
    partition,
    offset: message.offset,
    failedAt: at('dlq_failed_at') ?? new Date(Number(message.timestamp)).toISOString(),
    reasonCode: at('dlq_reason_code') ?? 'UNKNOWN',
    reason: at('dlq_reason') ?? '',
    consumer: at('dlq_consumer') ?? '',
    source:
      sourceTopic && Number.isInteger(sourcePartition) && sourceOffset && /^\d+$/.test(sourceOffset)
        ? { topic: sourceTopic, partition: sourcePartition, offset: sourceOffset }
        : undefined,
    eventType: at('ce_type'),
    eventId: at('ce_id'),
  };
};

interface OffsetRange {
  partition: number;
  /** First offset read, and the offset after the last. */
  from: bigint;
  to: bigint;
}

/**
 * The messages of a topic within the given ranges, read by a consumer of its own that commits nothing: its group is
 * named under the subgraph's (`<prefix><subgraph>.dead-letters.<uuid>`, the only groups its principal may join) and,
 * holding no offsets, the broker forgets it once it leaves.
 */
async function readRanges(
  kafka: Kafka,
  groupPrefix: string,
  topic: string,
  ranges: OffsetRange[],
): Promise<Map<number, KafkaMessage[]>> {
  const read = new Map<number, KafkaMessage[]>(ranges.map((r) => [r.partition, []]));
  const pending = new Set(ranges.filter((r) => r.from < r.to).map((r) => r.partition));
  if (pending.size === 0) return read;
  const wanted = new Map(ranges.map((r) => [r.partition, r]));
  const consumer = kafka.consumer({ groupId: `${groupPrefix}dead-letters.${randomUUID()}`, maxWaitTimeInMs: 500 });
  let timer: NodeJS.Timeout | undefined;
  try {
    await consumer.connect();
    // From the earliest offset, then moved to each range's start: from the latest, a first fetch made before the seek
    // took hold could read a dead letter just written past the range, and end the partition's read with nothing.
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`${topic}: the offsets asked for were not read within ${READ_TIMEOUT_MS / 1000} s`)),
        READ_TIMEOUT_MS,
      );
      consumer
        .run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            const range = wanted.get(batch.partition);
            if (!range || !pending.has(batch.partition)) return;
            for (const message of batch.messages) {
              const offset = BigInt(message.offset);
              if (offset >= range.from && offset < range.to) read.get(batch.partition)!.push(message);
              if (offset >= range.to - 1n) pending.delete(batch.partition);
            }
            if (pending.size === 0) resolve();
          },
        })
        .then(() => {
          for (const range of ranges)
            if (pending.has(range.partition))
              consumer.seek({ topic, partition: range.partition, offset: range.from.toString() });
        }, reject);
    });
  } finally {
    clearTimeout(timer);
    await consumer.disconnect().catch(() => undefined);
  }
  return read;
}

/**
 * Each partition's offsets: the first still held (older ones are gone by retention) and the next to be written; none
 * for a topic that does not exist (a subgraph whose consumers never refused a message has no dead-letter topic yet).
 */
async function partitionOffsets(kafka: Kafka, topic: string): Promise<Map<number, { low: bigint; high: bigint }>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    if (!(await admin.listTopics()).includes(topic)) return new Map();
    const offsets = await admin.fetchTopicOffsets(topic);
    return new Map(offsets.map((p) => [p.partition, { low: BigInt(p.low), high: BigInt(p.high) }]));
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

const groupPrefixOf = (settings: KafkaSettings, module: SubgraphModule) => topicName(settings, `${module.name}.`);

/** The last `last` (1 to MOST_LISTED) dead letters of each partition of the subgraph's dead-letter topic, oldest first. */
export async function listDeadLetters(
  kafka: Kafka,
  settings: KafkaSettings,
  module: SubgraphModule,
  last = 50,
): Promise<DeadLetter[]> {
  if (!Number.isInteger(last) || last < 1 || last > MOST_LISTED)
    throw new RangeError(`list the last 1 to ${MOST_LISTED} dead letters, not ${last}`);
  const topic = topicName(settings, deadLetterTopicOf(module.name));
  const offsets = await partitionOffsets(kafka, topic);
  const ranges = [...offsets].map(([partition, { low, high }]) => ({
    partition,
    from: high - BigInt(last) > low ? high - BigInt(last) : low,
    to: high,
  }));
  const read = await readRanges(kafka, groupPrefixOf(settings, module), topic, ranges);
  return [...read]
    .flatMap(([partition, messages]) => messages.map((m) => deadLetterOf(partition, m)))
    .sort((a, b) => a.failedAt.localeCompare(b.failedAt) || a.partition - b.partition);
}

/** One message at its offset; `GONE` when the topic no longer holds it (retention), `NONE` when none was written there. */
async function messageAt(
  kafka: Kafka,
  groupPrefix: string,
  topic: string,
  partition: number,
  offset: string,
): Promise<KafkaMessage | 'GONE' | 'NONE'> {
  const held = (await partitionOffsets(kafka, topic)).get(partition);
  const at = BigInt(offset);
  if (!held || at >= held.high) return 'NONE';
  if (at < held.low) return 'GONE';
  const [message] = (await readRanges(kafka, groupPrefix, topic, [{ partition, from: at, to: at + 1n }])).get(
    partition,
  )!;
  return message ?? 'NONE';
}

export type ReplayReport =
  | { deadLetter: DeadLetter; result: ReplayOutcome }
  /** The dead letter names no source, no consumer of this subgraph, or its source is no longer on the broker. */
  | { deadLetter?: DeadLetter; result: { outcome: 'CANNOT_REPLAY'; reason: string } };

/**
 * Replays one dead letter of the subgraph (its place in the dead-letter topic, as `listDeadLetters` gives it): the
 * message is read again from its source offset, whole (the dead letter's copy has the names of persons blanked), and
 * applied by the consumer that refused it (`InboxConsumer.replay`), in its inbox transaction: replayed twice, or after
 * the sender sent it again, it is applied once. Its sender is still the party whose topic it was read from.
 */
export async function replayDeadLetter(options: {
  kafka: Kafka;
  settings: KafkaSettings;
  module: SubgraphModule;
  orm: HubOrm;
  partition: number;
  offset: string;
}): Promise<ReplayReport> {
  const { kafka, settings, module, orm } = options;
  const groupPrefix = groupPrefixOf(settings, module);
  const dlqTopic = topicName(settings, deadLetterTopicOf(module.name));
  const cannot = (reason: string, deadLetter?: DeadLetter): ReplayReport => ({
    deadLetter,
    result: { outcome: 'CANNOT_REPLAY', reason },
  });
  const letter = await messageAt(kafka, groupPrefix, dlqTopic, options.partition, options.offset);
  if (letter === 'GONE' || letter === 'NONE')
    return cannot(`${dlqTopic} holds no dead letter at ${options.partition}:${options.offset}`);
  const deadLetter = deadLetterOf(options.partition, letter);
  const definition = module.consumers.find((c) => c.name === deadLetter.consumer);
  if (!definition) return cannot(`no consumer of ${module.name} is named ${deadLetter.consumer}`, deadLetter);
  const { source } = deadLetter;
  if (!source) return cannot('the dead letter does not say where its message came from', deadLetter);
  const message = await messageAt(kafka, groupPrefix, source.topic, source.partition, source.offset);
  if (message === 'GONE' || message === 'NONE')
    return cannot(
      `${source.topic} no longer holds ${source.partition}:${source.offset} (past its retention): ask the sender to send it again`,
      deadLetter,
    );
  const consumer = new InboxConsumer({
    definition,
    orm,
    kafka,
    kafkaSettings: settings,
    deadLetterTopic: deadLetterTopicOf(module.name),
  });
  return { deadLetter, result: await consumer.replay(source.topic, source.partition, message) };
}
