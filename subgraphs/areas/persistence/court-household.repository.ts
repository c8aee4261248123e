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
 * The households (and their areas) of every case referred to a court, with the referral, newest first, and whether
 * the household's owner is still the one the case was referred against (`sameOwner`, references compared as
 * kernel/owner-key.ts compares them: a correction of `…002x` to `…002X` is the same owner; before, the court's
 * access to the owner was dropped while litigation took the owner as unchanged, and the complaint waited for good):
 * after a sale, not.
 */
export async function courtHouseholdGrants(
  em: EntityManager,
  courtId: string,
): Promise<{ householdId: string; areaId: string; referralId: string; sameOwner: boolean }[]> {
  const rows = await sqlRows<{ area_id: string; household_id: string; referral_id: string; same_owner: boolean }>(
    em,
    `select g.area_id, g.household_id, g.referral_id,
            coalesce(${ownerKeySql('g.owner_reference')} = ${ownerKeySql('h.owner_reference')}, false) as same_owner
       from areas.court_household g left join areas.household h on h.id = g.household_id
      where g.court_id = ? order by g.received_at desc, g.referral_id`,
    [courtId],
  );
  return rows.map((r) => ({
    householdId: r.household_id,
    areaId: r.area_id,
    referralId: r.referral_id,
    sameOwner: r.same_owner,
  }));
}
