import type { EntityManager } from '@mikro-orm/postgresql';
import { CourtHouseholdGrant, insertCourtHouseholdGrant } from '../persistence/court-household.repository';

/**
 * A case referred to a court lets that court read the household (and its area) for as long as it keeps the file;
 * a redelivered referral changes nothing.
 */
export async function grantCourtHousehold(em: EntityManager, grant: CourtHouseholdGrant): Promise<void> {
  await insertCourtHouseholdGrant(em, grant);
}
