/**
 * Benchmark: the complaints subgraph's CSV import (importOrdersCsv, the real path: taxonomy check, address matching,
 * masking, transition and event per order) and its rates for a city (complaintStatistics by compound and by
 * governance model). It generates COMPOUNDS compounds (default 10,000) over 100 streets, imports IMPORT orders
 * (default 1,000,000) from CSV, then adds generated orders set-based up to ORDERS (default 1,000,000: by default every
 * order comes through the import, none generated) and computes the
 * rates in interleaved rounds (median of 3). Prints times, orders per second and the Node process's peak RSS; PostgreSQL's
 * memory is not measured.
 *
 *   npm run bench:complaints                       # 10,000 compounds, 1,000,000 imported, 1,000,000 orders
 *   npm run bench:complaints -- 2000 5000 100000   # compounds, imported, orders
 *
 * A fresh database hub_bench_<random> on postgres://postgres@127.0.0.1:5432, dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { Client } from 'pg';
import type { Identity } from '../kernel/identity';
import { median } from './load';
import { backendCpuSeconds, cpuSince } from './process-cpu';

const arg = (i: number, fallback: number) => {
  const v = Number(process.argv[2 + i] ?? '');
  return Number.isInteger(v) && v > 0 ? v : fallback;
};

async function measured<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; peakRss: number }> {
  let peakRss = process.memoryUsage().rss;
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const t0 = process.hrtime.bigint();
  try {
    const result = await work();
    return {
      result,
      ms: Number(process.hrtime.bigint() - t0) / 1e6,
      peakRss: Math.max(peakRss, process.memoryUsage().rss),
    };
  } finally {
    clearInterval(timer);
  }
}
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MiB`;
/** Orders per CSV file: 100,000 lines are some 14 MiB, within the CsvText bound (32 MiB) of one call. */
const FILE_ORDERS = 100_000;

async function main(): Promise<void> {
  const [compounds, imported, orders] = [arg(0, 10_000), arg(1, 1_000_000), arg(2, 1_000_000)];
  process.env.HUB_LOG_LEVEL ??= 'warn';
  process.env.OWNER_DATA_KEY ??= randomBytes(32).toString('base64');
  const [
    { initOrm, migrateUp },
    { MACHINE_POSTGRES_URL, dropDatabase, ensureDatabase },
    { complaintsSubgraph },
    { importOrdersCsv },
    { complaintStatistics },
  ] = await Promise.all([
    import('../platform/db/orm'),
    import('../tools/postgres/local-postgres'),
    import('../subgraphs/complaints/module'),
    import('../subgraphs/complaints/application/import-orders-csv'),
    import('../subgraphs/complaints/application/complaint-statistics'),
  ]);
  const database = `hub_bench_${randomBytes(4).toString('hex')}`;
  const url = await ensureDatabase(MACHINE_POSTGRES_URL, database);
  const orm = await initOrm({
    databaseUrl: url,
    schema: 'complaints',
    entities: complaintsSubgraph.entities,
    migrations: await complaintsSubgraph.migrations(),
  });
  const db = new Client({ connectionString: url });
  try {
    await migrateUp(orm);
    await db.connect();
    const street = (i: number) => `1101020${String(i % 100).padStart(2, '0')}`;
    await db.query(
      `insert into complaints.compound_view (compound_id, name, district_code, street_code, governance_model, property_rights_units)
       select md5('c' || i)::uuid, '基准小区' || i || '号院', '110102', '1101020' || lpad((i % 100)::text, 2, '0'),
              (array['CONTRACT_BASED','MULTI_PARTY_CO_GOVERNANCE','GOVERNMENT_BACKSTOP'])[1 + i % 3], 1
         from generate_series(1, $1::int) i`,
      [compounds],
    );
    await db.query(
      `insert into complaints.building_view (building_id, compound_id, area_id, households)
      select md5('b' || i)::uuid, md5('c' || i)::uuid, null, 100 + i % 400 from generate_series(1, $1::int) i`,
      [compounds],
    );
    await db.query(
      `insert into complaints.taxonomy_category values ('B', '2019-01-01', null, '基准大类', 'bench', 'bench', now())`,
    );
    await db.query(
      `insert into complaints.taxonomy_item values ('B.1', '2019-01-01', null, 'B', '基准小项', 'bench', '{"CONTRACT_BASED":"PROPERTY_COMPANY","MULTI_PARTY_CO_GOVERNANCE":"PROPERTY_RIGHTS_UNITS","GOVERNMENT_BACKSTOP":"STREET_SERVICE_CENTRE"}', 'bench', now())`,
    );
    const admin: Identity = { subject: 'bench', role: 'ADMIN', organisationId: 'bench', jurisdictions: [] };
    const bureau: Identity = {
      subject: 'bench',
      role: 'CITY_BUREAU',
      organisationId: 'bench-bureau',
      jurisdictions: ['110102'],
    };

    const header =
      'order_number,received_at,caller_name,caller_phone,address,street_code,category_code,item_code,text,respond_by,resolve_by';
    // One call holds at most the CsvText bound (32 MiB): the backfill goes in files of FILE_ORDERS, each all or nothing.
    const file = (from: number, to: number) =>
      [
        header,
        ...Array.from({ length: to - from }, (_, k) => {
          const i = from + k;
          const c = 1 + (i % compounds);
          const day = String(1 + (i % 28)).padStart(2, '0');
          return `IMP-${i},2024-03-${day}T09:00:00+08:00,王某,139${String(i % 50000).padStart(8, '0')},西城区基准小区${c}号院${1 + (i % 7)}号楼,${street(c)},B,B.1,基准,2024-03-${day}T11:00:00+08:00,2024-03-${day}T23:00:00+08:00`;
        }),
      ].join('\n');
    console.log(
      `compounds: ${compounds.toLocaleString('en')} in 100 streets; load average ${load()} before the import`,
    );
    let importMs = 0;
    let importPeak = 0;
    let importNodeCpu = 0;
    let importPgCpu = 0;
    const summary = { received: 0, duplicates: 0, unmatched: 0 };
    for (let from = 0; from < imported; from += FILE_ORDERS) {
      const to = Math.min(from + FILE_ORDERS, imported);
      const csv = file(from, to);
      const [pgBefore, nodeBefore] = [backendCpuSeconds(database), process.cpuUsage()];
      const imp = await measured(() => importOrdersCsv(orm.em.fork(), admin, csv));
      const nodeCpu = process.cpuUsage(nodeBefore);
      importNodeCpu += (nodeCpu.user + nodeCpu.system) / 1000;
      importPgCpu += cpuSince(pgBefore, backendCpuSeconds(database)) * 1000;
      importMs += imp.ms;
      importPeak = Math.max(importPeak, imp.peakRss);
      for (const k of ['received', 'duplicates', 'unmatched'] as const) summary[k] += imp.result[k];
      console.log(
        `  file of ${(to - from).toLocaleString('en')} orders (${(csv.length / 1024 / 1024).toFixed(1)} M characters): ${(imp.ms / 1000).toFixed(1)} s, ${Math.round((to - from) / (imp.ms / 1000)).toLocaleString('en')} orders/s`,
      );
    }
    console.log(
      `CSV import of ${imported.toLocaleString('en')} orders: ${(importMs / 1000).toFixed(1)} s, ${Math.round(imported / (importMs / 1000)).toLocaleString('en')} orders/s (target ≥ 20,000), peak RSS ${mb(importPeak)}; CPU ${(importNodeCpu / 1000).toFixed(1)} s Node + ${(importPgCpu / 1000).toFixed(1)} s PostgreSQL, ${(((importNodeCpu + importPgCpu) / imported) * 1000).toFixed(0)} µs per order; ${JSON.stringify(summary)}; load average ${load()}`,
    );
    // The imported orders' later steps, set-based (not the import path), so that the rates have answers to count.
    await db.query(
      `update complaints.complaint_order o set
          status = case when n % 5 = 0 then 'AWAITING_MATCH' when n % 3 = 0 then 'CLOSED' else 'ACCEPTED' end,
          compound_id = case when n % 5 = 0 then null else o.compound_id end,
          responded_at = case when n % 5 <> 0 then o.received_at + (n % 4) * interval '1 hour' end,
          closed_at = case when n % 3 = 0 and n % 5 <> 0 then o.received_at + interval '3 days' end,
          resolved_by_caller = case when n % 3 = 0 and n % 5 <> 0 then n % 2 = 0 end,
          satisfaction = case when n % 3 = 0 and n % 5 <> 0 then (array['SATISFIED','BASICALLY_SATISFIED','DISSATISFIED'])[1 + n % 3] end
         from (select id, substr(order_number, 5)::int as n from complaints.complaint_order where order_number like 'IMP-%') i
        where o.id = i.id`,
    );
    const gen = await measured(() =>
      db.query(
        `insert into complaints.complaint_order (id, order_number, sender_id, received_at, caller_key, address_text, street_code, compound_id, category_code, item_code, text,
            respond_by, resolve_by, status, responded_at, closed_at, resolved_by_caller, satisfaction, sequence)
         select gen_random_uuid(), 'GEN-' || i, 'bench', t, md5('k' || (i % 50000)), '', '1101020' || lpad(((i % $2::int + 1) % 100)::text, 2, '0'), md5('c' || (i % $2::int + 1))::uuid,
                'B', 'B.1', '', t + interval '2 hours', t + interval '7 days',
                case when i % 5 = 0 then 'AWAITING_MATCH' when i % 3 = 0 then 'CLOSED' else 'ACCEPTED' end,
                case when i % 5 <> 0 then t + interval '1 hour' end,
                case when i % 3 = 0 and i % 5 <> 0 then t + interval '3 days' end,
                case when i % 3 = 0 and i % 5 <> 0 then i % 2 = 0 end,
                case when i % 3 = 0 and i % 5 <> 0 then (array['SATISFIED','BASICALLY_SATISFIED','DISSATISFIED'])[1 + i % 3] end, 1
           from generate_series(1, $1::int) i, lateral (select timestamptz '2019-01-01' + (i % 2000) * interval '1 day' as t) d`,
        [Math.max(orders - imported, 0), compounds],
      ),
    );
    await db.query('vacuum analyze complaints.complaint_order');
    console.log(
      `generated ${Math.max(orders - imported, 0).toLocaleString('en')} more orders set-based in ${(gen.ms / 1000).toFixed(1)} s (not the import path)`,
    );

    const rounds: Record<string, number[]> = { COMPOUND: [], GOVERNANCE_MODEL: [] };
    let peak = 0;
    for (let round = 0; round < 3; round++) {
      for (const group of ['COMPOUND', 'GOVERNANCE_MODEL'] as const) {
        const r = await measured(() => complaintStatistics(orm.em.fork(), bureau, group));
        rounds[group].push(r.ms);
        peak = Math.max(peak, r.peakRss);
        if (round === 0)
          console.log(
            `  ${group}: ${r.result.length.toLocaleString('en')} groups, e.g. ${JSON.stringify(r.result[0]?.response)}`,
          );
      }
    }
    for (const [group, ms] of Object.entries(rounds)) {
      console.log(
        `rates for the city by ${group}: median ${median(ms).toFixed(0)} ms (rounds ${ms.map((m) => m.toFixed(0)).join(', ')} ms), target ≤ 2,000 ms`,
      );
    }
    console.log(`peak RSS during the rates: ${mb(peak)}; load average ${load()}`);
  } finally {
    await orm.close().catch(() => undefined);
    await db.end().catch(() => undefined);
    if (process.env.BENCH_KEEP_DATABASE === '1')
      console.log(`kept ${database} (BENCH_KEEP_DATABASE=1): drop it yourself`);
    else
      await dropDatabase(MACHINE_POSTGRES_URL, database).catch((e) =>
        console.error(`could not drop ${database}: ${e}`),
      );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
