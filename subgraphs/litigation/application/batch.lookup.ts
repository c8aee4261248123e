import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { NotFoundError } from '../../../kernel/errors';
import { mayReportForCourt, referralReach } from '../domain/access';
import { BatchRecord } from '../domain/consolidation';
import { findBatch } from '../persistence/batch.repository';

/** A batch the calling court decides on; NOT_FOUND for anyone else, as for a batch that does not exist. */
export async function courtBatch(em: EntityManager, identity: Identity, batchKey: string): Promise<BatchRecord> {
  const reach = referralReach(identity);
  const batch = reach ? await findBatch(em, reach, batchKey) : null;
  if (!batch || !mayReportForCourt(identity, { companyId: batch.plaintiffId, courtId: batch.courtId }))
    throw new NotFoundError('Consolidated batch', batchKey);
  return batch;
}
