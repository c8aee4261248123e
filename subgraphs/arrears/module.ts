import { SubgraphModule } from '../../infra/subgraph/module';
import { billableHouseholdConsumer } from './events/billable-household.consumer';
import { billingAreaConsumer } from './events/billing-area.consumer';
import { BillingAreaSchema } from './persistence/billing-area.entity';
import { Migration20261122000000_initial } from './persistence/migrations/Migration20261122000000_initial';
import { Migration20261122010000_billable_households } from './persistence/migrations/Migration20261122010000_billable_households';

/** Fees and arrears: for now it keeps its billing areas and billable households in step with the areas feeds. */
export const arrearsSubgraph: SubgraphModule = {
  name: 'arrears',
  resolvers: [],
  entities: [BillingAreaSchema],
  migrations: [
    { name: 'Migration20261122000000_initial', class: Migration20261122000000_initial },
    { name: 'Migration20261122010000_billable_households', class: Migration20261122010000_billable_households },
  ],
  consumers: [billingAreaConsumer, billableHouseholdConsumer],
  producedTopics: [],
};
