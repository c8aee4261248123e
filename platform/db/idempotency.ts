import type { EntityManager } from '@mikro-orm/core';
import { canonicalJson, sha256Hex } from '../../kernel/canonical-json';
import { checkIdempotencyKey } from '../../kernel/idempotency-key';
import { retryAfterLostRace, sqlArray, sqlRows } from './sql';

/**
 * Idempotency keys, one mechanism for every subgraph: a request names itself with a key its client chose, and the
 * hub runs it once. The key is claimed inside the use case's transaction, before anything else is written:
 * `insert … on conflict do nothing` into the subgraph's `idempotency_key` table. A second request under the same
 * key that races the first waits on PostgreSQL's unique index until the first commits (or rolls back, when the
 * second claims the key itself), then finds the first one's row and returns its stored result, or is refused when
 * the digest of its content differs. So a loser never writes, never allocates a number, and never sees a unique
 * violation.
 */

/** One request under its key: the scope groups the operations that share a key space (e.g. 'payment'). */
export interface IdempotentRequest {
  scope: string;
  /** The organisation whose key it is: keys of different callers never meet. */
  ownerId: string;
  key: string;
  /** SHA-256 of the request's canonical content: a retry must carry the same. */
  digest: string;
}

/** What a key claimed earlier holds: the digest of the request it came with and the result stored for it. */
export interface EarlierRequest {
  digest: string;
  result: unknown;
}

/** The table every subgraph with idempotent operations creates in its own schema (its migration runs this). */
export function idempotencyKeyDdl(schema: string): string[] {
  return [
    `create table "${schema}"."idempotency_key" (
      "scope" text not null,
      "owner_id" text not null,
      "key" text not null,
      "request_sha256" text not null,
      "result" jsonb null,
      "claimed_at" timestamptz not null default now(),
      primary key ("scope", "owner_id", "key"))`,
  ];
}

const table = (em: EntityManager) => `"${em.config.get('schema')}"."idempotency_key"`;

/**
 * Claims the keys of one owner in the caller's transaction (in key order, so two batches sharing keys never
 * deadlock). Returns the keys claimed earlier with what they hold; every other key is now this transaction's.
 */
export async function claimIdempotencyKeys(
  tx: EntityManager,
  scope: string,
  ownerId: string,
  requests: readonly { key: string; digest: string }[],
): Promise<Map<string, EarlierRequest>> {
  if (!tx.getTransactionContext())
    throw new Error('Idempotency keys are claimed inside the transaction of the request they name');
  const sorted = [...requests].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const claimed = await sqlRows<{ key: string }>(
    tx,
    `insert into ${table(tx)} (scope, owner_id, key, request_sha256)
       select ?, ?, k.key, k.digest from unnest(?::text[], ?::text[]) with ordinality as k(key, digest, n) order by k.n
       on conflict do nothing returning key`,
    [scope, ownerId, sqlArray(sorted.map((r) => r.key)), sqlArray(sorted.map((r) => r.digest))],
  );
  const mine = new Set(claimed.map((r) => r.key));
  const taken = sorted.filter((r) => !mine.has(r.key)).map((r) => r.key);
  if (taken.length === 0) return new Map();
  // The claims that stopped ours are committed: read committed sees them in this next statement.
  const rows = await sqlRows<{ key: string; request_sha256: string; result: unknown }>(
    tx,
    `select key, request_sha256, result from ${table(tx)} where scope = ? and owner_id = ? and key = any(?::text[])`,
    [scope, ownerId, sqlArray(taken)],
  );
  return new Map(rows.map((r) => [r.key, { digest: r.request_sha256, result: r.result }]));
}

/** Stores the results retries under the keys will get (ids, or a small JSON summary), in the claiming transaction. */
export async function storeIdempotentResults(
  tx: EntityManager,
  scope: string,
  ownerId: string,
  results: ReadonlyMap<string, unknown>,
): Promise<void> {
  if (results.size === 0) return;
  await sqlRows(
    tx,
    `update ${table(tx)} k set result = r.result from jsonb_each(?::jsonb) as r(key, result) where k.scope = ? and k.owner_id = ? and k.key = r.key`,
    [JSON.stringify(Object.fromEntries(results)), scope, ownerId],
  );
}

/**
 * Runs `work` once per key, in one transaction with the claim: the first request runs it and its result (JSON) is
 * stored; every other request under the key, concurrent or later, gets that stored result once `checkRetry` accepts
 * the earlier request's digest (it throws the subgraph's IDEMPOTENCY_KEY_REUSED when the content differs). A failing
 * first request leaves no claim behind.
 */
export async function runOnce<R, E extends EntityManager>(
  em: E,
  request: IdempotentRequest,
  checkRetry: (earlierDigest: string) => void,
  work: (tx: E) => Promise<R>,
): Promise<R> {
  return em.transactional(async (tx) => {
    const earlier = (await claimIdempotencyKeys(tx, request.scope, request.ownerId, [request])).get(request.key);
    if (earlier) {
      checkRetry(earlier.digest);
      return earlier.result as R;
    }
    const result = await work(tx);
    await storeIdempotentResults(tx, request.scope, request.ownerId, new Map([[request.key, result]]));
    return result;
  });
}

/** An optional idempotency key with what it names: the request's content (JSON, defaults filled in) and its refusal. */
/**
 * The `reused` of an OptionalKey: the subgraph's own IDEMPOTENCY_KEY_REUSED (its error catalog lists the code), naming
 * what the key was used for: `keyReusedFor(arrearsError, 'adjustment')`.
 */
export const keyReusedFor =
  (
    subgraphError: (code: 'IDEMPOTENCY_KEY_REUSED', message: string, details: { idempotencyKey: string }) => Error,
    what: string,
  ) =>
  (key: string): Error =>
    subgraphError('IDEMPOTENCY_KEY_REUSED', `Idempotency key ${key} was already used for another ${what}`, {
      idempotencyKey: key,
    });

export interface OptionalKey {
  scope: string;
  ownerId: string;
  key: string | null | undefined;
  content: () => unknown;
  /** The subgraph's IDEMPOTENCY_KEY_REUSED for this key. */
  reused: (key: string) => Error;
}

/**
 * The transaction of a request whose idempotency key is optional: with a key (kernel/idempotency-key.ts rules), run
 * once per key (`runOnce`); without, a plain transaction. Either way an attempt that lost a race on another unique
 * index (the same thing done under another key, or none) runs once more and answers from what the winner committed.
 */
export function transactionOnce<R, E extends EntityManager>(
  em: E,
  optional: OptionalKey,
  work: (tx: E) => Promise<R>,
): Promise<R> {
  if (optional.key === null || optional.key === undefined) return retryAfterLostRace(() => em.transactional(work));
  const key = checkIdempotencyKey(optional.key);
  const digest = sha256Hex(canonicalJson(optional.content()));
  const checkRetry = (earlier: string) => {
    if (earlier !== digest) throw optional.reused(key);
  };
  return retryAfterLostRace(() =>
    runOnce(em, { scope: optional.scope, ownerId: optional.ownerId, key, digest }, checkRetry, work),
  );
}
