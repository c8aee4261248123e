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
import { PatrolResolver } from './graphql/patrol.resolver';
import { PreparatoryGroupResolver } from './graphql/preparatory-group.resolver';
import { holidayCalendarConsumer } from '../../platform/read-models/holiday-calendar';
import { reannounceUndatedCommitteeDeadlines } from './application/announce-committee-deadlines';
import { formerOwnerRetention } from './application/former-owner-retention';

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
  migrations: () => import('./persistence/migration-list').then((list) => list.migrations),
  // Which company serves an area, and which court a household's case went to: for their read access.
  consumers: [
    filingSnapshotConsumer('areas'),
    courtHouseholdConsumer,
    contractAreaConsumer,
    holidayCalendarConsumer('areas', reannounceUndatedCommitteeDeadlines),
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
  // Former owners no referral names, erased past the horizon (PIPL art. 19).
  background: ({ orm }) => formerOwnerRetention(orm),
};
