import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { EventData, EventDefinition, PARTY_ID_PATTERN, partyTopicName } from '../../catalog';
import { traceparentOf } from '../tracing';
import { OutboxMessage } from './outbox.entities';

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
  },
): OutboxMessage {
  const message = outboxRow(em, definition, args, definition.topic.name);
  // A topic with party feeds: the same event, under its own id, on the topic of the party it concerns.
  const feed = definition.topic.partyFeed;
  if (feed) {
    const party = args.party ?? (feed.field ? (args.data as Record<string, unknown>)[feed.field] : undefined);
    if (typeof party !== 'string' || !PARTY_ID_PATTERN.test(party)) {
      throw new Error(`${definition.type} needs the ${feed.party} of its party feed, got ${String(party)}`);
    }
    outboxRow(em, definition, args, partyTopicName(definition.topic, party));
  }
  return message;
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
