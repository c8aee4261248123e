import 'reflect-metadata';
import { Client } from 'pg';
import { initOrm, migrateUp, migratorOf } from '../platform/db/orm';
import { logger } from '../platform/logging';
import { ALL_SUBGRAPHS } from './subgraphs';

const MIGRATION_LOCK = 'hub-migrations';

/**
 * The split topology's migrate step (docker-compose.yml's `migrate`, `npm run start:topology`): every subgraph's
 * pending migrations, once, before any instance starts (they start with HUB_MIGRATIONS=verify). A session advisory
 * lock serialises two migrate steps started by mistake, so even they never race.
 */
export async function migrateAll(databaseUrl: string): Promise<number> {
  const lock = new Client({ connectionString: databaseUrl, application_name: 'hub-migrate' });
  await lock.connect();
  let applied = 0;
  try {
    await lock.query('select pg_advisory_lock(hashtext($1))', [MIGRATION_LOCK]);
    for (const module of ALL_SUBGRAPHS) {
      const orm = await initOrm({
        databaseUrl,
        schema: module.name,
        entities: module.entities,
        migrations: await module.migrations(),
        poolMax: 2,
      });
      try {
        const pending = await migratorOf(orm).getPendingMigrations();
        await migrateUp(orm);
        applied += pending.length;
        logger.info({ subgraph: module.name, applied: pending.length }, 'migrated');
      } finally {
        await orm.close();
      }
    }
  } finally {
    await lock.end();
  }
  return applied;
}

if (require.main === module) {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('DATABASE_URL must be set');
    process.exit(1);
  }
  migrateAll(databaseUrl).then(
    (applied) => process.stdout.write(`migrations applied: ${applied}\n`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
