import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { FieldDecryptionError } from '../../../platform/crypto/field-cipher';
import { HouseholdOwnerIdentityView } from '../domain/owner-identity';
import { unsealedFormer } from '../persistence/former-owner.repository';
import { OwnerDataAccess, recordOwnerDataAccesses } from '../persistence/owner-data-access.repository';
import { findOwnerIdentities, masked, unsealed } from '../persistence/owner-identity.repository';
import { HouseholdReads } from './household-reads';
import { accessOf, assertUuid } from './owner-data-reads';
import { ownersReadInFull } from './owners-read-in-full';

/** One `Household.ownerIdentity(referralId)` asked for: the household, and the referral that is the reason. */
export interface OwnerIdentityRequest {
  householdId: string;
  referralId?: string | null;
}

/**
 * The owners' identities of the households asked for, all in one batch (four queries, whatever their number): in
 * full (decrypted) for the street office of the household's street, and for a court holding a referral of that
 * household (the referral named, which must be one of its own for that household, or its latest) of the owner the
 * referral is against, the household's owner now or a former one the register's history keeps (domain/access.ts
 * ownerInFull: before, after a sale the court got the new owner masked and nothing of the defendant); masked, of the
 * owner now, for every other reader of the household and for a court whose referral's owner was replaced before the
 * register kept a history; null for a household the caller may not read or without an identity on record of the
 * owner answered. Every identity returned in full is recorded in the access log, with the referral, before it is
 * returned. A sealed value that fails to decrypt (altered in the database) fails that household's answer alone,
 * unlogged.
 */
export async function readOwnerIdentities(
  em: EntityManager,
  reads: HouseholdReads,
  identity: Identity,
  requests: readonly OwnerIdentityRequest[],
): Promise<(HouseholdOwnerIdentityView | null | FieldDecryptionError)[]> {
  for (const r of requests) assertUuid('referralId', r.referralId);
  const ids = [...new Set(requests.map((r) => r.householdId))];
  const [households, stored, grants] = await Promise.all([
    reads.households(ids),
    findOwnerIdentities(em, ids),
    reads.grants(),
  ]);
  const storedOf = new Map(stored.map((s) => [s.householdId, s]));
  const decided = await ownersReadInFull(em, identity, new Map(households.map((h) => [h.id, h])), grants, requests);
  const accesses: OwnerDataAccess[] = [];
  const views = decided.map((read) => {
    if (!read) return null;
    const { household, why, whose } = read;
    try {
      if (why && whose?.owner === 'FORMER' && whose.former) {
        const { former } = whose;
        if (!former.identity) return null;
        const view = unsealedFormer({ ...former, identity: former.identity });
        accesses.push(
          accessOf(identity, { householdId: household.id, ownerReference: former.ownerReference }, 'IDENTITY', why),
        );
        return { ...view, ownerReference: former.ownerReference, ownerDiedOn: former.ownerDiedOn };
      }
      const owner = storedOf.get(household.id);
      if (!owner) return null;
      const of = { ownerReference: household.ownerReference, ownerDiedOn: household.ownerDiedOn };
      if (!why || whose?.owner !== 'CURRENT') return { ...masked(owner), ...of };
      const view = unsealed(owner);
      accesses.push(accessOf(identity, { householdId: household.id, ...of }, 'IDENTITY', why));
      return { ...view, ...of };
    } catch (error) {
      if (error instanceof FieldDecryptionError) return error;
      throw error;
    }
  });
  await recordOwnerDataAccesses(em, accesses);
  return views;
}
