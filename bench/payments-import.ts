/**
 * Benchmark: the arrears subgraph's `importPayments` (subgraphs/arrears/application/import-payments.ts), this build
 * against a baseline build, side by side in interleaved rounds (the sides' order alternating).
 *
 * One fresh database (arrears schema migrated by this build). Each round gives each side an area of its own:
 * `lines / 2` households, each with one account IN_COLLECTION and six monthly fees past due, written by SQL. The side,
 * in a process of its own loading its build's `dist`, then imports one statement of `lines` payments (two per account:
 * the first pays the three oldest fees and part of the fourth, the second the rest and 10 fen more, so every account
 * leaves collection and keeps a credit), then the same statement again (every line already recorded). It prints each
 * import's wall time, ms per line and the side process's CPU time, then the medians of each side and their ratio, and
 * whether both sides left the same ledger behind (payments, allocations, paid and credited amounts, status moves,
 * outbox rows by type).
 *
 * Shape `year` (the demo's billed years, hub/demo/demo-loader.ts): `lines` households instead, each with the twelve
 * monthly fees of 2022 past due, and one line each paying the whole year on 2022-12-20: each claim snapshot then
 * counts twelve limitation periods and twelve part payments per account (domain/claim.ts).
 *
 *   npm run build && BENCH_BASELINE_DIST=/tmp/base/dist node dist/bench/payments-import.js [rounds, 3] [lines, 1000] [recent|year]
 *
 * A baseline build of main: `git archive main | tar -x -C /tmp/base && ln -s $PWD/node_modules /tmp/base &&
 * (cd /tmp/base && npx tsc -p tsconfig.build.json)`. Without BENCH_BASELINE_DIST only this build runs.
 * PostgreSQL: postgres://postgres@127.0.0.1:5432 (hub_bench_payments_<random>, dropped at the end, also on SIGINT).
 * The machine's load average is printed with each round: other work on it stretches wall times. BENCH_SIDE_FLAGS: node
 * flags for the sides' processes (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`).
 */
import { fork } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { Identity } from '../kernel/identity';
import type { MigrationEntry } from '../platform/db/orm';
import { median } from './load';

const COMPANY_ID = '91110108MA01PAYBN1';
const IDENTITY: Identity = {
  subject: 'bench',
  role: 'PROPERTY_COMPANY',
  organisationId: COMPANY_ID,
  jurisdictions: [],
};

interface SideRun {
  firstMs: number;
  againMs: number;
  cpuMs: number;
  ledger: Record<string, number>;
}

type Shape = 'recent' | 'year';

/** The fees of each account: the six months before this one, or the twelve of 2022 (shape `year`). */
const FEES_SQL: Record<Shape, { months: string; month: string; dueOn: string }> = {
  recent: {
    months: 'generate_series(1, 6)',
    month: `to_char(date_trunc('month', current_date) - make_interval(months => m), 'YYYY-MM')`,
    dueOn: `(date_trunc('month', current_date) - make_interval(months => m))::date + 14`,
  },
  year: {
    months: 'generate_series(1, 12)',
    month: `to_char(make_date(2022, m, 1), 'YYYY-MM')`,
    dueOn: 'make_date(2022, m, 15)',
  },
};

/** An area of `households` accounts IN_COLLECTION with monthly fees past due (FEES_SQL); returns its account ids. */
async function generateArea(db: Client, households: number, shape: Shape): Promise<string[]> {
  const areaId = randomUUID();
  await db.query(
    `insert into arrears.billing_area (area_id, name, district_code, street_code, known_since) values ($1, 'bench-payments', '110108', '110108003', now())`,
    [areaId],
  );
  await db.query(
    `insert into arrears.billable_household (household_id, building_id, area_id, building_class, unit, room, floor_area_centi_m2, owner_reference)
     select gen_random_uuid(), $2::uuid, $1::uuid, 'HIGH_RISE', '1', i::text, 8000 + i, 'bench-owner-' || i from generate_series(1, $3::int) i`,
    [areaId, randomUUID(), households],
  );
  const { rows } = await db.query<{ id: string }>(
    `insert into arrears.account (id, company_id, household_id, area_id, building_id, status, status_changed_on)
     select gen_random_uuid(), $2, household_id, area_id, building_id, 'IN_COLLECTION', current_date - 60
       from arrears.billable_household where area_id = $1 returning id`,
    [areaId, COMPANY_ID],
  );
  await db.query(
    `insert into arrears.charge (id, account_id, company_id, household_id, area_id, building_id, kind, month, floor_area_centi_m2, rate_fen, amount_fen, due_on)
     select gen_random_uuid(), a.id, a.company_id, a.household_id, a.area_id, a.building_id, 'SERVICE_FEE',
            ${FEES_SQL[shape].month}, 8000, 100, 8000 + m, ${FEES_SQL[shape].dueOn}
       from arrears.account a cross join ${FEES_SQL[shape].months} m where a.area_id = $1`,
    [areaId],
  );
  return rows.map((r) => r.id).sort();
}

/** Two payments per account: the three oldest fees and part of the fourth, then the rest and 10 fen of credit. */
function statement(accountIds: readonly string[], today: string) {
  const run = randomBytes(4).toString('hex');
  const fees = [6, 5, 4, 3, 2, 1].map((m) => 8000 + m);
  const first = fees[0] + fees[1] + fees[2] + 4000;
  const rest = fees.reduce((a, b) => a + b, 0) - first + 10;
  const line = (accountId: string, amountFen: number, method: string, idempotencyKey: string) => ({
    accountId,
    amountFen,
    paidOn: today,
    method,
    purpose: 'SERVICE_FEE' as const,
    idempotencyKey,
  });
  return accountIds.flatMap((accountId, i) => [
    line(accountId, first, 'BANK_TRANSFER', `bench-${run}-${i}-a`),
    line(accountId, rest, 'WECHAT_PAY', `bench-${run}-${i}-b`),
  ]);
}

/** Shape `year`: one line per account paying its twelve fees of 2022, as the demo's statements do. */
function yearStatement(accountIds: readonly string[]) {
  const run = randomBytes(4).toString('hex');
  const year = Array.from({ length: 12 }, (_, i) => 8001 + i).reduce((a, b) => a + b, 0);
  return accountIds.map((accountId, i) => ({
    accountId,
    amountFen: year,
    paidOn: '2022-12-20',
    method: 'BANK_TRANSFER',
    purpose: 'SERVICE_FEE' as const,
    idempotencyKey: `bench-${run}-${i}`,
  }));
}

/** The ledger the side left behind for its accounts, as counts and sums that must agree between builds. */
async function ledgerOf(db: Client, accountIds: readonly string[]): Promise<Record<string, number>> {
  const { rows } = await db.query<Record<string, string>>(
    `select (select count(*) from arrears.payment where account_id = any($1)) as payments,
            (select count(*) from arrears.payment_allocation pa join arrears.payment p on p.id = pa.payment_id where p.account_id = any($1)) as allocations,
            (select sum(paid_fen) from arrears.charge where account_id = any($1)) as paid_fen,
            (select sum(credit_fen) from arrears.account where id = any($1)) as credit_fen,
            (select sum(arrears_fen) from arrears.account where id = any($1)) as arrears_fen,
            (select count(*) from arrears.account where id = any($1) and status = 'CURRENT') as current_accounts,
            (select count(*) from arrears.account_transition where account_id = any($1)) as transitions`,
    [accountIds],
  );
  const outbox = await db.query<{ event_type: string; n: string }>(
    `select event_type, count(*) as n from arrears.outbox where message_key = any($1::text[]) group by event_type`,
    [accountIds],
  );
  const ledger = Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)]));
  for (const r of outbox.rows) ledger[`outbox ${r.event_type}`] = Number(r.n);
  return ledger;
}

/** The arrears subgraph's ORM (2 connections) as the build in `dist` declares it. */
async function arrearsOrm(dist: string, databaseUrl: string) {
  /* eslint-disable @typescript-eslint/no-require-imports -- the build is chosen at run time */
  const { initOrm } = require(path.join(dist, 'platform/db/orm')) as typeof import('../platform/db/orm');
  const { arrearsSubgraph } = require(
    path.join(dist, 'subgraphs/arrears/module'),
  ) as typeof import('../subgraphs/arrears/module');
  /* eslint-enable @typescript-eslint/no-require-imports */
  // An older build (a baseline) lists its migrations; this one loads them when asked.
  const listed = arrearsSubgraph.migrations as MigrationEntry[] | (() => Promise<MigrationEntry[]>);
  return initOrm({
    databaseUrl,
    schema: 'arrears',
    entities: arrearsSubgraph.entities,
    migrations: typeof listed === 'function' ? await listed() : listed,
    poolMax: 2,
  });
}

/** One side's run, in its own process: `dist` is the build whose importPayments it loads. */
async function side(dist: string, databaseUrl: string, lines: number, shape: Shape): Promise<SideRun> {
  process.env.HUB_LOG_LEVEL ??= 'warn';
  /* eslint-disable @typescript-eslint/no-require-imports -- the build under test is chosen at run time */
  const { importPayments } = require(
    path.join(dist, 'subgraphs/arrears/application/import-payments'),
  ) as typeof import('../subgraphs/arrears/application/import-payments');
  const { todayInChina } = require(path.join(dist, 'kernel/clock')) as typeof import('../kernel/clock');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const orm = await arrearsOrm(dist, databaseUrl);
  try {
    const accountIds = await generateArea(db, shape === 'year' ? lines : Math.ceil(lines / 2), shape);
    const payments =
      shape === 'year' ? yearStatement(accountIds) : statement(accountIds, todayInChina()).slice(0, lines);
    const cpu0 = process.cpuUsage();
    let t0 = performance.now();
    const receipts = await importPayments(orm.em.fork(), IDENTITY, payments);
    const firstMs = performance.now() - t0;
    t0 = performance.now();
    const again = await importPayments(orm.em.fork(), IDENTITY, payments);
    const againMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    if (again.map((r) => r.receiptNumber).join() !== receipts.map((r) => r.receiptNumber).join())
      throw new Error('the statement imported again gave other receipts');
    return { firstMs, againMs, cpuMs: (cpu.user + cpu.system) / 1000, ledger: await ledgerOf(db, accountIds) };
  } finally {
    await orm.close();
    await db.end();
  }
}

function runSide(dist: string, databaseUrl: string, lines: number, shape: Shape): Promise<SideRun> {
  const child = fork(__filename, ['--side', dist, databaseUrl, String(lines), shape], {
    execArgv: process.env.BENCH_SIDE_FLAGS?.split(' ').filter(Boolean) ?? [],
  });
  return new Promise((resolve, reject) => {
    let result: SideRun | null = null;
    child.on('message', (message: { run?: SideRun; failed?: string }) => {
      if (message.run) result = message.run;
      if (message.failed) reject(new Error(message.failed));
    });
    child.once('exit', (code) => (result ? resolve(result) : reject(new Error(`side ${dist} exited (${code})`))));
  });
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 3);
  const lines = Number(process.argv[3] ?? 1000);
  const shape: Shape = process.argv[4] === 'year' ? 'year' : 'recent';
  process.env.HUB_LOG_LEVEL ??= 'warn';
  const { MACHINE_POSTGRES_URL, dropDatabase, ensureDatabase } = await import('../tools/postgres/local-postgres');
  const { migrateUp } = await import('../platform/db/orm');
  const sides: { name: string; dist: string }[] = [{ name: 'this build', dist: path.resolve(__dirname, '..') }];
  if (process.env.BENCH_BASELINE_DIST)
    sides.push({ name: 'baseline', dist: path.resolve(process.env.BENCH_BASELINE_DIST) });
  const database = `hub_bench_payments_${randomBytes(4).toString('hex')}`;
  const cleanup = () =>
    dropDatabase(MACHINE_POSTGRES_URL, database).catch((e) => console.error(`drop ${database}: ${e}`));
  process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));
  try {
    const databaseUrl = await ensureDatabase(MACHINE_POSTGRES_URL, database);
    const orm = await arrearsOrm(path.resolve(__dirname, '..'), databaseUrl);
    await migrateUp(orm);
    await orm.close();
    console.log(
      shape === 'year'
        ? `importPayments of ${lines} lines (${lines} accounts, the 12 fees of 2022 each, paid in one line), ${rounds} rounds`
        : `importPayments of ${lines} lines (${Math.ceil(lines / 2)} accounts, 6 fees each), ${rounds} rounds`,
    );
    const runs = new Map<string, SideRun[]>(sides.map((s) => [s.name, []]));
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? sides : [...sides].reverse();
      for (const s of order) {
        const load = os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' ');
        const run = await runSide(s.dist, databaseUrl, lines, shape);
        runs.get(s.name)!.push(run);
        console.log(
          `round ${round + 1} ${s.name.padEnd(10)}: import ${run.firstMs.toFixed(0).padStart(6)} ms (${(run.firstMs / lines).toFixed(2)} ms a line), ` +
            `again ${run.againMs.toFixed(0).padStart(5)} ms, side CPU ${run.cpuMs.toFixed(0)} ms; load ${load}`,
        );
      }
    }
    for (const [name, r] of runs) {
      const first = median(r.map((x) => x.firstMs));
      console.log(
        `median ${name.padEnd(10)}: import ${first.toFixed(0)} ms (${(first / lines).toFixed(2)} ms a line), again ${median(r.map((x) => x.againMs)).toFixed(0)} ms, CPU ${median(r.map((x) => x.cpuMs)).toFixed(0)} ms`,
      );
    }
    if (sides.length === 2) {
      const [ours, base] = sides.map((s) => runs.get(s.name)!);
      const ratio = median(base.map((x) => x.firstMs)) / median(ours.map((x) => x.firstMs));
      console.log(`baseline / this build: ${ratio.toFixed(1)}× by the import's median wall time`);
      const same = JSON.stringify(ours[0].ledger) === JSON.stringify(base[0].ledger);
      console.log(`ledger: ${same ? 'the same on both sides' : 'DIFFERS'} ${JSON.stringify(ours[0].ledger)}`);
      if (!same) {
        console.log(`baseline ledger: ${JSON.stringify(base[0].ledger)}`);
        process.exitCode = 1;
      }
    }
  } finally {
    await cleanup();
  }
}

if (process.argv[2] === '--side') {
  side(process.argv[3], process.argv[4], Number(process.argv[5]), process.argv[6] as Shape).then(
    (run) => process.send!({ run }, () => process.exit(0)),
    (error) => process.send!({ failed: String(error?.stack ?? error) }, () => process.exit(1)),
  );
} else {
  main().catch((error) => {
    console.error('benchmark failed:', error);
    process.exitCode = 1;
  });
}
