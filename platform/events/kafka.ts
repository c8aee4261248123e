import { Kafka, Partitioners, ProducerConfig, logLevel } from 'kafkajs';
import { TOPIC_DEFINITIONS, deadLetterTopicOf } from '../../catalog';
import { logger } from '../logging';
import { fixKafkajsIdleTimers } from './kafkajs-idle';
import { memoizeKafkajsSaltedPasswords } from './kafkajs-scram';

// Every kafkajs client of the hub is made here (createKafka), so every process that has one runs the fixes.
fixKafkajsIdleTimers();
memoizeKafkajsSaltedPasswords();

/** A SASL/SCRAM-SHA-512 principal of the broker (`User:<username>` in its ACLs). */
export interface SaslCredential {
  username: string;
  password: string;
}

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  /** Prepended to every logical topic name; tests use a unique prefix per run so they never share state. */
  topicPrefix?: string;
  partitions?: number;
  replicationFactor?: number;
  /**
   * How long a consumer's fetch waits at the broker while there is nothing to read (kafkajs `maxWaitTimeInMs`, 5 s
   * unless set). A consumer stops only once its pending fetch has returned, so a test hub that starts and stops a
   * dozen consumers per file sets it low; delivery latency does not depend on it.
   */
  consumerMaxWaitMs?: number;
  /**
   * How long the broker keeps a silent consumer in its group (kafkajs `sessionTimeout`, 30 s unless set; heartbeats
   * every third of it). A consumer that reconnects after a broker restart joins as a new member and its group
   * rebalances only once the old membership has expired, so the broker-outage test shortens it.
   */
  consumerSessionTimeoutMs?: number;
  /** How often a consumer of per-party topics looks for parties' new topics (10 s unless set). */
  partyTopicRefreshMs?: number;
  /** The principal this client authenticates as (SASL/SCRAM-SHA-512 over the client listener); none: PLAINTEXT. */
  sasl?: SaslCredential;
  /**
   * TLS to the broker (SASL_SSL with `sasl`): the events, owners' names and ID numbers among them, are encrypted on the
   * wire and the broker's certificate is checked against `ca` (PEM), or the system's CAs when none is given. None: the
   * listener is plain TCP (a broker on the same host or a private network).
   */
  tls?: KafkaTls;
}

export interface KafkaTls {
  /** The certificates (PEM) the broker's must chain to; none: Node's bundled CAs. */
  ca?: string[];
}

export const topicName = (settings: KafkaSettings, logical: string) => `${settings.topicPrefix ?? ''}${logical}`;

const kafkaLog = logger.child({ component: 'kafkajs' });

/** kafkajs's warning at every connect of a producer that is idempotent and retries a bounded number of times. */
export const LIMITED_RETRIES_WARNING = 'Limiting retries for the idempotent producer may invalidate EoS guarantees';

/**
 * The level a kafkajs message is logged at here. kafkajs reports retriable broker hiccups (coordinator loading, a
 * reconnect) as errors; our own code logs what is really lost or stuck, so its messages are one level lower here.
 * Its warning about the relay's limited retries is debug: the relay's producer is idempotent but keeps the client's
 * three retries on purpose (the outbox row stays until the broker acknowledges it, and the relay's own backoff
 * takes over), and an event is applied once because each consumer keeps the ids it applied (its inbox), not because of
 * kafkajs's exactly-once session; logged at every producer connect, it was noise in every start's log.
 */
export function kafkajsLogLevel(level: logLevel, message: string): 'warn' | 'info' | 'debug' {
  if (message === LIMITED_RETRIES_WARNING) return 'debug';
  return level === logLevel.ERROR ? 'warn' : level === logLevel.WARN ? 'info' : 'debug';
}

/** `quiet`: kafkajs logs nothing (a probe whose failure is an answer, not an incident, such as a credential check). */
export function createKafka(settings: KafkaSettings, { quiet = false } = {}): Kafka {
  return new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
    ...(settings.sasl ? { sasl: { mechanism: 'scram-sha-512' as const, ...settings.sasl } } : {}),
    // kafkajs checks the certificate's name against each broker's host (its IP address where the host is one).
    ...(settings.tls ? { ssl: settings.tls.ca ? { ca: settings.tls.ca } : true } : {}),
    connectionTimeout: 3000,
    requestTimeout: 10000,
    // Short client retries: the outbox relay and the consumers own the long backoff, so an outage is noticed
    // quickly and nothing waits inside kafkajs for minutes.
    retry: { retries: 3, initialRetryTime: 200, maxRetryTime: 2000 },
    logLevel: quiet ? logLevel.NOTHING : logLevel.WARN,
    logCreator:
      () =>
      ({ namespace, level, log }) => {
        const { message, ...extra } = log;
        kafkaLog[kafkajsLogLevel(level, message)]({ namespace, ...extra }, message);
      },
  });
}

/**
 * What every producer of the hub is made with: kafkajs 2's default partitioner named (Java's murmur2 on the key, the
 * partition any other client gives the same key; named, kafkajs no longer warns at every producer that its default
 * changed in 2.0), and no topic made by producing to it (`ensureTopics` makes them).
 */
export const HUB_PRODUCER: ProducerConfig = {
  createPartitioner: Partitioners.DefaultPartitioner,
  allowAutoTopicCreation: false,
};

type TopicsListener = (topics: readonly string[]) => void;
const ensuredTopicsListeners = new Set<TopicsListener>();

/**
 * Calls `listener` with the topics each later `ensureTopics` of this process made sure of, until the returned function
 * is called: a consumer of per-party topics in the same process (a hub running several subgraphs, a test file
 * registering a party) looks for a party's new topic at once instead of at its next poll.
 */
export function onTopicsEnsured(listener: TopicsListener): () => void {
  ensuredTopicsListeners.add(listener);
  return () => void ensuredTopicsListeners.delete(listener);
}

/**
 * The largest message an outside party may write on its own topic (a court's case events, a bureau's reviews, a
 * hotline's orders), set on each such topic when it is created (`max.message.bytes`; the broker's default is 1 MiB).
 * Their events are a few KiB; the bound keeps a dead letter's copy, the reason's headers added, under the broker's
 * limit too, and a party's list (a review's return reasons) as bounded as the hub's own events (512 KiB of data).
 */
export const INBOUND_MESSAGE_MAX_BYTES = 512 * 1024;

/**
 * How much of a party's own topic the broker keeps, per partition: the hub applies each message within moments and
 * keeps what it applied in its database, so older segments only cost disk. Without a bound a party writing at its
 * quota (512 KiB a second, feed-subscriber.ts) grew the broker's disk, shared by every party and the hub, by some
 * 45 GB a day; 1 GiB holds some 200,000 reports of 5 KiB on each partition.
 */
export const INBOUND_RETENTION_BYTES = 1024 ** 3;

/**
 * How long the broker keeps a message on a party's own topic (`retention.ms`): the hub applies it within moments and
 * keeps what it needs (a hotline order's caller masked, `王**`, `138****5678`), while the message itself named the
 * caller in full; the broker's `log.retention.ms` is -1, so it stayed on its disk, readable by whoever reads the topic,
 * for good (a privacy audit of 2026-12-07; PIPL art. 19: kept no longer than its purpose needs). Seven days is the
 * window to replay a refused message from its source (`npm run dead-letters -- replay`) once its cause is mended.
 */
export const INBOUND_RETENTION_MS = 7 * 24 * 3600 * 1000;

const INBOUND_FAMILIES = TOPIC_DEFINITIONS.filter((t) => t.perParty).map((t) => `${t.name}.`);
/** The hub's replies to parties about what they sent: as many as they send, so bounded as their topics are. */
const REPLY_FAMILIES = TOPIC_DEFINITIONS.filter((t) => t.replies).map((t) => `${t.name}.`);
/**
 * A subgraph's dead-letter topic keeps as much: what outside parties write that can never be applied (a forged or
 * malformed report) is copied there, so a party writing refusals at its quota grew it as fast as its own topic.
 * `hub_dead_letters_total{topic,reason}` counts every dead letter whatever the broker still keeps.
 */
const isDeadLetterTopic = (logicalName: string) => logicalName === deadLetterTopicOf(logicalName.split('.')[0]);

/**
 * An outside party's topic is kept uncompressed (`compression.type`): the broker checks `max.message.bytes` against a
 * batch as it arrives, compressed, so 194 KB of gzip held 200 MB of zeros that kafkajs inflated whole in the consumer
 * (a helper's audit, 2026-12-04: 848 MB at its peak; 389 KB ended a process with the hub's 320 MB heap), and a codec
 * kafkajs cannot read (zstd, snappy, lz4 from any other client) stopped the consumer at that offset for good. The
 * broker now writes every batch uncompressed and refuses one past the bound once it is, so what the consumer reads is
 * what was bounded, in a codec it reads.
 */
const INBOUND_COMPRESSION = 'uncompressed';

/** The topic-level settings of a topic the hub creates: log compaction, or an outside party's message and size bounds. */
function topicConfig(logicalName: string): { name: string; value: string }[] {
  const config = [];
  if (TOPIC_DEFINITIONS.some((t) => t.compacted && t.name === logicalName))
    config.push({ name: 'cleanup.policy', value: 'compact' });
  if (INBOUND_FAMILIES.some((family) => logicalName.startsWith(family)))
    config.push(
      { name: 'max.message.bytes', value: String(INBOUND_MESSAGE_MAX_BYTES) },
      { name: 'retention.bytes', value: String(INBOUND_RETENTION_BYTES) },
      { name: 'retention.ms', value: String(INBOUND_RETENTION_MS) },
      { name: 'compression.type', value: INBOUND_COMPRESSION },
    );
  if (isDeadLetterTopic(logicalName) || REPLY_FAMILIES.some((family) => logicalName.startsWith(family)))
    config.push({ name: 'retention.bytes', value: String(INBOUND_RETENTION_BYTES) });
  return config;
}

/**
 * Creates the topics that are missing (idempotent) and waits until every partition has a leader. Right after
 * creation a broker may briefly answer "unknown topic" even where kafkajs waits for leaders, so the whole step is
 * retried a bounded number of times. Replication 1 suits the single local broker only.
 */
export async function ensureTopics(
  kafka: Kafka,
  settings: KafkaSettings,
  logicalNames: string[],
  attempts = 10,
): Promise<void> {
  const configs = new Map(logicalNames.map((n) => [topicName(settings, n), topicConfig(n)]));
  const topics = [...configs.keys()];
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        const existing = new Set(await admin.listTopics());
        const missing = topics.filter((t) => !existing.has(t));
        if (missing.length > 0) {
          await admin.createTopics({
            waitForLeaders: true,
            topics: missing.map((topic) => ({
              topic,
              numPartitions: settings.partitions ?? 3,
              replicationFactor: settings.replicationFactor ?? 1,
              configEntries: configs.get(topic),
            })),
          });
        }
        const metadata = await admin.fetchTopicMetadata({ topics });
        if (metadata.topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) {
          for (const listener of ensuredTopicsListeners) listener(topics);
          return;
        }
        throw new Error('topic partitions have no leader yet');
      } catch (error) {
        if (attempt >= attempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, 300 * attempt));
      }
    }
  } finally {
    await admin.disconnect();
  }
}
