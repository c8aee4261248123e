import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { referralReach } from '../domain/access';
import { BatchRecord } from '../domain/consolidation';
import { findBatch, listBatches as listReachableBatches } from '../persistence/batch.repository';

/** Consolidated batches: a court its own, a company those of its referrals, most recently changed first. */
export async function listBatches(em: EntityManager, identity: Identity): Promise<BatchRecord[]> {
  const reach = referralReach(identity);
  return reach ? listReachableBatches(em, reach) : [];
}

/** One of those batches; NOT_FOUND for any other, as for a batch that does not exist. */
export async function readBatch(em: EntityManager, identity: Identity, batchKey: string): Promise<BatchRecord> {
  const reach = referralReach(identity);
  const batch = reach ? await findBatch(em, reach, batchKey) : null;
  if (!batch) throw new NotFoundError('Consolidated batch', batchKey);
  return batch;
}
