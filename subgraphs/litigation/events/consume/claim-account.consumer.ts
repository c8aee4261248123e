import { sqlRun } from '../../../../platform/db/sql';
import { CLAIM_UPDATED } from '../../../../catalog';
import { ConsumerDefinition, on } from '../../../../platform/events/consumer';

/**
 * Keeps each arrears account's latest claim from arrears.claims.v1: a snapshot replaces the stored one only when its
 * version is higher, so redelivered or reordered snapshots never roll the claim back.
 */
export const claimAccountConsumer: ConsumerDefinition = {
  name: 'litigation.claims',
  subscriptions: [
    on(CLAIM_UPDATED, async (em, event) => {
      const claim = event.data;
      await sqlRun(
        em,
        `insert into litigation.claim_account as c (account_id, company_id, household_id, area_id, version, claim) values (?, ?, ?, ?, ?, ?::jsonb)
         on conflict (account_id) do update set version = excluded.version, claim = excluded.claim, received_at = now() where c.version < excluded.version`,
        [claim.accountId, claim.companyId, claim.householdId, claim.areaId, claim.version, JSON.stringify(claim)],
      );
    }),
  ],
};
