import { Migration } from '@mikro-orm/migrations';
import { ALL_SUBGRAPHS } from '../hub/subgraphs';
import { migrationLists, migrationsFingerprint, runMigrationsFingerprint } from './support/template-database';

/**
 * The test databases are clones of a template named by the hash of the SQL every migration runs
 * (test/support/template-database.ts): a changed or added migration must give another name, so a new template.
 */
const adding = (sql: string) =>
  class extends Migration {
    override async up(): Promise<void> {
      this.addSql(sql);
    }
  };

const subgraph = (name: 'areas' | 'arrears', ...sql: string[]) => ({
  name,
  migrations: async () => sql.map((text, i) => ({ name: `Migration${i}`, class: adding(text) })),
});

describe("the test template's name", () => {
  const base = [subgraph('areas', 'create table a (id int)'), subgraph('arrears', 'create table b (id int)')];

  it('stays the same while the migrations run the same SQL', async () => {
    const first = await migrationsFingerprint(base);
    expect(first).toMatch(/^[0-9a-f]{16}$/);
    expect(
      await migrationsFingerprint([
        subgraph('areas', 'create table a (id int)'),
        subgraph('arrears', 'create table b (id int)'),
      ]),
    ).toBe(first);
  });

  it('changes when a migration changes, when one is added, and when one moves to another subgraph', async () => {
    const first = await migrationsFingerprint(base);
    const changed = await migrationsFingerprint([
      subgraph('areas', 'create table a (id bigint)'),
      subgraph('arrears', 'create table b (id int)'),
    ]);
    const added = await migrationsFingerprint([
      subgraph('areas', 'create table a (id int)', 'create index a_id on a (id)'),
      subgraph('arrears', 'create table b (id int)'),
    ]);
    const moved = await migrationsFingerprint([
      subgraph('areas', 'create table a (id int)', 'create table b (id int)'),
      subgraph('arrears'),
    ]);
    expect(new Set([first, changed, added, moved]).size).toBe(4);
  });

  it('is none when a migration does more than add SQL (each test database is then migrated)', async () => {
    const querying = class extends Migration {
      override async up(): Promise<void> {
        await this.execute('select 1');
      }
    };
    const modules = [
      ...base,
      { name: 'litigation' as const, migrations: async () => [{ name: 'Q', class: querying }] },
    ];
    expect(await migrationsFingerprint(modules)).toBeUndefined();
  });

  it("reads every subgraph's migrations as the hub lists them", async () => {
    const byName = [...ALL_SUBGRAPHS].sort((a, b) => a.name.localeCompare(b.name));
    expect(migrationLists().map((list) => list.name)).toEqual(byName.map((module) => module.name));
    expect(await migrationsFingerprint()).toBe(await migrationsFingerprint(byName));
  });

  it("is the hub's own migrations' when the global setup did not pass one on, else the one it passed on", async () => {
    const own = await migrationsFingerprint();
    expect(own).toMatch(/^[0-9a-f]{16}$/);
    expect(await runMigrationsFingerprint({})).toBe(own);
    expect(await runMigrationsFingerprint({ HUB_TEST_MIGRATIONS_HASH: '0123456789abcdef' })).toBe('0123456789abcdef');
    expect(await runMigrationsFingerprint({ HUB_TEST_MIGRATIONS_HASH: 'none' })).toBeUndefined();
  });
});
