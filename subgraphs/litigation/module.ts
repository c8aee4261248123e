import { SubgraphModule } from '../../infra/subgraph/module';
import { CourtResolver } from './graphql/court.resolver';
import { CourtSchema } from './persistence/court.entity';
import { Migration20261122000000_initial } from './persistence/migrations/Migration20261122000000_initial';

export const litigationSubgraph: SubgraphModule = {
  name: 'litigation',
  resolvers: [CourtResolver],
  entities: [CourtSchema],
  migrations: [{ name: 'Migration20261122000000_initial', class: Migration20261122000000_initial }],
  consumers: [],
  producedTopics: [],
};
