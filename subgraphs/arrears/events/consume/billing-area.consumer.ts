import { AREA_REGISTERED } from '../../../../catalog';
import { ConsumerDefinition, on } from '../../../../platform/events/consumer';
import { BillingArea } from '../../persistence/billing-area.entity';

export const billingAreaConsumer: ConsumerDefinition = {
  name: 'arrears.billing-area',
  subscriptions: [
    on(AREA_REGISTERED, async (em, event) => {
      const { areaId, name, districtCode, streetCode } = event.data;
      await em.upsert(BillingArea, { areaId, name, districtCode, streetCode, knownSince: new Date() });
    }),
  ],
};
