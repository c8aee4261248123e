import type { EntityManager } from '@mikro-orm/postgresql';
import { ClaimUpdatedData } from '../../../catalog';
import { sqlArray, sqlRows, sqlRun } from '../../../platform/db/sql';
import { StoredClaim } from '../domain/referral';

/**
 * Keeps an account's claim as arrears last published it: the snapshot replaces the stored one only when its version
 * is higher, so redelivered or reordered snapshots never roll the claim back.
 */
export async function saveClaimIfNewer(em: EntityManager, claim: ClaimUpdatedData): Promise<void> {
  await sqlRun(
    em,
    `insert into litigation.claim_account as c (account_id, company_id, household_id, area_id, version, claim) values (?, ?, ?, ?, ?, ?::jsonb)
     on conflict (account_id) do update set version = excluded.version, claim = excluded.claim, received_at = now() where c.version < excluded.version`,
    [claim.accountId, claim.companyId, claim.householdId, claim.areaId, claim.version, JSON.stringify(claim)],
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
