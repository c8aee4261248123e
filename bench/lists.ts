/**
 * Benchmark: the lists a role pages through, at 100,000 rows in the table (issue 16, target 2), and a company's
 * `arrears(first: 50)` with households under 10 connections (issue 16: ≥ 300 RPS).
 *
 * The litigation, areas, contracts and arrears subgraphs and the gateway run in this process over a fresh database;
 * set-based INSERT … SELECT generate_series statements write (test/support/list-rows.ts for the last three):
 * - 100,000 sent referrals to the Haidian court (+10,000 to another court);
 * - 100,000 filings waiting for review in a Haidian street (+10,000 in Xicheng), each of its own contract;
 * - a compound of 500 buildings × 200 households in 广安门外 (100,000 households);
 * - one arrears account per household of it for a company, 6 monthly fees each (600,000 charges);
 * then VACUUM ANALYZE (as autovacuum leaves a settled table). Through the gateway, one request at a time, each with
 * a fresh x-request-id, interleaved rounds, it prints p50/p95 per list of:
 * - the first page of 50 (items only), and with `totalCount` (counted when asked);
 * - a page 50,000 rows deep by cursor (`after`) and by `offset`.
 * Target: p95 ≤ 50 ms for the first page and the cursor page. Then a company's first arrears page as a statement on
 * PostgreSQL, the aggregate over its open charges (before the stored balance) against the stored balance,
 * after a warm-up, the order alternating, with their ratio and whether both give the same rows. Last, the RPS at 10
 * connections of `arrears(first: 50)` with each household's unit, room and owner name (areas, through `_entities`),
 * beside the same page without households and a court's first referrals page (the machine's reference at that
 * moment): the three in rotating order over the same rounds, their median RPS and ratios.
 *
 *   npm run bench:lists                    # 3 rounds × 20 requests per variant; 3 rounds × 10 s of each load
 *   npm run bench:lists -- 5 40 20         # rounds, requests per variant and round, seconds of load
 *
 * PostgreSQL: DATABASE_URL or postgres://postgres@127.0.0.1:5432 (hub_bench_lists_<random>, dropped at the end).
 * Kafka: KAFKA_BROKERS.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Identity } from '../kernel/identity';
import { loadHubModules, withoutRateLimits } from './hub-modules';
import { closedLoop, median, percentile } from './load';
import { generateArrears, generateFilings, generateHouseholds, generateReferrals } from '../test/support/list-rows';

const ROWS = 100_000;
const dig = (data: unknown, path: string[]): unknown =>
  path.reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], data);

async function main() {
  const rounds = Number(process.argv[2] ?? process.env.BENCH_ROUNDS ?? 3);
  const perRound = Number(process.argv[3] ?? process.env.BENCH_QUERIES ?? 20);
  const loadSeconds = Number(process.argv[4] ?? process.env.BENCH_SECONDS ?? 10);
  const {
    DEFAULT_EDGE_CONFIG,
    MACHINE_POSTGRES_URL,
    cursorOf,
    dropDatabase,
    ensureDatabase,
    gatewayClient,
    kafkaBrokersFromEnv,
    brokerCredentialsFromEnv,
    loadCourts,
    mintUserToken,
    startHub,
    tokenSettings,
  } = await loadHubModules();
  const brokers = kafkaBrokersFromEnv();
  if (!brokers) throw new Error('set KAFKA_BROKERS (or run `npm run kafka:start` and KAFKA_BROKERS=127.0.0.1:19092)');
  const adminUrl = process.env.DATABASE_URL ?? MACHINE_POSTGRES_URL;
  const database = `hub_bench_lists_${randomBytes(4).toString('hex')}`;
  const tokens = tokenSettings();
  const edge = withoutRateLimits(DEFAULT_EDGE_CONFIG);
  let runningHub: Awaited<ReturnType<typeof startHub>> | undefined;
  let connected: Client | undefined;
  try {
    // Inside the try: a hub that fails to start leaves no database behind.
    const databaseUrl = await ensureDatabase(adminUrl, database);
    const hub = (runningHub = await startHub({
      databaseUrl,
      kafkaBrokers: brokers,
      kafkaCredentials: brokerCredentialsFromEnv(),
      tokens,
      topicPrefix: `benchlists${randomBytes(3).toString('hex')}.`,
      ports: 'ephemeral',
      subgraphs: ['litigation', 'areas', 'contracts', 'arrears'],
      edge,
    }));
    const db = (connected = new Client({ connectionString: databaseUrl }));
    await db.connect();
    await loadCourts(gatewayClient(hub.gatewayUrl, tokens));
    process.stderr.write(`writing ${ROWS} referrals...\n`);
    await generateReferrals(db, { courtId: 'bj-haidian-court', count: ROWS });
    await generateReferrals(db, { courtId: 'bj-xicheng-court', count: ROWS / 10 });
    await db.query('vacuum analyze litigation.referral'); // as autovacuum leaves a settled table: counts read the index alone
    process.stderr.write(`writing ${ROWS} filings, households and arrears accounts...\n`);
    await generateFilings(db, { streetCode: '110108001', count: ROWS });
    await generateFilings(db, { streetCode: '110102020', count: ROWS / 10 });
    const compoundId = await generateHouseholds(db, { streetCode: '110102020', buildings: 500, perBuilding: 200 });
    const company = '91110102MA01BENCHL';
    await generateArrears(db, { compoundId, companyId: company, months: 6 });
    for (const table of [
      'litigation.referral',
      'contracts.contract',
      'contracts.filing',
      'areas.building',
      'areas.household',
      'arrears.billable_household',
      'arrears.account',
      'arrears.charge',
    ])
      await db.query(`vacuum analyze ${table}`); // as autovacuum leaves a settled table: counts read the index alone
    const one = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows[0];
    const deepReferral = await one(
      `select created_at::text as at, id from litigation.referral where court_id = 'bj-haidian-court' and eligible order by created_at desc, id desc offset 49999 limit 1`,
    );
    const deepFiling = await one(
      `select submitted_on::text as on, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, id
         from contracts.filing where district_code = '110108' and status = 'SUBMITTED' order by submitted_on, created_at, id offset 49999 limit 1`,
    );
    const deepHousehold = await one(
      `select b.label, h.unit, h.room from areas.household h join areas.building b on b.id = h.building_id
        where b.compound_id = $1 order by b.label, h.unit, h.room offset 49999 limit 1`,
      [compoundId],
    );
    const deepAccount = await one(
      `select id, arrears_fen::text as open from arrears.account where company_id = $1 and arrears_fen > 0
        order by arrears_fen desc, id offset 49999 limit 1`,
      [company],
    );
    const who = {
      court: { subject: 'haidian-clerk', role: 'COURT', organisationId: 'bj-haidian-court', jurisdictions: ['110108'] },
      bureau: {
        subject: 'haidian-bureau',
        role: 'CITY_BUREAU',
        organisationId: 'bureau-haidian',
        jurisdictions: ['110108'],
      },
      office: {
        subject: 'guangwai-clerk',
        role: 'STREET_OFFICE',
        organisationId: 'street-office-guangwai',
        jurisdictions: ['110102020'],
      },
      company: { subject: 'company-clerk', role: 'PROPERTY_COMPANY', organisationId: company, jurisdictions: [] },
    } satisfies Record<string, Identity>;
    const tokenOf = Object.fromEntries(
      await Promise.all(Object.entries(who).map(async ([k, id]) => [k, await mintUserToken(id, tokens, '1h')])),
    ) as Record<keyof typeof who, string>;

    interface Variant {
      list: string;
      name: string;
      query: string;
      variables?: object;
      target?: boolean;
      who: keyof typeof who;
      /** Where the page's items are in `data`. */
      items: string[];
    }
    const listVariants = (
      list: string,
      whoKey: keyof typeof who,
      field: string,
      args: string,
      fields: string,
      items: string[],
      deepCursor: string,
      vars: Record<string, unknown> = {},
      argDecls = '',
    ): Variant[] => [
      {
        list,
        who: whoKey,
        items,
        name: 'first page of 50',
        query: `query(${argDecls}) { ${field.replace('ARGS', `first: 50${args}`).replace('SEL', `endCursor items { ${fields} }`)} }`,
        variables: vars,
        target: true,
      },
      {
        list,
        who: whoKey,
        items,
        name: 'first page of 50 with totalCount',
        query: `query(${argDecls}) { ${field.replace('ARGS', `first: 50${args}`).replace('SEL', `totalCount endCursor items { ${fields} }`)} }`,
        variables: vars,
      },
      {
        list,
        who: whoKey,
        items,
        name: '50 after a cursor 50,000 deep',
        query: `query(${[argDecls, '$a: Key'].filter(Boolean).join(', ')}) { ${field.replace('ARGS', `first: 50, after: $a${args}`).replace('SEL', `endCursor items { ${fields} }`)} }`,
        variables: { ...vars, a: deepCursor },
        target: true,
      },
      {
        list,
        who: whoKey,
        items,
        name: '50 at offset 50,000',
        query: `query(${argDecls}) { ${field.replace('ARGS', `first: 50, offset: 50000${args}`).replace('SEL', `items { ${fields} }`)} }`,
        variables: vars,
      },
    ];
    const strip = (q: string) => q.replace('query() ', '');
    const variants: Variant[] = [
      ...listVariants(
        "a court's referrals",
        'court',
        'referrals(ARGS) { SEL }',
        '',
        'id status amountInDisputeFen areaName submittedOn',
        ['referrals', 'items'],
        cursorOf([deepReferral.at, deepReferral.id]),
      ),
      ...listVariants(
        "a bureau's filing queue",
        'bureau',
        'filingReviewQueue(ARGS) { SEL }',
        '',
        'id status submittedOn late',
        ['filingReviewQueue', 'items'],
        cursorOf([deepFiling.on, deepFiling.at, deepFiling.id]),
      ),
      ...listVariants(
        "a street office's households",
        'office',
        'compound(id: $c) { households(ARGS) { SEL } }',
        '',
        'id unit room floorAreaM2',
        ['compound', 'households', 'items'],
        cursorOf([deepHousehold.label, deepHousehold.unit, deepHousehold.room]),
        { c: compoundId },
        '$c: ID!',
      ),
      ...listVariants(
        "a company's arrears accounts",
        'company',
        'arrears(ARGS) { SEL }',
        '',
        'accountId openFen status',
        ['arrears', 'items'],
        cursorOf([deepAccount.open, deepAccount.id]),
      ),
    ].map((v) => ({ ...v, query: strip(v.query) }));
    const post = (token: string, query: string, variables?: object) =>
      fetch(hub.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': randomUUID() },
        body: JSON.stringify({ query, variables }),
      });
    const timeOne = async (v: Variant) => {
      const started = performance.now();
      const res = await post(tokenOf[v.who], v.query, v.variables);
      const body = (await res.json()) as { errors?: unknown[]; data?: unknown };
      const took = performance.now() - started;
      if (res.status !== 200 || body.errors || (dig(body.data, v.items) as unknown[] | undefined)?.length !== 50)
        throw new Error(`${v.list}, ${v.name} failed: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
      return took;
    };
    for (const v of variants) for (let i = 0; i < 3; i++) await timeOne(v); // warm-up
    const key = (v: Variant) => `${v.list}: ${v.name}`;
    const latencies = new Map(variants.map((v) => [key(v), [] as number[]]));
    for (let round = 0; round < rounds; round++) {
      const order = variants.map((_, i) => variants[(i + round) % variants.length]);
      for (const v of order) for (let i = 0; i < perRound; i++) latencies.get(key(v))!.push(await timeOne(v));
      process.stderr.write(`round ${round + 1}/${rounds} done\n`);
    }

    const lines = [
      '',
      `Lists at ${ROWS} rows for the caller (+${ROWS / 10} for another where it applies), through the gateway, ${rounds} interleaved rounds × ${perRound}:`,
    ];
    let list = '';
    for (const v of variants) {
      if (v.list !== list) lines.push(`${(list = v.list)}:`);
      const sorted = latencies.get(key(v))!.sort((a, b) => a - b);
      const p95 = percentile(sorted, 95);
      const verdict = v.target ? `  (target p95 ≤ 50 ms: ${p95 <= 50 ? 'met' : 'NOT met'})` : '';
      lines.push(
        `  ${v.name.padEnd(34)} p50 ${percentile(sorted, 50).toFixed(1).padStart(7)} ms  p95 ${p95.toFixed(1).padStart(7)} ms${verdict}`,
      );
    }
    lines.push('');
    // A company's first arrears page as statements on PostgreSQL, interleaved: the aggregate over every open charge
    // as of today the list ran before the stored balance (main at 5a76077), and the read of the stored balance.
    const statements = {
      'aggregate over open charges (before)': `
        select a.id, sum(c.amount_fen - c.paid_fen - c.waived_fen) filter (where c.due_on < $2::date and not c.voluntary)::int8 as open_fen
          from arrears.account a left join arrears.charge c on c.account_id = a.id and c.amount_fen > c.paid_fen + c.waived_fen
         where a.company_id = $1 group by a.id
        having coalesce(sum(c.amount_fen - c.paid_fen - c.waived_fen) filter (where c.due_on < $2::date and not c.voluntary), 0) > 0
         order by 2 desc, a.id limit 51`,
      'stored balance (after)': `
        select p.id, p.arrears_fen as open_fen,
               (select coalesce(sum(c.amount_fen - c.paid_fen - c.waived_fen), 0)::int8 from arrears.charge c
                 where c.account_id = p.id and c.amount_fen > c.paid_fen + c.waived_fen) as all_open_fen
          from (select a.id, a.arrears_fen from arrears.account a where a.company_id = $1 and a.arrears_fen > 0
                 order by a.arrears_fen desc, a.id limit 51) p order by p.arrears_fen desc, p.id`,
    };
    const asOf = (await one(`select as_of::text as d from arrears.balance_day`)).d as string;
    const sqlTimes = new Map(Object.keys(statements).map((k) => [k, [] as number[]]));
    const firstIds = new Map<string, string>();
    const runStatement = async (name: string, sql: string) => {
      const at = performance.now();
      const { rows } = await db.query(sql, name.includes('before') ? [company, asOf] : [company]);
      firstIds.set(name, rows.map((r: { id: string }) => r.id).join());
      return performance.now() - at;
    };
    const entries = Object.entries(statements);
    // Warm-up, untimed: plans, the buffer cache and the connection, for both alike.
    for (let i = 0; i < 3; i++) for (const [name, sql] of entries) await runStatement(name, sql);
    // Timed, the order alternating run by run (before, after; after, before; …): neither always runs first.
    for (let run = 0; run < rounds * perRound; run++)
      for (const [name, sql] of run % 2 === 0 ? entries : [...entries].reverse())
        sqlTimes.get(name)!.push(await runStatement(name, sql));
    const [beforeIds, afterIds] = [...firstIds.values()];
    lines.push(
      `A company's first arrears page as a statement on PostgreSQL (${ROWS} accounts, ${ROWS * 6} charges), ${rounds * perRound} runs each after 3 warm-up runs, the order alternating; same 51 rows in the same order: ${beforeIds === afterIds ? 'yes' : 'NO'}`,
    );
    const medians: number[] = [];
    for (const [name, times] of sqlTimes) {
      const sorted = times.sort((a, b) => a - b);
      medians.push(percentile(sorted, 50));
      lines.push(
        `  ${name.padEnd(38)} p50 ${percentile(sorted, 50).toFixed(1).padStart(7)} ms  p95 ${percentile(sorted, 95).toFixed(1).padStart(7)} ms`,
      );
    }
    lines.push(`  before/after p50: ${(medians[0] / medians[1]).toFixed(2)}×`, '');
    // The lists' figures first: a failure under the load below must not lose them.
    process.stdout.write(lines.join('\n'));
    // arrears(first: 50) with households: 10 connections for `loadSeconds`, each request unique.
    const ARREARS_WITH_HOUSEHOLDS =
      '{ arrears(first: 50) { items { accountId openFen household { unit room ownerName } } } }';
    // Beside it, in the same run and under the same machine load: the arrears page alone (no households) and a
    // court's first page of referrals, so the figure reads as a ratio to what this machine serves at the time.
    const loads: [string, string, keyof typeof who][] = [
      ["a company's arrears(first: 50) with households", ARREARS_WITH_HOUSEHOLDS, 'company'],
      [
        "a company's arrears(first: 50) without households",
        '{ arrears(first: 50) { items { accountId openFen } } }',
        'company',
      ],
      ["a court's referrals(first: 50)", '{ referrals(first: 50) { items { id status } } }', 'court'],
    ];
    const loadOf = (query: string, caller: keyof typeof who, seconds: number) =>
      closedLoop(10, seconds, async () => {
        const res = await post(tokenOf[caller], query);
        const text = await res.text();
        let errors: unknown;
        try {
          errors = (JSON.parse(text) as { errors?: unknown[] }).errors;
        } catch {
          errors = 'not JSON';
        }
        return res.status !== 200 || errors ? `${res.status} ${text}` : null;
      });
    // Warm-up, untimed: each of the three for a few seconds.
    for (const [, query, caller] of loads) await loadOf(query, caller, Math.min(loadSeconds, 3));
    // The three in rotating order over the rounds (each first once in three rounds), so that no one of them always
    // meets the machine fresh or tired; the medians over the rounds and their ratios.
    const rps = loads.map(() => [] as number[]);
    const failures = loads.map(() => ({ failed: 0, first: '' }));
    for (let round = 0; round < rounds; round++) {
      const figures: string[] = [];
      for (let k = 0; k < loads.length; k++) {
        const i = (k + round) % loads.length;
        const [, query, caller] = loads[i];
        const result = await loadOf(query, caller, loadSeconds);
        rps[i].push(result.rps);
        failures[i].failed += result.failed;
        failures[i].first ||= result.firstFailure;
        figures.push(`${loads[i][0]} ${result.rps.toFixed(1)}`);
      }
      process.stderr.write(`load round ${round + 1}/${rounds}: ${figures.join(', ')} RPS\n`);
    }
    const out = [
      `10 connections, ${loadSeconds} s each, ${rounds} rounds in rotating order (median RPS), a fresh x-request-id per request (${ROWS} accounts):`,
    ];
    // Index 0 is the page with households, the one with the target; the others read as its ratio to them.
    const withHouseholds = median(rps[0]);
    loads.forEach(([name], i) => {
      const mid = median(rps[i]);
      const target =
        i === 0
          ? ` (target ≥ 300: ${mid >= 300 ? 'met' : 'NOT met'})`
          : ` (with households: ${mid > 0 ? `${(withHouseholds / mid).toFixed(2)}×` : '—, nothing answered'} this)`;
      out.push(
        `  ${name.padEnd(52)} ${mid.toFixed(1).padStart(7)} RPS answered without error (rounds ${rps[i].map((r) => r.toFixed(1)).join(', ')})${target}`,
      );
      if (failures[i].failed > 0)
        out.push(`    ${failures[i].failed} requests failed; the first: ${failures[i].first}`);
    });
    process.stdout.write([...out, ''].join('\n'));
  } finally {
    await connected?.end();
    await runningHub?.stop();
    await dropDatabase(adminUrl, database);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
