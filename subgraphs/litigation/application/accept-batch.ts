import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { BatchRecord } from '../domain/consolidation';
import { recordCourtAcceptance } from '../persistence/batch.repository';
import { courtBatch, lockedCourtBatch } from './batch.lookup';

/** The court accepts a batch for a joint hearing (合并审理). */
export async function acceptBatch(em: EntityManager, identity: Identity, batchKey: string): Promise<BatchRecord> {
  return em.transactional(async (tx) => {
    await lockedCourtBatch(tx, identity, batchKey);
    await recordCourtAcceptance(tx, batchKey);
    return courtBatch(tx, identity, batchKey);
  });
}
