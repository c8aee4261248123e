import { CONTRACTS_ERRORS } from './domain/errors';
import {
  CITY_SETTINGS_TOPIC,
  CONTRACT_AREAS_TOPIC,
  CONTRACT_DEADLINES_TOPIC,
  CREDIT_RECORDS_TOPIC,
  FILINGS_TOPIC,
  HOLIDAY_CALENDAR_TOPIC,
} from '../../catalog';
import { CreditPublication } from './application/credit-publication.background';
import { debtorListingConsumer } from './events/consume/debtor-listing.consumer';
import { utilityCutOffConsumer } from './events/consume/utility-cut-off.consumer';
import { CreditResolver } from './graphql/credit.resolver';
import { SubgraphModule } from '../../platform/subgraph/module';
import { areaViewConsumer } from './events/consume/area-view.consumer';
import { collectionConsumer } from './events/consume/collection.consumer';
import { courtReferralConsumer } from './events/consume/court-referral.consumer';
import { filingReviewConsumer } from './events/consume/filing-review.consumer';
import { AreaFilingResolver } from './graphql/area.resolver';
import { AreaRef } from './graphql/area.type';
import { areaReferenceResolvers } from './graphql/area.reference';
import { CitySettingsResolver } from './graphql/city-settings.resolver';
import { ContractResolver } from './graphql/contract.resolver';
import { HolidayCalendarResolver } from './graphql/holiday-calendar.resolver';
import { FilingResolver, FilingReviewQueueResolver } from './graphql/filing.resolver';
import { FilingCertificateContentResolver, FilingDocumentResolver } from './graphql/filing-document.resolver';
import { AreaViewSchema } from './persistence/area-view.entity';
import { ContractSchema } from './persistence/contract.entity';
import { FilingSchema, FilingTransitionSchema, FilingVersionSchema } from './persistence/filing.entity';
import { CitySettingsChangeSchema, CitySettingsRecordSchema } from './persistence/city-settings.entity';
import { ReviewSystemSchema } from './persistence/review-system.entity';
import { Migration20261122000000_initial } from './persistence/migrations/Migration20261122000000_initial';
import { Migration20261122010000_area_facts } from './persistence/migrations/Migration20261122010000_area_facts';
import { Migration20261122020000_filings } from './persistence/migrations/Migration20261122020000_filings';
import { Migration20261122030000_court_referrals } from './persistence/migrations/Migration20261122030000_court_referrals';
import { Migration20261130000000_collection_months } from './persistence/migrations/Migration20261130000000_collection_months';
import { Migration20261130100000_idempotency_keys } from './persistence/migrations/Migration20261130100000_idempotency_keys';
import { Migration20261130200000_outbox_notify } from './persistence/migrations/Migration20261130200000_outbox_notify';
import { Migration20261201000000_city_settings } from './persistence/migrations/Migration20261201000000_city_settings';
import { Migration20261201100000_credit_entries } from './persistence/migrations/Migration20261201100000_credit_entries';
import { Migration20261201100000_deadlines } from './persistence/migrations/Migration20261201100000_deadlines';
import { Migration20261201100000_filing_documents } from './persistence/migrations/Migration20261201100000_filing_documents';
import { Migration20261201100000_holiday_calendar } from './persistence/migrations/Migration20261201100000_holiday_calendar';
import { Migration20261201100000_outbox_traceparent } from './persistence/migrations/Migration20261201100000_outbox_traceparent';
import { Migration20261201110000_filing_queue_index } from './persistence/migrations/Migration20261201110000_filing_queue_index';
import { Migration20261201130000_credit_cut_off_reports } from './persistence/migrations/Migration20261201130000_credit_cut_off_reports';

export const contractsSubgraph: SubgraphModule = {
  name: 'contracts',
  resolvers: [
    AreaFilingResolver,
    CitySettingsResolver,
    ContractResolver,
    CreditResolver,
    FilingResolver,
    FilingReviewQueueResolver,
    FilingDocumentResolver,
    FilingCertificateContentResolver,
    HolidayCalendarResolver,
  ],
  orphanedTypes: [AreaRef],
  referenceResolvers: areaReferenceResolvers,
  entities: [
    AreaViewSchema,
    ContractSchema,
    FilingSchema,
    FilingVersionSchema,
    FilingTransitionSchema,
    ReviewSystemSchema,
    CitySettingsRecordSchema,
    CitySettingsChangeSchema,
  ],
  migrations: [
    { name: 'Migration20261122000000_initial', class: Migration20261122000000_initial },
    { name: 'Migration20261122010000_area_facts', class: Migration20261122010000_area_facts },
    { name: 'Migration20261122020000_filings', class: Migration20261122020000_filings },
    { name: 'Migration20261122030000_court_referrals', class: Migration20261122030000_court_referrals },
    { name: 'Migration20261130000000_collection_months', class: Migration20261130000000_collection_months },
    { name: 'Migration20261130100000_idempotency_keys', class: Migration20261130100000_idempotency_keys },
    { name: 'Migration20261130200000_outbox_notify', class: Migration20261130200000_outbox_notify },
    { name: 'Migration20261201000000_city_settings', class: Migration20261201000000_city_settings },
    { name: 'Migration20261201100000_credit_entries', class: Migration20261201100000_credit_entries },
    { name: 'Migration20261201100000_deadlines', class: Migration20261201100000_deadlines },
    { name: 'Migration20261201100000_filing_documents', class: Migration20261201100000_filing_documents },
    { name: 'Migration20261201100000_holiday_calendar', class: Migration20261201100000_holiday_calendar },
    { name: 'Migration20261201100000_outbox_traceparent', class: Migration20261201100000_outbox_traceparent },
    { name: 'Migration20261201110000_filing_queue_index', class: Migration20261201110000_filing_queue_index },
    { name: 'Migration20261201130000_credit_cut_off_reports', class: Migration20261201130000_credit_cut_off_reports },
  ],
  // It owns the recorded holiday years (recordHolidayArrangement) and computes filing deadlines with them.
  keepsHolidayCalendar: true,
  consumers: [
    areaViewConsumer,
    filingReviewConsumer,
    courtReferralConsumer,
    collectionConsumer,
    debtorListingConsumer,
    utilityCutOffConsumer,
  ],
  producedTopics: [
    FILINGS_TOPIC.name,
    CONTRACT_DEADLINES_TOPIC.name,
    CREDIT_RECORDS_TOPIC.name,
    HOLIDAY_CALENDAR_TOPIC.name,
    CITY_SETTINGS_TOPIC.name,
    CONTRACT_AREAS_TOPIC.name,
  ],
  errors: CONTRACTS_ERRORS,
  background: ({ orm }) => new CreditPublication(orm),
};
