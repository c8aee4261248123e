import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { EventData, EventDefinition, PARTY_ID_PATTERN, partyTopicName } from '../../catalog';
import { InvalidInputError } from '../../kernel/errors';
import { sqlBulk } from '../db/sql';
import { TIME_ORDERED_UUID_SQL } from '../db/time-ordered-uuid';
import { traceparentOf } from '../tracing';
import { OutboxMessage } from './outbox.entities';

/**
 * The largest event data the outbox takes, as JSON. The broker refuses a message over its `message.max.bytes` (1 MiB
 * by default) at every try, and the relay publishes in commit order, so one such row would hold up every later event
 * of its subgraph for good: the change that would write it is refused instead, with nothing written. The hub's
 * events are a few KiB; only a caller's text in bulk comes near (a filing returned with hundreds of long reasons).
 */
export const MAX_EVENT_DATA_BYTES = 512 * 1024;

function checkEventSize(definition: EventDefinition, data: unknown): void {
  const bytes = Buffer.byteLength(JSON.stringify(data));
  if (bytes > MAX_EVENT_DATA_BYTES)
    throw new InvalidInputError(
      `This change would publish a ${definition.type} event of ${Math.ceil(bytes / 1024)} KiB, over the ${
        MAX_EVENT_DATA_BYTES / 1024
      } KiB an event may carry: make it in smaller parts`,
      { eventType: definition.type, bytes, maxBytes: MAX_EVENT_DATA_BYTES },
    );
}

/**
 * Records an event in the outbox of the current unit of work. Call it inside the transaction that changes the
 * state: both commit or neither does, and the relay publishes the row afterwards.
 */
export function recordEvent<E extends EventDefinition>(
  em: EntityManager,
  definition: E,
  args: {
    source: string;
    key: string;
    subject?: string;
    data: EventData<E>;
    occurredAt?: Date;
    /** For a topic with a party feed whose data does not name the party (filings: the district): the party. */
    party?: string;
    /** Leave out the party topic's copy (its topic is read by a party it is not meant for). */
    withoutPartyCopy?: boolean;
  },
): OutboxMessage {
  checkEventSize(definition, args.data);
  const message = outboxRow(em, definition, args, definition.topic.name);
  // A topic with party feeds: the same event, under its own id, on the topic of the party it concerns.
  const feed = definition.topic.partyFeed;
  if (feed && !args.withoutPartyCopy) {
    const party = args.party ?? (feed.field ? (args.data as Record<string, unknown>)[feed.field] : undefined);
    if (typeof party !== 'string' || !PARTY_ID_PATTERN.test(party)) {
      throw new Error(`${definition.type} needs the ${feed.party} of its party feed, got ${String(party)}`);
    }
    outboxRow(em, definition, args, partyTopicName(definition.topic, party));
  }
  return message;
}

/**
 * Records only a party's copy of an event, on the party's own topic of the event's family (`<topic>.<party id>`): for
 * a party the event concerns besides the one its data names (a deadline reminder to a bureau of the deadline's
 * district, besides its owner). The main topic's row and the named party's copy are recordEvent's.
 */
export function recordPartyCopy<E extends EventDefinition>(
  em: EntityManager,
  definition: E,
  args: { source: string; key: string; subject?: string; data: EventData<E>; occurredAt?: Date; party: string },
): OutboxMessage {
  if (!definition.topic.partyFeed) throw new Error(`${definition.type} has no party feeds`);
  if (!PARTY_ID_PATTERN.test(args.party)) throw new Error(`${definition.type}: ${args.party} is no party id`);
  checkEventSize(definition, args.data);
  return outboxRow(em, definition, args, partyTopicName(definition.topic, args.party));
}

function outboxRow<E extends EventDefinition>(
  em: EntityManager,
  definition: E,
  args: { source: string; key: string; subject?: string; data: EventData<E>; occurredAt?: Date },
  topic: string,
): OutboxMessage {
  const message = em.create(OutboxMessage, {
    eventId: randomUUID(),
    topic,
    messageKey: args.key,
    eventType: definition.type,
    source: args.source,
    subject: args.subject,
    occurredAt: args.occurredAt ?? new Date(),
    payload: args.data,
    // The request's (or the consumed event's) trace goes on with the event.
    traceparent: traceparentOf(),
    attempts: 0,
  });
  em.persist(message);
  return message;
}

/**
 * Records many events of one definition in the outbox of the current transaction with one statement per 5,000 (a
 * step's events over many accounts: the unit of work would track each row as an entity). Same rows as recordEvent
 * writes, the request's trace included; a topic with party feeds is refused (use recordEvent, which adds the party's
 * copy).
 */
export async function recordEvents<E extends EventDefinition>(
  em: EntityManager,
  definition: E,
  events: readonly { source: string; key: string; subject?: string; data: EventData<E>; occurredAt?: Date }[],
): Promise<void> {
  if (definition.topic.partyFeed) throw new Error(`recordEvents: ${definition.type} has party feeds`);
  const schema = em.config.get('schema');
  if (!schema) throw new Error('recordEvents needs the subgraph schema of the unit of work');
  const traceparent = traceparentOf() ?? null;
  for (const e of events) checkEventSize(definition, e.data);
  for (let i = 0; i < events.length; i += 5000) {
    const rows = events.slice(i, i + 5000).map((e) => ({
      event_id: randomUUID(),
      topic: definition.topic.name,
      message_key: e.key,
      event_type: definition.type,
      source: e.source,
      subject: e.subject ?? null,
      occurred_at: (e.occurredAt ?? new Date()).toISOString(),
      payload: e.data,
      traceparent,
    }));
    await sqlBulk(
      em,
      `insert into "${schema}"."outbox" (event_id, topic, message_key, event_type, source, subject, occurred_at, payload, traceparent, attempts)
       select event_id, topic, message_key, event_type, source, subject, occurred_at, payload, traceparent, 0
         from json_to_recordset(?::json) as r(event_id uuid, topic text, message_key text, event_type text, source text, subject text,
              occurred_at timestamptz, payload jsonb, traceparent text)`,
      rows,
    );
  }
}

/**
 * The outbox rows of many events of one definition, selected set-based from rows already in PostgreSQL: a bulk
 * import stages its rows and writes them, their events included, in one statement (a data-modifying CTE), so no
 * event passes through Node. `select` names the SQL expressions of the event's key, subject, time and payload (a
 * jsonb the caller's tests hold equal to the typed event data) over the relation `from`. Returns the INSERT and its
 * parameters (each event its own id, time-ordered for the index's sake, and the request's trace); a topic with party feeds is refused
 * (use recordEvent, which adds the party's copy).
 */
export function outboxInsertSelect<E extends EventDefinition>(
  em: EntityManager,
  definition: E,
  select: { source: string; key: string; subject: string; occurredAt: string; payload: string; from: string },
): { sql: string; params: unknown[] } {
  if (definition.topic.partyFeed) throw new Error(`outboxInsertSelect: ${definition.type} has party feeds`);
  const schema = em.config.get('schema');
  if (!schema) throw new Error('outboxInsertSelect needs the subgraph schema of the unit of work');
  return {
    sql: `insert into "${schema}"."outbox" (event_id, topic, message_key, event_type, source, subject, occurred_at, payload, traceparent, attempts)
          select ${TIME_ORDERED_UUID_SQL}, ?, ${select.key}, ?, ?, ${select.subject}, ${select.occurredAt}, ${select.payload}, ?, 0
            from ${select.from}`,
    params: [definition.topic.name, definition.type, select.source, traceparentOf() ?? null],
  };
}
