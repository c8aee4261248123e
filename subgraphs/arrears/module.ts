import { filingSnapshotConsumer } from '../../infra/events/filing-snapshot';
import { SubgraphModule } from '../../infra/subgraph/module';
import { billableHouseholdConsumer } from './events/billable-household.consumer';
import { billingAreaConsumer } from './events/billing-area.consumer';
import { BillingAreaSchema } from './persistence/billing-area.entity';
import { Migration20261122000000_initial } from './persistence/migrations/Migration20261122000000_initial';
import { Migration20261122010000_billable_households } from './persistence/migrations/Migration20261122010000_billable_households';
import { Migration20261122020000_filing_snapshots } from './persistence/migrations/Migration20261122020000_filing_snapshots';

/**
 * Fees and arrears: for now it keeps its billing areas and billable households in step with the areas feeds, and the
 * contract filings (the fee schedules in force) in step with the contracts feed.
 */
export const arrearsSubgraph: SubgraphModule = {
  name: 'arrears',
  resolvers: [],
  entities: [BillingAreaSchema],
  migrations: [
    { name: 'Migration20261122000000_initial', class: Migration20261122000000_initial },
    { name: 'Migration20261122010000_billable_households', class: Migration20261122010000_billable_households },
    { name: 'Migration20261122020000_filing_snapshots', class: Migration20261122020000_filing_snapshots },
  ],
  consumers: [billingAreaConsumer, billableHouseholdConsumer, filingSnapshotConsumer('arrears')],
  producedTopics: [],
};
