import { SubgraphModule } from '../../infra/subgraph/module';
import { areaViewConsumer } from './events/area-view.consumer';
import { AreaFilingResolver } from './graphql/area.resolver';
import { AreaRef } from './graphql/area.type';
import { AreaViewSchema } from './persistence/area-view.entity';
import { Migration20261122000000_initial } from './persistence/migrations/Migration20261122000000_initial';
import { Migration20261122010000_area_facts } from './persistence/migrations/Migration20261122010000_area_facts';

export const contractsSubgraph: SubgraphModule = {
  name: 'contracts',
  resolvers: [AreaFilingResolver],
  orphanedTypes: [AreaRef],
  referenceResolvers: { Area: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) } },
  entities: [AreaViewSchema],
  migrations: [
    { name: 'Migration20261122000000_initial', class: Migration20261122000000_initial },
    { name: 'Migration20261122010000_area_facts', class: Migration20261122010000_area_facts },
  ],
  consumers: [areaViewConsumer],
  producedTopics: [],
};
