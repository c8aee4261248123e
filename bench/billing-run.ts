/**
 * Benchmark: the arrears subgraph's monthly billing run (runBilling in subgraphs/arrears/application/run-billing.ts)
 * over one area of N households (default 1,000,000). It generates the households set-based (generate_series),
 * bills 2024-03 once, then again (the idempotent re-run), and prints for each run the wall time, the Node process's
 * peak RSS and heap (sampled every 50 ms), the time of each SQL statement, and the charges and total returned.
 * PostgreSQL's own memory is not measured. Then it compares, in interleaved rounds (BENCH_ROUNDS, default 2; an
 * even count, odd is rounded up: each month adds a charge per household, so the order runs forward then reverse and
 * only pairs of rounds give each variant the same table sizes on average), a billing run of a new month with
 * hand-written statements billing another new month each, and prints the medians,
 * the ratios and the peak RSS. Two hand-written forms: the bare inserts (one insert … select of the fees with the
 * rates inlined, one of the subsidies, in one transaction, the accounts already open, nothing skipped, no balance
 * kept) and the same work as the use case (accounts opened and billed households skipped by `on conflict`, each
 * account's stored arrears balance raised by its new past-due fee), both writing the rows the use case writes (each fee
 * due on its month's last day, the subsidy line with its filing's rate), checked after the rounds (handRowsDiffer). Each
 * line shows the load average at its start.
 * BENCH_VACUUM=1 runs VACUUM ANALYZE of the charges and accounts, untimed, before each timed month, as autovacuum
 * would in the month between two runs (this development server runs with autovacuum off, so without it every month
 * reads the earlier months' charges unvacuumed: no visibility map, no statistics).
 *
 *   npm run bench:billing                      # 1,000,000 households
 *   npm run bench:billing -- 20000             # or BENCH_HOUSEHOLDS=20000 npm run bench:billing
 *   npm run bench:billing -- 1412 stale        # the demo's case: a freshly loaded area billed month after month
 *
 * The `stale` shape bills a freshly loaded area (never analysed, autovacuum off for its tables, the households not
 * vacuumed either) for the twelve months of 2022 and then 2022-12 again, as demo.it does, and prints each month's
 * wall time, this process's CPU and the CPU of the database's PostgreSQL backends (read from /proc); nothing
 * else. BENCH_HUB_DIST=<another checkout's dist> runs that build's billing (and migrations) instead of this one's,
 * to compare checkouts run by run (main, this, this, main).
 *
 * Database: BENCH_DATABASE_URL when set (used as is and kept: MikroORM creates it when missing, and each run adds
 * one new area to its tables); otherwise a fresh database hub_bench_<random> on postgres://postgres@127.0.0.1:5432,
 * dropped at the end, also when the run fails or is interrupted (SIGINT/SIGTERM).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { addMonths } from '../kernel/calendar';
import type { Identity } from '../kernel/identity';
import { canonicalJson, sha256Hex } from '../kernel/canonical-json';
import { wholeNumberFromEnv } from '../platform/config';
import type { HubOrm } from '../platform/db/orm';
import type { FilingTermsData } from '../catalog';
import type { BillingRunResult } from '../subgraphs/arrears/application/run-billing';
import { dueOnForMonth, subsidyRunsIn } from '../subgraphs/arrears/domain/billing';
import { median } from './load';
import { backendCpuSeconds, cpuSince } from './process-cpu';
import { balanceMismatchesSql } from '../test/support/balance-mismatches';

/**
 * The hub's modules are loaded once HUB_LOG_LEVEL is set (their pino loggers read it on load), so the migrator's
 * info lines stay out of the figures. HUB_LOG_LEVEL=info shows them.
 */
async function loadHub() {
  process.env.HUB_LOG_LEVEL ??= 'warn';
  const dist = process.env.BENCH_HUB_DIST;
  // Another checkout's build, for comparing (BENCH_HUB_DIST); its modules have the same shape as this one's.
  const load = <T>(own: () => Promise<T>, file: string): Promise<T> =>
    dist ? (import(path.resolve(dist, file)) as Promise<T>) : own();
  const [orm, postgres, billing, module] = await Promise.all([
    load(() => import('../platform/db/orm'), 'platform/db/orm.js'),
    load(() => import('../tools/postgres/local-postgres'), 'tools/postgres/local-postgres.js'),
    load(() => import('../subgraphs/arrears/application/run-billing'), 'subgraphs/arrears/application/run-billing.js'),
    load(() => import('../subgraphs/arrears/module'), 'subgraphs/arrears/module.js'),
  ]);
  return { ...orm, ...postgres, ...billing, ...module };
}

const MONTH = '2024-03';
const COMPANY_ID = '91110108MA01BENCH1';
const HOUSEHOLDS_PER_BUILDING = 500;
const IDENTITY: Identity = {
  subject: 'bench',
  role: 'PROPERTY_COMPANY',
  organisationId: COMPANY_ID,
  jurisdictions: [],
};

const TERMS: FilingTermsData = {
  kind: 'REGULAR',
  number: 'BENCH-2022-001',
  title: '基准测试小区物业服务合同',
  ownersSide: { kind: 'OWNERS_COMMITTEE', name: '基准测试小区业主委员会' },
  selectionMethod: 'TENDER',
  approvalReference: null,
  signedOn: '2021-12-15',
  startsOn: '2022-01-01',
  endsOn: '2031-12-31',
  serviceItems: [{ item: '公共区域保洁', standard: '楼道每日清扫' }],
  feeSchedule: {
    classes: [
      {
        buildingClass: 'LOW_RISE',
        assessedRateFenPerM2Month: 178,
        ownerRateFenPerM2Month: 100,
        subsidies: [{ payer: '北太平庄街道办事处', rateFenPerM2Month: 78, startMonth: '2022-01', months: 36 }],
      },
      { buildingClass: 'HIGH_RISE', assessedRateFenPerM2Month: 245, ownerRateFenPerM2Month: 167, subsidies: [] },
    ],
  },
  lateFee: { dailyRatePerTenThousand: 3, graceDays: 30, capPercentOfPrincipal: null },
  parties: [{ role: 'PROVIDER', name: '基准物业服务有限公司', registration: COMPANY_ID }],
};

/**
 * BENCH_ROUNDS (default 2), rounded up to an even count: each month billed adds a charge per household, so the
 * forward and reverse orders balance only in pairs (an odd count would leave the last round's first variant on the
 * smallest tables).
 */
function evenRounds(): number {
  const asked = wholeNumberFromEnv('BENCH_ROUNDS', 2, { min: 1, max: 1_000, what: 'rounds' });
  if (asked % 2 === 0) return asked;
  console.log(
    `note: BENCH_ROUNDS=${asked} is odd; running ${asked + 1} rounds, so that the forward and reverse orders pair up`,
  );
  return asked + 1;
}

function householdCount(): number {
  const raw = (process.argv[2] ?? process.env.BENCH_HOUSEHOLDS ?? '1000000').replace(/[,_]/g, '');
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`household count must be a positive integer, got ${raw}`);
  return n;
}

const fmt = (n: number) => n.toLocaleString('en-US');
const mb = (bytes: number) => `${fmt(Math.round(bytes / 1024 / 1024))} MB`;
const seconds = (ns: bigint) => `${(Number(ns) / 1e9).toFixed(2)} s`;

/** Runs `work`, sampling the process's RSS and heap every 50 ms; returns its result, wall time and the peaks. */
async function measured<T>(
  work: () => Promise<T>,
): Promise<{ result: T; ns: bigint; peakRss: number; peakHeap: number; startRss: number }> {
  const start = process.memoryUsage();
  let peakRss = start.rss;
  let peakHeap = start.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const timer = setInterval(sample, 50);
  const t0 = process.hrtime.bigint();
  try {
    const result = await work();
    const ns = process.hrtime.bigint() - t0;
    sample();
    return { result, ns, peakRss, peakHeap, startRss: start.rss };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Times every statement the ORM's connection executes (runBilling's SQL goes through it), so the report can say
 * which one dominates. Begin/commit do not pass through execute(); they fall in the remainder.
 */
function timeStatements(orm: HubOrm): { take(): { sql: string; ms: number }[] } {
  const connection = orm.em.getConnection();
  const execute = connection.execute.bind(connection);
  let log: { sql: string; ms: number }[] = [];
  connection.execute = (async (...args: Parameters<typeof execute>) => {
    const t0 = process.hrtime.bigint();
    try {
      return await execute(...args);
    } finally {
      const sql = typeof args[0] === 'string' ? args[0] : String(args[0]);
      log.push({ sql: sql.replace(/\s+/g, ' ').trim().slice(0, 90), ms: Number(process.hrtime.bigint() - t0) / 1e6 });
    }
  }) as typeof connection.execute;
  return {
    take: () => {
      const taken = log;
      log = [];
      return taken;
    },
  };
}

async function generate(db: Client, households: number, analyse = true): Promise<string> {
  const areaId = randomUUID();
  await db.query(
    `insert into arrears.billing_area (area_id, name, district_code, street_code, known_since) values ($1, $2, '110108', '110108003', now())`,
    [areaId, `基准测试小区 (${fmt(households)} 户)`],
  );
  await db.query(
    `insert into arrears.filing_snapshot (filing_id, contract_id, area_id, company_id, kind, status, sequence, record_number,
        accepted_on, starts_on, ends_on, terminated_on, terms, terms_sha256)
     values ($1, $2, $3, $4, 'INITIAL', 'ACCEPTED', 2, 'HD-BENCH-0001', '2021-12-20', $5, $6, null, $7::jsonb, $8)`,
    [
      randomUUID(),
      randomUUID(),
      areaId,
      COMPANY_ID,
      TERMS.startsOn,
      TERMS.endsOn,
      JSON.stringify(TERMS),
      sha256Hex(canonicalJson(TERMS)),
    ],
  );
  // Buildings of 500 households, LOW_RISE and HIGH_RISE alternating; units of 100, rooms floor + door (e.g. 1203).
  // The CTE is materialised so each building's random id is drawn once.
  await db.query(
    `with building as materialized (
       select n, gen_random_uuid() as building_id, case when n % 2 = 0 then 'LOW_RISE' else 'HIGH_RISE' end as building_class
         from generate_series(0, ($2::int - 1) / $3::int) as n)
     insert into arrears.billable_household (household_id, building_id, area_id, building_class, unit, room, floor_area_centi_m2, owner_reference)
     select gen_random_uuid(), b.building_id, $1::uuid, b.building_class,
            (1 + (g.i % $3::int) / 100)::text,
            ((g.i % 100) / 4 + 1)::text || '0' || (g.i % 4 + 1)::text,
            4000 + floor(random() * 11001)::int,
            'bench-owner-' || g.i
       from generate_series(0, $2::int - 1) as g(i)
       join building b on b.n = g.i / $3::int`,
    [areaId, households, HOUSEHOLDS_PER_BUILDING],
  );
  // Households arrive over months from the areas feed, so autovacuum would long have analysed them (not so in the
  // stale shape: a freshly loaded area, as the demo's).
  if (analyse) await db.query(`vacuum analyze arrears.billable_household`);
  return areaId;
}

/**
 * What a person would write by hand for one month's charges of the area, in one transaction. `bare`: the fees with
 * the benchmark's owner rates inlined and the subsidy per building class, the accounts already open, nothing skipped
 * and no balance kept. `same work`: what the use case does besides, by hand: accounts are opened for households
 * without one and a household already billed for the month is skipped, both by the unique index (`on conflict`;
 * the use case skips them by anti-joins without nested loops, faster at scale), and each billed account's stored
 * arrears balance (Migration20261201130000_arrears_balance) is raised by its new fee when the fee is already past due
 * on the balance day, in one UPDATE: the incremental form, where the use case locks the accounts and recomputes each one from all
 * its open charges (refreshBalances). Returns the fee count.
 */
async function billByHand(db: Client, areaId: string, month: string, form: 'bare' | 'same work'): Promise<number> {
  const subsidy = TERMS.feeSchedule.classes[0].subsidies[0];
  const sameWork = form === 'same work';
  await db.query('begin');
  try {
    if (sameWork)
      await db.query(
        `insert into arrears.account (id, company_id, household_id, area_id, building_id, status, status_changed_on)
         select gen_random_uuid(), $2, h.household_id, h.area_id, h.building_id, 'CURRENT', current_date
           from arrears.billable_household h where h.area_id = $1
         on conflict (company_id, household_id) do nothing`,
        [areaId, COMPANY_ID],
      );
    const fees = await db.query(
      `insert into arrears.charge (id, account_id, company_id, household_id, area_id, building_id, kind, month, filing_id, building_class,
          floor_area_centi_m2, rate_fen, amount_fen, due_on)
       select gen_random_uuid(), a.id, a.company_id, h.household_id, h.area_id, h.building_id, 'SERVICE_FEE', $2, f.filing_id, h.building_class,
          h.floor_area_centi_m2, r.rate, (h.floor_area_centi_m2::bigint * r.rate + 50) / 100, $4::date
         from arrears.billable_household h
         join arrears.account a on a.company_id = $3 and a.household_id = h.household_id
         join (values ('LOW_RISE', 100), ('HIGH_RISE', 167)) as r(building_class, rate) on r.building_class = h.building_class
         cross join (select filing_id from arrears.filing_snapshot where area_id = $1 limit 1) f
        where h.area_id = $1
       ${sameWork ? `on conflict (account_id, month) where kind = 'SERVICE_FEE' do nothing` : ''}`,
      [areaId, month, COMPANY_ID, dueOnForMonth(month)],
    );
    if (sameWork)
      await db.query(
        `update arrears.account a
            set arrears_fen = a.arrears_fen + c.amount_fen, arrears_charges = a.arrears_charges + 1,
                oldest_due_on = least(a.oldest_due_on, c.due_on)
           from arrears.charge c, arrears.balance_day d
          where c.area_id = $1 and c.month = $2 and c.kind = 'SERVICE_FEE' and c.company_id = $3 and c.due_on < d.as_of
            and a.id = c.account_id`,
        [areaId, month, COMPANY_ID],
      );
    // As the use case: no subsidy for a month outside its run (a later round's month past 2024-12).
    if (subsidyRunsIn(subsidy, month))
      await db.query(
        `insert into arrears.subsidy_charge (id, area_id, company_id, month, payer, building_class, households, floor_area_centi_m2, rate_fen,
            filing_rates, amount_fen)
       select gen_random_uuid(), $1, $3, $2, $4, h.building_class, count(*), sum(h.floor_area_centi_m2), $5::int,
              jsonb_build_object(f.filing_id, $5::int), sum((h.floor_area_centi_m2::bigint * $5::int + 50) / 100)
         from arrears.billable_household h
         cross join (select filing_id from arrears.filing_snapshot where area_id = $1 limit 1) f
        where h.area_id = $1 and h.building_class = 'LOW_RISE' group by h.building_class, f.filing_id
       ${sameWork ? 'on conflict (area_id, month, company_id, payer, building_class) do nothing' : ''}`,
        [areaId, month, COMPANY_ID, subsidy.payer, subsidy.rateFenPerM2Month],
      );
    await db.query('commit');
    return fees.rowCount ?? 0;
  } catch (error) {
    await db.query('rollback');
    throw error;
  }
}

/**
 * The stale shape: the twelve months of 2022 billed one after the other on the freshly loaded area, then 2022-12
 * again, with no ANALYZE in between (autovacuum is off for these tables): each month's wall time, this process's
 * CPU and the backends' CPU, and their totals.
 */
async function billStaleMonths(
  database: string,
  bill: (month: string) => Promise<BillingRunResult>,
  households: number,
): Promise<string[]> {
  const problems: string[] = [];
  const total = { wall: 0, node: 0, postgres: 0 };
  const months = [...Array.from({ length: 12 }, (_, m) => `2022-${String(m + 1).padStart(2, '0')}`), '2022-12'];
  for (const [n, month] of months.entries()) {
    const load = loadavg()[0].toFixed(1);
    const cpu0 = process.cpuUsage();
    const pg0 = backendCpuSeconds(database);
    const t0 = process.hrtime.bigint();
    const run = await bill(month);
    const wall = Number(process.hrtime.bigint() - t0) / 1e9;
    const { user, system } = process.cpuUsage(cpu0);
    const postgres = cpuSince(pg0, backendCpuSeconds(database));
    const node = (user + system) / 1e6;
    total.wall += wall;
    total.node += node;
    total.postgres += postgres;
    const label = n === 12 ? `${month} again` : month;
    console.log(
      `${label}: ${wall.toFixed(2)} s, Node CPU ${node.toFixed(2)} s, PostgreSQL CPU ${postgres.toFixed(2)} s [load ${load}] (newly billed ${fmt(run.newlyBilled)})`,
    );
    const expected = n === 12 ? 0 : households;
    if (run.newlyBilled !== expected) problems.push(`${label} billed ${run.newlyBilled} households, not ${expected}`);
  }
  console.log(
    `total: ${total.wall.toFixed(2)} s, Node CPU ${total.node.toFixed(2)} s, PostgreSQL CPU ${total.postgres.toFixed(2)} s`,
  );
  return problems;
}

/**
 * How many of the area's accounts have a stored balance that differs from the recompute over their charges as of the
 * balance day, untimed. Only meaningful before the bare inserts run: they keep no balance.
 */
async function balanceMismatches(db: Client, areaId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n from (${balanceMismatchesSql({ byArea: true })}) m`,
    [areaId],
  );
  return rows[0].n;
}

/**
 * How many of the area's fee and subsidy rows of the month `theirs` (billed by hand) differ from those of `ours`
 * (billed by the use case), both ways, in every column but the id and the month (the due date is each month's own
 * last day, dueOnForMonth): the hand-written statements must write the rows the use case writes, or the comparison
 * flatters them. Untimed.
 */
async function handRowsDiffer(
  db: Client,
  areaId: string,
  ours: string,
  theirs: string,
): Promise<{ fees: number; subsidies: number }> {
  const fees = (month: number) =>
    `select account_id, company_id, household_id, building_id, filing_id, levy_id, building_class, floor_area_centi_m2, rate_fen,
            amount_fen, paid_fen, waived_fen, served_days, rate_parts, voluntary, due_on = $${month + 2}::date as due_on_last_day
       from arrears.charge where area_id = $1 and month = $${month} and kind = 'SERVICE_FEE'`;
  const subsidies = (month: number) =>
    `select company_id, payer, building_class, households, floor_area_centi_m2, rate_fen, rate_days, filing_rates, amount_fen
       from arrears.subsidy_charge where area_id = $1 and month = $${month}`;
  const both = (rows: (month: number) => string) =>
    `(select count(*) from (${rows(2)} except all ${rows(3)}) d) + (select count(*) from (${rows(3)} except all ${rows(2)}) d)`;
  const { rows } = await db.query<{ fees: string; subsidies: string }>(
    `select ${both(fees)} as fees, ${both(subsidies)} as subsidies`,
    [areaId, ours, theirs, dueOnForMonth(ours), dueOnForMonth(theirs)],
  );
  return { fees: Number(rows[0].fees), subsidies: Number(rows[0].subsidies) };
}

function report(
  label: string,
  run: Awaited<ReturnType<typeof measured<BillingRunResult>>>,
  statements: { sql: string; ms: number }[],
) {
  const r = run.result;
  const totalMs = Number(run.ns) / 1e6;
  console.log(`${label}: ${seconds(run.ns)}`);
  console.log(`  peak RSS: ${mb(run.peakRss)} (at start ${mb(run.startRss)}), peak heapUsed: ${mb(run.peakHeap)}`);
  console.log(
    `  charges: ${fmt(r.households)} households, charged ${fmt(r.chargedFen)} fen (¥${fmt(r.chargedFen / 100)}), newly billed ${fmt(r.newlyBilled)}, unbilled ${fmt(r.unbilledHouseholds)}`,
  );
  for (const s of r.subsidies)
    console.log(`  subsidy: ${s.payer} ${s.buildingClass} ${fmt(s.households)} households, ${fmt(s.amountFen)} fen`);
  console.log('  statements:');
  for (const s of statements) console.log(`    ${s.ms.toFixed(0).padStart(8)} ms  ${s.sql}`);
  const other = totalMs - statements.reduce((sum, s) => sum + s.ms, 0);
  console.log(`    ${other.toFixed(0).padStart(8)} ms  (begin, commit and JavaScript)`);
}

async function main(): Promise<void> {
  const households = householdCount();
  const t0 = process.hrtime.bigint();
  const { MACHINE_POSTGRES_URL, arrearsSubgraph, dropDatabase, ensureDatabase, initOrm, migrateUp, runBilling } =
    await loadHub();
  let databaseUrl = process.env.BENCH_DATABASE_URL;
  let ownDatabase: string | null = null;
  let orm: HubOrm | null = null;
  let db: Client | null = null;

  let cleaned: Promise<void> | null = null;
  const cleanup = () =>
    (cleaned ??= (async () => {
      await orm?.close().catch(() => undefined);
      await db?.end().catch(() => undefined);
      if (ownDatabase)
        await dropDatabase(MACHINE_POSTGRES_URL, ownDatabase).catch((e) =>
          console.error(`could not drop ${ownDatabase}: ${e}`),
        );
    })());
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    if (!databaseUrl) {
      ownDatabase = `hub_bench_${randomBytes(4).toString('hex')}`;
      databaseUrl = await ensureDatabase(MACHINE_POSTGRES_URL, ownDatabase);
    }
    console.log(`database: ${databaseUrl}${ownDatabase ? ' (fresh, dropped at the end)' : ''}`);
    orm = await initOrm({
      databaseUrl,
      schema: 'arrears',
      entities: arrearsSubgraph.entities,
      migrations: await arrearsSubgraph.migrations(),
    });
    await migrateUp(orm);
    db = new Client({ connectionString: databaseUrl });
    // An idle client's connection error (the server restarting, say) would otherwise crash the process unhandled.
    db.on('error', (error) => console.error(`pg client: ${error.message}`));
    await db.connect();

    const stale = (process.argv[3] ?? process.env.BENCH_SHAPE) === 'stale';
    if (stale) {
      for (const table of ['billable_household', 'account', 'charge'])
        await db.query(`alter table arrears.${table} set (autovacuum_enabled = false)`);
      const areaId = await generate(db, households, false);
      const ormNow = orm;
      console.log(`stale shape: ${fmt(households)} households loaded, never analysed, autovacuum off for their tables`);
      const problems = await billStaleMonths(
        new URL(databaseUrl).pathname.slice(1),
        (month) => runBilling(ormNow.em.fork(), IDENTITY, { areaId, month }),
        households,
      );
      console.log(
        problems.length === 0
          ? 'check: every month billed every household once'
          : `check FAILED: ${problems.join('; ')}`,
      );
      if (problems.length > 0) process.exitCode = 1;
      return;
    }
    const generation = await measured(() => generate(db!, households));
    const areaId = generation.result;
    console.log(
      `households: ${fmt(households)} in ${fmt(Math.ceil(households / HOUSEHOLDS_PER_BUILDING))} buildings of ${HOUSEHOLDS_PER_BUILDING}`,
    );
    console.log(`data generation: ${seconds(generation.ns)} (generate_series insert, then vacuum analyze)`);

    const statements = timeStatements(orm);
    const ormNow = orm;
    const first = await measured(() => runBilling(ormNow.em.fork(), IDENTITY, { areaId, month: MONTH }));
    report(`billing run ${MONTH}`, first, statements.take());
    const again = await measured(() => runBilling(ormNow.em.fork(), IDENTITY, { areaId, month: MONTH }));
    report('re-run (idempotent)', again, statements.take());
    const mismatched = [await balanceMismatches(db, areaId)];

    // Side by side: the use case against hand-written statements, each billing a month nobody billed yet: the bare
    // inserts and the same work by hand (billByHand's two forms). Each month adds one charge per household, so a
    // later month faces bigger tables: odd rounds run the three in reverse order, and the rounds come in pairs
    // (forward, reverse), so that each variant's months sit at the same mean position (0 + 5, 1 + 4, 2 + 3).
    const rounds = evenRounds();
    const variants = ['use case', 'bare', 'same work'] as const;
    const times: Record<(typeof variants)[number], number[]> = { 'use case': [], bare: [], 'same work': [] };
    const firstMonths: Partial<Record<(typeof variants)[number], string>> = {};
    let peakRss = Math.max(first.peakRss, again.peakRss);
    let nextMonth = 1;
    console.log(
      `side by side: ${rounds} rounds (forward, then reverse order), each variant billing ${rounds} new months of the ${fmt(households)} households; ` +
        'each month adds a charge per household, so the order alternates and the round count is even',
    );
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? variants : [...variants].reverse();
      const line: string[] = [];
      for (const variant of order) {
        const month = addMonths(MONTH, nextMonth++);
        firstMonths[variant] ??= month;
        if (process.env.BENCH_VACUUM === '1') await db.query('vacuum analyze arrears.charge, arrears.account');
        const load = loadavg()[0].toFixed(1);
        if (variant === 'use case') {
          const ours = await measured(() => runBilling(ormNow.em.fork(), IDENTITY, { areaId, month }));
          times[variant].push(Number(ours.ns) / 1e9);
          peakRss = Math.max(peakRss, ours.peakRss);
          if (round === 0) mismatched.push(await balanceMismatches(db, areaId)); // before any bare insert
          const slow = statements.take().filter((s) => s.ms >= 100);
          line.push(
            `billing run ${seconds(ours.ns)} [load ${load}] (${slow.map((s) => `${(s.ms / 1000).toFixed(1)} s ${s.sql.slice(0, 40)}`).join('; ')})`,
          );
        } else {
          const theirs = await measured(() => billByHand(db!, areaId, month, variant));
          times[variant].push(Number(theirs.ns) / 1e9);
          line.push(`hand-written ${variant} ${seconds(theirs.ns)} [load ${load}] (${fmt(theirs.result)} charges)`);
        }
      }
      console.log(`round ${round + 1}: ${line.join(', ')}`);
    }
    const ours = median(times['use case']);
    console.log(
      `median: billing run ${ours.toFixed(2)} s, hand-written bare inserts ${median(times.bare).toFixed(2)} s (ratio ${(ours / median(times.bare)).toFixed(2)}×), ` +
        `hand-written same work ${median(times['same work']).toFixed(2)} s (ratio ${(ours / median(times['same work'])).toFixed(2)}×) ` +
        `(target ≤ 20 s for 1,000,000 households and ≤ 1.2×); peak Node RSS over the billing runs ${mb(peakRss)} (target ≤ 256 MB)`,
    );

    // Checks, untimed: the hand-written months wrote the use case's rows; the totals agree with the households and
    // with each other.
    const differing: string[] = [];
    for (const variant of ['bare', 'same work'] as const) {
      const diff = await handRowsDiffer(db, areaId, firstMonths['use case']!, firstMonths[variant]!);
      if (diff.fees > 0 || diff.subsidies > 0)
        differing.push(`hand-written ${variant}: ${diff.fees} fee rows and ${diff.subsidies} subsidy rows differ`);
    }
    const { rows } = await db.query<{ expected: string }>(
      `select sum((h.floor_area_centi_m2::bigint * case h.building_class when 'LOW_RISE' then 100 else 167 end + 50) / 100) as expected
         from arrears.billable_household h where h.area_id = $1`,
      [areaId],
    );
    const expected = Number(rows[0].expected);
    const problems = [
      first.result.households !== households &&
        `first run billed ${first.result.households} households, not ${households}`,
      first.result.chargedFen !== expected &&
        `first run charged ${first.result.chargedFen} fen, the households add up to ${expected}`,
      again.result.newlyBilled !== 0 && `re-run billed ${again.result.newlyBilled} households again`,
      (again.result.households !== first.result.households || again.result.chargedFen !== first.result.chargedFen) &&
        're-run totals differ from the first run',
      ...differing,
      mismatched.some((n) => n > 0) &&
        `stored balances differ from the recompute for ${mismatched.join(' and ')} accounts (after the re-run, after the first new month)`,
    ].filter((p): p is string => typeof p === 'string');
    console.log(
      problems.length === 0
        ? 'check: totals match the households; re-run billed nothing new; stored balances equal the recompute; the hand-written months wrote the same fee and subsidy rows'
        : `check FAILED: ${problems.join('; ')}`,
    );
    console.log(`whole script: ${seconds(process.hrtime.bigint() - t0)}`);
    if (problems.length > 0) process.exitCode = 1;
  } finally {
    await cleanup();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

main().catch((error) => {
  console.error('benchmark failed:', error);
  process.exitCode = 1;
});
