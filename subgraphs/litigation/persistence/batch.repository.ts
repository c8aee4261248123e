import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlArray, sqlRows, sqlRun } from '../../../platform/db/sql';
import { ReferralReach } from '../domain/access';
import { BatchRecord, ConsolidatedBatch } from '../domain/consolidation';
import { reachCondition } from './referral.repository';

interface BatchColumns {
  batch_key: string;
  group_key: string;
  court_id: string;
  company_id: string;
  area_id: string;
  contract_id: string;
  split_from: string | null;
  referral_ids: string[];
  court_decision: 'ACCEPTED' | null;
}

const batchOf = (b: BatchColumns): BatchRecord => ({
  batchKey: b.batch_key,
  groupKey: b.group_key,
  courtId: b.court_id,
  plaintiffId: b.company_id,
  areaId: b.area_id,
  contractId: b.contract_id,
  splitFrom: b.split_from,
  referralIds: b.referral_ids,
  courtDecision: b.court_decision,
});

const COLUMNS = `r.batch_key, r.group_key, r.court_id, r.company_id, r.area_id, r.contract_id, r.split_from, r.referral_ids, r.court_decision`;

/** A batch holds only referrals that were sent, so a court's reach needs no further condition here. */
const batchReach = (reach: ReferralReach) => reachCondition(reach, 'true');

/** The batches within reach, the most recently changed first. */
export async function listBatches(em: EntityManager, reach: ReferralReach): Promise<BatchRecord[]> {
  const scope = batchReach(reach);
  const rows = await sqlRows<BatchColumns>(
    em,
    `select ${COLUMNS} from litigation.consolidated_batch r where ${scope.sql} order by r.updated_at desc, r.batch_key`,
    scope.params,
  );
  return rows.map(batchOf);
}

export async function findBatch(
  em: EntityManager,
  reach: ReferralReach,
  batchKey: string,
): Promise<BatchRecord | null> {
  const scope = batchReach(reach);
  const [row] = await sqlRows<BatchColumns>(
    em,
    `select ${COLUMNS} from litigation.consolidated_batch r where ${scope.sql} and r.batch_key = ?`,
    [...scope.params, batchKey],
  );
  return row ? batchOf(row) : null;
}

/**
 * Serialises, for the rest of the caller's transaction, every change to one court's and company's batches (a regroup,
 * a split, an acceptance): each reads the batches and the referrals in them, then writes both, so two at once would
 * each write what they read before the other's change (a case in two batches). Taken before any referral row is
 * locked, so a use case that changes batches always takes its locks in one order.
 */
export async function lockBatchesOf(tx: EntityManager, courtId: string, companyId: string): Promise<void> {
  await sqlRun(tx, `select pg_advisory_xact_lock(hashtext('litigation.batches'), hashtext(? || '/' || ?))`, [
    courtId,
    companyId,
  ]);
}

/** A court's and company's batches as stored, for consolidation.ts to recompute. */
export async function batchesOf(tx: EntityManager, courtId: string, companyId: string): Promise<BatchRecord[]> {
  const rows = await sqlRows<BatchColumns>(
    tx,
    `select ${COLUMNS} from litigation.consolidated_batch r where r.court_id = ? and r.company_id = ?`,
    [courtId, companyId],
  );
  return rows.map(batchOf);
}

/** Removes a court's and company's batches other than those named. */
export async function deleteBatchesExcept(
  tx: EntityManager,
  courtId: string,
  companyId: string,
  batchKeys: readonly string[],
): Promise<void> {
  await sqlRun(
    tx,
    `delete from litigation.consolidated_batch where court_id = ? and company_id = ? and batch_key <> all(?::text[])`,
    [courtId, companyId, sqlArray(batchKeys)],
  );
}

const INSERT = `insert into litigation.consolidated_batch (batch_key, group_key, court_id, company_id, area_id, contract_id, split_from, referral_ids)
  values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)`;

const insertParams = (b: ConsolidatedBatch) => [
  b.batchKey,
  b.groupKey,
  b.courtId,
  b.plaintiffId,
  b.areaId,
  b.contractId,
  b.splitFrom,
  JSON.stringify(b.referralIds),
];

export async function insertBatch(tx: EntityManager, batch: ConsolidatedBatch): Promise<void> {
  await sqlRun(tx, INSERT, insertParams(batch));
}

/**
 * Stores a recomputed batch: a new one is inserted, a known one gets its referrals as they now are. A case joining
 * a batch the court accepted takes the acceptance back (the court has not seen that case; before, the decision
 * covered it unseen); cases leaving keep it.
 */
export async function saveBatch(tx: EntityManager, batch: ConsolidatedBatch): Promise<void> {
  const kept = `excluded.referral_ids <@ litigation.consolidated_batch.referral_ids`;
  await sqlRun(
    tx,
    `${INSERT} on conflict (batch_key) do update set referral_ids = excluded.referral_ids, updated_at = now(),
       court_decision = case when ${kept} then litigation.consolidated_batch.court_decision end,
       decided_at = case when ${kept} then litigation.consolidated_batch.decided_at end`,
    insertParams(batch),
  );
}

export async function updateBatchReferrals(
  tx: EntityManager,
  batchKey: string,
  referralIds: readonly string[],
): Promise<void> {
  await sqlRun(
    tx,
    `update litigation.consolidated_batch set referral_ids = ?::jsonb, updated_at = now() where batch_key = ?`,
    [JSON.stringify(referralIds), batchKey],
  );
}

export async function recordCourtAcceptance(tx: EntityManager, batchKey: string): Promise<void> {
  await sqlRun(
    tx,
    `update litigation.consolidated_batch set court_decision = 'ACCEPTED', decided_at = now() where batch_key = ?`,
    [batchKey],
  );
}
