import type { EntityManager } from '@mikro-orm/postgresql';
import { ClaimUpdatedData } from '../../../catalog';
import { saveClaimsIfNewer } from '../persistence/claim-account.repository';

/**
 * Keeps each arrears account's latest claim from arrears.claims.v1, the facts a referral is judged on: a snapshot
 * older than the one held changes nothing, so redelivered or reordered snapshots never roll the claim back. Takes
 * one event's snapshot or a fetched batch's, kept in one statement.
 */
export function recordClaims(em: EntityManager, claims: readonly ClaimUpdatedData[]): Promise<void> {
  return saveClaimsIfNewer(em, claims);
}
