import { SubgraphModule } from '../../infra/subgraph/module';
import { billingAreaConsumer } from './events/billing-area.consumer';
import { BillingAreaSchema } from './persistence/billing-area.entity';
import { Migration20261122000000_initial } from './persistence/migrations/Migration20261122000000_initial';

/** Fees and arrears: for now it keeps its billing areas in step with the areas feed; billing comes with its issue. */
export const arrearsSubgraph: SubgraphModule = {
  name: 'arrears',
  resolvers: [],
  entities: [BillingAreaSchema],
  migrations: [{ name: 'Migration20261122000000_initial', class: Migration20261122000000_initial }],
  consumers: [billingAreaConsumer],
  producedTopics: [],
};
