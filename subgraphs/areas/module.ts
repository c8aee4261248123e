import { AREAS_ERRORS } from './domain/errors';
import {
  AREAS_TOPIC,
  AREA_DEADLINES_TOPIC,
  COMPOUNDS_TOPIC,
  GOVERNANCE_TOPIC,
  HOUSEHOLDS_TOPIC,
  STREET_WORK_TOPIC,
} from '../../catalog';
import { filingSnapshotConsumer } from '../../platform/read-models/filing-snapshot';
import { courtHouseholdConsumer } from './events/consume/court-household.consumer';
import { contractAreaConsumer } from './events/consume/contract-area.consumer';
import { Migration20261201220000_contract_areas } from './persistence/migrations/Migration20261201220000_contract_areas';
import { SubgraphModule } from '../../platform/subgraph/module';
import { areaReferenceResolvers } from './graphql/area.reference';
import { AreaResolver } from './graphql/area.resolver';
import { CompoundResolver, HouseholdPageResolver } from './graphql/compound.resolver';
import { DivisionResolver } from './graphql/division.resolver';
import { AreaGovernanceResolver, GovernanceBodyResolver } from './graphql/governance.resolver';
import { CoverageResolver } from './graphql/coverage.resolver';
import { householdReferenceResolvers } from './graphql/household.reference';
import { HouseholdOwnerResolver, OwnerDataAccessResolver } from './graphql/owner-identity.resolver';
import { AreaSchema } from './persistence/area.entity';
import { BuildingSchema, CompoundSchema, HouseholdSchema } from './persistence/compound.entity';
import { DivisionSchema } from './persistence/division.entity';
import { GovernanceBodySchema, GovernanceMemberSchema } from './persistence/governance-body.entity';
import { JointDecisionSchema } from './persistence/joint-decision.entity';
import { Migration20261122000000_initial } from './persistence/migrations/Migration20261122000000_initial';
import { Migration20261122010000_compounds } from './persistence/migrations/Migration20261122010000_compounds';
import { Migration20261122020000_governance } from './persistence/migrations/Migration20261122020000_governance';
import { Migration20261122030000_divisions } from './persistence/migrations/Migration20261122030000_divisions';
import { Migration20261122040000_read_grants } from './persistence/migrations/Migration20261122040000_read_grants';
import { Migration20261122050000_owners_assembly } from './persistence/migrations/Migration20261122050000_owners_assembly';
import { Migration20261130000000_owner_identity } from './persistence/migrations/Migration20261130000000_owner_identity';
import { Migration20261130100000_idempotency_keys } from './persistence/migrations/Migration20261130100000_idempotency_keys';
import { Migration20261130200000_outbox_notify } from './persistence/migrations/Migration20261130200000_outbox_notify';
import { Migration20261201100000_preparatory_groups } from './persistence/migrations/Migration20261201100000_preparatory_groups';
import { Migration20261201110000_patrols } from './persistence/migrations/Migration20261201110000_patrols';
import { Migration20261201120000_elevators_replaced } from './persistence/migrations/Migration20261201120000_elevators_replaced';
import { PatrolResolver } from './graphql/patrol.resolver';
import { PreparatoryGroupResolver } from './graphql/preparatory-group.resolver';
import { Migration20261201000000_caretaking } from './persistence/migrations/Migration20261201000000_caretaking';
import { Migration20261201130000_self_management } from './persistence/migrations/Migration20261201130000_self_management';
import { Migration20261201100000_holiday_years } from './persistence/migrations/Migration20261201100000_holiday_years';
import { holidayCalendarConsumer } from '../../platform/read-models/holiday-calendar';
import { Migration20261201100000_outbox_traceparent } from './persistence/migrations/Migration20261201100000_outbox_traceparent';

export const areasSubgraph: SubgraphModule = {
  name: 'areas',
  resolvers: [
    AreaResolver,
    CompoundResolver,
    HouseholdPageResolver,
    CoverageResolver,
    PatrolResolver,
    PreparatoryGroupResolver,
    DivisionResolver,
    AreaGovernanceResolver,
    GovernanceBodyResolver,
    HouseholdOwnerResolver,
    OwnerDataAccessResolver,
  ],
  referenceResolvers: { ...areaReferenceResolvers, ...householdReferenceResolvers },
  entities: [
    AreaSchema,
    CompoundSchema,
    BuildingSchema,
    HouseholdSchema,
    GovernanceBodySchema,
    GovernanceMemberSchema,
    JointDecisionSchema,
    DivisionSchema,
  ],
  migrations: [
    { name: 'Migration20261122000000_initial', class: Migration20261122000000_initial },
    { name: 'Migration20261122010000_compounds', class: Migration20261122010000_compounds },
    { name: 'Migration20261122020000_governance', class: Migration20261122020000_governance },
    { name: 'Migration20261122030000_divisions', class: Migration20261122030000_divisions },
    { name: 'Migration20261122040000_read_grants', class: Migration20261122040000_read_grants },
    { name: 'Migration20261122050000_owners_assembly', class: Migration20261122050000_owners_assembly },
    { name: 'Migration20261130000000_owner_identity', class: Migration20261130000000_owner_identity },
    { name: 'Migration20261130100000_idempotency_keys', class: Migration20261130100000_idempotency_keys },
    { name: 'Migration20261130200000_outbox_notify', class: Migration20261130200000_outbox_notify },
    { name: 'Migration20261201000000_caretaking', class: Migration20261201000000_caretaking },
    { name: 'Migration20261201100000_holiday_years', class: Migration20261201100000_holiday_years },
    { name: 'Migration20261201100000_preparatory_groups', class: Migration20261201100000_preparatory_groups },
    { name: 'Migration20261201110000_patrols', class: Migration20261201110000_patrols },
    { name: 'Migration20261201100000_outbox_traceparent', class: Migration20261201100000_outbox_traceparent },
    { name: 'Migration20261201120000_elevators_replaced', class: Migration20261201120000_elevators_replaced },
    { name: 'Migration20261201130000_self_management', class: Migration20261201130000_self_management },
    { name: 'Migration20261201220000_contract_areas', class: Migration20261201220000_contract_areas },
  ],
  // Which company serves an area, and which court a household's case went to: for their read access.
  consumers: [
    filingSnapshotConsumer('areas'),
    courtHouseholdConsumer,
    contractAreaConsumer,
    holidayCalendarConsumer('areas'),
  ],
  keepsHolidayCalendar: true,
  producedTopics: [
    AREAS_TOPIC.name,
    GOVERNANCE_TOPIC.name,
    HOUSEHOLDS_TOPIC.name,
    COMPOUNDS_TOPIC.name,
    AREA_DEADLINES_TOPIC.name,
    STREET_WORK_TOPIC.name,
  ],
  errors: AREAS_ERRORS,
};
