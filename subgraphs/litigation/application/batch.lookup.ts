import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { NotFoundError } from '../../../kernel/errors';
import { mayReportForCourt, referralReach } from '../domain/access';
import { BatchRecord } from '../domain/consolidation';
import { findBatch, lockBatchesOf } from '../persistence/batch.repository';
import { findReferral, lockSentReferral } from '../persistence/referral.repository';

/** A batch the calling court decides on; NOT_FOUND for anyone else, as for a batch that does not exist. */
export async function courtBatch(em: EntityManager, identity: Identity, batchKey: string): Promise<BatchRecord> {
  const reach = referralReach(identity);
  const batch = reach ? await findBatch(em, reach, batchKey) : null;
  if (!batch || !mayReportForCourt(identity, { companyId: batch.plaintiffId, courtId: batch.courtId }))
    throw new NotFoundError('Consolidated batch', batchKey);
  return batch;
}

/** The batch as courtBatch finds it, read again once its court's and company's batches are locked (lockBatchesOf). */
export async function lockedCourtBatch(tx: EntityManager, identity: Identity, batchKey: string): Promise<BatchRecord> {
  const batch = await courtBatch(tx, identity, batchKey);
  await lockBatchesOf(tx, batch.courtId, batch.plaintiffId);
  return courtBatch(tx, identity, batchKey);
}

/**
 * A sent referral locked for a change that regroups its court's and company's batches (a withdrawal, a court's
 * report): their batches are locked first, the order every use case that changes batches keeps. A referral's court
 * and company never change, so the unlocked read that names them is safe.
 */
export async function lockSentReferralAndBatches(tx: EntityManager, referralId: string) {
  const known = await findReferral(tx, referralId);
  if (known) await lockBatchesOf(tx, known.courtId, known.companyId);
  return lockSentReferral(tx, referralId);
}
