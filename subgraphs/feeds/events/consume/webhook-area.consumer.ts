import { AREA_REGISTERED } from '../../../../catalog';
import { ConsumerDefinition, on } from '../../../../platform/events/consumer';
import { recordWebhookArea } from '../../application/record-webhook-area';

/** The district of every area, so a filing reaches the bureaus of that district. */
export const webhookAreaConsumer: ConsumerDefinition = {
  name: 'feeds.webhook-areas',
  subscriptions: [on(AREA_REGISTERED, (em, event) => recordWebhookArea(em, event.data))],
};
