import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { EventData, EventDefinition } from '../../catalog';
import { OutboxMessage } from './outbox.entities';

/**
 * Records an event in the outbox of the current unit of work. Call it inside the transaction that changes the
 * state: both commit or neither does, and the relay publishes the row afterwards.
 */
export function recordEvent<E extends EventDefinition>(
  em: EntityManager,
  definition: E,
  args: { source: string; key: string; subject?: string; data: EventData<E>; occurredAt?: Date },
): OutboxMessage {
  const message = em.create(OutboxMessage, {
    eventId: randomUUID(),
    topic: definition.topic.name,
    messageKey: args.key,
    eventType: definition.type,
    source: args.source,
    subject: args.subject,
    occurredAt: args.occurredAt ?? new Date(),
    payload: args.data,
    attempts: 0,
  });
  em.persist(message);
  return message;
}
