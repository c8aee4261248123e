import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlRows, sqlRun } from '../../../platform/db/sql';
import { ChainEntry, ChainEntryKind } from '../domain/evidence-chain';

interface ChainColumns {
  sequence: number;
  kind: ChainEntryKind;
  subject_id: string;
  payload_digest: string;
  previous_hash: string;
  entry_hash: string;
}

const entryOf = (e: ChainColumns): ChainEntry => ({
  sequence: e.sequence,
  kind: e.kind,
  subjectId: e.subject_id,
  payloadDigest: e.payload_digest,
  previousHash: e.previous_hash,
  entryHash: e.entry_hash,
});

const COLUMNS = `sequence, kind, subject_id, payload_digest, previous_hash, entry_hash`;

/**
 * Serialises appends for the rest of the caller's transaction (a transaction-scoped advisory lock), so two
 * referrals at once cannot both link to the same head.
 */
export async function lockChainForAppend(tx: EntityManager): Promise<void> {
  await sqlRun(tx, `select pg_advisory_xact_lock(hashtext('litigation.evidence_chain'))`);
}

export async function chainHead(tx: EntityManager): Promise<ChainEntry | null> {
  const [row] = await sqlRows<ChainColumns>(
    tx,
    `select ${COLUMNS} from litigation.evidence_chain order by sequence desc limit 1`,
  );
  return row ? entryOf(row) : null;
}

export async function insertChainEntry(tx: EntityManager, e: ChainEntry): Promise<void> {
  await sqlRun(
    tx,
    `insert into litigation.evidence_chain (sequence, kind, subject_id, payload_digest, previous_hash, entry_hash) values (?, ?, ?, ?, ?, ?)`,
    [e.sequence, e.kind, e.subjectId, e.payloadDigest, e.previousHash, e.entryHash],
  );
}

/** The whole chain in order, for verification. */
export async function chainEntries(em: EntityManager): Promise<ChainEntry[]> {
  return (await sqlRows<ChainColumns>(em, `select ${COLUMNS} from litigation.evidence_chain order by sequence`)).map(
    entryOf,
  );
}
