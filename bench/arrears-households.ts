/**
 * Benchmark: a company's `arrears(first: 50)` with each household's unit, room and owner name (areas, through
 * `_entities`) at 10 connections (issue 16: ≥ 300 RPS), this build against a baseline build, side by side in one run.
 *
 * Two hubs (litigation, areas, contracts, arrears and the gateway), each in a process of its own
 * (bench/build-hub.ts): this checkout's `dist` and, with BENCH_BASELINE_DIST, another checkout's built `dist`
 * (e.g. main: `git archive main | tar -x -C /tmp/base && ln -s $PWD/node_modules /tmp/base && (cd /tmp/base && npx
 * tsc -p tsconfig.build.json)`), over one fresh database: a compound of 500 × 200 households, one arrears account
 * of a company per household with 6 monthly fees (test/support/list-rows.ts), and 100,000 referrals to a court.
 * Interleaved rounds (the hubs' order alternating), each loading, for `seconds` at 10 connections with a fresh
 * x-request-id per request: the page with households, the same page without households and a court's first page of
 * referrals (the machine's reference at that moment). It prints each hub's median RPS, p50 and CPU time per request
 * (the hub process's user + system time over the phase: on a machine shared with other work, the figure that moves
 * least) over the rounds, the ratios with households / referrals and this build / baseline, and whether both hubs
 * answer the page alike.
 *
 *   npm run build && BENCH_BASELINE_DIST=/tmp/base/dist KAFKA_BROKERS=… node dist/bench/arrears-households.js [rounds] [seconds]
 *
 * BENCH_HUB_FLAGS: node flags for the hubs' processes (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`).
 * PostgreSQL: DATABASE_URL or postgres://postgres@127.0.0.1:5432 (hub_bench_households_<random>, dropped at the end).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import type { Identity } from '../kernel/identity';
import { loadHubModules } from './hub-modules';
import { closedLoop, median } from './load';
import type { BuildHubMessage, BuildHubStart } from './build-hub';
import { generateArrears, generateHouseholds, generateReferrals } from '../test/support/list-rows';

interface BuildHub {
  name: string;
  url: string;
  child: ChildProcess;
}

function startBuildHub(name: string, dist: string, start: BuildHubStart): Promise<BuildHub> {
  const child = fork(path.join(__dirname, 'build-hub.js'), [dist], {
    env: { ...process.env, BUILD_HUB: JSON.stringify(start) },
    execArgv: process.env.BENCH_HUB_FLAGS?.split(' ').filter(Boolean) ?? [],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${name}'s hub exited (${code}) before it served`)));
    child.on('message', (message: BuildHubMessage) => {
      if ('ready' in message) resolve({ name, url: message.url, child });
      if ('failed' in message) reject(new Error(`${name}'s hub failed: ${message.failed}`));
    });
  });
}

/** The CPU time (ms) the hub's process has used so far. */
const cpuOf = (hub: BuildHub) =>
  new Promise<number>((resolve) => {
    const answer = (message: BuildHubMessage) => {
      if (!('cpuMs' in message)) return;
      hub.child.off('message', answer);
      resolve(message.cpuMs);
    };
    hub.child.on('message', answer);
    hub.child.send('cpu');
  });

const stopBuildHub = (hub: BuildHub) =>
  new Promise<void>((resolve) => {
    hub.child.removeAllListeners('exit');
    hub.child.once('exit', () => resolve());
    hub.child.send('stop');
  });

async function main() {
  const rounds = Number(process.argv[2] ?? 3);
  const seconds = Number(process.argv[3] ?? 10);
  const {
    MACHINE_POSTGRES_URL,
    dropDatabase,
    ensureDatabase,
    gatewayClient,
    loadCourts,
    mintUserToken,
    tokenSettings,
  } = await loadHubModules();
  const adminUrl = process.env.DATABASE_URL ?? MACHINE_POSTGRES_URL;
  const database = `hub_bench_households_${randomBytes(4).toString('hex')}`;
  const databaseUrl = await ensureDatabase(adminUrl, database);
  const hubs: BuildHub[] = [];
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const prefix = `benchhh${randomBytes(3).toString('hex')}`;
    // One after the other: the first runs the migrations.
    hubs.push(
      await startBuildHub('this build', path.join(__dirname, '..'), { databaseUrl, topicPrefix: `${prefix}a.` }),
    );
    const baseline = process.env.BENCH_BASELINE_DIST;
    if (baseline)
      hubs.push(
        await startBuildHub(`baseline (${baseline})`, path.resolve(baseline), {
          databaseUrl,
          topicPrefix: `${prefix}b.`,
        }),
      );
    const tokens = tokenSettings();
    await loadCourts(gatewayClient(hubs[0].url, tokens));
    process.stderr.write('writing 100000 households, arrears accounts and referrals...\n');
    const compoundId = await generateHouseholds(db, { streetCode: '110102020', buildings: 500, perBuilding: 200 });
    const company = '91110102MA01BENCHH';
    await generateArrears(db, { compoundId, companyId: company, months: 6 });
    await generateReferrals(db, { courtId: 'bj-haidian-court', count: 100_000 });
    for (const table of [
      'litigation.referral',
      'areas.building',
      'areas.household',
      'arrears.billable_household',
      'arrears.account',
      'arrears.charge',
    ])
      await db.query(`vacuum analyze ${table}`);
    const who = {
      court: { subject: 'haidian-clerk', role: 'COURT', organisationId: 'bj-haidian-court', jurisdictions: ['110108'] },
      company: { subject: 'company-clerk', role: 'PROPERTY_COMPANY', organisationId: company, jurisdictions: [] },
    } satisfies Record<string, Identity>;
    const tokenOf = {
      court: await mintUserToken(who.court, tokens, '1h'),
      company: await mintUserToken(who.company, tokens, '1h'),
    };
    const post = async (url: string, caller: keyof typeof who, query: string) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${tokenOf[caller]}`,
          'x-request-id': randomUUID(),
        },
        body: JSON.stringify({ query }),
      });
      return { status: res.status, body: (await res.json()) as { errors?: unknown[]; data?: unknown } };
    };
    const WITH_HOUSEHOLDS = '{ arrears(first: 50) { items { accountId openFen household { unit room ownerName } } } }';
    const loads: [string, string, keyof typeof who][] = [
      ['arrears(first: 50) with households', WITH_HOUSEHOLDS, 'company'],
      ['arrears(first: 50) without households', '{ arrears(first: 50) { items { accountId openFen } } }', 'company'],
      ["a court's referrals(first: 50)", '{ referrals(first: 50) { items { id status } } }', 'court'],
    ];
    // Both builds answer the page alike (the same 50 accounts with the same households), and every household resolves.
    const answers = await Promise.all(hubs.map((h) => post(h.url, 'company', WITH_HOUSEHOLDS)));
    const items = (answers[0].body.data as { arrears: { items: { household: unknown }[] } } | undefined)?.arrears.items;
    if (answers[0].body.errors || items?.length !== 50 || items.some((i) => i.household == null))
      throw new Error(`the page with households failed: ${JSON.stringify(answers[0].body).slice(0, 300)}`);
    const alike = answers.every((a) => JSON.stringify(a.body) === JSON.stringify(answers[0].body));

    const loadOf = async (hub: BuildHub, query: string, caller: keyof typeof who) => {
      const { url } = hub;
      const cpuBefore = await cpuOf(hub);
      const { latencies, failed, firstFailure, rps } = await closedLoop(10, seconds, async () => {
        const { status, body } = await post(url, caller, query);
        return status !== 200 || body.errors ? JSON.stringify(body) : null;
      });
      if (failed > 0) process.stderr.write(`${failed} requests failed; the first: ${firstFailure}\n`);
      return { rps, p50: median(latencies), cpuMs: ((await cpuOf(hub)) - cpuBefore) / (latencies.length + failed) };
    };
    for (const hub of hubs) for (const [, query, caller] of loads) await loadOf(hub, query, caller); // warm-up
    const figures = new Map<string, { rps: number[]; p50: number[]; cpuMs: number[] }>();
    const at = (hub: BuildHub, load: string) => {
      const key = `${hub.name}|${load}`;
      if (!figures.has(key)) figures.set(key, { rps: [], p50: [], cpuMs: [] });
      return figures.get(key)!;
    };
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? hubs : [...hubs].reverse();
      for (const [name, query, caller] of loads)
        for (const hub of order) {
          const { rps, p50, cpuMs } = await loadOf(hub, query, caller);
          at(hub, name).rps.push(rps);
          at(hub, name).p50.push(p50);
          at(hub, name).cpuMs.push(cpuMs);
        }
      process.stderr.write(`round ${round + 1}/${rounds} done\n`);
    }
    const lines = [
      '',
      `10 connections, ${rounds} interleaved rounds × ${seconds} s per hub and query, medians over the rounds; both hubs answer the page alike: ${alike ? 'yes' : 'NO'}`,
    ];
    for (const hub of hubs) {
      lines.push(`${hub.name}:`);
      const reference = median(at(hub, loads[2][0]).rps);
      for (const [name] of loads) {
        const { rps, p50, cpuMs } = at(hub, name);
        lines.push(
          `  ${name.padEnd(40)} ${median(rps).toFixed(1).padStart(7)} RPS  p50 ${median(p50).toFixed(1).padStart(6)} ms  (${(median(rps) / reference).toFixed(2)}× the referrals)  hub CPU ${median(cpuMs).toFixed(1).padStart(5)} ms/request`,
        );
      }
    }
    if (hubs.length === 2) {
      lines.push(`${hubs[0].name} / ${hubs[1].name}, per round (median; rounds in brackets):`);
      const ratiosOf = (ours: number[], base: number[]) => {
        const ratios = ours.map((r, i) => r / base[i]);
        return `${median(ratios).toFixed(2)}× (${ratios.map((r) => r.toFixed(2)).join(', ')})`;
      };
      for (const [name] of loads) {
        const [ours, base] = hubs.map((h) => at(h, name));
        lines.push(
          `  ${name.padEnd(40)} RPS ${ratiosOf(ours.rps, base.rps)}  hub CPU per request ${ratiosOf(ours.cpuMs, base.cpuMs)}`,
        );
      }
    }
    process.stdout.write([...lines, ''].join('\n'));
  } finally {
    await db.end();
    await Promise.all(hubs.map(stopBuildHub));
    await dropDatabase(adminUrl, database);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
