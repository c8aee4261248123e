import { AREAS_TOPIC } from '../../infra/events/catalog';
import { SubgraphModule } from '../../infra/subgraph/module';
import { areaReferenceResolvers } from './graphql/area.reference';
import { AreaResolver } from './graphql/area.resolver';
import { CompoundResolver } from './graphql/compound.resolver';
import { AreaSchema } from './persistence/area.entity';
import { BuildingSchema, CompoundSchema, HouseholdSchema } from './persistence/compound.entity';
import { Migration20261122000000_initial } from './persistence/migrations/Migration20261122000000_initial';
import { Migration20261122010000_compounds } from './persistence/migrations/Migration20261122010000_compounds';

export const areasSubgraph: SubgraphModule = {
  name: 'areas',
  resolvers: [AreaResolver, CompoundResolver],
  referenceResolvers: areaReferenceResolvers,
  entities: [AreaSchema, CompoundSchema, BuildingSchema, HouseholdSchema],
  migrations: [
    { name: 'Migration20261122000000_initial', class: Migration20261122000000_initial },
    { name: 'Migration20261122010000_compounds', class: Migration20261122010000_compounds },
  ],
  consumers: [],
  producedTopics: [AREAS_TOPIC.name],
};
