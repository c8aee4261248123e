import { COLLECTION_SUMMARIZED } from '../../../../catalog';
import { ConsumerDefinition, on } from '../../../../platform/events/consumer';
import { recordCollectionMonth } from '../../application/record-collection-month';

/** Each area's monthly service-fee collection, for the publicity of the provider's performance (Civil Code art. 943). */
export const collectionConsumer: ConsumerDefinition = {
  name: 'contracts.collection',
  subscriptions: [on(COLLECTION_SUMMARIZED, (em, event) => recordCollectionMonth(em, event.data))],
};
