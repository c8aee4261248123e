import { randomUUID } from 'node:crypto';
import { HubOrm } from '../platform/db/orm';
import { sqlRows, sqlRun } from '../platform/db/sql';
import { dropDatabase } from '../tools/postgres/local-postgres';
import { arrearsSubgraph } from '../subgraphs/arrears/module';
import { keepBillableHouseholds } from '../subgraphs/arrears/application/keep-billable-households';
import { publishClaims } from '../subgraphs/arrears/application/claims.publish';
import type { BuildingRosterData } from '../catalog';
import { adminPostgresUrl, uniqueSuffix } from './support/hub-fixture';
import { runDatabaseName } from './support/run-databases';
import { migratedSubgraphOrm } from './support/subgraph-orm';
import { waitFor } from './support/wait-for';

/**
 * A claim published while the roster changes the household's owner, on real PostgreSQL without a hub: the roster's
 * consumer holds its transaction open after raising the account's claim version; another use case publishing the
 * same account (a billing run publishes every referable account of its area) waits on that version. The snapshot it
 * publishes once the roster commits must name the new owner: litigation keeps the highest version, so a higher
 * version carrying the former owner (read before the roster committed) put the former owner, or an owner alive,
 * before the court again (a helper's attacker audit).
 */
describe('arrears: a claim published while the register changes the owner', () => {
  const database = runDatabaseName(`arrears_claim_race_${uniqueSuffix()}`);
  let orm: HubOrm;
  const [areaId, buildingId, householdId, accountId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const roster = (owner: Partial<BuildingRosterData['households'][number]>): BuildingRosterData => ({
    buildingId,
    compoundId: randomUUID(),
    areaId,
    buildingClass: 'HIGH_RISE',
    households: [
      { householdId, unit: '1', room: '101', floorAreaCentiM2: 8_000, ownerReference: 'former-owner', ...owner },
    ],
  });

  beforeAll(async () => {
    orm = await migratedSubgraphOrm(arrearsSubgraph, database);
    const em = orm.em.fork();
    await sqlRun(
      em,
      `insert into arrears.billing_area (area_id, name, district_code, street_code, known_since) values (?, '红居南街6号院', '110102', '110102005', now())`,
      [areaId],
    );
    await em.transactional((tx) => keepBillableHouseholds(tx, roster({})));
    await sqlRun(
      em,
      `insert into arrears.account (id, company_id, household_id, area_id, building_id, status, status_changed_on)
       values (?, '91110102MA0000RACE', ?, ?, ?, 'IN_COLLECTION', '2026-11-01')`,
      [accountId, householdId, areaId, buildingId],
    );
  });

  afterAll(async () => {
    await orm?.close();
    await dropDatabase(adminPostgresUrl(), database);
  });

  const waitingOnLock = async () =>
    (
      await sqlRows<{ n: number }>(
        orm.em.fork(),
        `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
      )
    )[0].n > 0;

  it('names the new owner in every snapshot, the one published after the roster committed included', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let rosterWritten!: () => void;
    const written = new Promise<void>((resolve) => (rosterWritten = resolve));
    const changing = orm.em.fork().transactional(async (tx) => {
      await keepBillableHouseholds(tx, roster({ ownerReference: 'heirs', ownerSince: '2026-10-01' }));
      rosterWritten();
      await held;
    });
    await written;
    const publishing = orm.em.fork().transactional((tx) => publishClaims(tx, [accountId], '2026-12-01'));
    await waitFor('the publish to wait on the account the roster holds', waitingOnLock, { timeoutMs: 10_000 });
    release();
    await Promise.all([changing, publishing]);

    const snapshots = await sqlRows<{ payload: { version: number; ownerReference: string; ownerSince?: string } }>(
      orm.em.fork(),
      `select payload from arrears.outbox where event_type = 'hub.arrears.claim.updated' and message_key = ?`,
      [accountId],
    );
    const versions = snapshots.map((s) => s.payload).sort((a, b) => a.version - b.version);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    // Before, the second snapshot read the household as it was before the roster committed: the former owner.
    for (const snapshot of versions)
      expect(snapshot).toMatchObject({ ownerReference: 'heirs', ownerSince: '2026-10-01' });
  });
});
