import type { EntityManager } from '@mikro-orm/postgresql';
import { ClaimUpdatedData } from '../../../catalog';
import { latestVersions } from '../../../kernel/latest-version';
import { sqlArray, sqlRows, sqlRun } from '../../../platform/db/sql';
import { StoredClaim } from '../domain/referral';

/**
 * Keeps each account's claim as arrears last published it: a snapshot replaces the stored one only when its version
 * is higher, so redelivered or reordered snapshots never roll the claim back. One statement for any number of
 * snapshots (a fetched batch of arrears.claims.v1, where a statement imported or a month billed publishes one per
 * account): of several snapshots of one account, the highest version is the one offered.
 */
export async function saveClaimsIfNewer(em: EntityManager, claims: readonly ClaimUpdatedData[]): Promise<void> {
  const latest = latestVersions(
    claims,
    (c) => c.accountId,
    (c) => c.version,
  );
  if (latest.length === 0) return;
  await sqlRun(
    em,
    `insert into litigation.claim_account as c (account_id, company_id, household_id, area_id, version, claim)
     select (e->>'accountId')::uuid, e->>'companyId', (e->>'householdId')::uuid, (e->>'areaId')::uuid, (e->>'version')::int, e
       from jsonb_array_elements(?::jsonb) as e
     on conflict (account_id) do update set version = excluded.version, claim = excluded.claim, received_at = now() where c.version < excluded.version`,
    [JSON.stringify(latest)],
  );
}

/** The company's claims on these accounts, by account id; an account of another company is simply absent. */
export async function companyClaims(
  tx: EntityManager,
  companyId: string,
  accountIds: readonly string[],
): Promise<Map<string, StoredClaim>> {
  const rows = await sqlRows<{ account_id: string; claim: ClaimUpdatedData }>(
    tx,
    `select account_id, claim from litigation.claim_account where company_id = ? and account_id = any(?::uuid[])`,
    [companyId, sqlArray(accountIds)],
  );
  return new Map(rows.map((r) => [r.account_id, r.claim]));
}
