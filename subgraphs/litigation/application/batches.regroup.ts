import type { EntityManager } from '@mikro-orm/postgresql';
import { BATCH_FORMED } from '../../../catalog';
import { recordEvent } from '../../../platform/events/outbox';
import { consolidate } from '../domain/consolidation';
import { LITIGATION_EVENT_SOURCE, batchFormed } from '../events/publish/referral-events';
import { batchesOf, deleteBatchesExcept, lockBatchesOf, saveBatch } from '../persistence/batch.repository';
import { assignToBatch, leaveBatchesUnlessIn, referralsToConsolidate } from '../persistence/referral.repository';

/**
 * Recomputes the consolidated batches of a court and company from their open referrals (consolidation.ts) and stores
 * them; a batch of two or more whose members changed is announced on the referrals topic.
 */
export async function regroup(tx: EntityManager, courtId: string, companyId: string): Promise<void> {
  // Callers take this lock first (lockBatchesOf); taken here again (it is reentrant) for any that does not.
  await lockBatchesOf(tx, courtId, companyId);
  const stored = await batchesOf(tx, courtId, companyId);
  const batches = consolidate(await referralsToConsolidate(tx, courtId, companyId), stored);
  const before = new Map(stored.map((b) => [b.batchKey, [...b.referralIds].sort().join(',')]));
  // A referral no longer open leaves its batch.
  await leaveBatchesUnlessIn(
    tx,
    courtId,
    companyId,
    batches.flatMap((b) => b.referralIds),
  );
  await deleteBatchesExcept(
    tx,
    courtId,
    companyId,
    batches.map((b) => b.batchKey),
  );
  for (const batch of batches) {
    await saveBatch(tx, batch);
    await assignToBatch(tx, batch.batchKey, batch.referralIds);
    if (batch.referralIds.length >= 2 && before.get(batch.batchKey) !== batch.referralIds.join(',')) {
      recordEvent(tx, BATCH_FORMED, { source: LITIGATION_EVENT_SOURCE, key: batch.batchKey, data: batchFormed(batch) });
    }
  }
}
