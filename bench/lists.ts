/**
 * Benchmark: the lists a role pages through, at 100,000 rows in the table (issue 16, target 2).
 *
 * Done so far: a court's referrals. The litigation subgraph and the gateway run in this process over a fresh
 * database; one set-based INSERT … SELECT generate_series writes 100,000 sent referrals to the Haidian court (and
 * 10,000 to another court, so the index has neighbours), then VACUUM ANALYZE (as autovacuum leaves a settled
 * table). Through the gateway, one request at a time, each with a fresh x-request-id, interleaved rounds, it
 * prints p50/p95 of:
 * - the first page of 50 (items only), and with `totalCount` (counted from the index when asked);
 * - a page 50,000 rows deep by cursor (`after`) and by `offset` (what the list could only do before).
 * Target: p95 ≤ 50 ms for the first page and the cursor page.
 *
 *   npm run bench:lists                    # 5 rounds × 40 requests per variant
 *   npm run bench:lists -- 8 50            # rounds, requests per variant and round
 *
 * PostgreSQL: DATABASE_URL or postgres://postgres@127.0.0.1:5432 (hub_bench_lists_<random>, dropped at the end).
 * Kafka: KAFKA_BROKERS.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Identity } from '../kernel/identity';
import { loadHubModules, withoutRateLimits } from './hub-modules';

const ROWS = 100_000;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

async function main() {
  const rounds = Number(process.argv[2] ?? process.env.BENCH_ROUNDS ?? 5);
  const perRound = Number(process.argv[3] ?? process.env.BENCH_QUERIES ?? 40);
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
  const databaseUrl = await ensureDatabase(adminUrl, database);
  const hub = await startHub({
    databaseUrl,
    kafkaBrokers: brokers,
    kafkaCredentials: brokerCredentialsFromEnv(),
    tokens,
    topicPrefix: `benchlists${randomBytes(3).toString('hex')}.`,
    ports: 'ephemeral',
    subgraphs: ['litigation'],
    edge,
  });
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await loadCourts(gatewayClient(hub.gatewayUrl, tokens));
    process.stderr.write(`writing ${ROWS} referrals...\n`);
    const insert = (court: string, rows: number) =>
      db.query(
        `insert into litigation.referral (id, company_id, court_id, account_id, household_id, area_id, area_name, street_code, district_code, eligible, eligibility,
                                          status, amount_in_dispute_fen, grand_total_fen, submitted_on, submitted_by, created_at)
         select gen_random_uuid(), '91110108MA01CO' || lpad((i % 50)::text, 4, '0'), $1, gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), '学院南路' || (i % 200) || '号院',
                '110108001', '110108', true, '{"eligible":true,"failures":[]}'::jsonb, 'SUBMITTED', 10000 + i % 90000, 10000 + i % 90000, current_date, 'bench',
                now() - make_interval(secs => i)
           from generate_series(1, $2::int) i`,
        [court, rows],
      );
    await insert('bj-haidian-court', ROWS);
    await insert('bj-xicheng-court', ROWS / 10);
    await db.query('vacuum analyze litigation.referral'); // as autovacuum leaves a settled table: counts read the index alone
    const deep = (
      await db.query(
        `select created_at::text as at, id from litigation.referral where court_id = 'bj-haidian-court' and eligible order by created_at desc, id desc offset 49999 limit 1`,
      )
    ).rows[0];
    const court: Identity = {
      subject: 'haidian-clerk',
      role: 'COURT',
      organisationId: 'bj-haidian-court',
      jurisdictions: ['110108'],
    };
    const token = await mintUserToken(court, tokens, '1h');
    const FIELDS = 'id status amountInDisputeFen areaName submittedOn';
    const variants: { name: string; query: string; variables?: object; target?: boolean }[] = [
      { name: 'first page of 50', query: `{ referrals(first: 50) { endCursor items { ${FIELDS} } } }`, target: true },
      {
        name: 'first page of 50 with totalCount',
        query: `{ referrals(first: 50) { totalCount endCursor items { ${FIELDS} } } }`,
      },
      {
        name: '50 after a cursor 50,000 deep',
        query: `query($a: Key) { referrals(first: 50, after: $a) { endCursor items { ${FIELDS} } } }`,
        variables: { a: cursorOf([deep.at, deep.id]) },
        target: true,
      },
      { name: '50 at offset 50,000', query: `{ referrals(first: 50, offset: 50000) { items { ${FIELDS} } } }` },
    ];
    const timeOne = async (v: (typeof variants)[number]) => {
      const started = performance.now();
      const res = await fetch(hub.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': randomUUID() },
        body: JSON.stringify({ query: v.query, variables: v.variables }),
      });
      const body = (await res.json()) as { errors?: unknown[]; data?: { referrals: { items: unknown[] } } };
      const took = performance.now() - started;
      if (res.status !== 200 || body.errors || body.data?.referrals.items.length !== 50)
        throw new Error(`${v.name} failed: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
      return took;
    };
    for (const v of variants) for (let i = 0; i < 5; i++) await timeOne(v); // warm-up
    const latencies = new Map(variants.map((v) => [v.name, [] as number[]]));
    for (let round = 0; round < rounds; round++) {
      const order = variants.map((_, i) => variants[(i + round) % variants.length]);
      for (const v of order) for (let i = 0; i < perRound; i++) latencies.get(v.name)!.push(await timeOne(v));
      process.stderr.write(`round ${round + 1}/${rounds} done\n`);
    }
    const lines = [
      '',
      `A court's referrals, ${ROWS} in the table for it (+${ROWS / 10} for another court), through the gateway, ${rounds} interleaved rounds × ${perRound}:`,
    ];
    for (const v of variants) {
      const sorted = latencies.get(v.name)!.sort((a, b) => a - b);
      const p95 = percentile(sorted, 95);
      const verdict = v.target ? `  (target p95 ≤ 50 ms: ${p95 <= 50 ? 'met' : 'NOT met'})` : '';
      lines.push(
        `  ${v.name.padEnd(34)} p50 ${percentile(sorted, 50).toFixed(1).padStart(7)} ms  p95 ${p95.toFixed(1).padStart(7)} ms${verdict}`,
      );
    }
    lines.push('');
    process.stdout.write(lines.join('\n'));
  } finally {
    await db.end();
    await hub.stop();
    await dropDatabase(adminUrl, database);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
