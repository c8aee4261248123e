import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { InvalidInputError } from '../../../kernel/errors';
import { maskOwnerName } from '../domain/compound';
import { OwnerDataAccess, OwnerDataKind, recordOwnerDataAccesses } from '../persistence/owner-data-access.repository';
import { HouseholdReads } from './household-reads';
import { ownersReadInFull } from './owners-read-in-full';
import { isUuid } from '../../../kernel/uuid';

/** An id given (a referral as the reason of a read, a household to filter on) is a UUID, checked before any query. */
export function assertUuid(field: string, value: string | null | undefined): void {
  if (value != null && !isUuid(value))
    throw new InvalidInputError(`${field} must be an id (UUID)`, { fields: { [field]: 'not a UUID' } });
}

/**
 * The log entry of one read in full, of the owner `ownerReference` names: the household's owner now, or the former
 * owner a court's referral is against (before, the entry said only the household, so a court reading the seller looked
 * like a read of the buyer).
 */
export const accessOf = (
  identity: Identity,
  { householdId, ownerReference }: { householdId: string; ownerReference: string },
  data: OwnerDataKind,
  why: { reason: string; referralId: string | null },
): OwnerDataAccess => ({
  householdId,
  ownerReference,
  data,
  organisationId: identity.organisationId,
  role: identity.role,
  subject: identity.subject,
  referralId: why.referralId,
  reason: why.reason,
});

/** One `Household.ownerName(referralId)` asked for: the household, and the referral that is the reason. */
export interface OwnerNameRequest {
  householdId: string;
  referralId?: string | null;
}

/**
 * The owners' names of the households asked for, in one batch, as the caller may see them (domain/access.ts
 * ownerDataAccessReason, ownerInFull): in full for the street office of their street, and for a court their case was
 * referred to the name of the owner the referral is against, the owner now or a former one the register's history
 * keeps; masked (张**), of the owner now, for every other reader; null for a household the caller may not read or
 * without a name of the owner answered. Every name returned in full is recorded in the access log before it is
 * returned.
 */
export async function readOwnerNames(
  em: EntityManager,
  reads: HouseholdReads,
  identity: Identity,
  requests: readonly OwnerNameRequest[],
): Promise<(string | null)[]> {
  for (const r of requests) assertUuid('referralId', r.referralId);
  const [located, grants] = await Promise.all([
    reads.households([...new Set(requests.map((r) => r.householdId))]),
    reads.grants(),
  ]);
  const decided = await ownersReadInFull(em, identity, new Map(located.map((h) => [h.id, h])), grants, requests);
  const accesses: OwnerDataAccess[] = [];
  const names = decided.map((read) => {
    if (!read) return null;
    const { household, why, whose } = read;
    const owner = whose?.owner === 'FORMER' && whose.former ? whose.former : household;
    const name = owner.ownerName;
    if (!name) return null;
    if (!why || whose === undefined || (whose.owner === 'FORMER' && !whose.former)) return maskOwnerName(name);
    accesses.push(accessOf(identity, { householdId: household.id, ownerReference: owner.ownerReference }, 'NAME', why));
    return name;
  });
  await recordOwnerDataAccesses(em, accesses);
  return names;
}
