import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlRows, sqlRun } from '../../../platform/db/sql';

/** A court may read the contract (and its filings) a case referred to it is under: one row per referral. */
export interface CourtReferralGrant {
  courtId: string;
  referralId: string;
  contractId: string;
}

interface CourtReferralRow {
  contract_id: string;
}

const contractIdOf = (row: CourtReferralRow): string => row.contract_id;

/** Records the grant once; the same referral again changes nothing. */
export async function insertCourtReferralGrant(em: EntityManager, grant: CourtReferralGrant): Promise<void> {
  await sqlRun(
    em,
    `insert into contracts.court_referral (court_id, referral_id, contract_id) values (?, ?::uuid, ?::uuid) on conflict do nothing`,
    [grant.courtId, grant.referralId, grant.contractId],
  );
}

/** The contracts a court received referrals under. */
export async function contractsReferredToCourt(em: EntityManager, courtId: string): Promise<string[]> {
  const rows = await sqlRows<CourtReferralRow>(
    em,
    `select distinct contract_id from contracts.court_referral where court_id = ?`,
    [courtId],
  );
  return rows.map(contractIdOf);
}

/** Whether a court received a referral under this contract: one indexed lookup, not the court's whole list. */
export async function isReferredToCourt(em: EntityManager, courtId: string, contractId: string): Promise<boolean> {
  const rows = await sqlRows<CourtReferralRow>(
    em,
    `select contract_id from contracts.court_referral where court_id = ? and contract_id = ?::uuid limit 1`,
    [courtId, contractId],
  );
  return rows.length > 0;
}
