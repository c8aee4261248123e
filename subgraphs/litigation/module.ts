import { LITIGATION_ERRORS } from './domain/errors';
import { LITIGATION_DEADLINES_TOPIC, REFERRALS_TOPIC } from '../../catalog';
import { filingSnapshotConsumer } from '../../platform/read-models/filing-snapshot';
import { SubgraphModule } from '../../platform/subgraph/module';
import { claimAccountConsumer } from './events/consume/claim-account.consumer';
import { courtCaseEventConsumer } from './events/consume/court-case-event.consumer';
import { serviceComplaintsConsumer } from './events/consume/service-complaints.consumer';
import { citySettingsConsumer } from './events/consume/city-settings.consumer';
import { CourtResolver } from './graphql/court.resolver';
import {
  BatchBundleResolver,
  CompanyProfileResolver,
  DocumentContentResolver,
  ReferralDocumentsResolver,
} from './graphql/document.resolver';
import { BatchFeeResolver, ReferralPageResolver, ReferralResolver } from './graphql/referral.resolver';
import { householdReferenceResolvers } from './graphql/household.reference';
import { HouseholdRef } from './graphql/referral.type';
import { noDefendantIdentities, useDefendantIdentities } from './application/defendant-identities';
import { CourtSchema } from './persistence/court.entity';
import { ownerRegisterClient } from './persistence/owner-register.client';
import { periodicWork } from '../../platform/subgraph/periodic';
import { sweepEvidenceUploads } from './application/sweep-evidence-uploads';
import { holidayCalendarConsumer } from '../../platform/read-models/holiday-calendar';
import { reannounceUndatedCaseDeadlines } from './application/announce-case-deadlines';
import { jointDecisionConsumer } from '../../platform/read-models/joint-decisions';

export const litigationSubgraph: SubgraphModule = {
  name: 'litigation',
  resolvers: [
    CourtResolver,
    ReferralResolver,
    ReferralPageResolver,
    ReferralDocumentsResolver,
    BatchBundleResolver,
    BatchFeeResolver,
    DocumentContentResolver,
    CompanyProfileResolver,
  ],
  orphanedTypes: [HouseholdRef],
  referenceResolvers: householdReferenceResolvers,
  entities: [CourtSchema],
  migrations: () => import('./persistence/migration-list').then((list) => list.migrations),
  // Proof that a referred contract was filed and in force comes from the contracts feed, the claims from arrears,
  // courts report back on court.case-events.v1, the cities' small-claims provinces come from contracts.city-settings.v1,
  // and hotline orders (no caller data) about the compound go into the package.
  consumers: [
    filingSnapshotConsumer('litigation'),
    claimAccountConsumer,
    courtCaseEventConsumer,
    serviceComplaintsConsumer,
    holidayCalendarConsumer('litigation', reannounceUndatedCaseDeadlines),
    citySettingsConsumer,
    jointDecisionConsumer('litigation'),
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
