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
 * x-request-id per request: the page with households, the same page without households, a court's first page of
 * referrals (the machine's reference at that moment), and the page's two subgraph fetches sent to each subgraph
 * alone as the gateway sends them (with the identity assertion), so that what is left of the page's cost is the
 * gateway's. It prints each hub's median RPS, p50 and CPU time per request (the hub process's user + system time over
 * the phase: on a machine shared with other work, the figure that moves least; and its main thread's alone, where
 * the gateway and the subgraphs run their JavaScript) over the rounds, the ratios with households / referrals and
 * this build / baseline, and whether both hubs answer the page alike.
 *
 *   npm run build && BENCH_BASELINE_DIST=/tmp/base/dist KAFKA_BROKERS=… node dist/bench/arrears-households.js [rounds] [seconds]
 *
 * BENCH_HUB_FLAGS: node flags for the hubs' processes (e.g. `--max-semi-space-size=32`); BENCH_BASELINE_HUB_FLAGS:
 * the baseline's instead (so a flag can be compared on one build: BENCH_BASELINE_DIST=dist). BENCH_PROFILE_DIR:
 * after the rounds, each hub's main thread is profiled (inspector) under one more load of the page with households, and
 * the .cpuprofile written there.
 * PostgreSQL: DATABASE_URL or postgres://postgres@127.0.0.1:5432 (hub_bench_households_<random>, dropped at the end).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import type { Identity } from '../kernel/identity';
import { loadHubModules } from './hub-modules';
import { closedLoop, median } from './load';
import type { BuildHubMessage, BuildHubRequest, BuildHubStart } from './build-hub';
import { generateArrears, generateHouseholds, generateReferrals } from '../test/support/list-rows';

interface BuildHub {
  name: string;
  url: string;
  subgraphUrls: Record<string, string>;
  child: ChildProcess;
}

function startBuildHub(name: string, dist: string, start: BuildHubStart, flags = ''): Promise<BuildHub> {
  const child = fork(path.join(__dirname, 'build-hub.js'), [dist], {
    env: { ...process.env, BUILD_HUB: JSON.stringify(start) },
    execArgv: flags.split(' ').filter(Boolean),
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${name}'s hub exited (${code}) before it served`)));
    child.on('message', (message: BuildHubMessage) => {
      if ('ready' in message) resolve({ name, url: message.url, subgraphUrls: message.subgraphUrls, child });
      if ('failed' in message) reject(new Error(`${name}'s hub failed: ${message.failed}`));
    });
  });
}

/** Sends `request` to the hub's process and waits for the answer that `pick` recognises. */
const ask = <T>(hub: BuildHub, request: BuildHubRequest, pick: (message: BuildHubMessage) => T | undefined) =>
  new Promise<T>((resolve) => {
    const answer = (message: BuildHubMessage) => {
      const picked = pick(message);
      if (picked === undefined) return;
      hub.child.off('message', answer);
      resolve(picked);
    };
    hub.child.on('message', answer);
    hub.child.send(request);
  });

/** The CPU time (ms) the hub's process has used so far, and its main thread's alone. */
const cpuOf = (hub: BuildHub) =>
  ask(hub, 'cpu', (m) => ('cpuMs' in m ? { all: m.cpuMs, mainThread: m.mainThreadMs } : undefined));

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
    IDENTITY_HEADER,
    gatewayClient,
    loadCourts,
    mintUserToken,
    signIdentityAssertion,
    tokenSettings,
  } = await loadHubModules();
  const adminUrl = process.env.DATABASE_URL ?? MACHINE_POSTGRES_URL;
  const database = `hub_bench_households_${randomBytes(4).toString('hex')}`;
  const hubs: BuildHub[] = [];
  let connected: Client | undefined;
  try {
    // Inside the try: a failure to connect or to start a hub leaves no database behind.
    const databaseUrl = await ensureDatabase(adminUrl, database);
    const db = (connected = new Client({ connectionString: databaseUrl }));
    await db.connect();
    const prefix = `benchhh${randomBytes(3).toString('hex')}`;
    // One after the other: the first runs the migrations.
    hubs.push(
      await startBuildHub(
        'this build',
        path.join(__dirname, '..'),
        { databaseUrl, topicPrefix: `${prefix}a.` },
        process.env.BENCH_HUB_FLAGS,
      ),
    );
    const baseline = process.env.BENCH_BASELINE_DIST;
    if (baseline)
      hubs.push(
        await startBuildHub(
          `baseline (${baseline})`,
          path.resolve(baseline),
          {
            databaseUrl,
            topicPrefix: `${prefix}b.`,
          },
          process.env.BENCH_BASELINE_HUB_FLAGS ?? process.env.BENCH_HUB_FLAGS,
        ),
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
    type Answer = { status: number; body: { errors?: unknown[]; data?: unknown } };
    const post = async (url: string, headers: Record<string, string>, body: unknown): Promise<Answer> => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': randomUUID(), ...headers },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Answer['body'] };
    };
    const asCaller = (caller: keyof typeof who) => ({ authorization: `Bearer ${tokenOf[caller]}` });
    // A subgraph called directly gets the company's identity assertion as the gateway sends it: signed again every 5 s.
    let assertion = { value: '', signedAt: 0 };
    const asGateway = async () => {
      if (Date.now() - assertion.signedAt > 5_000)
        assertion = { value: await signIdentityAssertion(who.company, tokens), signedAt: Date.now() };
      return { [IDENTITY_HEADER]: assertion.value };
    };
    const WITH_HOUSEHOLDS = '{ arrears(first: 50) { items { accountId openFen household { unit room ownerName } } } }';
    // The two requests our gateway sends the subgraphs for that page (as it sends them: operation and variables).
    const ARREARS_FETCH = {
      query:
        'query($offset:Int!$first:Int!){arrears(offset:$offset first:$first){items{accountId openFen household{__typename id}}}}',
      variables: { offset: 0, first: 50 },
    };
    const representations = await (async () => {
      const { body } = await post(hubs[0].subgraphUrls.arrears, await asGateway(), ARREARS_FETCH);
      return (body.data as { arrears: { items: { household: unknown }[] } }).arrears.items.map((i) => i.household);
    })();
    const AREAS_FETCH = {
      query:
        'query($representations:[_Any!]!){_entities(representations:$representations){__typename ...on Household{unit room ownerName}}}',
      variables: { representations },
    };
    const gatewayLoad = (caller: keyof typeof who, query: string) => (hub: BuildHub) =>
      post(hub.url, asCaller(caller), { query });
    const loads: [string, (hub: BuildHub) => Promise<Answer>][] = [
      ['arrears(first: 50) with households', gatewayLoad('company', WITH_HOUSEHOLDS)],
      [
        'arrears(first: 50) without households',
        gatewayLoad('company', '{ arrears(first: 50) { items { accountId openFen } } }'),
      ],
      ["a court's referrals(first: 50)", gatewayLoad('court', '{ referrals(first: 50) { items { id status } } }')],
      // What the page with households costs each subgraph alone (no gateway): the rest of its cost is the gateway's.
      [
        '… its arrears fetch, arrears alone',
        async (hub) => post(hub.subgraphUrls.arrears, await asGateway(), ARREARS_FETCH),
      ],
      [
        '… its _entities fetch, areas alone',
        async (hub) => post(hub.subgraphUrls.areas, await asGateway(), AREAS_FETCH),
      ],
    ];
    // Both builds answer the page alike (the same 50 accounts with the same households), and every household resolves.
    const answers = await Promise.all(hubs.map(loads[0][1]));
    const items = (answers[0].body.data as { arrears: { items: { household: unknown }[] } } | undefined)?.arrears.items;
    if (answers[0].body.errors || items?.length !== 50 || items.some((i) => i.household == null))
      throw new Error(`the page with households failed: ${JSON.stringify(answers[0].body).slice(0, 300)}`);
    const alike = answers.every((a) => JSON.stringify(a.body) === JSON.stringify(answers[0].body));

    const loadOf = async (hub: BuildHub, send: (hub: BuildHub) => Promise<Answer>) => {
      const cpuBefore = await cpuOf(hub);
      const { latencies, failed, firstFailure, rps } = await closedLoop(10, seconds, async () => {
        const { status, body } = await send(hub);
        return status !== 200 || body.errors ? JSON.stringify(body) : null;
      });
      if (failed > 0) process.stderr.write(`${failed} requests failed; the first: ${firstFailure}\n`);
      const cpuAfter = await cpuOf(hub);
      const requests = latencies.length + failed;
      return {
        rps,
        p50: median(latencies),
        cpuMs: (cpuAfter.all - cpuBefore.all) / requests,
        mainThreadMs: (cpuAfter.mainThread - cpuBefore.mainThread) / requests,
      };
    };
    for (const hub of hubs) for (const [, send] of loads) await loadOf(hub, send); // warm-up
    const figures = new Map<string, { rps: number[]; p50: number[]; cpuMs: number[]; mainThreadMs: number[] }>();
    const at = (hub: BuildHub, load: string) => {
      const key = `${hub.name}|${load}`;
      if (!figures.has(key)) figures.set(key, { rps: [], p50: [], cpuMs: [], mainThreadMs: [] });
      return figures.get(key)!;
    };
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? hubs : [...hubs].reverse();
      for (const [name, send] of loads)
        for (const hub of order) {
          const { rps, p50, cpuMs, mainThreadMs } = await loadOf(hub, send);
          at(hub, name).rps.push(rps);
          at(hub, name).p50.push(p50);
          at(hub, name).cpuMs.push(cpuMs);
          at(hub, name).mainThreadMs.push(mainThreadMs);
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
        const { rps, p50, cpuMs, mainThreadMs } = at(hub, name);
        lines.push(
          `  ${name.padEnd(40)} ${median(rps).toFixed(1).padStart(7)} RPS  p50 ${median(p50).toFixed(1).padStart(6)} ms  (${(median(rps) / reference).toFixed(2)}× the referrals)  hub CPU ${median(cpuMs).toFixed(1).padStart(5)} ms/request, main thread ${median(mainThreadMs).toFixed(1).padStart(5)}`,
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
          `  ${name.padEnd(40)} RPS ${ratiosOf(ours.rps, base.rps)}  hub CPU per request ${ratiosOf(ours.cpuMs, base.cpuMs)}  main thread ${ratiosOf(ours.mainThreadMs, base.mainThreadMs)}`,
        );
      }
    }
    // After the measured rounds, so that the profiler's cost is in none of them.
    const profiles = process.env.BENCH_PROFILE_DIR;
    if (profiles)
      for (const [i, hub] of hubs.entries()) {
        await ask(hub, 'profile', (m) => ('profiling' in m ? true : undefined));
        await loadOf(hub, loads[0][1]);
        const to = path.resolve(profiles, `households-${i === 0 ? 'this' : 'baseline'}-${process.pid}.cpuprofile`);
        lines.push(
          `profile of ${hub.name}'s main thread under the page with households: ${await ask(hub, { profileTo: to }, (m) => ('profiled' in m ? m.profiled : undefined))}`,
        );
      }
    process.stdout.write([...lines, ''].join('\n'));
  } finally {
    await connected?.end();
    await Promise.all(hubs.map(stopBuildHub));
    await dropDatabase(adminUrl, database);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
