import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Admin,
  CompressionTypes,
  Consumer,
  EachBatchPayload,
  EachMessagePayload,
  Kafka,
  KafkaMessage,
  IHeaders,
  Message,
  Producer,
} from 'kafkajs';
import { EventData, EventDefinition, PARTY_ID_PATTERN, TopicDefinition } from '../../catalog';
import { DomainError } from '../../kernel/errors';
import { canonicalJson, sha256Hex } from '../../kernel/canonical-json';
import { HubOrm } from '../db/orm';
import { sqlArray, sqlRows, sqlRun } from '../db/sql';
import { isConstraintRefusal, isDataException, isTransient } from '../db/transient';
import { logger, messageWithoutValues } from '../logging';
import { HubEvent, PoisonMessageError, decodeMessage, validateEventData } from './cloudevent';
import { deadLetters } from '../metrics';
import { HUB_PRODUCER, KafkaSettings, ensureTopics, onTopicsEnsured, topicName } from './kafka';
import { refusalNotice } from './refusal-notice';
import { SpanKind, contextFrom, inSpan } from '../tracing';
import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { timed } from '../phase-timings';

/** Applies one event's effect inside the inbox transaction. Throw a DomainError to reject it as poison. */
export type EventHandler<E extends EventDefinition = EventDefinition> = (
  em: EntityManager,
  event: HubEvent<EventData<E>>,
) => Promise<void>;

/** One event type a consumer handles, with its handler typed by the catalog's declaration of that type. */
export interface EventSubscription {
  readonly definition: EventDefinition;
  readonly handle: EventHandler;
}

/**
 * Subscribes a handler to one event type. The handler sees `event.data` as the catalog declares it: the consumer
 * checks every message against the type's JSON Schema before calling it, so this is the one place that may say so.
 */
export const on = <E extends EventDefinition>(definition: E, handle: EventHandler<E>): EventSubscription => ({
  definition,
  handle: handle as unknown as EventHandler,
});

/**
 * A consumer's batch handler, typed by the event types it subscribes to: only those types reach a batch, each checked
 * against its JSON Schema first, as for `on`.
 */
export const batchOf =
  <E extends EventDefinition>(
    _definitions: readonly E[],
    handle: (em: EntityManager, events: HubEvent<EventData<E>>[]) => Promise<void>,
  ): NonNullable<ConsumerDefinition['handleBatch']> =>
  (em, events) =>
    handle(em, events as HubEvent<EventData<E>>[]);

export interface ConsumerDefinition {
  /** Stable consumer name: the inbox key and the default consumer group, e.g. `contracts.area-view`. */
  name: string;
  /** The event types this consumer handles; other types on the same topics are not its business. */
  subscriptions: readonly EventSubscription[];
  /**
   * Applies a whole fetched batch of new events (already checked, deduplicated by the inbox) in one transaction,
   * where a per-message transaction would be the bottleneck (the webhook dispatcher). A batch that fails is applied
   * again message by message through `subscriptions`, so one poison message is dead-lettered and the rest applied.
   */
  handleBatch?: (em: EntityManager, events: HubEvent[]) => Promise<void>;
}

/** The topics a consumer reads: those of the event types it subscribes to (per-party families aside). */
export const consumerTopics = (definition: ConsumerDefinition): string[] => [
  ...new Set(definition.subscriptions.filter((s) => !s.definition.topic.perParty).map((s) => s.definition.topic.name)),
];

/**
 * The per-party families a consumer reads, as topic-name prefixes (`court.case-events.v1.`): it reads every party's
 * topic in them, and takes the sender from the topic's name.
 */
export const consumerTopicPrefixes = (definition: ConsumerDefinition): string[] => [
  ...new Set(
    definition.subscriptions.filter((s) => s.definition.topic.perParty).map((s) => `${s.definition.topic.name}.`),
  ),
];

export interface ConsumerOptions {
  definition: ConsumerDefinition;
  orm: HubOrm;
  kafka: Kafka;
  kafkaSettings: KafkaSettings;
  deadLetterTopic: string;
  groupId?: string;
  /** Local retries of a failing handler before the message is judged. */
  maxAttempts?: number;
  initialBackoffMs?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What came of a replayed message (`InboxConsumer.replay`). */
export type ReplayOutcome =
  | { outcome: 'APPLIED' | 'ALREADY_APPLIED' }
  /** Not an event type this consumer takes from that topic (another consumer's). */
  | { outcome: 'NOT_TAKEN' }
  | { outcome: 'REFUSED'; reasonCode: string; reason: string };

/**
 * A handler's failure that is the message's own fault, the same on every try: the domain refused it, or PostgreSQL
 * refused its values (each retry, five with 3 s of backoff, held up every other sender's events). Undefined for a
 * failure that may pass.
 */
function refusalOf(error: unknown): { reasonCode: string; reason: string } | undefined {
  if (error instanceof DomainError) return { reasonCode: error.code, reason: error.message };
  if (error instanceof PoisonMessageError) return { reasonCode: error.reasonCode, reason: error.message };
  if (isDataException(error) || isConstraintRefusal(error))
    return { reasonCode: 'INVALID_DATA', reason: messageWithoutValues(error) };
  return undefined;
}

/**
 * At-least-once delivery from Kafka, exactly-once effect in PostgreSQL: the event id goes into the inbox in the same
 * transaction as the handler's writes, so a redelivered event is recognised and skipped. Poison messages (not a
 * CloudEvent, bad JSON, schema violation, rejected by the domain, or a handler that keeps failing) are sent to the
 * dead-letter topic with the reason and the consumer moves on.
 */
export class InboxConsumer {
  private consumer?: Consumer;
  /**
   * Connected on the first dead letter: most consumers never send one, and connecting a producer for each consumer
   * at start (a SASL handshake each, a dozen side by side) made a subgraph's consumers take 1–3 s to start.
   */
  private dlqProducer?: Promise<Producer>;
  private stopped = false;
  private readonly log;
  private readonly handlers: ReadonlyMap<string, EventHandler>;
  private readonly definitions: ReadonlyMap<string, EventDefinition>;
  private readonly partyPrefixes: string[];
  /** The per-party families read whose refused messages are reported back to their sender. */
  private readonly answeredFamilies: TopicDefinition[];
  /**
   * The fields naming a person in any event this consumer reads (catalog `personalFields`), blanked in its dead
   * letters whatever type the refused message claims: a hotline order sent without its ce_type was copied whole.
   */
  private readonly personalFields: string[];
  /** The CloudEvents source of the refusal notices it sends: its subgraph's. */
  private readonly noticeSource: string;
  /** Reply topics this consumer made sure exist, and those it failed to send to, until when it leaves them be. */
  private readonly ensuredReplyTopics = new Set<string>();
  private readonly replyTopicFailedUntil = new Map<string, number>();
  private subscribedTopics: string[] = [];
  private admin?: Admin;
  private refreshTimer?: NodeJS.Timeout;
  private unwatchTopics?: () => void;
  private refreshing = false;
  /** A look asked for while one was under way, which may have listed the topics before the new one existed. */
  private refreshAgain = false;

  constructor(private readonly options: ConsumerOptions) {
    this.log = logger.child({ component: 'consumer', consumer: options.definition.name });
    this.handlers = new Map(options.definition.subscriptions.map((s) => [s.definition.type, s.handle]));
    this.definitions = new Map(options.definition.subscriptions.map((s) => [s.definition.type, s.definition]));
    this.partyPrefixes = consumerTopicPrefixes(options.definition).map((p) => topicName(options.kafkaSettings, p));
    this.noticeSource = `/property-governance-hub/${options.deadLetterTopic.split('.')[0]}`;
    this.personalFields = [
      ...new Set(options.definition.subscriptions.flatMap((s) => s.definition.personalFields ?? [])),
    ];
    this.answeredFamilies = [
      ...new Set(options.definition.subscriptions.map((s) => s.definition.topic).filter((t) => t.perParty?.refusals)),
    ];
  }

  async start(): Promise<void> {
    this.stopped = false;
    // kafkajs resolves a subscription once: parties' topics created later (a newly registered court) are found by
    // looking again now and then, and at once when this process made them, and the consumer rejoins with them. The
    // first look counts as one under way, so a topic made while it lists the broker's is looked for again after it.
    if (this.partyPrefixes.length > 0) {
      this.unwatchTopics = onTopicsEnsured((topics) => {
        if (topics.some((t) => this.partyPrefixes.some((p) => t.startsWith(p)))) void this.refreshTopics();
      });
    }
    this.refreshing = true;
    try {
      await this.connectConsumer();
    } finally {
      this.refreshing = false;
    }
    if (this.partyPrefixes.length > 0) {
      this.refreshTimer = setInterval(
        () => void this.refreshTopics(),
        this.options.kafkaSettings.partyTopicRefreshMs ?? 10_000,
      );
    }
    this.lookAgainIfAsked();
  }

  /** The topics the consumer reads now, its parties' included (the lag of the group is read over these). */
  get topics(): readonly string[] {
    return this.subscribedTopics;
  }

  /** The consumer group: the definition's name under the topic prefix unless one is given. */
  get groupId(): string {
    return this.options.groupId ?? `${this.options.kafkaSettings.topicPrefix ?? ''}${this.options.definition.name}`;
  }

  /** The topics to read now: the literal ones, and every party's topic of the per-party families. */
  private async currentTopics(): Promise<string[]> {
    const { kafka, kafkaSettings, definition } = this.options;
    const literal = consumerTopics(definition).map((t) => topicName(kafkaSettings, t));
    if (this.partyPrefixes.length === 0) return literal;
    if (!this.admin) {
      const admin = kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    const parties = (await this.admin.listTopics()).filter((t) =>
      this.partyPrefixes.some((p) => t.startsWith(p) && PARTY_ID_PATTERN.test(t.slice(p.length))),
    );
    return [...literal, ...parties].sort();
  }

  private async refreshTopics(): Promise<void> {
    if (this.stopped) return;
    if (this.refreshing) {
      this.refreshAgain = true;
      return;
    }
    this.refreshing = true;
    let rejoining = false;
    try {
      const topics = await this.currentTopics();
      if (this.stopped || topics.join() === this.subscribedTopics.join()) return;
      this.log.info({ topics }, 'party topics changed; rejoining');
      rejoining = true;
      await this.consumer?.disconnect().catch(() => undefined);
      this.consumer = undefined;
      await this.connectConsumer(topics);
    } catch (error) {
      this.admin = undefined;
      // Not joined: the next look rejoins. Kept as joined, a rejoin that failed (the broker away past kafkajs's
      // retries) left every next look finding nothing changed, and the party topics unread for good (platform audit).
      if (rejoining) this.subscribedTopics = [];
      this.log.warn({ err: error }, 'could not look for new party topics');
    } finally {
      this.refreshing = false;
      this.lookAgainIfAsked();
    }
  }

  /** Looks again if a new party topic was announced while a look was under way (it may have listed the topics before). */
  private lookAgainIfAsked(): void {
    if (!this.refreshAgain) return;
    this.refreshAgain = false;
    void this.refreshTopics();
  }

  private async connectConsumer(known?: string[]): Promise<void> {
    const { kafka, kafkaSettings, definition } = this.options;
    const topics = known ?? (await this.currentTopics());
    this.subscribedTopics = topics;
    // A consumer of per-party topics only waits for the first party to have a topic.
    if (topics.length === 0) return;
    const consumer = kafka.consumer({
      groupId: this.groupId,
      maxWaitTimeInMs: kafkaSettings.consumerMaxWaitMs,
      ...(kafkaSettings.consumerSessionTimeoutMs
        ? {
            sessionTimeout: kafkaSettings.consumerSessionTimeoutMs,
            heartbeatInterval: Math.floor(kafkaSettings.consumerSessionTimeoutMs / 3),
          }
        : {}),
      retry: { retries: 10, initialRetryTime: 300, maxRetryTime: 5000 },
    });
    this.consumer = consumer;
    // kafkajs restarts itself after retriable failures; after any other crash (e.g. a long broker outage) we
    // reconnect with backoff, so a consumer never stays dead while the process lives.
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart && !this.stopped) void this.reconnect(payload.error);
    });
    await timed('consumer.connect', () => consumer.connect());
    await timed('consumer.subscribe', () => consumer.subscribe({ topics, fromBeginning: true }));
    await timed('consumer.run', () =>
      consumer.run({
        eachBatchAutoResolve: false,
        eachBatch: (payload) => (definition.handleBatch ? this.handleBatch(payload) : this.handleEach(payload)),
      }),
    );
  }

  private async reconnect(cause: Error): Promise<void> {
    let backoff = 1000;
    while (!this.stopped) {
      this.log.warn({ err: cause, retryInMs: backoff }, 'consumer crashed; reconnecting');
      await sleep(backoff);
      if (this.stopped) return;
      try {
        await this.consumer?.disconnect().catch(() => undefined);
        await this.connectConsumer();
        return;
      } catch (error) {
        cause = error as Error;
        backoff = Math.min(backoff * 2, 30000);
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.refreshTimer);
    this.unwatchTopics?.();
    await this.admin?.disconnect().catch(() => undefined);
    await this.consumer?.disconnect().catch(() => undefined);
    const dlqProducer = this.dlqProducer;
    this.dlqProducer = undefined;
    await dlqProducer?.then((p) => p.disconnect()).catch(() => undefined);
  }

  private deadLetterProducer(): Promise<Producer> {
    if (!this.dlqProducer) {
      const producer = this.options.kafka.producer(HUB_PRODUCER);
      const connecting = producer.connect().then(() => producer);
      // A failed connection is tried again with the next dead letter (the message is retried meanwhile).
      connecting.catch(() => {
        if (this.dlqProducer === connecting) this.dlqProducer = undefined;
      });
      this.dlqProducer = connecting;
    }
    return this.dlqProducer;
  }

  /**
   * The message as an event this consumer applies; undefined when it is not one of its types; or why it is refused.
   * Decoding and these checks read nothing but the message, so what fails here would fail on every retry: an error
   * other than a refusal (a malformed record the decoder did not foresee) is a refusal too, rather than thrown to
   * kafkajs, which would stop the partition on it for good, and every party's messages behind it.
   */
  private admit(topic: string, message: EachMessagePayload['message']): HubEvent | PoisonMessageError | undefined {
    try {
      const event = decodeMessage(message.headers, message.value);
      if (!this.handles(topic, event)) return undefined;
      validateEventData(event.type, event.data);
      this.checkSender(topic, event);
      return event;
    } catch (error) {
      if (error instanceof PoisonMessageError) return error;
      this.log.error({ err: error, topic, offset: message.offset }, 'message unreadable; dead-lettering');
      return new PoisonMessageError('NOT_A_CLOUDEVENT', 'The message could not be read as an event');
    }
  }

  /** Applies one message, or adds its dead letter to the batch's (sent by `letters.flush`). */
  private async handle(
    { topic, partition, message }: Pick<EachMessagePayload, 'topic' | 'partition' | 'message'>,
    letters: BatchDeadLetters,
  ): Promise<void> {
    const deadLetter = (reasonCode: string, reason: string) =>
      letters.add(this.deadLetterOf({ topic, partition, message }, reasonCode, reason));
    const event = this.admit(topic, message);
    if (event === undefined) return;
    if (event instanceof PoisonMessageError) return deadLetter(event.reasonCode, event.message);

    // The event's trace (ce_traceparent) goes on in this consumer's span, and into any event its handler records.
    return inSpan(
      `${this.options.definition.name} process ${event.type}`,
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.operation.type': 'process',
          'messaging.destination.name': topic,
          'messaging.consumer.group.name': this.groupId,
          'messaging.message.id': event.id,
          'cloudevents.event_type': event.type,
        },
      },
      contextFrom(event),
      async () => {
        const maxAttempts = this.options.maxAttempts ?? 5;
        let backoff = this.options.initialBackoffMs ?? 200;
        for (let attempt = 1; ; attempt++) {
          try {
            await this.apply(event, topic, partition, message.offset);
            return;
          } catch (error) {
            const refusal = refusalOf(error);
            if (refusal) return deadLetter(refusal.reasonCode, refusal.reason);
            if (attempt >= maxAttempts) {
              // Transient failures go back to kafkajs, which re-delivers after its own backoff: nothing is skipped.
              if (isTransient(error)) throw error;
              this.log.error({ err: error, eventId: event.id }, 'handler keeps failing; dead-lettering');
              return deadLetter('HANDLER_FAILED', messageWithoutValues(error));
            }
            this.log.warn({ err: error, eventId: event.id, attempt }, 'handler failed; retrying');
            await sleep(backoff);
            backoff *= 2;
          }
        }
      },
    );
  }

  /**
   * A fetched batch, message by message, as kafkajs' eachMessage would, but with the batch's dead letters sent
   * together: each one sent and awaited on its own (acks from every replica, 2 ms here) let a party that writes tiny
   * unreadable records within its quota (512 KiB a second: some 20,000 records of 25 bytes) hold every other sender's
   * events behind them.
   */
  private async handleEach({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const { topic, partition } = batch;
    const letters = this.lettersOf(batch, resolveOffset);
    for (const message of batch.messages) {
      // Left unresolved, the rest is fetched again (by this consumer, or by the one the partition goes to).
      if (!isRunning() || isStale()) return;
      await this.handle({ topic, partition, message }, letters);
      await letters.handled(message.offset);
      await heartbeat();
    }
    await letters.flush();
  }

  private async handleBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const { topic, partition } = batch;
    const letters = this.lettersOf(batch, resolveOffset);
    const events: { event: HubEvent; message: EachMessagePayload['message'] }[] = [];
    for (const message of batch.messages) {
      const event = this.admit(topic, message);
      if (event instanceof PoisonMessageError)
        letters.add(this.deadLetterOf({ topic, partition, message }, event.reasonCode, event.message));
      else if (event !== undefined) events.push({ event, message });
    }
    if (events.length > 0) {
      try {
        // One span for the batch, linked to the trace of each event that carries one.
        const links = events.flatMap(({ event }) => {
          const spanContext = trace.getSpanContext(contextFrom(event));
          return spanContext ? [{ context: spanContext }] : [];
        });
        await inSpan(
          `${this.options.definition.name} process batch`,
          {
            kind: SpanKind.CONSUMER,
            links,
            attributes: {
              'messaging.system': 'kafka',
              'messaging.operation.type': 'process',
              'messaging.destination.name': topic,
              'messaging.batch.message_count': events.length,
            },
          },
          ROOT_CONTEXT,
          () =>
            this.applyBatch(
              events.map(({ event, message }) => ({ event, offset: message.offset })),
              topic,
              partition,
            ),
        );
      } catch (error) {
        if (isTransient(error)) throw error; // kafkajs fetches the batch again: nothing is skipped
        this.log.warn(
          { err: error, topic, partition, messages: events.length },
          'batch failed; applying its messages one by one',
        );
        for (const { message } of events) {
          if (!isRunning() || isStale()) return;
          await this.handle({ topic, partition, message }, letters);
          await letters.handled(message.offset);
          await heartbeat();
        }
      }
    }
    await letters.handled(batch.lastOffset());
    await letters.flush();
    await heartbeat();
  }

  /**
   * One inbox transaction for a batch: the inbox rows (with each event's content digest, as apply() stores it) in one
   * statement, the handler with the events not seen before. An event id seen before (earlier, or earlier in this
   * batch) with other content fails the batch, so it is applied message by message and apply() dead-letters that
   * message as EVENT_ID_REUSED.
   */
  private async applyBatch(
    events: { event: HubEvent; offset: string }[],
    topic: string,
    partition: number,
  ): Promise<void> {
    const { definition, orm } = this.options;
    const digested = events.map(({ event, offset }) => ({
      event,
      offset,
      digest: sha256Hex(canonicalJson({ type: event.type, data: event.data })),
    }));
    await orm.em.fork().transactional(async (em) => {
      const inbox = `"${orm.config.get('schema')}"."inbox"`;
      const inserted = await sqlRows<{ event_id: string }>(
        em,
        `insert into ${inbox} (consumer, event_id, event_type, topic, partition, "offset", data_sha256)
         select ?, e.event_id, e.event_type, ?, ?, e."offset", e.data_sha256
         from jsonb_to_recordset(?::jsonb) as e(event_id text, event_type text, "offset" bigint, data_sha256 text)
         on conflict (consumer, topic, event_id) do nothing returning event_id`,
        [
          definition.name,
          topic,
          partition,
          JSON.stringify(
            digested.map(({ event, offset, digest }) => ({
              event_id: event.id,
              event_type: event.type,
              offset,
              data_sha256: digest,
            })),
          ),
        ],
      );
      const fresh = new Set(inserted.map((r) => r.event_id));
      // A redelivered event is skipped (exactly-once effect), and so is a second copy inside the batch.
      const applied = digested.filter(({ event }) => fresh.delete(event.id));
      const appliedSet = new Set(applied);
      const seen = digested.filter((d) => !appliedSet.has(d));
      if (seen.length > 0) {
        const stored = await sqlRows<{ event_id: string; data_sha256: string | null }>(
          em,
          `select event_id, data_sha256 from ${inbox} where consumer = ? and topic = ? and event_id = any(?::text[])`,
          [definition.name, topic, sqlArray([...new Set(seen.map((d) => d.event.id))])],
        );
        const digestOf = new Map(stored.map((r) => [r.event_id, r.data_sha256]));
        for (const { event, digest } of applied) digestOf.set(event.id, digest);
        const reused = seen.find(({ event, digest }) => {
          const earlier = digestOf.get(event.id);
          return earlier && earlier !== digest;
        });
        if (reused) throw new Error(`event id ${reused.event.id.slice(0, 100)} was seen before with other content`);
      }
      if (applied.length > 0)
        await definition.handleBatch!(
          em,
          applied.map(({ event }) => event),
        );
    });
  }

  /**
   * Whether this consumer applies the event: a hub topic carries types other consumers take, skipped here; a party's
   * topic carries only its family's type, so another there is refused (UNKNOWN_EVENT_TYPE), and its sender told, not
   * dropped unseen (a court's report sent under a misspelt or future type).
   */
  private handles(topic: string, event: HubEvent): boolean {
    if (this.handlers.has(event.type)) return true;
    if (this.partyPrefixes.some((p) => topic.startsWith(p)))
      throw new PoisonMessageError(
        'UNKNOWN_EVENT_TYPE',
        `${event.type.slice(0, 200)} is not an event type this topic takes (${[...this.handlers.keys()].join(', ')})`,
      );
    return false;
  }

  /**
   * On a per-party topic the sender is the party the topic belongs to (only its principal may write there): the data
   * must name the same party, and only the family's event types are taken from it; a hub event type only from its own
   * topic (before, one on a party's topic skipped the check: no consumer read both kinds, so none was applied).
   */
  private checkSender(topic: string, event: HubEvent): void {
    const family = this.definitions.get(event.type)!.topic;
    if (!family.perParty) {
      // The hub's own event types are taken from their own topic only: a party's topic holds what that party wrote.
      if (topic !== topicName(this.options.kafkaSettings, family.name))
        throw new PoisonMessageError('SENDER_MISMATCH', `${event.type} is taken only from the hub's ${family.name}`);
      return;
    }
    const prefix = topicName(this.options.kafkaSettings, `${family.name}.`);
    if (!topic.startsWith(prefix))
      throw new PoisonMessageError(
        'SENDER_MISMATCH',
        `${event.type} is taken only from a party's own ${family.name}.<${family.perParty.party}> topic`,
      );
    const sender = topic.slice(prefix.length);
    const named = (event.data as Record<string, unknown>)[family.perParty.senderField];
    if (named !== sender) {
      throw new PoisonMessageError(
        'SENDER_MISMATCH',
        `${family.perParty.senderField} ${String(named)} is not ${sender}, whose topic this is`,
      );
    }
  }

  /**
   * Applies one message again as this consumer would, once: an operator's replay of a dead letter from its source
   * offset (`npm run dead-letters -- replay`), after what refused it was mended (an area registered late, a handler
   * fixed). No retries, no dead letter, no notice to the sender: it says what came of it. A transient failure (the
   * database away) is thrown.
   */
  async replay(topic: string, partition: number, message: KafkaMessage): Promise<ReplayOutcome> {
    const event = this.admit(topic, message);
    if (event === undefined) return { outcome: 'NOT_TAKEN' };
    if (event instanceof PoisonMessageError)
      return { outcome: 'REFUSED', reasonCode: event.reasonCode, reason: event.message };
    try {
      return { outcome: (await this.apply(event, topic, partition, message.offset)) ? 'APPLIED' : 'ALREADY_APPLIED' };
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal) return { outcome: 'REFUSED', ...refusal };
      throw error;
    }
  }

  /** Applies the event in one transaction with its inbox row; false when it had been applied before. */
  private async apply(event: HubEvent, topic: string, partition: number, offset: string): Promise<boolean> {
    const { definition, orm } = this.options;
    const digest = sha256Hex(canonicalJson({ type: event.type, data: event.data }));
    return orm.em.fork().transactional(async (em) => {
      const inbox = `"${orm.config.get('schema')}"."inbox"`;
      const inserted = await sqlRun(
        em,
        `insert into ${inbox} (consumer, event_id, event_type, topic, partition, "offset", data_sha256) values (?, ?, ?, ?, ?, ?, ?)
         on conflict (consumer, topic, event_id) do nothing`,
        [definition.name, event.id, event.type, topic, partition, offset, digest],
      );
      if (inserted === 0) {
        // Already applied: a redelivery changes nothing (exactly-once effect); other content under the id is refused.
        const [earlier] = await sqlRows<{ data_sha256: string | null }>(
          em,
          `select data_sha256 from ${inbox} where consumer = ? and topic = ? and event_id = ?`,
          [definition.name, topic, event.id],
        );
        if (earlier?.data_sha256 && earlier.data_sha256 !== digest) {
          throw new PoisonMessageError(
            'EVENT_ID_REUSED',
            `Event id ${event.id.slice(0, 100)} was applied before with other content`,
          );
        }
        return false;
      }
      await this.handlers.get(event.type)!(em, event);
      return true;
    });
  }

  /** The dead letters of one fetched batch, sent to this consumer's dead-letter topic. */
  private lettersOf(batch: EachBatchPayload['batch'], resolveOffset: (offset: string) => void): BatchDeadLetters {
    return new BatchDeadLetters(resolveOffset, (copies) => this.sendDeadLetters(batch.topic, batch.partition, copies));
  }

  /** A message's copy for the dead-letter topic, with the reason's headers (`dlq_…`). */
  private deadLetterOf(
    { topic, partition, message }: Pick<EachMessagePayload, 'topic' | 'partition' | 'message'>,
    reasonCode: string,
    reason: string,
  ): DeadLetterCopy {
    const why = {
      dlq_reason_code: reasonCode,
      dlq_reason: reason.slice(0, 1000),
      dlq_consumer: this.options.definition.name,
      dlq_source_topic: topic,
      dlq_source_partition: String(partition),
      dlq_source_offset: message.offset,
      dlq_failed_at: new Date().toISOString(),
    };
    const refusal = {
      topic,
      partition,
      offset: message.offset,
      key: message.key,
      headers: message.headers,
      reasonCode,
      reason,
      refusedAt: why.dlq_failed_at,
    };
    const prefix = this.options.kafkaSettings.topicPrefix ?? '';
    const { value, redacted, unreadable } = withoutPersonalFields(message, this.personalFields);
    let notice: DeadLetterCopy['notice'] | null = null;
    for (const family of this.answeredFamilies) notice ??= refusalNotice(family, prefix, this.noticeSource, refusal);
    return {
      copy: {
        key: message.key,
        value,
        headers: {
          ...sendableHeaders(message.headers),
          ...why,
          ...(redacted.length > 0 ? { dlq_redacted: redacted.join(',') } : {}),
          ...(unreadable
            ? { dlq_value_omitted: `${byteSize(message.value)} bytes: unreadable, it may name a person` }
            : {}),
        },
      },
      source: message,
      why,
      notice: notice ?? undefined,
    };
  }

  /**
   * Tells each sender which of its messages were refused, on its own reply topic (made on first use), after their
   * dead letters are sent: at most NOTICES_PER_BATCH a topic and batch, gzipped (a party writing junk at its quota
   * otherwise had the hub write a notice for each tiny record). A notice that cannot be sent is logged,
   * and that topic is not tried again for a minute: the dead letter is the record.
   */
  private async sendRefusalNotices(producer: Producer, copies: DeadLetterCopy[]): Promise<void> {
    const byTopic = new Map<string, Message[]>();
    for (const { notice } of copies) {
      if (!notice) continue;
      const messages = byTopic.get(notice.topic) ?? [];
      if (messages.length < NOTICES_PER_BATCH) byTopic.set(notice.topic, [...messages, notice.message]);
    }
    const prefix = this.options.kafkaSettings.topicPrefix ?? '';
    for (const [topic, messages] of byTopic) {
      if ((this.replyTopicFailedUntil.get(topic) ?? 0) > Date.now()) continue;
      try {
        if (!this.ensuredReplyTopics.has(topic)) {
          await ensureTopics(this.options.kafka, this.options.kafkaSettings, [topic.slice(prefix.length)], 3);
          this.ensuredReplyTopics.add(topic);
        }
        await producer.send({ topic, acks: -1, compression: CompressionTypes.GZIP, messages });
      } catch (error) {
        this.replyTopicFailedUntil.set(topic, Date.now() + 60_000);
        this.ensuredReplyTopics.delete(topic);
        this.log.warn({ err: error, topic, notices: messages.length }, 'refusal notices not sent');
      }
    }
  }

  /**
   * Sends a batch's dead letters, a few hundred KiB at a time, and logs them in one line. A group the broker refuses
   * as too large is sent one by one; a copy refused on its own (the message was near the broker's limit and the
   * reason's headers took it over) goes without its body, which stays at its source offset: refused at every retry, it
   * kept the consumer on that message for good.
   */
  private async sendDeadLetters(topic: string, partition: number, copies: DeadLetterCopy[]): Promise<void> {
    const producer = await this.deadLetterProducer();
    const send = (messages: Message[]) =>
      producer.send({
        topic: topicName(this.options.kafkaSettings, this.options.deadLetterTopic),
        acks: -1,
        messages,
      });
    const sent = (messages: Message[]) =>
      send(messages).then(
        () => true,
        (error: unknown) => {
          if ((error as { type?: string }).type === 'MESSAGE_TOO_LARGE') return false;
          throw error;
        },
      );
    for (const group of byBytes(copies, DEAD_LETTER_SEND_BYTES)) {
      if (await sent(group.map((c) => c.copy))) continue;
      for (const { copy, source, why } of group) if (!(await sent([copy]))) await send([withoutBody(source, why)]);
    }
    // Counted and logged once sent: before, each failed try of the batch (the dead-letter topic refused) counted and
    // logged them again, though none reached it and the partition rightly stayed where it was (an operations audit).
    const reasons: Record<string, number> = {};
    for (const { why } of copies) reasons[why.dlq_reason_code] = (reasons[why.dlq_reason_code] ?? 0) + 1;
    this.log.warn(
      {
        topic,
        partition,
        deadLetters: copies.length,
        reasons,
        offsets: `${copies[0].why.dlq_source_offset}..${copies[copies.length - 1].why.dlq_source_offset}`,
        reason: copies[0].why.dlq_reason,
      },
      'messages sent to dead-letter topic',
    );
    for (const { why } of copies) deadLetters.inc({ topic, reason: why.dlq_reason_code });
    await this.sendRefusalNotices(producer, copies);
  }
}

/** A dead letter's copy: the message with the reason's headers, and the message itself should the copy be too large. */
interface DeadLetterCopy {
  copy: Message;
  source: KafkaMessage;
  why: Record<string, string>;
  /** What its sender is told, on its reply topic, when the family has one (refusal-notice.ts). */
  notice?: { topic: string; message: Message };
}

/** Refusal notices sent to one party's reply topic for one fetched batch; the rest are in the dead-letter topic. */
const NOTICES_PER_BATCH = 100;

/** How many bytes of dead letters go in one send (a party's message is at most 512 KiB; the broker takes 1 MiB). */
const DEAD_LETTER_SEND_BYTES = 256 * 1024;
/** How many dead letters wait for the end of their batch before they are sent. */
const DEAD_LETTERS_HELD = 1000;

/** Groups of copies of at most `bytes` each (a larger copy alone). */
function* byBytes(copies: DeadLetterCopy[], bytes: number): Generator<DeadLetterCopy[]> {
  let group: DeadLetterCopy[] = [];
  let size = 0;
  for (const copy of copies) {
    const own = messageBytes(copy.source) + 400;
    if (group.length > 0 && size + own > bytes) {
      yield group;
      group = [];
      size = 0;
    }
    group.push(copy);
    size += own;
  }
  if (group.length > 0) yield group;
}

/**
 * A refused message's body with `fields` that name a person blanked (catalog `personalFields`, e.g. a hotline caller,
 * whom the hub keeps only masked once admitted: before, a refused order's copy kept the caller's name and number in
 * the dead-letter topic), at any depth: an event in structured mode, or a list of orders, holds them below the top
 * (before, such a body was kept as sent, a caller's name and number in clear; a platform audit of 2026-12-06). A body
 * that cannot be read as JSON is left out (`unreadable`): it may name a person the hub cannot find in it.
 */
export function withoutPersonalFields(
  message: Pick<KafkaMessage, 'value'>,
  fields: readonly string[],
): { value: Buffer | null; redacted: string[]; unreadable?: boolean } {
  if (fields.length === 0 || message.value === null) return { value: message.value, redacted: [] };
  let data: unknown;
  try {
    data = JSON.parse(message.value.toString('utf8'));
  } catch {
    return { value: null, redacted: [], unreadable: true };
  }
  const found = new Set<string>();
  const blank = (v: unknown, depth: number): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    if (depth > 64) return null; // deeper than any event: nothing of it is kept
    if (Array.isArray(v)) return v.map((item) => blank(item, depth + 1));
    return Object.fromEntries(
      Object.entries(v).map(([key, item]) => {
        if (fields.includes(key) && item !== null) {
          found.add(key);
          return [key, null];
        }
        return [key, blank(item, depth + 1)];
      }),
    );
  };
  const blanked = blank(data, 0);
  if (found.size === 0) return { value: message.value, redacted: [] };
  return { value: Buffer.from(JSON.stringify(blanked)), redacted: fields.filter((f) => found.has(f)) };
}

/**
 * A message's headers as a producer can send them again: one its sender gave no value (null, which Kafka allows and
 * kafkajs 2.2.4 cannot write: it sizes the value before its own null check) is left out and named in
 * `dlq_headers_without_value` (before, such a dead letter could never be sent, and the offsets behind it waited).
 */
function sendableHeaders(headers: IHeaders | undefined): IHeaders {
  const kept: IHeaders = {};
  const without: string[] = [];
  for (const [name, value] of Object.entries(headers ?? {})) {
    const values = (Array.isArray(value) ? value : [value]).filter((v): v is Buffer | string => v != null);
    if (values.length === 0) without.push(name);
    else kept[name] = Array.isArray(value) ? values : values[0];
  }
  if (without.length > 0) kept.dlq_headers_without_value = without.join(',').slice(0, 1000);
  return kept;
}

/** The bytes of a key, value or header value (none for null). */
const byteSize = (value: unknown) => (value == null ? 0 : Buffer.byteLength(value as Buffer | string));

function messageBytes(message: KafkaMessage): number {
  let total = byteSize(message.key) + byteSize(message.value);
  for (const [name, value] of Object.entries(message.headers ?? {}))
    total +=
      Buffer.byteLength(name) + (Array.isArray(value) ? value.reduce((n, v) => n + byteSize(v), 0) : byteSize(value));
  return total;
}

/**
 * A batch's dead letters, held until the batch ends (or a thousand wait): no offset after one of them is resolved
 * before it is on the broker, so a crash or a rebalance meanwhile has the messages read again, never skipped.
 */
class BatchDeadLetters {
  private readonly copies: DeadLetterCopy[] = [];
  /** The last message handled while dead letters wait. */
  private unresolved?: string;

  constructor(
    private readonly resolveOffset: (offset: string) => void,
    private readonly send: (copies: DeadLetterCopy[]) => Promise<void>,
  ) {}

  add(copy: DeadLetterCopy): void {
    this.copies.push(copy);
  }

  async handled(offset: string): Promise<void> {
    if (this.copies.length === 0) return this.resolveOffset(offset);
    this.unresolved = offset;
    if (this.copies.length >= DEAD_LETTERS_HELD) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.copies.length > 0) await this.send(this.copies.splice(0));
    if (this.unresolved !== undefined) this.resolveOffset(this.unresolved);
    this.unresolved = undefined;
  }
}

/** Where a header or key of a dead letter sent without its body may go on: at most 1 KiB each, 32 headers. */
const SMALL = 1024;

/** A dead letter's copy without the body (and any key or header over 1 KiB), saying what was left out. */
function withoutBody(message: KafkaMessage, why: Record<string, string>): Message {
  const kept = Object.entries(sendableHeaders(message.headers))
    .filter(([name, value]) => Buffer.byteLength(name) + byteSize(Array.isArray(value) ? value[0] : value) <= SMALL)
    .slice(0, 32);
  return {
    key: byteSize(message.key) <= SMALL ? message.key : null,
    value: null,
    headers: { ...Object.fromEntries(kept), ...why, dlq_value_omitted: `${byteSize(message.value)} bytes` },
  };
}
