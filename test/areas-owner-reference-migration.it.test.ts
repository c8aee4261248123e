import { randomUUID } from 'node:crypto';
import { HubOrm, migrateUp } from '../platform/db/orm';
import { sqlRows, sqlRun } from '../platform/db/sql';
import { dropDatabase } from '../tools/postgres/local-postgres';
import { areasSubgraph } from '../subgraphs/areas/module';
import { adminPostgresUrl, uniqueSuffix } from './support/hub-fixture';
import { runDatabaseName } from './support/run-databases';
import { migratedSubgraphOrm } from './support/subgraph-orm';

/**
 * Before 2026-12-05 a household registered through GraphQL kept spaces around its owner reference, so one owner
 * typed twice ("A-1 " and "A-1") counted as two in a joint decision. Migration 20261208000000 trims the stored
 * references as the code now does; 20261208010000 adds the decisions' tally source, left null for earlier ones.
 */
describe('areas: the migrations trimming owner references and keeping a decision’s tally source', () => {
  const database = runDatabaseName(`owner_reference_migration_${uniqueSuffix()}`);
  const area = randomUUID();
  const building = randomUUID();
  const decision = randomUUID();
  let orm: HubOrm;

  beforeAll(async () => {
    orm = await migratedSubgraphOrm(areasSubgraph, database, { upTo: 'Migration20261206000000_inbox_topic_key' });
    const em = orm.em.fork();
    const compound = randomUUID();
    await sqlRun(
      em,
      `insert into areas.area (id, name, district_code, street_code, registered_by, registered_at)
         values (?, '测试区域', '110102', '110102017', 'test', now())`,
      [area],
    );
    await sqlRun(
      em,
      `insert into areas.compound (id, name, district_code, street_code, kind, governance_model, property_rights_units, maintenance_fund, registered_at)
         values (?, '测试小区', '110102', '110102017', 'COMMERCIAL', 'CONTRACT_BASED', 0, 'ESTABLISHED', now())`,
      [compound],
    );
    await sqlRun(
      em,
      `insert into areas.building (id, compound_id, area_id, label, building_class, floors, elevators) values (?, ?, ?, '1', 'LOW_RISE', 6, 0)`,
      [building, compound, area],
    );
    const references = [' A-1', 'A-1\u3000', 'A-1', 'B 2', '\tC-3\n'];
    for (const [i, reference] of references.entries()) {
      await sqlRun(
        em,
        `insert into areas.household (id, building_id, unit, room, floor_area_centi_m2, owner_reference) values (?, ?, '1', ?, 5000, ?)`,
        [randomUUID(), building, String(101 + i), reference],
      );
    }
    await sqlRun(
      em,
      `insert into areas.joint_decision (id, area_id, matter, held_on, total_owners, total_area_centi_m2, participating_owners,
         participating_area_centi_m2, consenting_owners, consenting_area_centi_m2, valid, reasons, recorded_by, recorded_at)
       values (?, ?, 'MANAGEMENT_COVENANT', '2025-06-01', 5, 25000, 5, 25000, 5, 25000, true, '[]', 'test', now())`,
      [decision, area],
    );
  });

  afterAll(async () => {
    await orm?.close();
    await dropDatabase(adminPostgresUrl(), database);
  });

  it('counts one owner once after the references are trimmed, inner spaces kept; earlier decisions have no source', async () => {
    const owners = async () =>
      (
        await sqlRows<{ owner_reference: string }>(
          orm.em.fork(),
          `select owner_reference from areas.household where building_id = ? order by room`,
          [building],
        )
      ).map((r) => r.owner_reference);
    expect(new Set(await owners()).size).toBe(5);
    await migrateUp(orm);
    expect(await owners()).toEqual(['A-1', 'A-1', 'A-1', 'B 2', 'C-3']);
    const [row] = await sqlRows<{ tally_source: string | null }>(
      orm.em.fork(),
      `select tally_source from areas.joint_decision where id = ?`,
      [decision],
    );
    expect(row.tally_source).toBeNull();
  });
});
