import { LITIGATION_ERRORS } from './domain/errors';
import { REFERRALS_TOPIC } from '../../catalog';
import { filingSnapshotConsumer } from '../../platform/read-models/filing-snapshot';
import { SubgraphModule } from '../../platform/subgraph/module';
import { claimAccountConsumer } from './events/consume/claim-account.consumer';
import { courtCaseEventConsumer } from './events/consume/court-case-event.consumer';
import { CourtResolver } from './graphql/court.resolver';
import { ReferralResolver } from './graphql/referral.resolver';
import { householdReferenceResolvers } from './graphql/household.reference';
import { HouseholdRef } from './graphql/referral.type';
import { CourtSchema } from './persistence/court.entity';
import { Migration20261122000000_initial } from './persistence/migrations/Migration20261122000000_initial';
import { Migration20261122020000_filing_snapshots } from './persistence/migrations/Migration20261122020000_filing_snapshots';
import { Migration20261122030000_referrals } from './persistence/migrations/Migration20261122030000_referrals';
import { Migration20261122040000_extension } from './persistence/migrations/Migration20261122040000_extension';
import { Migration20261130100000_idempotency_keys } from './persistence/migrations/Migration20261130100000_idempotency_keys';
import { Migration20261130200000_outbox_notify } from './persistence/migrations/Migration20261130200000_outbox_notify';

export const litigationSubgraph: SubgraphModule = {
  name: 'litigation',
  resolvers: [CourtResolver, ReferralResolver],
  orphanedTypes: [HouseholdRef],
  referenceResolvers: householdReferenceResolvers,
  entities: [CourtSchema],
  migrations: [
    { name: 'Migration20261122000000_initial', class: Migration20261122000000_initial },
    { name: 'Migration20261122020000_filing_snapshots', class: Migration20261122020000_filing_snapshots },
    { name: 'Migration20261122030000_referrals', class: Migration20261122030000_referrals },
    { name: 'Migration20261122040000_extension', class: Migration20261122040000_extension },
    { name: 'Migration20261130100000_idempotency_keys', class: Migration20261130100000_idempotency_keys },
    { name: 'Migration20261130200000_outbox_notify', class: Migration20261130200000_outbox_notify },
  ],
  // Proof that a referred contract was filed and in force comes from the contracts feed, the claims from arrears,
  // and courts report back on court.case-events.v1.
  consumers: [filingSnapshotConsumer('litigation'), claimAccountConsumer, courtCaseEventConsumer],
  producedTopics: [REFERRALS_TOPIC.name],
  errors: LITIGATION_ERRORS,
};
