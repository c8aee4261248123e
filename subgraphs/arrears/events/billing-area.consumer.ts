import { AREAS_TOPIC, AREA_REGISTERED, AreaRegisteredData } from '../../../catalog';
import { ConsumerDefinition } from '../../../platform/events/consumer';
import { BillingArea } from '../persistence/billing-area.entity';

export const billingAreaConsumer: ConsumerDefinition = {
  name: 'arrears.billing-area',
  topics: [AREAS_TOPIC.name],
  handlers: {
    [AREA_REGISTERED.type]: async (em, event) => {
      const { areaId, name, districtCode, streetCode } = event.data as AreaRegisteredData;
      await em.upsert(BillingArea, { areaId, name, districtCode, streetCode, knownSince: new Date() });
    },
  },
};
