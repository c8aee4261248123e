import { HOTLINE_ORDER_RECEIVED } from '../../../../catalog';
import { ConsumerDefinition, on } from '../../../../platform/events/consumer';
import { receiveOrder } from '../../application/receive-order';

/**
 * Work orders from the 12345 hotline. The inbox drops a redelivered event; the same order number from the same system
 * under a new event id is applied once (a street office's backfill holding the number makes it no duplicate); a sender not registered for the street (UNAUTHORISED_SENDER) or an item outside the taxonomy
 * (UNKNOWN_COMPLAINT_ITEM) goes to complaints.dead-letter.v1.
 */
export const hotlineOrderConsumer: ConsumerDefinition = {
  name: 'complaints.hotline-orders',
  subscriptions: [
    on(HOTLINE_ORDER_RECEIVED, async (em, event) => {
      await receiveOrder(em, event.data);
    }),
  ],
};
