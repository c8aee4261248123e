import { AREAS_TOPIC } from '../../infra/events/catalog';
import { SubgraphModule } from '../../infra/subgraph/module';
import { areaReferenceResolvers } from './graphql/area.reference';
import { AreaResolver } from './graphql/area.resolver';
import { AreaSchema } from './persistence/area.entity';
import { Migration20261122000000_initial } from './persistence/migrations/Migration20261122000000_initial';

export const areasSubgraph: SubgraphModule = {
  name: 'areas',
  resolvers: [AreaResolver],
  referenceResolvers: areaReferenceResolvers,
  entities: [AreaSchema],
  migrations: [{ name: 'Migration20261122000000_initial', class: Migration20261122000000_initial }],
  consumers: [],
  producedTopics: [AREAS_TOPIC.name],
};
