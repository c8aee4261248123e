import { LITIGATION_ERRORS } from './domain/errors';
import { LITIGATION_DEADLINES_TOPIC, REFERRALS_TOPIC } from '../../catalog';
import { filingSnapshotConsumer } from '../../platform/read-models/filing-snapshot';
import { SubgraphModule } from '../../platform/subgraph/module';
import { claimAccountConsumer } from './events/consume/claim-account.consumer';
import { courtCaseEventConsumer } from './events/consume/court-case-event.consumer';
import { serviceComplaintsConsumer } from './events/consume/service-complaints.consumer';
import { citySettingsConsumer } from './events/consume/city-settings.consumer';
import { Migration20261201130000_city_provinces } from './persistence/migrations/Migration20261201130000_city_provinces';
import { CourtResolver } from './graphql/court.resolver';
import {
  BatchBundleResolver,
  CompanyProfileResolver,
  DocumentContentResolver,
  ReferralDocumentsResolver,
} from './graphql/document.resolver';
import { ReferralPageResolver, ReferralResolver } from './graphql/referral.resolver';
import { householdReferenceResolvers } from './graphql/household.reference';
import { HouseholdRef } from './graphql/referral.type';
import { noDefendantIdentities, useDefendantIdentities } from './application/defendant-identities';
import { CourtSchema } from './persistence/court.entity';
import { ownerRegisterClient } from './persistence/owner-register.client';
import { Migration20261122000000_initial } from './persistence/migrations/Migration20261122000000_initial';
import { Migration20261122020000_filing_snapshots } from './persistence/migrations/Migration20261122020000_filing_snapshots';
import { Migration20261122030000_referrals } from './persistence/migrations/Migration20261122030000_referrals';
import { Migration20261122040000_extension } from './persistence/migrations/Migration20261122040000_extension';
import { Migration20261130000000_small_claims_thresholds } from './persistence/migrations/Migration20261130000000_small_claims_thresholds';
import { Migration20261130000000_documents } from './persistence/migrations/Migration20261130000000_documents';
import { Migration20261130100000_idempotency_keys } from './persistence/migrations/Migration20261130100000_idempotency_keys';
import { Migration20261130200000_outbox_notify } from './persistence/migrations/Migration20261130200000_outbox_notify';
import { Migration20261130230000_referral_list_index } from './persistence/migrations/Migration20261130230000_referral_list_index';
import { periodicWork } from '../../platform/subgraph/periodic';
import { sweepEvidenceUploads } from './application/sweep-evidence-uploads';
import { Migration20261201100000_service_complaints } from './persistence/migrations/Migration20261201100000_service_complaints';
import { Migration20261201100000_holiday_years } from './persistence/migrations/Migration20261201100000_holiday_years';
import { holidayCalendarConsumer } from '../../platform/read-models/holiday-calendar';
import { Migration20261201100000_outbox_traceparent } from './persistence/migrations/Migration20261201100000_outbox_traceparent';
import { Migration20261201200000_deadline_sequence } from './persistence/migrations/Migration20261201200000_deadline_sequence';
import { Migration20261201210000_city_demand_period } from './persistence/migrations/Migration20261201210000_city_demand_period';

export const litigationSubgraph: SubgraphModule = {
  name: 'litigation',
  resolvers: [
    CourtResolver,
    ReferralResolver,
    ReferralPageResolver,
    ReferralDocumentsResolver,
    BatchBundleResolver,
    DocumentContentResolver,
    CompanyProfileResolver,
  ],
  orphanedTypes: [HouseholdRef],
  referenceResolvers: householdReferenceResolvers,
  entities: [CourtSchema],
  migrations: [
    { name: 'Migration20261122000000_initial', class: Migration20261122000000_initial },
    { name: 'Migration20261122020000_filing_snapshots', class: Migration20261122020000_filing_snapshots },
    { name: 'Migration20261122030000_referrals', class: Migration20261122030000_referrals },
    { name: 'Migration20261122040000_extension', class: Migration20261122040000_extension },
    { name: 'Migration20261130000000_small_claims_thresholds', class: Migration20261130000000_small_claims_thresholds },
    { name: 'Migration20261130000000_documents', class: Migration20261130000000_documents },
    { name: 'Migration20261130100000_idempotency_keys', class: Migration20261130100000_idempotency_keys },
    { name: 'Migration20261130200000_outbox_notify', class: Migration20261130200000_outbox_notify },
    { name: 'Migration20261130230000_referral_list_index', class: Migration20261130230000_referral_list_index },
    { name: 'Migration20261201100000_holiday_years', class: Migration20261201100000_holiday_years },
    { name: 'Migration20261201100000_service_complaints', class: Migration20261201100000_service_complaints },
    { name: 'Migration20261201100000_outbox_traceparent', class: Migration20261201100000_outbox_traceparent },
    { name: 'Migration20261201130000_city_provinces', class: Migration20261201130000_city_provinces },
    { name: 'Migration20261201200000_deadline_sequence', class: Migration20261201200000_deadline_sequence },
    { name: 'Migration20261201210000_city_demand_period', class: Migration20261201210000_city_demand_period },
  ],
  // Proof that a referred contract was filed and in force comes from the contracts feed, the claims from arrears,
  // courts report back on court.case-events.v1, the cities' small-claims provinces come from contracts.city-settings.v1,
  // and hotline orders (no caller data) about the compound go into the package.
  consumers: [
    filingSnapshotConsumer('litigation'),
    claimAccountConsumer,
    courtCaseEventConsumer,
    serviceComplaintsConsumer,
    holidayCalendarConsumer('litigation'),
    citySettingsConsumer,
  ],
  keepsHolidayCalendar: true,
  producedTopics: [REFERRALS_TOPIC.name, LITIGATION_DEADLINES_TOPIC.name],
  errors: LITIGATION_ERRORS,
  // Uploads in parts abandoned for 24 h are deleted with their parts; looked for every hour.
  background: ({ orm }) =>
    periodicWork('evidence-upload-sweep', 60 * 60 * 1000, () => sweepEvidenceUploads(orm.em.fork())),
  // Complaints name the defendant as the areas subgraph's owners' register discloses the owner to the court.
  usePeers: ({ urlOf, tokens }) => {
    const url = urlOf('areas');
    useDefendantIdentities(url ? ownerRegisterClient({ url, tokens }) : noDefendantIdentities);
  },
};
