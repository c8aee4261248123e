import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { FieldDecryptionError } from '../../../platform/crypto/field-cipher';
import { mayReadHousehold, ownerDataAccessReason } from '../domain/access';
import { OwnerIdentityView } from '../domain/owner-identity';
import { OwnerDataAccess, recordOwnerDataAccesses } from '../persistence/owner-data-access.repository';
import { findOwnerIdentities, masked, unsealed } from '../persistence/owner-identity.repository';
import { HouseholdReads } from './household-reads';
import { accessOf, assertUuid } from './owner-data-reads';

/** One `Household.ownerIdentity(referralId)` asked for: the household, and the referral that is the reason. */
export interface OwnerIdentityRequest {
  householdId: string;
  referralId?: string | null;
}

/**
 * The owners' identities of the households asked for, all in one batch (three queries, whatever their number):
 * in full (decrypted) for the street office of the household's street and for a court holding a referral of that
 * household (the referral named, which must be one of its own for that household, or its latest), masked for every
 * other reader of the household, null for a household the caller may not read or without an identity on record.
 * Every identity returned in full is recorded in the access log, with the referral, before it is returned. A sealed
 * value that fails to decrypt (altered in the database) fails that household's answer alone, unlogged.
 */
export async function readOwnerIdentities(
  em: EntityManager,
  reads: HouseholdReads,
  identity: Identity,
  requests: readonly OwnerIdentityRequest[],
): Promise<(OwnerIdentityView | null | FieldDecryptionError)[]> {
  for (const r of requests) assertUuid('referralId', r.referralId);
  const ids = [...new Set(requests.map((r) => r.householdId))];
  const [households, stored, grants] = await Promise.all([
    reads.households(ids),
    findOwnerIdentities(em, ids),
    reads.grants(),
  ]);
  const householdOf = new Map(households.map((h) => [h.id, h]));
  const storedOf = new Map(stored.map((s) => [s.householdId, s]));
  const accesses: OwnerDataAccess[] = [];
  const views = requests.map((r) => {
    const household = householdOf.get(r.householdId);
    const owner = storedOf.get(r.householdId);
    if (!household || !owner || !mayReadHousehold(identity, household, grants)) return null;
    const why = ownerDataAccessReason(identity, household, grants, r.referralId);
    if (!why) return masked(owner);
    try {
      const view = unsealed(owner);
      accesses.push(accessOf(identity, household.id, 'IDENTITY', why));
      return view;
    } catch (error) {
      if (error instanceof FieldDecryptionError) return error;
      throw error;
    }
  });
  await recordOwnerDataAccesses(em, accesses);
  return views;
}
