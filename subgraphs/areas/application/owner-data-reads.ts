import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { InvalidInputError } from '../../../kernel/errors';
import { ReadGrants, ownerDataAccessReason } from '../domain/access';
import { maskOwnerName } from '../domain/compound';
import { HouseholdRecord } from '../persistence/household.repository';
import { OwnerDataAccess, OwnerDataKind, recordOwnerDataAccesses } from '../persistence/owner-data-access.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id given (a referral as the reason of a read, a household to filter on) is a UUID, checked before any query. */
export function assertUuid(field: string, value: string | null | undefined): void {
  if (value != null && !UUID.test(value)) throw new InvalidInputError(`${field} must be an id (UUID)`, { fields: { [field]: 'not a UUID' } });
}

/** The log entry of one read in full. */
export const accessOf = (identity: Identity, householdId: string, data: OwnerDataKind, why: { reason: string; referralId: string | null }): OwnerDataAccess => ({
  householdId,
  data,
  organisationId: identity.organisationId,
  role: identity.role,
  subject: identity.subject,
  referralId: why.referralId,
  reason: why.reason,
});

/**
 * Households with their owner's name as the caller may see it (domain/access.ts ownerDataAccessReason): in full
 * for the street office of their street and a court their case was referred to, masked (张**) for everyone else.
 * Every name shown in full is recorded in the access log before it is returned.
 */
export async function householdsAsSeen<H extends HouseholdRecord & { streetCode: string }>(
  em: EntityManager,
  identity: Identity,
  households: readonly H[],
  grants: Pick<ReadGrants, 'householdReferrals'>,
): Promise<H[]> {
  const accesses: OwnerDataAccess[] = [];
  const seen = households.map((h) => {
    const why = ownerDataAccessReason(identity, h, grants);
    if (!why) return { ...h, ownerName: maskOwnerName(h.ownerName) };
    if (h.ownerName) accesses.push(accessOf(identity, h.id, 'NAME', why));
    return h;
  });
  await recordOwnerDataAccesses(em, accesses);
  return seen;
}
