import type { EntityManager } from '@mikro-orm/core';
import { wholeNumberFromEnv } from '../config';
import { sqlArray, sqlRows, sqlRun } from './sql';

/** How often a retention sweep runs in each process: hourly (its first run at start). */
export const RETENTION_SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/**
 * The days rows are kept from the variable `name`: `fallbackDays` when unset or empty, `0` to keep them for good,
 * else 1–3650 whole days; anything else refused at start, by name (wholeNumberFromEnv: before, its own Number() took
 * `1e3` for 1,000 days and `0x1e` for 30).
 */
export function retentionDaysFromEnv(env: NodeJS.ProcessEnv, name: string, fallbackDays: number): number {
  return wholeNumberFromEnv(name, fallbackDays, { min: 0, max: 3650, what: 'days (0 keeps rows for good)' }, env);
}

/** A table whose old rows go, read in the order of its `bigint` primary key `id` (the order rows were written in). */
export interface AgedRows {
  /** Schema-qualified and quoted: never an outsider's text. */
  table: string;
  /** A row that may go (SQL over the row and `cutoff`, the retention's start). */
  prunable: string;
  /** A row written after the cutoff (SQL over the row and `cutoff`): nothing after it is looked at. */
  recent: string;
}

/**
 * Deletes the prunable rows older than `days`, oldest first, at most `batch` looked at per statement, each statement
 * its own short transaction. The sweep walks the primary key from the oldest row and stops at the first batch that
 * reaches a recent row, so it reads the old rows and one batch more, never the whole table; a row that may not go yet
 * (still to be published or delivered) is stepped over, not waited behind. Returns how many rows went.
 */
export async function pruneAgedRows(em: EntityManager, rows: AgedRows, days: number, batch = 5_000): Promise<number> {
  if (days <= 0) return 0;
  const cutoff = new Date(Date.now() - days * 24 * 60 * 60 * 1000);
  let after = '0';
  let pruned = 0;
  for (;;) {
    const seen = await sqlRows<{ id: string; prunable: boolean; recent: boolean }>(
      em,
      `select id::text, (${rows.prunable}) as prunable, (${rows.recent}) as recent
       from ${rows.table}, (select ?::timestamptz as cutoff) c where id > ?::bigint order by id limit ?`,
      [cutoff, after, batch],
    );
    const ids = seen.filter((r) => r.prunable).map((r) => r.id);
    if (ids.length > 0) {
      pruned += await sqlRun(
        em,
        `delete from ${rows.table} t using (select ?::timestamptz as cutoff) c
         where t.id = any(?::bigint[]) and (${rows.prunable})`,
        [cutoff, sqlArray(ids)],
      );
    }
    if (seen.length < batch || seen.some((r) => r.recent)) return pruned;
    after = seen[seen.length - 1].id;
  }
}
