import { COMPLAINT_ORDERS_TOPIC } from '../../catalog';
import { filingSnapshotConsumer } from '../../platform/read-models/filing-snapshot';
import { SubgraphModule } from '../../platform/subgraph/module';
import { COMPLAINTS_ERRORS } from './domain/errors';
import { areasViewConsumer } from './events/consume/areas-view.consumer';
import { hotlineOrderConsumer } from './events/consume/hotline-order.consumer';
import { ComplaintResolver } from './graphql/complaint.resolver';
import { CompoundRef, FilingRef } from './graphql/complaint.type';
import { compoundReferenceResolvers } from './graphql/compound.reference';
import { CompoundComplaintsResolver } from './graphql/compound.resolver';
import { FilingComplaintsResolver } from './graphql/filing.resolver';

/**
 * 12345 hotline work orders (接诉即办): the taxonomy the city bureau keeps, orders in from the hotline, matched to
 * compounds, dispatched by 吹哨报到 and measured per compound, company, street, category and governance model.
 */
export const complaintsSubgraph: SubgraphModule = {
  name: 'complaints',
  resolvers: [ComplaintResolver, CompoundComplaintsResolver, FilingComplaintsResolver],
  orphanedTypes: [CompoundRef, FilingRef],
  referenceResolvers: compoundReferenceResolvers,
  entities: [],
  migrations: () => import('./persistence/migration-list').then((list) => list.migrations),
  // Compounds and buildings from areas (address matching, households), filings from contracts (the company to
  // dispatch to), orders from the city's hotline.
  consumers: [areasViewConsumer, filingSnapshotConsumer('complaints'), hotlineOrderConsumer],
  producedTopics: [COMPLAINT_ORDERS_TOPIC.name],
  errors: COMPLAINTS_ERRORS,
};
