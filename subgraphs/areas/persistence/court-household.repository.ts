import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlRows, sqlRun } from '../../../platform/db/sql';

/** A court's read grant on a household (and its area), from a case referred to it, for the owner the case is against. */
export interface CourtHouseholdGrant {
  courtId: string;
  referralId: string;
  householdId: string;
  areaId: string;
  /** The owner reference the grant is for (domain/access.ts courtGrantOwner); null: no owner known. */
  ownerReference: string | null;
}

/** The owner reference the register holds for a household now; null for a household it does not hold. */
export async function registeredOwnerReference(em: EntityManager, householdId: string): Promise<string | null> {
  const [row] = await sqlRows<{ owner_reference: string | null }>(
    em,
    `select owner_reference from areas.household where id = ?::uuid`,
    [householdId],
  );
  return row?.owner_reference ?? null;
}

/** Records a grant once: a redelivered referral changes nothing. */
export async function insertCourtHouseholdGrant(em: EntityManager, grant: CourtHouseholdGrant): Promise<void> {
  await sqlRun(
    em,
    `insert into areas.court_household (court_id, referral_id, household_id, area_id, owner_reference)
     values (?, ?, ?, ?, ?) on conflict do nothing`,
    [grant.courtId, grant.referralId, grant.householdId, grant.areaId, grant.ownerReference],
  );
}

/**
 * The households (and their areas) of every case referred to a court, with the referral and the owner it was referred
 * against, newest first (whose particulars the court reads: domain/access.ts ownerInFull).
 */
export async function courtHouseholdGrants(
  em: EntityManager,
  courtId: string,
): Promise<{ householdId: string; areaId: string; referralId: string; ownerReference: string | null }[]> {
  const rows = await sqlRows<{
    area_id: string;
    household_id: string;
    referral_id: string;
    owner_reference: string | null;
  }>(
    em,
    `select area_id, household_id, referral_id, owner_reference from areas.court_household
      where court_id = ? order by received_at desc, referral_id`,
    [courtId],
  );
  return rows.map((r) => ({
    householdId: r.household_id,
    areaId: r.area_id,
    referralId: r.referral_id,
    ownerReference: r.owner_reference,
  }));
}
