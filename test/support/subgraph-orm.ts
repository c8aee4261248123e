import { HubOrm, initOrm, migrateUp, migratorOf } from '../../platform/db/orm';
import type { SubgraphModule } from '../../platform/subgraph/module';
import { ensureDatabase } from '../../tools/postgres/local-postgres';
import { adminPostgresUrl } from './hub-fixture';

/**
 * One subgraph's ORM on a new database of the test's own, its migrations run: for a test of its SQL without a hub.
 * With `upTo`, only up to that migration (by name), for a test of what a later migration does to existing data; the
 * test runs the rest with `migrateUp`.
 */
export async function migratedSubgraphOrm(
  subgraph: SubgraphModule,
  database: string,
  { upTo }: { upTo?: string } = {},
): Promise<HubOrm> {
  const orm = await initOrm({
    databaseUrl: await ensureDatabase(adminPostgresUrl(), database),
    schema: subgraph.name,
    entities: subgraph.entities,
    migrations: await subgraph.migrations(),
  });
  if (upTo) await migratorOf(orm).up({ to: upTo });
  else await migrateUp(orm);
  return orm;
}
