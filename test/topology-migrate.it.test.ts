import { migrateAll } from '../hub/migrate';
import { ALL_SUBGRAPHS } from '../hub/subgraphs';
import { initOrm, verifyMigrated } from '../platform/db/orm';
import { dropDatabase, ensureDatabase } from '../tools/postgres/local-postgres';
import { adminPostgresUrl, uniqueSuffix } from './support/hub-fixture';
import { runDatabaseName } from './support/run-databases';

/**
 * The split topology's migrations (README › Production › Start order): the migrate step (hub/migrate.ts) runs them
 * once, under an advisory lock; instances started with HUB_MIGRATIONS=verify refuse a schema with pending ones
 * instead of racing each other to apply them. On the real PostgreSQL, without processes (the failover test runs
 * the step as a process before its instances).
 */
describe('the migrate step of the production topology', () => {
  const database = runDatabaseName(uniqueSuffix());
  let databaseUrl: string;

  beforeAll(async () => {
    databaseUrl = await ensureDatabase(adminPostgresUrl(), database);
  });

  afterAll(async () => {
    await dropDatabase(adminPostgresUrl(), database);
  });

  const verify = async (module: (typeof ALL_SUBGRAPHS)[number]) => {
    const orm = await initOrm({
      databaseUrl,
      schema: module.name,
      entities: module.entities,
      migrations: await module.migrations(),
      poolMax: 1,
    });
    try {
      await verifyMigrated(orm, module.name);
    } finally {
      await orm.close();
    }
  };

  it('lets no instance start before it ran, runs every migration once when two steps race, then lets every instance start', async () => {
    for (const module of ALL_SUBGRAPHS)
      await expect(verify(module)).rejects.toThrow(
        new RegExp(`^${module.name}: \\d+ pending migration\\(s\\) .*run the migrate step`),
      );

    // two migrate steps started by mistake at once: the lock makes one apply everything and the other nothing
    const total = (await Promise.all(ALL_SUBGRAPHS.map((m) => m.migrations()))).flat().length;
    const applied = await Promise.all([migrateAll(databaseUrl), migrateAll(databaseUrl)]);
    expect(applied.sort((a, b) => a - b)).toEqual([0, total]);

    for (const module of ALL_SUBGRAPHS) await expect(verify(module)).resolves.toBeUndefined();
    expect(await migrateAll(databaseUrl)).toBe(0);
  });
});
