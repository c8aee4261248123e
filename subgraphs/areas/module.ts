import { AREAS_TOPIC, GOVERNANCE_TOPIC } from '../../infra/events/catalog';
import { SubgraphModule } from '../../infra/subgraph/module';
import { areaReferenceResolvers } from './graphql/area.reference';
import { AreaResolver } from './graphql/area.resolver';
import { CompoundResolver } from './graphql/compound.resolver';
import { AreaGovernanceResolver, GovernanceBodyResolver } from './graphql/governance.resolver';
import { AreaSchema } from './persistence/area.entity';
import { BuildingSchema, CompoundSchema, HouseholdSchema } from './persistence/compound.entity';
import { GovernanceBodySchema, GovernanceMemberSchema, JointDecisionSchema } from './persistence/governance.entity';
import { Migration20261122000000_initial } from './persistence/migrations/Migration20261122000000_initial';
import { Migration20261122010000_compounds } from './persistence/migrations/Migration20261122010000_compounds';
import { Migration20261122020000_governance } from './persistence/migrations/Migration20261122020000_governance';

export const areasSubgraph: SubgraphModule = {
  name: 'areas',
  resolvers: [AreaResolver, CompoundResolver, AreaGovernanceResolver, GovernanceBodyResolver],
  referenceResolvers: areaReferenceResolvers,
  entities: [AreaSchema, CompoundSchema, BuildingSchema, HouseholdSchema, GovernanceBodySchema, GovernanceMemberSchema, JointDecisionSchema],
  migrations: [
    { name: 'Migration20261122000000_initial', class: Migration20261122000000_initial },
    { name: 'Migration20261122010000_compounds', class: Migration20261122010000_compounds },
    { name: 'Migration20261122020000_governance', class: Migration20261122020000_governance },
  ],
  consumers: [],
  producedTopics: [AREAS_TOPIC.name, GOVERNANCE_TOPIC.name],
};
