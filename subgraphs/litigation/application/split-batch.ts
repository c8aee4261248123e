import type { EntityManager } from '@mikro-orm/postgresql';
import { BATCH_FORMED } from '../../../catalog';
import { Identity } from '../../../kernel/identity';
import { recordEvent } from '../../../platform/events/outbox';
import { BatchRecord, splitBatch } from '../domain/consolidation';
import { LITIGATION_EVENT_SOURCE, batchFormed } from '../events/publish/referral-events';
import { insertBatch, updateBatchReferrals } from '../persistence/batch.repository';
import { assignToBatch } from '../persistence/referral.repository';
import { courtBatch, lockedCourtBatch } from './batch.lookup';

/** The court takes some cases out of a batch into a batch of their own (consolidation.ts splitBatch). */
export async function splitConsolidatedBatch(
  em: EntityManager,
  identity: Identity,
  batchKey: string,
  referralIds: string[],
): Promise<BatchRecord[]> {
  return em.transactional(async (tx) => {
    const { remaining, split } = splitBatch(await lockedCourtBatch(tx, identity, batchKey), referralIds);
    await updateBatchReferrals(tx, batchKey, remaining.referralIds);
    await insertBatch(tx, split);
    await assignToBatch(tx, split.batchKey, split.referralIds);
    recordEvent(tx, BATCH_FORMED, { source: LITIGATION_EVENT_SOURCE, key: split.batchKey, data: batchFormed(split) });
    return [await courtBatch(tx, identity, batchKey), await courtBatch(tx, identity, split.batchKey)];
  });
}
