import { connectedClient } from './db-client';
import { waitFor } from './wait-for';

/** How many sessions of the database wait on a lock now (a request queued behind a held row, say). */
async function waitingOnLocks(databaseUrl: string): Promise<number> {
  const client = await connectedClient(databaseUrl);
  try {
    const { rows } = await client.query(
      `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
    );
    return rows[0].n;
  } finally {
    await client.end();
  }
}

/**
 * Sends `requests` one after another while the row `id` of `table` is held (`SELECT … FOR UPDATE` on a connection of
 * the test's own), each once the one before waits on a lock, so that they queue in that order; then lets the row go
 * and gives their answers. A test of two writes at once: each must see the other's result, however they interleave.
 */
export async function whileHeld<T>(
  databaseUrl: string,
  row: { table: string; id: string },
  requests: readonly (() => Promise<T>)[],
): Promise<T[]> {
  const holder = await connectedClient(databaseUrl);
  try {
    await holder.query('begin');
    await holder.query(`select 1 from ${row.table} where id = $1 for update`, [row.id]);
    const answers: Promise<T>[] = [];
    for (const request of requests) {
      answers.push(request());
      await waitFor(`request ${answers.length} to wait on ${row.table}`, async () =>
        (await waitingOnLocks(databaseUrl)) >= answers.length ? true : undefined,
      );
    }
    await holder.query('commit');
    return await Promise.all(answers);
  } finally {
    await holder.end();
  }
}
