import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { HubEvent } from '../../../platform/events/cloudevent';
import { BUREAU_EVENT_TYPES, aggregateKeyOf, audienceOf, mayReceive } from '../domain/webhook-access';
import {
  NewDelivery,
  districtsOfAreas,
  insertDeliveries,
  subscriptionsForEventTypes,
} from '../persistence/webhook.repository';

/** A filing whose area the feeds subgraph has not heard of yet: retried, then dead-lettered (HANDLER_FAILED). */
export class AreaNotYetKnownError extends Error {}

/** The Standard Webhooks message id of an event for one subscription: the same on every retry of it. */
export const messageIdOf = (subscriptionId: string, eventId: string) =>
  `msg_${createHash('sha256').update(`${subscriptionId}:${eventId}`).digest('hex').slice(0, 32)}`;

const areaIdOf = (event: HubEvent): string | undefined => {
  const areaId = (event.data as Record<string, unknown>)?.areaId;
  return BUREAU_EVENT_TYPES.includes(event.type) && typeof areaId === 'string' ? areaId : undefined;
};

/**
 * Writes one pending delivery per event and subscription that asked for the event's type and may read it (the
 * GraphQL reads' rules, domain/webhook-access.ts), in the events' order, in one statement. Runs in the inbox
 * transaction, so an event is fanned out exactly once; the sender loops send the rows afterwards.
 */
export async function dispatchWebhooks(em: EntityManager, events: readonly HubEvent[]): Promise<number> {
  const candidates = await subscriptionsForEventTypes(em, [...new Set(events.map((e) => e.type))]);
  if (candidates.length === 0) return 0;
  const districts = await districtsOfAreas(em, [...new Set(events.flatMap((e) => areaIdOf(e) ?? []))]);
  const deliveries: NewDelivery[] = [];
  for (const event of events) {
    const areaId = areaIdOf(event);
    if (areaId && !districts.has(areaId))
      throw new AreaNotYetKnownError(`area ${areaId} of ${event.type} ${event.id} is not known yet`);
    const audience = audienceOf(event.type, event.data, (id) => districts.get(id));
    const aggregateKey = aggregateKeyOf(event.type, event.data);
    for (const subscription of candidates) {
      if (!subscription.eventTypes.includes(event.type) || !mayReceive(subscription, audience)) continue;
      deliveries.push({
        subscriptionId: subscription.id,
        messageId: messageIdOf(subscription.id, event.id),
        eventId: event.id,
        eventType: event.type,
        eventSource: event.source,
        eventSubject: event.subject ?? null,
        eventTime: event.time,
        aggregateKey,
        payload: event.data,
      });
    }
  }
  await insertDeliveries(em, deliveries);
  return deliveries.length;
}
