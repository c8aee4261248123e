import type { Knex } from '@mikro-orm/postgresql';
import { Kafka, Message, Producer } from 'kafkajs';
import { NotifyListener } from '../db/notify-listener';
import { logger } from '../logging';
import { SpanKind, contextFrom, failed, traceparentOf, tracer } from '../tracing';
import { Span, trace } from '@opentelemetry/api';
import { encodeHeaders } from './cloudevent';
import { HUB_PRODUCER, KafkaSettings, ensureTopics, topicName } from './kafka';
import { outboxChannel } from './outbox.entities';

export interface RelayOptions {
  schema: string;
  knex: Knex;
  kafka: Kafka;
  kafkaSettings: KafkaSettings;
  /** When given, the relay LISTENs on its own connection for the outbox's commits (outboxNotifyDdl), in any process. */
  databaseUrl?: string;
  batchSize?: number;
  /** The fallback poll; with LISTEN it only catches a notification lost while the listening connection was down. */
  pollIntervalMs?: number;
  maxBackoffMs?: number;
}

interface OutboxRow {
  id: string;
  event_id: string;
  topic: string;
  message_key: string;
  event_type: string;
  source: string;
  subject: string | null;
  occurred_at: Date;
  payload: unknown;
  traceparent: string | null;
}

/**
 * Publishes outbox rows in commit order. One relay publishes at a time per schema (a transaction-scoped advisory
 * lock), so one aggregate's events keep their order even with several instances. A row is marked published only
 * after Kafka acknowledged it on all in-sync replicas; while the broker is down rows simply wait, so no event is
 * lost. A crash between the ack and the commit re-sends a batch: consumers dedupe by event id (inbox).
 */
export class OutboxRelay {
  private producer?: Producer;
  private readonly knownTopics = new Set<string>();
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  /** Set by nudge(): a pass started before the nudge may have missed the rows it announced. */
  private nudged = false;
  private listener?: NotifyListener;
  private readonly log;

  constructor(private readonly options: RelayOptions) {
    this.log = logger.child({ component: 'outbox-relay', schema: options.schema });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
    const { databaseUrl, schema } = this.options;
    if (databaseUrl) {
      this.listener = new NotifyListener({
        databaseUrl,
        channel: outboxChannel(schema),
        applicationName: `outbox-relay:${schema}`,
        onNotify: () => this.nudge(),
        maxBackoffMs: this.options.maxBackoffMs,
      });
      this.listener.start();
    }
  }

  /** Asks for an immediate pass instead of waiting for the next poll. */
  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.nudge();
    await this.loop;
    await this.listener?.stop();
    await this.disconnect();
  }

  private async run(): Promise<void> {
    const poll = this.options.pollIntervalMs ?? (this.options.databaseUrl ? 1000 : 200);
    let backoff = poll;
    // A pass after a poll interval that no commit cut short first asks whether any row waits (one statement, no
    // transaction); the first pass, a nudged one and those after a publish or a failure read the outbox at once.
    let timed = false;
    while (this.running) {
      const announced = this.nudged || !timed;
      this.nudged = false;
      timed = false;
      try {
        const published = announced || (await this.anyWaiting()) ? await this.publishBatch() : 0;
        backoff = poll;
        if (published > 0) continue;
      } catch (error) {
        this.log.warn({ err: error, retryInMs: backoff }, 'outbox relay could not publish; will retry');
        await this.disconnect();
        await this.pause(backoff, { backoff: true });
        backoff = Math.min(backoff * 2, this.options.maxBackoffMs ?? 5000);
        continue;
      }
      await this.pause(poll);
      timed = true;
    }
  }

  /**
   * Whether any row waits to be published (the partial index on unpublished rows answers). An idle subgraph's relay
   * asks this once a poll instead of opening a transaction for its advisory lock and the batch's select: the knex
   * transaction was about a third of an idle subgraph process's CPU (README › Production, Idle CPU).
   */
  private async anyWaiting(): Promise<boolean> {
    const { rows } = await this.options.knex.raw<{ rows: { waiting: boolean }[] }>(
      `select exists (select 1 from "${this.options.schema}"."outbox" where published_at is null) as waiting`,
    );
    return rows[0].waiting;
  }

  /** Waits `ms`, or less when nudged (the backoff after a failure ends early only when the relay stops). */
  private pause(ms: number, { backoff = false } = {}): Promise<void> {
    if (this.nudged && !backoff) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        if (backoff && this.running) return;
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /**
   * The rows waiting to be published and how long the oldest has waited since it was written (for the metrics; the
   * partial index answers), not since its event occurred: a backfill's events occurred long before.
   */
  async backlog(): Promise<{ backlog: number; oldestAgeSeconds: number }> {
    const { rows } = await this.options.knex.raw<{ rows: { backlog: number; age: number | null }[] }>(
      `select count(*)::int as backlog, extract(epoch from now() - min(recorded_at))::float8 as age
         from "${this.options.schema}"."outbox" where published_at is null`,
    );
    return { backlog: rows[0].backlog, oldestAgeSeconds: Math.max(0, rows[0].age ?? 0) };
  }

  /** Returns how many rows were published. */
  async publishBatch(): Promise<number> {
    const { knex, schema } = this.options;
    return knex.transaction(async (trx) => {
      const lock = await trx.raw('select pg_try_advisory_xact_lock(hashtext(?)) as locked', [`outbox-relay:${schema}`]);
      if (!lock.rows[0].locked) return 0;
      const { rows } = await trx.raw<{ rows: OutboxRow[] }>(
        `select * from "${schema}"."outbox" where published_at is null order by id limit ?`,
        [this.options.batchSize ?? 1000],
      );
      if (rows.length === 0) return 0;
      try {
        await this.send(rows);
      } catch (error) {
        // Recorded in its own statement so the failure is visible even though this transaction rolls back.
        await knex
          .raw(`update "${schema}"."outbox" set attempts = attempts + 1, last_error = ? where id = any(?::bigint[])`, [
            String((error as Error).message).slice(0, 500),
            rows.map((r) => r.id),
          ])
          .catch(() => undefined);
        throw error;
      }
      await trx.raw(`update "${schema}"."outbox" set published_at = now() where id = any(?::bigint[])`, [
        rows.map((r) => r.id),
      ]);
      return rows.length;
    });
  }

  private async send(rows: OutboxRow[]): Promise<void> {
    const producer = await this.connectedProducer();
    // A party's feed topic (`litigation.referrals.v1.<court>`) is created by its first event.
    const unknown = [...new Set(rows.map((row) => row.topic))].filter((t) => !this.knownTopics.has(t));
    if (unknown.length > 0) {
      await ensureTopics(this.options.kafka, this.options.kafkaSettings, unknown);
      for (const t of unknown) this.knownTopics.add(t);
    }
    // A row recorded in a trace is published in a PRODUCER span of that trace, whose context the message carries.
    const spans: Span[] = [];
    const traceOf = (row: OutboxRow): string | undefined => {
      if (!row.traceparent) return undefined;
      const parent = contextFrom({ traceparent: row.traceparent });
      const span = tracer().startSpan(
        `relay publish ${row.topic}`,
        {
          kind: SpanKind.PRODUCER,
          attributes: {
            'messaging.system': 'kafka',
            'messaging.operation.type': 'send',
            'messaging.destination.name': row.topic,
            'messaging.message.id': row.event_id,
            'cloudevents.event_type': row.event_type,
          },
        },
        parent,
      );
      spans.push(span);
      return traceparentOf(trace.setSpan(parent, span));
    };
    try {
      const messages = rows.map((row) => {
        const message: Message = {
          key: row.message_key,
          value: JSON.stringify(row.payload),
          headers: encodeHeaders({
            id: row.event_id,
            type: row.event_type,
            source: row.source,
            subject: row.subject ?? undefined,
            time: new Date(row.occurred_at).toISOString(),
            traceparent: traceOf(row),
            data: row.payload,
          }),
        };
        return { topic: topicName(this.options.kafkaSettings, row.topic), message, bytes: messageBytes(message) };
      });
      // In commit order, one request after another: a key's events keep their order across the requests.
      for (const chunk of sizedChunks(messages, MAX_SEND_BYTES)) {
        const byTopic = new Map<string, Message[]>();
        for (const { topic, message } of chunk) {
          const topicMessages = byTopic.get(topic);
          if (topicMessages) topicMessages.push(message);
          else byTopic.set(topic, [message]);
        }
        await producer.sendBatch({
          acks: -1,
          topicMessages: [...byTopic].map(([topic, topicMessages]) => ({ topic, messages: topicMessages })),
        });
      }
    } catch (error) {
      for (const span of spans) failed(span, error);
      throw error;
    } finally {
      for (const span of spans) span.end();
    }
  }

  private async connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.options.kafka.producer({ ...HUB_PRODUCER, idempotent: true, maxInFlightRequests: 1 });
      await producer.connect();
      this.producer = producer;
    }
    return this.producer;
  }

  /** A fresh producer after a failure also gets a fresh idempotence session from the broker. */
  private async disconnect(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch(() => undefined);
  }
}

/**
 * The most the relay puts in one request, keys, values and headers counted. kafkajs sends all of a partition's
 * messages of a request as one record batch, and the broker refuses a batch over its `message.max.bytes` (1 MiB by
 * default) as a whole: a backlog of 1,000 rows of 4 KB (a broker outage, or a burst of claims with their charges)
 * was refused at every pass and held up every later event of the subgraph (outbox-notify.it).
 */
export const MAX_SEND_BYTES = 768 * 1024;

/** A message's size as the relay counts it: its key, value and headers, and a record's overhead. */
function messageBytes(message: Message): number {
  let bytes = 64 + Buffer.byteLength(String(message.key ?? '')) + Buffer.byteLength(String(message.value ?? ''));
  for (const [name, value] of Object.entries(message.headers ?? {}))
    bytes += Buffer.byteLength(name) + Buffer.byteLength(String(value ?? ''));
  return bytes;
}

/** Consecutive runs of the items of at most `max` bytes each; an item larger than that alone. */
export function sizedChunks<T extends { bytes: number }>(items: readonly T[], max: number): T[][] {
  const chunks: T[][] = [];
  let chunk: T[] = [];
  let bytes = 0;
  for (const item of items) {
    if (chunk.length > 0 && bytes + item.bytes > max) {
      chunks.push(chunk);
      chunk = [];
      bytes = 0;
    }
    chunk.push(item);
    bytes += item.bytes;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}
