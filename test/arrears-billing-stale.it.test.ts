import type { EntityManager } from '@mikro-orm/postgresql';
import { HubOrm } from '../platform/db/orm';
import { sqlRows, withoutNestedLoops } from '../platform/db/sql';
import { dropDatabase } from '../tools/postgres/local-postgres';
import { arrearsSubgraph } from '../subgraphs/arrears/module';
import { openAccounts } from '../subgraphs/arrears/persistence/account.repository';
import { billServiceFees, topUpShortFees } from '../subgraphs/arrears/persistence/charge.repository';
import { classRatesOf, servedDaysOf } from '../subgraphs/arrears/domain/billing';
import { daysInMonth } from '../kernel/calendar';
import { adminPostgresUrl, uniqueSuffix } from './support/hub-fixture';
import { runDatabaseName } from './support/run-databases';
import { migratedSubgraphOrm } from './support/subgraph-orm';

/**
 * Billing's skips (openAccounts: households with an account; billServiceFees: households billed for the month) on a
 * freshly loaded area whose statistics were never analysed, as the demo's: the planner expects one household there,
 * and a nested loop probing the month's charges without the household once per household read every charge the
 * statement had inserted so far (quadratic; 996,166 heap fetches for 1,412 households). Counted, not timed: the rows
 * and index entries the transaction read from the charges and accounts (pg_stat_xact_*), which grow with the area,
 * not with its square.
 */
describe('arrears: billing a freshly loaded area reads its charges once', () => {
  const database = runDatabaseName(`arrears_stale_${uniqueSuffix()}`);
  const HOUSEHOLDS = 600;
  const AREA = '5a1e0000-0000-4000-8000-000000000001';
  const COMPANY = '91110108MA01STALE1';
  let orm: HubOrm;

  beforeAll(async () => {
    orm = await migratedSubgraphOrm(arrearsSubgraph, database);
    const sql = (text: string) => orm.em.getConnection().execute(text);
    for (const table of ['billable_household', 'account', 'charge'])
      await sql(`alter table arrears.${table} set (autovacuum_enabled = false)`);
    await sql(`insert into arrears.billable_household (household_id, building_id, area_id, building_class, unit, room, floor_area_centi_m2, owner_reference)
      select gen_random_uuid(), ('5a1e0000-0000-4000-8000-00000000000' || (g.i % 3)::text)::uuid, '${AREA}', 'HIGH_RISE', '1', g.i::text, 5000 + g.i, 'owner-' || g.i
        from generate_series(1, ${HOUSEHOLDS}) as g(i)`);
  });

  afterAll(async () => {
    await orm?.close();
    await dropDatabase(adminPostgresUrl(), database);
  });

  /**
   * Heap rows read or fetched, and index entries returned, of the charges and accounts by this backend and not yet
   * reported (PostgreSQL reports them between transactions, never during one: a difference within one is exact).
   */
  const reads = async (em: EntityManager) =>
    (
      await sqlRows<{ rows: number; entries: number }>(
        em,
        `select sum(pg_stat_get_xact_tuples_returned(c.oid) + pg_stat_get_xact_tuples_fetched(c.oid))
                  filter (where c.relkind = 'r')::int as rows,
                sum(pg_stat_get_xact_tuples_returned(c.oid)) filter (where c.relkind = 'i')::int as entries
           from pg_class c
          where c.oid in ('arrears.charge'::regclass, 'arrears.account'::regclass)
             or c.oid in (select indexrelid from pg_index where indrelid in ('arrears.charge'::regclass, 'arrears.account'::regclass))`,
      )
    )[0];

  /**
   * One month's billing of the area in a transaction, as the run does it (its fees topped up to the days served, then
   * the households not billed yet billed): the households it billed and what it read.
   */
  const billMonth = (month: string) =>
    orm.em.fork().transactional(async (em: EntityManager) => {
      const before = await reads(em);
      await openAccounts(em, { companyId: COMPANY, areaId: AREA }, '2022-01-05');
      const rates = classRatesOf([
        {
          filingId: '5a1e0000-0000-4000-8000-0000000000f1',
          days: daysInMonth(month),
          classes: [{ buildingClass: 'HIGH_RISE', ownerRateFenPerM2Month: 167, subsidies: [] }],
        },
      ]);
      const served = servedDaysOf(month, [{ startsOn: '2022-01-01', endsOn: '2027-12-31' }]);
      const topUp = await topUpShortFees(
        em,
        { companyId: COMPANY, areaId: AREA, month, rates, served, others: [] },
        { reason: 'test', on: '2022-01-05', recordedBy: 'test' },
      );
      const billed = await billServiceFees(em, {
        companyId: COMPANY,
        areaId: AREA,
        month,
        dueOn: `${month}-28`,
        rates,
        served,
        others: [],
      });
      const after = await reads(em);
      return { billed, topUp, rows: after.rows - before.rows, entries: after.entries - before.entries };
    });

  it('bills every household once a month, again none, reading a bounded multiple of the area each month', async () => {
    const runs = [];
    for (const month of ['2022-01', '2022-02', '2022-03', '2022-03']) runs.push(await billMonth(month));
    expect(runs.map((r) => r.billed)).toEqual([HOUSEHOLDS, HOUSEHOLDS, HOUSEHOLDS, 0]);
    // A month of one contract every fee billed whole: nothing falls short, nothing is locked or topped up.
    expect(runs.map((r) => r.topUp)).toEqual(Array(4).fill({ toppedUp: 0, left: 0 }));
    // Bounded by the charges there are (the balances' recompute reads each account's open charges): 10 × (households
    // + charges), 12,000 the first month, when the same statements with nested loops allowed read 180,300 rows and
    // 543,300 index entries (about 600² / 2 of the month's new charges, once per household).
    runs.forEach((run, n) => {
      const bound = 10 * HOUSEHOLDS * (1 + Math.min(n + 1, 3));
      expect(run.rows).toBeLessThan(bound);
      expect(run.entries).toBeLessThan(bound);
    });
    const [{ analysed }] = await sqlRows<{ analysed: number }>(
      orm.em.fork(),
      `select count(*)::int as analysed from pg_stat_user_tables
        where schemaname = 'arrears' and relname in ('billable_household', 'account', 'charge') and last_analyze is not null`,
    );
    expect(analysed).toBe(0);
  });

  it('turns nested loops off for the statements it runs and back to what they were, in a transaction only', async () => {
    const setting = (em: EntityManager) =>
      sqlRows<{ v: string }>(em, `select current_setting('enable_nestloop') as v`).then(([r]) => r.v);
    const seen = await orm.em.fork().transactional(async (em: EntityManager) => {
      const inside = await withoutNestedLoops(em, () => setting(em));
      return { inside, after: await setting(em) };
    });
    expect(seen).toEqual({ inside: 'off', after: 'on' });
    await expect(withoutNestedLoops(orm.em.fork(), async () => 'ran')).rejects.toThrow(/transaction/);
  });
});
