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
import { Migration20261122000000_initial } from './persistence/migrations/Migration20261122000000_initial';
import { Migration20261122010000_billable_households } from './persistence/migrations/Migration20261122010000_billable_households';
import { Migration20261122020000_filing_snapshots } from './persistence/migrations/Migration20261122020000_filing_snapshots';
import { Migration20261122030000_ledger } from './persistence/migrations/Migration20261122030000_ledger';
import { Migration20261122040000_claim_version } from './persistence/migrations/Migration20261122040000_claim_version';
import { Migration20261122050000_settled_amount } from './persistence/migrations/Migration20261122050000_settled_amount';
import { Migration20261130000000_levy_decisions_and_violations } from './persistence/migrations/Migration20261130000000_levy_decisions_and_violations';
import { Migration20261130100000_idempotency_keys } from './persistence/migrations/Migration20261130100000_idempotency_keys';
import { Migration20261130200000_outbox_notify } from './persistence/migrations/Migration20261130200000_outbox_notify';
import { Migration20261201100000_holiday_years } from './persistence/migrations/Migration20261201100000_holiday_years';
import { holidayCalendarConsumer } from '../../platform/read-models/holiday-calendar';
import { Migration20261201100000_outbox_traceparent } from './persistence/migrations/Migration20261201100000_outbox_traceparent';
import { Migration20261201120000_open_charge_index } from './persistence/migrations/Migration20261201120000_open_charge_index';
import { Migration20261201130000_arrears_balance } from './persistence/migrations/Migration20261201130000_arrears_balance';
import { Migration20261201150000_limitation_announcement } from './persistence/migrations/Migration20261201150000_limitation_announcement';
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
  migrations: [
    { name: 'Migration20261122000000_initial', class: Migration20261122000000_initial },
    { name: 'Migration20261122010000_billable_households', class: Migration20261122010000_billable_households },
    { name: 'Migration20261122020000_filing_snapshots', class: Migration20261122020000_filing_snapshots },
    { name: 'Migration20261122030000_ledger', class: Migration20261122030000_ledger },
    { name: 'Migration20261122040000_claim_version', class: Migration20261122040000_claim_version },
    { name: 'Migration20261122050000_settled_amount', class: Migration20261122050000_settled_amount },
    {
      name: 'Migration20261130000000_levy_decisions_and_violations',
      class: Migration20261130000000_levy_decisions_and_violations,
    },
    { name: 'Migration20261130100000_idempotency_keys', class: Migration20261130100000_idempotency_keys },
    { name: 'Migration20261130200000_outbox_notify', class: Migration20261130200000_outbox_notify },
    { name: 'Migration20261201100000_holiday_years', class: Migration20261201100000_holiday_years },
    { name: 'Migration20261201100000_outbox_traceparent', class: Migration20261201100000_outbox_traceparent },
    { name: 'Migration20261201120000_open_charge_index', class: Migration20261201120000_open_charge_index },
    { name: 'Migration20261201130000_arrears_balance', class: Migration20261201130000_arrears_balance },
    {
      name: 'Migration20261201150000_limitation_announcement',
      class: Migration20261201150000_limitation_announcement,
    },
  ],
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
