import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/postgresql';
import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from '@mikro-orm/core';
import { isRolledBackRace } from './transient';
import { CHINA_TIME_ZONE } from '../../kernel/clock';

/**
 * Raw SQL in the caller's unit of work (its transaction, when there is one): for set-based statements the ORM
 * would turn into a loop over entities. Parameters are `?` placeholders; arrays and objects go in as JSON text.
 */
export function sqlRows<T>(em: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  return em.getConnection().execute<T[]>(sql, params, 'all', em.getTransactionContext());
}

export async function sqlRun(em: EntityManager, sql: string, params: unknown[] = []): Promise<number> {
  const result = await em
    .getConnection()
    .execute<{ affectedRows?: number }>(sql, params, 'run', em.getTransactionContext());
  return result.affectedRows ?? 0;
}

/**
 * Takes the transaction-scoped advisory lock named `key` in the caller's transaction, held until it ends: one writer
 * at a time for what the key names (an area's governance, a city's settings …). Through sqlRun, so it runs on the
 * transaction's connection; a statement on another connection would take the lock and release it at once.
 */
export async function advisoryLock(em: EntityManager, key: string): Promise<void> {
  await sqlRun(em, 'select pg_advisory_xact_lock(hashtext(?))', [key]);
}

/**
 * SQL for the instant a China calendar day begins, given as a `date` placeholder: `received_at >= ${chinaDayStart()}
 * and received_at < ${chinaDayStart('next')}` holds what was received that day in China (kernel/clock.ts). A bare
 * `?::date` compared with a timestamptz is read in the session's time zone, UTC on most servers, and moves the day
 * by eight hours: an order received at 07:30 on 1 March in Beijing counted under 28 February.
 */
export const chinaDayStart = (day: 'same' | 'next' = 'same'): string =>
  `((?::date${day === 'next' ? ' + 1' : ''})::timestamp at time zone '${CHINA_TIME_ZONE}')`;

/** SQL: the day in China (`YYYY-MM-DD` text) of the instant `timestamptz` (an SQL expression), whatever the session's zone. */
export const chinaDayOf = (timestamptz: string): string =>
  `to_char(${timestamptz} at time zone '${CHINA_TIME_ZONE}', 'YYYY-MM-DD')`;

/**
 * Values as one PostgreSQL array literal, for `= any(?::uuid[])` and `<> all(?::text[])`: the ORM would spread a JS
 * array into a list of parameters. Each element is quoted, so a malformed id stays one element and fails its cast
 * (22P02, answered as BAD_USER_INPUT) instead of splitting at a comma.
 */
export function sqlArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

/**
 * A unique violation, whichever way the statement went: the ORM's UniqueConstraintViolationException, or PostgreSQL's
 * error 23505 as raw SQL (`sqlRows`, `sqlRun`, knex) throws it. With `constraint`, only a violation of that index or
 * constraint (its name as PostgreSQL reports it).
 */
export function isUniqueViolation(error: unknown, constraint?: string | readonly string[]): boolean {
  if (!(error instanceof UniqueConstraintViolationException) && (error as { code?: unknown } | null)?.code !== '23505')
    return false;
  const violated = (error as { constraint?: unknown }).constraint;
  return constraint === undefined || [constraint].flat().some((c) => c === violated);
}

/**
 * Runs `work` (statements in the caller's transaction) with PostgreSQL's nested-loop joins off, then sets the
 * setting back to what it was (for the rest of the transaction; `set_config(…, true)` ends with it anyway).
 *
 * For a set-based insert that skips rows already there by a `not exists` anti-join on the table it inserts into:
 * with its statistics stale or missing (a freshly loaded area, before autovacuum's first ANALYZE) the planner
 * expects one row, and a nested loop may probe the inner side without its join key (a scan of the whole month of an
 * index, or of the whole table) once per outer row, reading the statement's own new rows each time: quadratic.
 * Without nested loops the skip is a hash (or merge) anti-join, which reads the inner side once, before inserting,
 * whatever the estimates; that is also the plan analysed statistics give at scale.
 */
export async function withoutNestedLoops<T>(em: EntityManager, work: () => Promise<T>): Promise<T> {
  if (!em.getTransactionContext()) throw new Error("withoutNestedLoops runs in the caller's transaction");
  const [{ previous }] = await sqlRows<{ previous: string }>(
    em,
    `select current_setting('enable_nestloop') as previous, set_config('enable_nestloop', 'off', true)`,
  );
  const result = await work();
  await sqlRows(em, `select set_config('enable_nestloop', ?, true)`, [previous]);
  return result;
}

/** How long one statement of bulk work (a billing run, a levy, a file import) may run: 10 minutes. */
export const BULK_STATEMENT_TIMEOUT_MS = 10 * 60 * 1000;

/**
 * Lifts the pool's statement timeout (`HUB_DB_STATEMENT_TIMEOUT_MS`, 30 s) to BULK_STATEMENT_TIMEOUT_MS for the rest
 * of the caller's transaction: for use cases whose set-based statements grow with an area or a file (billing a
 * million households took 27 s for its charge insert alone on a quiet machine), not for a request's ordinary reads.
 */
export async function allowLongStatements(em: EntityManager): Promise<void> {
  if (!em.getTransactionContext()) throw new Error("allowLongStatements runs in the caller's transaction");
  await sqlRows(em, `select set_config('statement_timeout', ?, true)`, [String(BULK_STATEMENT_TIMEOUT_MS)]);
}

/** How often a transaction PostgreSQL rolled back for a deadlock or a serialisation failure is run in all. */
const ROLLED_BACK_ATTEMPTS = 3;

/**
 * Runs a transaction again when it lost a race: once when it lost on a unique index (`constraint`, one of several, or
 * any), so the
 * second attempt reads what the winner committed and answers from it (a duplicate, a typed conflict) instead of a
 * raw 23505; and up to three times in all when PostgreSQL chose it as a deadlock victim or refused it for a
 * serialisation conflict, which rolled it back whole, after a short random pause so the two do not meet again.
 */
export async function retryAfterLostRace<T>(
  attempt: () => Promise<T>,
  constraint?: string | readonly string[],
): Promise<T> {
  for (let run = 1, uniqueRetried = false; ; run++) {
    try {
      return await attempt();
    } catch (error) {
      if (!uniqueRetried && isUniqueViolation(error, constraint)) {
        uniqueRetried = true;
        continue;
      }
      if (run >= ROLLED_BACK_ATTEMPTS || !isRolledBackRace(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * run));
    }
  }
}

/**
 * A set-based statement over many rows given as one JSON document (`json_to_recordset(?::json)`), sent as a bound
 * parameter in the caller's transaction. The ORM's execute inlines parameters into the SQL text, escaping them a
 * character at a time, which for a bulk import's megabytes of JSON costs more than the statement; this goes
 * through the ORM's knex with the parameter bound instead.
 */
export async function sqlBulk<T>(em: EntityManager, sql: string, rows: readonly unknown[]): Promise<T[]> {
  const connection = em.getConnection() as unknown as { getKnex(): Knex };
  const knex = (em.getTransactionContext() as Knex.Transaction | undefined) ?? connection.getKnex();
  const result = await knex.raw<{ rows: T[] }>(sql, [JSON.stringify(rows)]);
  return result.rows;
}

/** A value as a field of COPY's text format: `\N` for null, backslash, tab, newline and carriage return escaped. */
export function copyField(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]) : text;
}
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * `COPY … FROM STDIN` (text format) in the caller's transaction: `lines` are rows already in COPY's text format
 * (copyField, tab-separated, each ending in a newline). For a bulk load COPY is the cheapest way in: PostgreSQL reads
 * the rows without planning or parsing a statement or a JSON document. Returns the rows copied.
 */
export async function sqlCopyFrom(em: EntityManager, sql: string, lines: string): Promise<number> {
  const trx = em.getTransactionContext() as
    (Knex.Transaction & { client: { acquireConnection(): Promise<Client> } }) | undefined;
  if (!trx) throw new Error("sqlCopyFrom runs in the caller's transaction");
  // Inside a knex transaction, acquireConnection hands back the transaction's own connection.
  const client = await trx.client.acquireConnection();
  const copy = client.query(copyFrom(sql));
  await new Promise<void>((resolve, reject) => {
    copy.on('error', reject);
    copy.on('finish', resolve);
    copy.end(lines);
  });
  return copy.rowCount;
}
