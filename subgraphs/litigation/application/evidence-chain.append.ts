import type { EntityManager } from '@mikro-orm/postgresql';
import { canonicalJson, sha256Hex } from '../../../kernel/canonical-json';
import { ChainEntry, ChainEntryKind, appendEntry } from '../domain/evidence-chain';
import { chainHead, insertChainEntry, lockChainForAppend } from '../persistence/evidence-chain.repository';

/** Appends an entry to the evidence chain in the caller's transaction, after the entry before it. */
export async function appendToChain(
  tx: EntityManager,
  input: { kind: ChainEntryKind; subjectId: string; payloadDigest: string },
): Promise<ChainEntry> {
  await lockChainForAppend(tx);
  const entry = appendEntry(await chainHead(tx), input);
  await insertChainEntry(tx, entry);
  return entry;
}

/** A step of a referred case (a court's report, a withdrawal, an extension) recorded by the digest of its details. */
export function appendCourtEventToChain(
  tx: EntityManager,
  referralId: string,
  details: Record<string, unknown>,
): Promise<ChainEntry> {
  return appendToChain(tx, {
    kind: 'COURT_EVENT',
    subjectId: referralId,
    payloadDigest: sha256Hex(canonicalJson({ referralId, ...details })),
  });
}
