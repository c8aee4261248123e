import { AREA_REGISTERED } from '../../../../catalog';
import { ConsumerDefinition, on } from '../../../../platform/events/consumer';
import { registerBillingArea } from '../../application/register-billing-area';

/** Areas registered in the areas feed become billable areas. */
export const billingAreaConsumer: ConsumerDefinition = {
  name: 'arrears.billing-area',
  subscriptions: [on(AREA_REGISTERED, (em, { data }) => registerBillingArea(em, data))],
};
