import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { advisoryLock } from '../../../platform/db/sql';
import { logger } from '../../../platform/logging';
import { HubEvent } from '../../../platform/events/cloudevent';
import { FILING_EVENTS } from '../../../catalog';
import { BUREAU_EVENT_TYPES, COURT_EVENTS, aggregateKeyOf, audienceOf, mayReceive } from '../domain/webhook-access';
import {
  NewDelivery,
  WebhookSubscription,
  districtsOfAreas,
  insertDeliveries,
  keepWaitingEvents,
  subscriptionsForEventTypes,
  takeWaitingEvents,
  waitingEventsState,
} from '../persistence/webhook.repository';

const log = logger.child({ component: 'webhook-dispatch' });

/** The Standard Webhooks message id of an event for one subscription: the same on every retry of it. */
export const messageIdOf = (subscriptionId: string, eventId: string) =>
  `msg_${createHash('sha256').update(`${subscriptionId}:${eventId}`).digest('hex').slice(0, 32)}`;

const areaIdOf = (event: HubEvent): string | undefined => {
  const areaId = (event.data as Record<string, unknown>)?.areaId;
  return BUREAU_EVENT_TYPES.includes(event.type) && typeof areaId === 'string' ? areaId.toLowerCase() : undefined;
};

/**
 * The lock an area's registration and its filings' dispatch take before one decides the area is unknown and the other
 * releases the events that waited for it, so a filing is never kept after its area's registration has looked.
 */
export const lockArea = (em: EntityManager, areaId: string) =>
  advisoryLock(em, `feeds.webhook-area:${areaId.toLowerCase()}`);

/** The events webhooks carry, to bureaus and to courts: what the dispatcher subscribes to. */
export const DISPATCHED_EVENTS = [...FILING_EVENTS, ...COURT_EVENTS];

/** An event to fan out; with `recipients`, only to these organisations' subscriptions (a reminder: by their leads). */
export type DispatchedEvent = HubEvent & { recipients?: readonly string[] };

/**
 * Writes one pending delivery per event and subscription that asked for the event's type and may read it (the
 * GraphQL reads' rules, domain/webhook-access.ts), in the events' order, in one statement. Runs in the inbox
 * transaction, so an event is fanned out exactly once; the sender loops send the rows afterwards. A filing whose area
 * the subgraph has not heard of yet (its registration is consumed by another group, which can lag behind) waits, with
 * every later event of that area, until the registration arrives (releaseWaitingEvents): who may receive it depends on
 * the area's district. Before, it was retried for seconds and then dead-lettered, and the bureaus never received it.
 * `loaded`: the subscriptions to the events' types, where the caller read them already in this transaction (the
 * deadline reminders), so they are not read twice.
 */
export async function dispatchWebhooks(
  em: EntityManager,
  events: readonly DispatchedEvent[],
  loaded?: readonly WebhookSubscription[],
): Promise<number> {
  if (events.length === 0) return 0;
  const candidates = loaded ?? (await subscriptionsForEventTypes(em, [...new Set(events.map((e) => e.type))]));
  if (candidates.length === 0) return 0;
  const areaIds = [...new Set(events.flatMap((e) => areaIdOf(e) ?? []))];
  let districts = await districtsOfAreas(em, areaIds);
  const unknown = areaIds.filter((id) => !districts.has(id)).sort();
  if (unknown.length > 0) {
    for (const id of unknown) await lockArea(em, id);
    districts = await districtsOfAreas(em, areaIds);
  }
  const waiting: { areaId: string; event: HubEvent }[] = [];
  const deliveries: NewDelivery[] = [];
  for (const event of events) {
    const areaId = areaIdOf(event);
    if (areaId && !districts.has(areaId)) {
      waiting.push({ areaId, event });
      continue;
    }
    const audience = audienceOf(event.type, event.data, (id) => districts.get(id.toLowerCase()));
    const aggregateKey = aggregateKeyOf(event.type, event.data);
    for (const subscription of candidates) {
      if (!subscription.eventTypes.includes(event.type) || !mayReceive(subscription, audience)) continue;
      if (event.recipients && !event.recipients.includes(subscription.organisationId)) continue;
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
  if (waiting.length > 0) {
    log.warn(
      {
        areaIds: [...new Set(waiting.map((w) => w.areaId))].slice(0, 20),
        events: waiting.length,
        eventIds: waiting.slice(0, 20).map((w) => w.event.id),
      },
      'filings held back until their area is registered',
    );
    await keepWaitingEvents(em, waiting);
  }
  await insertDeliveries(em, deliveries);
  return deliveries.length;
}

/** The filings waiting for their area's registration: how many, and the oldest's age (a gauge an operator alerts on). */
export const filingsAwaitingArea = (em: EntityManager) => waitingEventsState(em);

/** Dispatches, in the order received, the events that waited for the area, once its registration is kept. */
export async function releaseWaitingEvents(em: EntityManager, areaId: string): Promise<number> {
  const waited = await takeWaitingEvents(em, areaId);
  return waited.length > 0 ? dispatchWebhooks(em, waited) : 0;
}
