import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlRows, sqlRun } from '../../../platform/db/sql';
import { ownerKeySql } from './owner-key.sql';

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

/**
 * Whether a court holds a referral against that owner of the household (its grant's owner reference, compared as
 * kernel/owner-key.ts compares them): a correction replacing the owner then keeps them for that court
 * (application/update-household.ts).
 */
export async function courtHoldsReferralAgainst(
  em: EntityManager,
  householdId: string,
  ownerReference: string,
): Promise<boolean> {
  const rows = await sqlRows<{ one: number }>(
    em,
    `select 1 as one from areas.court_household
      where household_id = ?::uuid and owner_reference is not null
        and ${ownerKeySql('owner_reference')} = ${ownerKeySql('?::text')}
      limit 1`,
    [householdId, ownerReference],
  );
  return rows.length > 0;
}
