import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { referralReach } from '../domain/access';
import { BatchRecord } from '../domain/consolidation';
import { listBatches as listReachableBatches } from '../persistence/batch.repository';

/** Consolidated batches: a court its own, a company those of its referrals, most recently changed first. */
export async function listBatches(em: EntityManager, identity: Identity): Promise<BatchRecord[]> {
  const reach = referralReach(identity);
  return reach ? listReachableBatches(em, reach) : [];
}
