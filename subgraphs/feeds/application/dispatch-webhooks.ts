import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { HubEvent } from '../../../platform/events/cloudevent';
import { BUREAU_EVENT_TYPES, aggregateKeyOf, audienceOf, mayReceive } from '../domain/webhook-access';
import { districtOfArea, insertDeliveries, subscriptionsForEventType } from '../persistence/webhook.repository';

/** A filing whose area the feeds subgraph has not heard of yet: retried until the area's registration arrives. */
export class AreaNotYetKnownError extends Error {}

/** The Standard Webhooks message id of an event for one subscription: the same on every retry of it. */
export const messageIdOf = (subscriptionId: string, eventId: string) =>
  `msg_${createHash('sha256').update(`${subscriptionId}:${eventId}`).digest('hex').slice(0, 32)}`;

/**
 * Writes one pending delivery per subscription that asked for the event's type and may read it (the GraphQL reads'
 * rules, domain/webhook-access.ts). Runs in the inbox transaction, so an event is fanned out exactly once; the
 * sender loop sends the rows afterwards.
 */
export async function dispatchWebhooks(em: EntityManager, event: HubEvent): Promise<number> {
  const candidates = await subscriptionsForEventType(em, event.type);
  if (candidates.length === 0) return 0;
  const record = event.data as Record<string, unknown>;
  const district = BUREAU_EVENT_TYPES.includes(event.type) && typeof record.areaId === 'string' ? await districtOfArea(em, record.areaId) : undefined;
  const audience = audienceOf(event.type, event.data, () => district);
  if (audience.kind === 'NOBODY' && BUREAU_EVENT_TYPES.includes(event.type)) {
    throw new AreaNotYetKnownError(`area ${String(record.areaId)} of ${event.type} ${event.id} is not known yet`);
  }
  const receivers = candidates.filter((s) => mayReceive(s, audience));
  const aggregateKey = aggregateKeyOf(event.type, event.data);
  await insertDeliveries(
    em,
    receivers.map((s) => ({
      subscriptionId: s.id,
      messageId: messageIdOf(s.id, event.id),
      eventId: event.id,
      eventType: event.type,
      eventSource: event.source,
      eventSubject: event.subject ?? null,
      eventTime: event.time,
      aggregateKey,
      payload: event.data,
    })),
  );
  return receivers.length;
}
