import type { EntityManager } from '@mikro-orm/postgresql';
import { ClaimUpdatedData } from '../../../catalog';
import { saveClaimIfNewer } from '../persistence/claim-account.repository';

/**
 * Keeps each arrears account's latest claim from arrears.claims.v1, the facts a referral is judged on: a snapshot
 * older than the one held changes nothing, so redelivered or reordered snapshots never roll the claim back.
 */
export function recordClaim(em: EntityManager, claim: ClaimUpdatedData): Promise<void> {
  return saveClaimIfNewer(em, claim);
}
