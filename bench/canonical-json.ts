/**
 * Benchmark: `canonicalJson` (kernel/canonical-json.ts), which every consumer runs on every event it applies (the
 * inbox's digest), and idempotency keys, evidence chains and case packages on theirs. This build against a baseline
 * build's, in interleaved rounds (the order alternating), on payloads in the hub's shapes: an account's claim
 * snapshot event (two years of monthly fees) and a small idempotent request. Prints each side's median µs per call
 * over the rounds and new / baseline, and checks that both give the same text.
 *
 *   npm run build && BENCH_BASELINE_DIST=<a checkout's built dist> node dist/bench/canonical-json.js [rounds, 6] [ms per round, 400]
 *
 * Without BENCH_BASELINE_DIST it times this build alone.
 */
import path from 'node:path';
import { median, runBenchmark } from './load';

type Canonical = (value: unknown) => string;

const load = async (dist: string): Promise<Canonical> =>
  ((await import(path.resolve(dist, 'kernel/canonical-json.js'))) as { canonicalJson: Canonical }).canonicalJson;

const month = (i: number) => `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Illustrative values in the events' own shapes (schemas/events/), not figures of any seed. */
const PAYLOADS: Record<string, unknown> = {
  'hub.arrears.claim.updated, 24 charges': {
    type: 'hub.arrears.claim.updated',
    data: {
      accountId: uuid(1),
      companyId: '91110102MA0000TEST',
      householdId: uuid(2),
      areaId: uuid(3),
      areaName: '红居南街6号院',
      streetCode: '110102014',
      districtCode: '110102',
      buildingId: uuid(4),
      unit: '2',
      room: '301',
      floorAreaCentiM2: 8_650,
      ownerReference: null,
      status: 'IN_COLLECTION',
      version: 37,
      asOf: '2026-11-30',
      charges: Array.from({ length: 24 }, (_, i) => ({
        chargeId: uuid(100 + i),
        kind: 'SERVICE_FEE',
        month: month(i),
        dueOn: `${month(i)}-15`,
        filingId: uuid(5),
        floorAreaCentiM2: 8_650,
        rateFen: 280,
        amountFen: 24_220,
        paidFen: i < 10 ? 24_220 : 0,
        waivedFen: 0,
        openFen: i < 10 ? 0 : 24_220,
        limitationEndsOn: `${month(i + 36)}-15`,
        lateFeeFen: 0,
      })),
    },
  },
  'an idempotent request': { operation: 'recordPayment', accountId: uuid(1), amountFen: 24_220, paidOn: '2026-11-30' },
};

/** Calls `fn` on `value` for about `ms` milliseconds; µs per call. */
function time(fn: Canonical, value: unknown, ms: number): number {
  let calls = 0;
  const started = process.hrtime.bigint();
  const until = started + BigInt(ms) * 1_000_000n;
  let now = started;
  while (now < until) {
    for (let i = 0; i < 100; i++) fn(value);
    calls += 100;
    now = process.hrtime.bigint();
  }
  return Number(now - started) / 1000 / calls;
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 6);
  const ms = Number(process.argv[3] ?? 400);
  const sides: [string, Canonical][] = [['this build', await load(path.resolve(__dirname, '..'))]];
  if (process.env.BENCH_BASELINE_DIST) sides.push(['baseline', await load(process.env.BENCH_BASELINE_DIST)]);
  for (const [name, value] of Object.entries(PAYLOADS)) {
    const texts = new Set(sides.map(([, fn]) => fn(value)));
    if (texts.size !== 1) throw new Error(`the builds give different texts for the ${name}`);
    for (const [, fn] of sides) time(fn, value, 100); // warm-up
    const perSide = sides.map(() => [] as number[]);
    for (let round = 0; round < rounds; round++) {
      const order = sides.map((_, i) => i);
      if (round % 2 === 1) order.reverse();
      for (const i of order) perSide[i].push(time(sides[i][1], value, ms));
    }
    const medians = perSide.map(median);
    const line = sides.map(([side], i) => `${side} ${medians[i].toFixed(2)} µs`).join(', ');
    const ratio = medians.length === 2 ? `, ${(medians[0] / medians[1]).toFixed(2)}× the baseline` : '';
    console.log(`${name} (${texts.values().next().value!.length} characters): ${line}${ratio}`);
  }
}

runBenchmark(main);
