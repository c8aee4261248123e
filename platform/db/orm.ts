import { EntitySchema, MikroORM } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { types } from 'pg';
import type { Constructor } from '@mikro-orm/core';
import type { Migration } from '@mikro-orm/migrations';
import { logger } from '../logging';
import { InboxRecordSchema, OutboxMessageSchema } from '../events/outbox.entities';
import { BeginFailureCheck } from './begin-failure';

const ormLog = logger.child({ component: 'mikro-orm' });

/**
 * bigint (int8) values, counts and sums of integers included, arrive as JS numbers, so no query result needs a
 * Number(...) of its own. Every integer the hub stores (fen, counts, sequences, offsets) stays far below 2^53; one
 * that does not is refused loudly instead of being rounded. numeric stays text: it may carry decimals.
 */
types.setTypeParser(types.builtins.INT8, (text: string) => {
  const value = Number(text);
  if (!Number.isSafeInteger(value))
    throw new RangeError(`bigint ${text} is beyond the integers the hub handles exactly`);
  return value;
});

export type HubOrm = MikroORM<PostgreSqlDriver>;

export interface MigrationEntry {
  name: string;
  class: Constructor<Migration>;
}

/** A subgraph's migrations in order, each named by its class (the name MikroORM records in its table). */
export const migrationEntries = (...classes: Constructor<Migration>[]): MigrationEntry[] =>
  classes.map((migration) => ({ name: migration.name, class: migration }));

export interface OrmOptions {
  databaseUrl: string;
  /** The PostgreSQL schema this subgraph owns; it never reads another subgraph's schema. */
  schema: string;
  entities: EntitySchema[];
  /**
   * Checked-in migrations in order, listed explicitly so compiled and test runs apply the same set; given only to an
   * ORM that runs or verifies them (`migrateUp`, `verifyMigrated`), which alone loads `@mikro-orm/migrations`.
   */
  migrations?: MigrationEntry[];
  poolMax?: number;
  /** How long a connection beyond the kept one may stay idle before the pool closes it (30 s). */
  poolIdleMs?: number;
  /**
   * PostgreSQL's `statement_timeout` on every connection of the pool (statementTimeoutMs(), 30 s; 0 for none): a
   * statement running or waiting for a lock longer is cancelled (57014, answered TEMPORARILY_UNAVAILABLE) and its
   * connection returns to the pool. Bulk work lifts it for its own transaction (`allowLongStatements`), migrations
   * for theirs.
   */
  statementTimeoutMs?: number;
  /**
   * PostgreSQL's `idle_in_transaction_session_timeout` on every connection of the pool (idleInTransactionTimeoutMs(),
   * 60 s; 0 for none): a session that holds a transaction open without running a statement for longer is ended by
   * the server, its locks released. A backstop for code that awaits something else inside a transaction.
   */
  idleInTransactionTimeoutMs?: number;
}

export async function initOrm(options: OrmOptions): Promise<HubOrm> {
  const statementTimeout = options.statementTimeoutMs ?? statementTimeoutMs();
  const idleInTransactionTimeout = options.idleInTransactionTimeoutMs ?? idleInTransactionTimeoutMs();
  const connection = {
    ...(statementTimeout > 0 ? { statement_timeout: statementTimeout } : {}),
    ...(idleInTransactionTimeout > 0 ? { idle_in_transaction_session_timeout: idleInTransactionTimeout } : {}),
  };
  const migrator = options.migrations && (await import('@mikro-orm/migrations')).Migrator;
  return MikroORM.init<PostgreSqlDriver>({
    driver: PostgreSqlDriver,
    clientUrl: options.databaseUrl,
    schema: options.schema,
    entities: [...options.entities, OutboxMessageSchema, InboxRecordSchema],
    extensions: migrator ? [migrator] : [],
    subscribers: [new BeginFailureCheck()],
    migrations: {
      tableName: 'mikro_orm_migrations',
      migrationsList: options.migrations ?? [],
      transactional: true,
      allOrNothing: true,
      snapshot: false,
    },
    pool: {
      // One connection is kept while the process runs: /readyz asks the database through it (platform/subgraph/
      // readiness.ts), so a probe needs no new connection even while the server is at its connection limit.
      min: 1,
      max: options.poolMax ?? 10,
      idleTimeoutMillis: options.poolIdleMs ?? 30_000,
      // A connection the database refuses for now (too many clients, starting up) is asked for again every 200 ms
      // until the acquire timeout, instead of failing the statement waiting for it: no statement ran, so waiting is
      // safe. Past the timeout the request is TEMPORARILY_UNAVAILABLE (platform/db/transient.ts).
      propagateCreateError: false,
      createRetryIntervalMillis: 200,
      acquireTimeoutMillis: acquireTimeoutMs(),
    },
    ...(Object.keys(connection).length > 0 ? { driverOptions: { connection } } : {}),
    // Reads return plain, detached data; writes go through explicit transactions.
    allowGlobalContext: false,
    debug: false,
    logger: (message) => ormLog.info(message),
  });
}

/** How long a statement waits for a connection: HUB_DB_ACQUIRE_TIMEOUT_MS, 15 s by default. */
export const acquireTimeoutMs = (env: NodeJS.ProcessEnv = process.env): number =>
  millisecondsSetting(env, 'HUB_DB_ACQUIRE_TIMEOUT_MS', 15_000, { noLimit: false });

/**
 * How long one statement of a request may run or wait for a lock: HUB_DB_STATEMENT_TIMEOUT_MS, 30 s by default, 0 for
 * no limit. Without one, a statement stuck behind a lock (a long bulk run's, an operator's open transaction) held its
 * pool connection for as long as the lock was held, and ten such requests held a subgraph's whole pool: every other
 * party's request then waited for a connection and was answered TEMPORARILY_UNAVAILABLE.
 */
export const statementTimeoutMs = (env: NodeJS.ProcessEnv = process.env): number =>
  millisecondsSetting(env, 'HUB_DB_STATEMENT_TIMEOUT_MS', 30_000, { noLimit: true });

/**
 * How long a transaction may sit idle (no statement running) before PostgreSQL ends its session:
 * HUB_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS, 60 s by default, 0 for no limit. A transaction left open while its code awaits
 * something else (a scanner, a remote call, a bug) held its row locks and its pool connection for as long as that took;
 * every request needing those rows waited behind it (an upload's virus scan once did).
 */
export const idleInTransactionTimeoutMs = (env: NodeJS.ProcessEnv = process.env): number =>
  millisecondsSetting(env, 'HUB_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', 60_000, { noLimit: true });

/** A setting in whole milliseconds of at least 100 (0 for no limit where `noLimit`); `fallback` when unset. */
function millisecondsSetting(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  { noLimit }: { noLimit: boolean },
): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value) || (Number(value) < 100 && !(noLimit && Number(value) === 0)))
    throw new Error(
      `${name} must be ${noLimit ? '0 (no limit) or ' : ''}a whole number of milliseconds, at least 100 (got ${value})`,
    );
  return Number(value);
}

/** The ORM's migrator; refused for an ORM opened without its migrations, where it would find none to run. */
export function migratorOf(orm: HubOrm) {
  if (!orm.config.getExtension('@mikro-orm/migrator'))
    throw new Error('this ORM was opened without its migrations (initOrm({ migrations }))');
  return orm.getMigrator();
}

/** Runs the pending migrations in one transaction, without the pool's statement timeout (an index build may take long). */
export async function migrateUp(orm: HubOrm): Promise<void> {
  const migrator = migratorOf(orm);
  await orm.em.getConnection().transactional(async (trx) => {
    await trx.raw(`select set_config('statement_timeout', '0', true)`);
    await migrator.up({ transaction: trx });
  });
}

/** Refuses a schema with pending migrations (a split deployment whose migrate step did not run). */
export async function verifyMigrated(orm: HubOrm, schema: string): Promise<void> {
  const pending = await migratorOf(orm).getPendingMigrations();
  if (pending.length > 0)
    throw new Error(
      `${schema}: ${pending.length} pending migration(s) (${pending.map((m) => m.name).join(', ')}); run the migrate step (node dist/hub/migrate.js) first`,
    );
}
