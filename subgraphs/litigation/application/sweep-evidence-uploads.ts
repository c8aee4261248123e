import type { EntityManager } from '@mikro-orm/postgresql';
import { EVIDENCE_LIMITS } from '../domain/evidence-file';
import { deleteAbandonedUploads } from '../persistence/document.repository';

/** Uploads swept per transaction. */
const SWEEP_BATCH = 100;

/**
 * Deletes the uploads in parts that were not completed within EVIDENCE_LIMITS.uploadTtlMs (24 h) of their start,
 * with their parts, in short transactions of SWEEP_BATCH. Returns how many uploads and part bytes went.
 */
export async function sweepEvidenceUploads(
  em: EntityManager,
  now: Date = new Date(),
): Promise<{ uploads: number; bytes: number }> {
  const startedBefore = new Date(now.getTime() - EVIDENCE_LIMITS.uploadTtlMs);
  const total = { uploads: 0, bytes: 0 };
  for (;;) {
    const swept = await em.transactional((tx) => deleteAbandonedUploads(tx, startedBefore, SWEEP_BATCH));
    total.uploads += swept.uploads;
    total.bytes += swept.bytes;
    if (swept.uploads < SWEEP_BATCH) return total;
  }
}
