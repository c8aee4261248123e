import { ConsumerDefinition, on } from '../../../../platform/events/consumer';
import { DISPATCHED_EVENTS, dispatchWebhooks } from '../../application/dispatch-webhooks';

/**
 * The webhook dispatcher: one consumer group for every hub instance, so each event is fanned out once into pending
 * deliveries (the inbox makes a redelivered event a no-op); the sender loops deliver them. A fetched batch is fanned
 * out in one transaction; a batch that fails is applied event by event.
 */
export const webhookDispatcherConsumer: ConsumerDefinition = {
  name: 'feeds.webhook-dispatcher',
  subscriptions: DISPATCHED_EVENTS.map((definition) =>
    on(definition, async (em, event) => void (await dispatchWebhooks(em, [event]))),
  ),
  handleBatch: async (em, events) => void (await dispatchWebhooks(em, events)),
};
