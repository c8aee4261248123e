import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlRows, sqlRun } from '../../../platform/db/sql';
import { ChainEntry, ChainEntryKind, appendEntry } from '../domain/evidence-chain';

const COLUMNS = `sequence::int as sequence, kind, subject_id as "subjectId", payload_digest as "payloadDigest", previous_hash as "previousHash", entry_hash as "entryHash"`;

/**
 * Appends an entry to the evidence chain in the caller's transaction. Appends are serialised by a transaction-scoped
 * advisory lock, so two referrals at once cannot both link to the same head.
 */
export async function appendToChain(tx: EntityManager, input: { kind: ChainEntryKind; subjectId: string; payloadDigest: string }): Promise<ChainEntry> {
  await sqlRun(tx, `select pg_advisory_xact_lock(hashtext('litigation.evidence_chain'))`);
  const [head] = await sqlRows<ChainEntry>(tx, `select ${COLUMNS} from litigation.evidence_chain order by sequence desc limit 1`);
  const entry = appendEntry(head ?? null, input);
  await sqlRun(
    tx,
    `insert into litigation.evidence_chain (sequence, kind, subject_id, payload_digest, previous_hash, entry_hash) values (?, ?, ?, ?, ?, ?)`,
    [entry.sequence, entry.kind, entry.subjectId, entry.payloadDigest, entry.previousHash, entry.entryHash],
  );
  return entry;
}

/** The whole chain in order, for verification. */
export function chainEntries(em: EntityManager): Promise<ChainEntry[]> {
  return sqlRows<ChainEntry>(em, `select ${COLUMNS} from litigation.evidence_chain order by sequence`);
}
