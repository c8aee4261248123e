import { ARREARS_ERRORS } from './domain/errors';
import {
  ACCOUNTS_TOPIC,
  ARREARS_DEADLINES_TOPIC,
  CLAIMS_TOPIC,
  COLLECTION_TOPIC,
  LEVIES_TOPIC,
  VIOLATIONS_TOPIC,
} from '../../catalog';
import { filingSnapshotConsumer } from '../../platform/read-models/filing-snapshot';
import { SubgraphModule } from '../../platform/subgraph/module';
import { billableHouseholdConsumer } from './events/consume/billable-household.consumer';
import { billingAreaConsumer } from './events/consume/billing-area.consumer';
import { governanceConsumer } from './events/consume/governance.consumer';
import { referralOutcomeConsumer } from './events/consume/referral-outcome.consumer';
import { ArrearsPageResolver, ArrearsResolver, MediationSessionPageResolver } from './graphql/arrears.resolver';
import { householdReferenceResolvers } from './graphql/household.reference';
import { HouseholdArrearsResolver } from './graphql/household.resolver';
import { HouseholdRef } from './graphql/household.type';
import { BillingAreaSchema } from './persistence/billing-area.entity';
import { holidayCalendarConsumer } from '../../platform/read-models/holiday-calendar';
import { limitationAnnouncement } from './application/limitation-announcement.background';

/**
 * Fees and arrears: billing runs from the fee schedules in force (kept from the contracts feed) over the households
 * of the areas feed, levies, payments, adjustments, collection steps, arrears accounts and collection rates.
 */
export const arrearsSubgraph: SubgraphModule = {
  name: 'arrears',
  resolvers: [ArrearsResolver, ArrearsPageResolver, MediationSessionPageResolver, HouseholdArrearsResolver],
  orphanedTypes: [HouseholdRef],
  referenceResolvers: householdReferenceResolvers,
  entities: [BillingAreaSchema],
  migrations: () => import('./persistence/migration-list').then((list) => list.migrations),
  // Referral outcomes come back from litigation and move the accounts along (REFERRED, IN_LITIGATION, JUDGED …).
  // Committees and joint decisions come from areas.governance.v1: levies name a valid decision, committees report cut-offs.
  consumers: [
    billingAreaConsumer,
    billableHouseholdConsumer,
    filingSnapshotConsumer('arrears'),
    referralOutcomeConsumer,
    governanceConsumer,
    holidayCalendarConsumer('arrears'),
  ],
  keepsHolidayCalendar: true,
  producedTopics: [
    ACCOUNTS_TOPIC.name,
    LEVIES_TOPIC.name,
    CLAIMS_TOPIC.name,
    COLLECTION_TOPIC.name,
    ARREARS_DEADLINES_TOPIC.name,
    VIOLATIONS_TOPIC.name,
  ],
  errors: ARREARS_ERRORS,
  // Every account's limitation deadline, CURRENT ones included, announced to the register once per change (hourly).
  background: ({ orm }) => limitationAnnouncement(orm),
};
