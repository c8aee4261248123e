import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlRows, sqlRun } from '../../../platform/db/sql';

/** A court's read grant on a household (and its area), from a case referred to it. */
export interface CourtHouseholdGrant {
  courtId: string;
  referralId: string;
  householdId: string;
  areaId: string;
}

/** Records a grant once: a redelivered referral changes nothing. */
export async function insertCourtHouseholdGrant(em: EntityManager, grant: CourtHouseholdGrant): Promise<void> {
  await sqlRun(
    em,
    `insert into areas.court_household (court_id, referral_id, household_id, area_id) values (?, ?, ?, ?) on conflict do nothing`,
    [grant.courtId, grant.referralId, grant.householdId, grant.areaId],
  );
}

/** The households (and their areas) of every case referred to a court, with the referral, newest first. */
export async function courtHouseholdGrants(
  em: EntityManager,
  courtId: string,
): Promise<{ householdId: string; areaId: string; referralId: string }[]> {
  const rows = await sqlRows<{ area_id: string; household_id: string; referral_id: string }>(
    em,
    `select area_id, household_id, referral_id from areas.court_household where court_id = ? order by received_at desc, referral_id`,
    [courtId],
  );
  return rows.map((r) => ({ householdId: r.household_id, areaId: r.area_id, referralId: r.referral_id }));
}
