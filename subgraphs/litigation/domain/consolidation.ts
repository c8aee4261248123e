import { InvalidInputError } from '../../../kernel/errors';
import { canonicalJson, sha256Hex } from '../../../kernel/canonical-json';

/**
 * Consolidated hearing (合并审理, seed 004): referrals with the same court, the same plaintiff company, the same
 * compound and the same contract are heard together. Each owner stays a separate case (the amount of each decides its
 * own procedure); a batch only groups them for the court's calendar. The court may take some cases out of a batch
 * (an owner disputes the service, say), so a subset can be split off into a batch of its own.
 *
 * Keys are digests of what defines the batch, never counters or clocks, so recomputing them on any node, on any
 * day, in any input order, gives the same keys: a base batch's key is the digest of its four grouping fields; a split
 * batch's key is the digest of the batch it left and the referrals that left.
 */
export interface ReferralForConsolidation {
  referralId: string;
  courtId: string;
  /** The property company suing. */
  plaintiffId: string;
  /** The property-management area (a compound, or adjacent buildings grouped into one area). */
  areaId: string;
  contractId: string;
}

export interface ConsolidatedBatch {
  batchKey: string;
  /** The digest of the grouping fields; equal to batchKey for the base batch of a group. */
  groupKey: string;
  courtId: string;
  plaintiffId: string;
  areaId: string;
  contractId: string;
  /** Sorted. */
  referralIds: string[];
  /** The batch a split batch left; null for the base batch. */
  splitFrom: string | null;
}

/** A batch as the hub keeps it, with the court's decision on the joint hearing (ACCEPTED, or null while open). */
export interface BatchRecord extends ConsolidatedBatch {
  courtDecision: 'ACCEPTED' | null;
}

/**
 * The area is hashed under the name `compoundId`, the one it had when the first keys were stored and published:
 * renaming it in the digest's input would give every existing batch a new key.
 */
export function consolidationGroupKey(r: Omit<ReferralForConsolidation, 'referralId'>): string {
  return sha256Hex(
    canonicalJson({ courtId: r.courtId, plaintiffId: r.plaintiffId, compoundId: r.areaId, contractId: r.contractId }),
  );
}

/**
 * The batches for the open referrals. A referral already in one of `existing` batches stays there while its grouping
 * fields still match that batch, so splits survive a recomputation; every other referral joins its group's base
 * batch. Referrals no longer open drop out, and batches left empty disappear.
 */
export function consolidate(
  referrals: readonly ReferralForConsolidation[],
  existing: readonly ConsolidatedBatch[] = [],
): ConsolidatedBatch[] {
  validateReferrals(referrals);
  const batchOf = new Map<string, ConsolidatedBatch>();
  for (const batch of existing) {
    for (const id of batch.referralIds) {
      if (batchOf.has(id))
        throw new InvalidInputError('A referral is in two batches', {
          problems: ['REFERRAL_IN_TWO_BATCHES'],
          referralId: id,
        });
      batchOf.set(id, batch);
    }
  }
  const batches = new Map<string, ConsolidatedBatch>();
  for (const r of referrals) {
    const groupKey = consolidationGroupKey(r);
    const kept = batchOf.get(r.referralId);
    const template = kept && kept.groupKey === groupKey ? kept : { batchKey: groupKey, splitFrom: null };
    const batch = batches.get(template.batchKey) ?? {
      batchKey: template.batchKey,
      groupKey,
      courtId: r.courtId,
      plaintiffId: r.plaintiffId,
      areaId: r.areaId,
      contractId: r.contractId,
      referralIds: [],
      splitFrom: template.splitFrom,
    };
    batch.referralIds.push(r.referralId);
    batches.set(batch.batchKey, batch);
  }
  const ordered = [...batches.values()].map((b) => ({ ...b, referralIds: [...b.referralIds].sort() }));
  // Base batch first within a group, then split batches by key: a stable order for lists and tests.
  return ordered.sort(
    (a, b) =>
      compare(a.groupKey, b.groupKey) ||
      Number(a.splitFrom !== null) - Number(b.splitFrom !== null) ||
      compare(a.batchKey, b.batchKey),
  );
}

/** How many of the ids a refused split names back to the caller. */
const MAX_ECHOED_IDS = 20;

/**
 * Takes `leaving` out of `batch` into a new batch of the same group. At least one referral must leave and at least
 * one must stay (moving all of them is the same batch under another name); every leaving referral must be in the
 * batch. Each problem is reported in details.problems.
 */
export function splitBatch(
  batch: ConsolidatedBatch,
  leaving: readonly string[],
): { remaining: ConsolidatedBatch; split: ConsolidatedBatch } {
  const leavingIds = [...new Set(leaving)].sort();
  const notInBatch = leavingIds.filter((id) => !batch.referralIds.includes(id));
  const problems: string[] = [];
  if (leavingIds.length === 0) problems.push('EMPTY_SPLIT');
  if (notInBatch.length > 0) problems.push('NOT_IN_BATCH');
  if (leavingIds.length > 0 && batch.referralIds.every((id) => leavingIds.includes(id)))
    problems.push('SPLIT_TAKES_ALL');
  // The first ids not in the batch and how many there were: all of them made the refusal as large as the request.
  if (problems.length > 0)
    throw new InvalidInputError('The batch cannot be split like that', {
      problems,
      notInBatch: notInBatch.slice(0, MAX_ECHOED_IDS),
      notInBatchCount: notInBatch.length,
    });
  const split: ConsolidatedBatch = {
    ...batch,
    batchKey: sha256Hex(canonicalJson({ splitFrom: batch.batchKey, referralIds: leavingIds })),
    referralIds: leavingIds,
    splitFrom: batch.batchKey,
  };
  return { remaining: { ...batch, referralIds: batch.referralIds.filter((id) => !leavingIds.includes(id)) }, split };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function validateReferrals(referrals: readonly ReferralForConsolidation[]): void {
  const fields: Record<string, string> = {};
  const seen = new Set<string>();
  referrals.forEach((r, i) => {
    const blank = (['referralId', 'courtId', 'plaintiffId', 'areaId', 'contractId'] as const).filter(
      (k) => typeof r[k] !== 'string' || r[k].trim() === '',
    );
    if (blank.length > 0) fields[`referrals[${i}]`] = `${blank.join(', ')} must not be empty`;
    else if (seen.has(r.referralId)) fields[`referrals[${i}]`] = `referral ${r.referralId} is listed twice`;
    seen.add(r.referralId);
  });
  if (Object.keys(fields).length > 0) throw new InvalidInputError('The referrals cannot be consolidated', { fields });
}
