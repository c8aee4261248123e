import { filingSnapshotConsumer } from '../../infra/events/filing-snapshot';
import { SubgraphModule } from '../../infra/subgraph/module';
import { CourtResolver } from './graphql/court.resolver';
import { CourtSchema } from './persistence/court.entity';
import { Migration20261122000000_initial } from './persistence/migrations/Migration20261122000000_initial';
import { Migration20261122020000_filing_snapshots } from './persistence/migrations/Migration20261122020000_filing_snapshots';

export const litigationSubgraph: SubgraphModule = {
  name: 'litigation',
  resolvers: [CourtResolver],
  entities: [CourtSchema],
  migrations: [
    { name: 'Migration20261122000000_initial', class: Migration20261122000000_initial },
    { name: 'Migration20261122020000_filing_snapshots', class: Migration20261122020000_filing_snapshots },
  ],
  // Proof that a referred contract was filed and in force comes from the contracts feed.
  consumers: [filingSnapshotConsumer('litigation')],
  producedTopics: [],
};
