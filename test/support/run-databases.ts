import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import type { Client } from 'pg';
import { connectedClient } from './db-client';

/**
 * Test databases are named after the Jest run (HUB_TEST_RUN, set by the global setup), so the global teardown can
 * drop whatever one of its files left, and never another run's on the same PostgreSQL.
 */
const RUN_VARIABLE = 'HUB_TEST_RUN';
const PREFIX = 'hub_test_';

/** Called by the global setup, before Jest starts its workers (they inherit the variable). */
export function markTestRun(): void {
  process.env[RUN_VARIABLE] ??= randomBytes(3).toString('hex');
}

/** A database name of this run: `hub_test_<run>_<suffix>` (`hub_test_<suffix>` outside a Jest run). */
export function runDatabaseName(suffix: string): string {
  const run = process.env[RUN_VARIABLE];
  return run ? `${PREFIX}${run}_${suffix}` : `${PREFIX}${suffix}`;
}

const quoted = (database: string) => `"${database.replace(/"/g, '')}"`;

/**
 * Drops a database without waiting for PostgreSQL to finish (it took a test file 0.4–2.2 s, after its last test):
 * resolves once the statement is on the wire, which the server completes even if this process goes away. A database
 * a killed worker never got to drop is dropped by the global teardown (`dropRunDatabases`). Outside a Jest run, or
 * if the connection fails, it waits for the drop as before.
 */
export async function dropDatabaseSoon(adminUrl: string, database: string): Promise<void> {
  const client = await connectedClient(adminUrl);
  const dropping = client.query(`drop database if exists ${quoted(database)} with (force)`).finally(() => client.end());
  if (!process.env[RUN_VARIABLE]) return void (await dropping);
  dropping.catch(() => undefined);
  // Nor does the worker wait for it: Jest force-exits a worker still busy 500 ms after its last file, and its last
  // file's drop kept the connection open, so a run's end printed "a worker process has failed to exit gracefully".
  socketOf(client).unref();
}

/** The client's connection to the server (pg keeps it as `connection.stream` and offers no other way to it). */
const socketOf = (client: Client) => (client as unknown as { connection: { stream: Socket } }).connection.stream;

/** The global teardown's sweep: drops every database of this run that is still there (none when all files dropped theirs). */
export async function dropRunDatabases(adminUrl: string): Promise<void> {
  const run = process.env[RUN_VARIABLE];
  if (!run) return;
  const client = await connectedClient(adminUrl);
  try {
    const { rows } = await client.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [
      `${PREFIX}${run}\\_%`,
    ]);
    for (const { datname } of rows)
      await client.query(`drop database if exists ${quoted(datname)} with (force)`).catch(() => undefined);
  } finally {
    await client.end();
  }
}
