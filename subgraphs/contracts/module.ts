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
import { sweepDocumentUploads } from './application/sweep-document-uploads';
import { allWork, periodicWork } from '../../platform/subgraph/periodic';
import { debtorListingConsumer } from './events/consume/debtor-listing.consumer';
import { utilityCutOffConsumer } from './events/consume/utility-cut-off.consumer';
import { jointDecisionConsumer } from '../../platform/read-models/joint-decisions';
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
  migrations: () => import('./persistence/migration-list').then((list) => list.migrations),
  // It owns the recorded holiday years (recordHolidayArrangement) and computes filing deadlines with them.
  keepsHolidayCalendar: true,
  consumers: [
    areaViewConsumer,
    filingReviewConsumer,
    courtReferralConsumer,
    collectionConsumer,
    debtorListingConsumer,
    utilityCutOffConsumer,
    jointDecisionConsumer('contracts'),
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
  // Uploads in parts are swept 24 h after their start (abandoned, or completed and no longer retried); every hour.
  background: ({ orm }) =>
    allWork(
      new CreditPublication(orm),
      periodicWork('document-upload-sweep', 60 * 60 * 1000, () => sweepDocumentUploads(orm.em.fork())),
    ),
};
