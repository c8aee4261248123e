import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import type { MigrationEntry } from '../../platform/db/orm';
import { projectRoot } from '../../platform/project-root';
import type { SubgraphModule } from '../../platform/subgraph/module';
import { databaseUrl, dropDatabase } from '../../tools/postgres/local-postgres';
import { connectedClient } from './db-client';

const TEMPLATE_PREFIX = 'hub_template_';
const MIGRATIONS_HASH_VARIABLE = 'HUB_TEST_MIGRATIONS_HASH';
/** Templates of other migration sets (another branch, an older checkout) are dropped once this old. */
const STALE_TEMPLATE_MS = 7 * 24 * 3600 * 1000;

type MigrationSet = Pick<SubgraphModule, 'name' | 'migrations'>;

/**
 * Every subgraph's migrations (`subgraphs/<name>/persistence/migration-list.ts`, by name), read without loading the
 * subgraphs' modules: the global setup hashes them, and loading the whole hub there would cost each run a file's
 * module loading.
 */
export function migrationLists(): MigrationSet[] {
  const subgraphs = path.join(projectRoot(__dirname), 'subgraphs');
  const listOf = (name: string) => path.join(subgraphs, name, 'persistence', 'migration-list');
  return fs
    .readdirSync(subgraphs)
    .filter((name) => fs.existsSync(`${listOf(name)}.ts`))
    .sort()
    .map((name) => ({
      name: name as SubgraphModule['name'],
      migrations: async () => ((await import(listOf(name))) as { migrations: MigrationEntry[] }).migrations,
    }));
}

/**
 * The SQL every subgraph's migrations run, hashed: a test database cloned from a template built with the same hash
 * holds exactly what running the migrations would give. Undefined when a migration does more than `addSql` (it then
 * needs a database to say what it does), and each test database is migrated as before.
 */
export async function migrationsFingerprint(
  modules: readonly MigrationSet[] = migrationLists(),
): Promise<string | undefined> {
  const hash = createHash('sha256');
  for (const module of modules) {
    hash.update(`${module.name}\n`);
    for (const entry of await module.migrations()) {
      // No driver: a migration that only adds SQL never touches it; one that does throws, and gets no template.
      const migration = new entry.class(undefined, undefined);
      try {
        await migration.up();
      } catch {
        return undefined;
      }
      hash.update(`${entry.name}\n${migration.getQueries().map(String).join('\n')}\n`);
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * The run's fingerprint, computed once by the global setup (HUB_TEST_MIGRATIONS_HASH, `none` when there is none): a
 * test file then loads neither the migrations nor `@mikro-orm/migrations`. Computed here when the setup did not run.
 */
export async function runMigrationsFingerprint(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const given = env[MIGRATIONS_HASH_VARIABLE];
  if (given) return given === 'none' ? undefined : given;
  return migrationsFingerprint();
}

/** Sets the run's fingerprint for the test files (the global setup, before the workers start; never inherited). */
export async function shareMigrationsFingerprint(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  env[MIGRATIONS_HASH_VARIABLE] = (await migrationsFingerprint()) ?? 'none';
}

let template: Promise<string | undefined> | undefined;

/**
 * The name of a database holding every subgraph's migrations, built once per migration set on this PostgreSQL server
 * (by the first test file that asks; later files and runs reuse it). Migrating six schemas took each test file about
 * 1.5 s of its hub start (several seconds on a loaded machine); cloning the template (`CREATE DATABASE … TEMPLATE`)
 * costs what creating an empty database did. Built under a fresh name and renamed when complete, under an advisory
 * lock, so parallel runs never clone a half-migrated template.
 */
export function migratedTemplate(adminUrl: string): Promise<string | undefined> {
  template ??= buildTemplate(adminUrl).catch((error: unknown) => {
    template = undefined;
    throw error;
  });
  return template;
}

async function buildTemplate(adminUrl: string): Promise<string | undefined> {
  const fingerprint = await runMigrationsFingerprint();
  if (!fingerprint) return undefined;
  const name = `${TEMPLATE_PREFIX}${fingerprint}`;
  const admin = await connectedClient(adminUrl);
  const exists = async () =>
    Boolean((await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount);
  try {
    if (await exists()) return name;
    await admin.query('select pg_advisory_lock(hashtext($1))', [name]);
    try {
      if (await exists()) return name;
      const building = `${name}_${randomBytes(5).toString('hex')}`;
      await admin.query(`create database "${building}"`);
      try {
        await admin.query(
          `comment on database "${building}" is 'hub test template, built ${new Date().toISOString()}'`,
        );
        const { migrateAll } = await import('../../hub/migrate');
        await migrateAll(databaseUrl(adminUrl, building));
        await admin.query(`alter database "${building}" rename to "${name}"`);
      } catch (error) {
        await dropDatabase(adminUrl, building);
        throw error;
      }
      await dropStaleTemplates(admin, name);
      return name;
    } finally {
      await admin.query('select pg_advisory_unlock(hashtext($1))', [name]);
    }
  } finally {
    await admin.end();
  }
}

/** Drops other migration sets' templates (and builds a killed run left) once they are a week old. */
async function dropStaleTemplates(admin: Client, current: string): Promise<void> {
  const { rows } = await admin.query<{ datname: string; note: string | null }>(
    `select datname, shobj_description(oid, 'pg_database') as note from pg_database
      where datname like $1 and datname <> $2`,
    [`${TEMPLATE_PREFIX}%`, current],
  );
  for (const { datname, note } of rows) {
    const built = Date.parse(/built (\S+)$/.exec(note ?? '')?.[1] ?? '');
    if (Number.isNaN(built) || Date.now() - built < STALE_TEMPLATE_MS) continue;
    await admin.query(`drop database if exists "${datname}"`).catch(() => undefined);
  }
}
