import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { InvalidInputError } from '../../../kernel/errors';
import { mayReadHousehold, ownerDataAccessReason } from '../domain/access';
import { maskOwnerName } from '../domain/compound';
import { OwnerDataAccess, OwnerDataKind, recordOwnerDataAccesses } from '../persistence/owner-data-access.repository';
import { HouseholdReads } from './household-reads';
import { isUuid } from '../../../kernel/uuid';

/** An id given (a referral as the reason of a read, a household to filter on) is a UUID, checked before any query. */
export function assertUuid(field: string, value: string | null | undefined): void {
  if (value != null && !isUuid(value))
    throw new InvalidInputError(`${field} must be an id (UUID)`, { fields: { [field]: 'not a UUID' } });
}

/** The log entry of one read in full. */
export const accessOf = (
  identity: Identity,
  householdId: string,
  data: OwnerDataKind,
  why: { reason: string; referralId: string | null },
): OwnerDataAccess => ({
  householdId,
  data,
  organisationId: identity.organisationId,
  role: identity.role,
  subject: identity.subject,
  referralId: why.referralId,
  reason: why.reason,
});

/**
 * The owners' names of the households asked for, in one batch, as the caller may see them (domain/access.ts
 * ownerDataAccessReason): in full for the street office of their street and a court their case was referred to,
 * masked (张**) for every other reader, null for a household the caller may not read or without a name. Every name
 * returned in full is recorded in the access log before it is returned.
 */
export async function readOwnerNames(
  em: EntityManager,
  reads: HouseholdReads,
  identity: Identity,
  householdIds: readonly string[],
): Promise<(string | null)[]> {
  const [located, grants] = await Promise.all([reads.households(householdIds), reads.grants()]);
  const households = new Map(located.map((h) => [h.id, h]));
  const accesses: OwnerDataAccess[] = [];
  const names = householdIds.map((id) => {
    const household = households.get(id);
    if (!household?.ownerName || !mayReadHousehold(identity, household, grants)) return null;
    const why = ownerDataAccessReason(identity, household, grants);
    if (!why) return maskOwnerName(household.ownerName);
    accesses.push(accessOf(identity, id, 'NAME', why));
    return household.ownerName;
  });
  await recordOwnerDataAccesses(em, accesses);
  return names;
}
