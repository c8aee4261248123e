import { ensureDatabase } from '../tools/postgres/local-postgres';
import { adminPostgresUrl, uniqueSuffix } from './support/hub-fixture';
import { connectedClient } from './support/db-client';
import { dropDatabaseSoon, runDatabaseName } from './support/run-databases';
import { waitFor } from './support/wait-for';

/**
 * A test file's database is dropped in the background (test/support/run-databases.ts): neither the file nor its Jest
 * worker waits for PostgreSQL. A worker whose last file's drop kept a connection open did not exit when Jest ended it,
 * and was force-exited ("a worker process has failed to exit gracefully") once in every full run.
 */
describe("a test file's database, dropped in the background", () => {
  const openSockets = () => process.getActiveResourcesInfo().filter((kind) => kind === 'TCPSocketWrap').length;

  it('is dropped, while its connection keeps no process alive until PostgreSQL has done so', async () => {
    expect(process.env.HUB_TEST_RUN).toBeTruthy();
    const database = runDatabaseName(uniqueSuffix());
    await ensureDatabase(adminPostgresUrl(), database);
    const admin = await connectedClient(adminPostgresUrl());
    try {
      // An open transaction that commented on the database holds a lock on it: the drop waits until it ends.
      await admin.query('begin');
      await admin.query(`comment on database "${database}" is 'held by the test'`);
      const before = openSockets();
      await dropDatabaseSoon(adminPostgresUrl(), database);
      const exists = async () =>
        (await admin.query('select 1 from pg_database where datname = $1', [database])).rowCount === 1;
      // The drop's connection is open (it waits for the lock) but does not hold the event loop.
      expect(openSockets()).toBe(before);
      await waitFor('the drop to wait for the lock', async () => {
        // Inside a transaction PostgreSQL keeps the first look at pg_stat_activity until it ends: a look taken before
        // the drop had begun to wait was all the test saw (a loaded run timed out after 30 s). Each look is a new one.
        await admin.query('select pg_stat_clear_snapshot()');
        const { rows } = await admin.query(
          `select 1 from pg_stat_activity where wait_event_type = 'Lock' and query like $1`,
          [`drop database if exists "${database}"%`],
        );
        return rows.length === 1;
      });
      expect(await exists()).toBe(true);
      await admin.query('commit');
      await waitFor('the database dropped', async () => ((await exists()) ? undefined : true));
    } finally {
      await admin.query('rollback').catch(() => undefined);
      await admin.end();
    }
  });
});
