import type { EntityManager } from '@mikro-orm/postgresql';
import { courtGrantOwner } from '../domain/access';
import {
  CourtHouseholdGrant,
  insertCourtHouseholdGrant,
  registeredOwnerReference,
} from '../persistence/court-household.repository';
import { takeHeldCourtCase } from './follow-court-case';

/**
 * A case referred to a court lets that court read the household (and its area) until the case is over
 * (domain/court-case-end.ts, application/follow-court-case.ts, also by a deadline read before the grant), and the
 * owner the referral names in full, as the register holds them now or as a former owner (domain/access.ts
 * courtGrantOwner); a redelivered referral changes nothing.
 */
export async function grantCourtHousehold(
  em: EntityManager,
  grant: Omit<CourtHouseholdGrant, 'ownerReference'> & { referredOwner?: string | null },
): Promise<void> {
  const { referredOwner, ...granted } = grant;
  const registered = referredOwner ? null : await registeredOwnerReference(em, grant.householdId);
  await insertCourtHouseholdGrant(em, { ...granted, ownerReference: courtGrantOwner(referredOwner, registered) });
  // An enforcement deadline of the referral read before it (another topic): the grant takes it now.
  await takeHeldCourtCase(em, grant.referralId);
}
