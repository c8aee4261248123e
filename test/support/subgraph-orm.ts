import { HubOrm, initOrm, migrateUp } from '../../platform/db/orm';
import type { SubgraphModule } from '../../platform/subgraph/module';
import { ensureDatabase } from '../../tools/postgres/local-postgres';
import { adminPostgresUrl } from './hub-fixture';

/** One subgraph's ORM on a new database of the test's own, its migrations run: for a test of its SQL without a hub. */
export async function migratedSubgraphOrm(subgraph: SubgraphModule, database: string): Promise<HubOrm> {
  const orm = await initOrm({
    databaseUrl: await ensureDatabase(adminPostgresUrl(), database),
    schema: subgraph.name,
    entities: subgraph.entities,
    migrations: await subgraph.migrations(),
  });
  await migrateUp(orm);
  return orm;
}
