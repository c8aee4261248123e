import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import {
  OwnerDataAccessReason,
  ReadGrants,
  mayReadHousehold,
  ownerDataAccessReason,
  ownerInFull,
} from '../domain/access';
import { FormerOwner, findFormerOwners } from '../persistence/former-owner.repository';
import type { LocatedHousehold } from '../persistence/household.repository';
import { ownerKey } from '../../../kernel/owner-key';

/** One read of a household's owner as the caller may make it: why in full (undefined: masked), and whose. */
export interface OwnerRead {
  household: LocatedHousehold;
  why: OwnerDataAccessReason | undefined;
  /** In full, the owner now; the former owner the court's referral is against (undefined where the register kept none). */
  whose: { owner: 'CURRENT' } | { owner: 'FORMER'; former: FormerOwner | undefined } | undefined;
}

/**
 * The reads of owners' data asked for (households with the referral each names), decided together, with the former
 * owners they are of read in one query: undefined for a household the caller may not read. A court's referral against
 * an owner who has sold since reads that owner from the register's history (domain/access.ts ownerInFull); one
 * replaced before the register kept a history is not there (`former` undefined), and the reader gets the owner now,
 * masked, as before.
 */
export async function ownersReadInFull(
  em: EntityManager,
  identity: Identity,
  households: ReadonlyMap<string, LocatedHousehold>,
  grants: ReadGrants,
  requests: readonly { householdId: string; referralId?: string | null }[],
): Promise<(OwnerRead | undefined)[]> {
  const decided = requests.map((r) => {
    const household = households.get(r.householdId);
    if (!household || !mayReadHousehold(identity, household, grants)) return undefined;
    const why = ownerDataAccessReason(identity, household, grants, r.referralId);
    return { household, why, whose: why && ownerInFull(why, household.ownerReference) };
  });
  const wanted = decided.flatMap((d) =>
    d?.whose?.owner === 'FORMER' ? [{ householdId: d.household.id, ownerReference: d.whose.ownerReference }] : [],
  );
  const formers = new Map(
    (await findFormerOwners(em, wanted)).map((f) => [`${f.householdId}|${ownerKey(f.ownerReference)}`, f]),
  );
  return decided.map((d) => {
    if (!d) return undefined;
    const { household, why, whose } = d;
    if (whose?.owner !== 'FORMER') return { household, why, whose };
    const former = formers.get(`${household.id}|${ownerKey(whose.ownerReference)}`);
    return { household, why, whose: { owner: 'FORMER', former } };
  });
}
