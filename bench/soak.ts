/**
 * Benchmark: does the hub's memory stay bounded under mixed load (issue 16, target 5: RSS ≤ 512 MB under 10 minutes
 * of load, below 300 MB when idle)?
 *
 * The hub (gateway and all subgraphs in one process, as `npm start` runs them) runs in a child process started with
 * --expose-gc (bench/soak-hub.ts) over a fresh database with the demo data, so the RSS sampled is the hub's alone. It
 * gets the heap limit and the allocator settings the hub ships with (NODE_OPTIONS and HUB_MALLOC_ENV,
 * platform/memory-flags.ts; SOAK_GLIBC_DEFAULTS=1 leaves glibc's defaults, to compare), and first serves the largest
 * requests the API accepts, one at a time (bench/soak-largest.ts): the bench fails if one of them fails.
 * This process sends the load: `connections` loops, each request with a fresh x-request-id, mixing
 * - reads of each role's main list: a court's referrals with households, a company's arrears with households and its
 *   contracts, a city bureau's compounds and filing queue, a street office's filing queue and a compound's households;
 * - writes: payments with fresh idempotency keys, contracts drafted and filed, a court's hearing reports;
 * - one request in ten from a caller the hub has not seen (a fresh token for a new subject), as many users would.
 * The hub's RSS and heap are sampled every 5 s. After the load, the hub idles (a full GC at its start and end) and
 * the figures are printed: peak RSS, RSS at the end of the load, RSS after idle, heap used. Only then, as a
 * snapshot's own native memory would inflate them, two heap snapshots into .local/bench/soak-<time>/: one after the
 * idle and one after `probe` seconds more of the same load and a GC, each summed by constructor (bench/heap-summary.ts):
 * the largest, and what grew between them (a leak grows with the requests served). The hub's log goes to hub.log there.
 *
 *   npm run bench:soak                       # 600 s of load, 60 s idle, 8 connections, 60 s more between snapshots
 *   npm run bench:soak -- 60 20 4 30         # load seconds, idle seconds, connections, probe seconds (0: no snapshots)
 *
 * PostgreSQL: DATABASE_URL or postgres://postgres@127.0.0.1:5432 (a database hub_bench_soak_<random>, dropped at
 * the end). Kafka: KAFKA_BROKERS (and KAFKA_CREDENTIALS_FILE for a secured broker).
 */
import { addDays } from '../kernel/calendar';
import { fork } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Identity } from '../kernel/identity';
import { ConstructorGrowth, compareSummaries, summarizeHeapSnapshot } from './heap-summary';
import { loadHubModules } from './hub-modules';
import type { HubMemory, SoakHubMessage, SoakHubStart } from './soak-hub';
import { LargestRequestResult, runLargestRequests } from './soak-largest';
import { MAX_PAYMENTS_PER_IMPORT } from '../subgraphs/arrears/domain/payment';
import { MAX_DOCUMENT_BYTES } from '../subgraphs/contracts/domain/filing';
import { HUB_MALLOC_ENV, hubMallocEnv, hubNodeOptions } from '../platform/memory-flags';

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

/** One request kind of the mix: who sends it and how it is made (fresh variables for writes). */
interface Operation {
  name: string;
  who: Identity;
  weight: number;
  request: () => { query: string; variables?: object };
  /** Where the answer must have data (a path into `data`), to count a silent failure as one. */
  expect: string;
}

async function main() {
  const loadSeconds = Number(process.argv[2] ?? 600);
  const idleSeconds = Number(process.argv[3] ?? 60);
  const connections = Number(process.argv[4] ?? 8);
  const probeSeconds = Number(process.argv[5] ?? 60);
  const modules = await loadHubModules();
  const { DEMO_BILLING, DEMO_BUREAU, DEMO_CONTRACT, DEMO_REFERRALS, DEMO_STREETS, MACHINE_POSTGRES_URL } = modules;
  const { DEFAULT_EDGE_CONFIG, MAX_PAGE_SIZE, demoComplaintCsv } = modules;
  const { mintUserToken, tokenSettings, ensureDatabase, dropDatabase, projectRoot } = modules;
  const adminUrl = process.env.DATABASE_URL ?? MACHINE_POSTGRES_URL;
  const database = `hub_bench_soak_${randomBytes(4).toString('hex')}`;
  const databaseUrl = await ensureDatabase(adminUrl, database);
  const outDir = path.join(
    projectRoot(__dirname),
    '.local',
    'bench',
    `soak-${new Date().toISOString().replace(/[:.]/g, '-')}`,
  );
  fs.mkdirSync(outDir, { recursive: true });
  const tokens = tokenSettings();

  const start: SoakHubStart = { databaseUrl, topicPrefix: `benchsoak${randomBytes(3).toString('hex')}.` };
  // The hub's heap limits as `npm start` sets them (NODE_OPTIONS: the shipped flags, then the operator's own);
  // SOAK_HUB_FLAGS: Node/V8 flags on its command line, which win over NODE_OPTIONS, to compare settings
  // (`--max-old-space-size=0` for V8's own default).
  // Its allocator's variables too (HUB_MALLOC_ENV), unless SOAK_GLIBC_DEFAULTS=1 leaves glibc's own, to compare.
  const mallocEnv = process.env.SOAK_GLIBC_DEFAULTS === '1' ? {} : hubMallocEnv(process.env);
  const hubFlags = `${hubNodeOptions(process.env.NODE_OPTIONS)}${process.env.SOAK_HUB_FLAGS ? ` then ${process.env.SOAK_HUB_FLAGS}` : ''}`;
  const hubEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_OPTIONS: hubNodeOptions(process.env.NODE_OPTIONS),
    ...mallocEnv,
  };
  if (process.env.SOAK_GLIBC_DEFAULTS === '1') for (const name of Object.keys(HUB_MALLOC_ENV)) delete hubEnv[name];
  const allocator = Object.keys(mallocEnv).length
    ? Object.entries(mallocEnv)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')
    : "glibc's defaults";
  const child = fork(path.join(__dirname, 'soak-hub.js'), [], {
    execArgv: ['--expose-gc', ...(process.env.SOAK_HUB_FLAGS?.split(' ').filter(Boolean) ?? [])],
    env: { ...hubEnv, SOAK_HUB: JSON.stringify(start) },
    // the hub's own log lines (kafkajs warnings under load) go to a file beside the snapshots, not into the figures
    stdio: ['ignore', fs.openSync(path.join(outDir, 'hub.log'), 'a'), 'inherit', 'ipc'],
  });
  const waiting: ((m: SoakHubMessage) => void)[] = [];
  let failed: string | undefined;
  child.on('message', (m: SoakHubMessage) => {
    if ('failed' in m) failed = m.failed;
    waiting.shift()?.(m);
  });
  const ask = (message: unknown) =>
    new Promise<SoakHubMessage>((resolve, reject) => {
      if (child.exitCode !== null) reject(new Error(`the hub exited: ${failed ?? child.exitCode}`));
      waiting.push(resolve);
      if (message !== undefined) child.send(message as string);
    });
  const memoryOf = async (message: unknown): Promise<HubMemory> => {
    const answer = await ask(message);
    if (!('memory' in answer)) throw new Error(`the hub answered ${JSON.stringify(answer)}`);
    return answer;
  };

  try {
    process.stderr.write(`starting the hub and loading the demo data (load average ${load()})...\n`);
    const ready = await ask(undefined);
    if (!('ready' in ready)) throw new Error(`the hub did not start: ${'failed' in ready ? ready.failed : ''}`);
    const url = ready.url;
    const tokenOf = new Map<string, string>();
    let fresh = 0;
    const tokenFor = async (who: Identity) => {
      // One request in ten from a caller not seen before: a new subject of the same organisation.
      if (Math.random() < 0.1) return mintUserToken({ ...who, subject: `${who.subject}-${++fresh}` }, tokens, '1h');
      const key = who.subject;
      if (!tokenOf.has(key)) tokenOf.set(key, await mintUserToken(who, tokens, '2h'));
      return tokenOf.get(key)!;
    };
    const post = async (who: Identity, query: string, variables?: object) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await tokenFor(who)}`,
          'x-request-id': randomUUID(),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
      if (res.status !== 200 || body.errors?.length)
        throw new Error(`${res.status} ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
      return body.data!;
    };

    // What the writes need from the demo data: the company's accounts, the docketed referral, the compound's area.
    const company = DEMO_BILLING.company;
    const court: Identity = {
      subject: `${DEMO_REFERRALS.courtId}-clerk`,
      role: 'COURT',
      organisationId: DEMO_REFERRALS.courtId,
      jurisdictions: ['110108'],
    };
    const office = DEMO_STREETS.find((s) => s.compounds.some((c) => c.name === DEMO_BILLING.compound))!.office;
    const { arrears } = (await post(company, '{ arrears(first: 50) { items { accountId } } }')) as {
      arrears: { items: { accountId: string }[] };
    };
    const accountIds = arrears.items.map((a) => a.accountId);
    const { referrals } = (await post(court, '{ referrals(first: 50) { items { id status } } }')) as {
      referrals: { items: { id: string; status: string }[] };
    };
    const hearing = referrals.items.find((r) => r.status === 'DOCKETED' || r.status === 'HEARING_SCHEDULED');
    const { compounds } = (await post(office, '{ compounds { id name } }')) as {
      compounds: { id: string; name: string }[];
    };
    const compoundId = compounds.find((c) => c.name === DEMO_BILLING.compound)!.id;
    const { areas } = (await post(office, '{ areas(first: 100) { id name } }')) as {
      areas: { id: string; name: string }[];
    };
    const areaId = areas.find((a) => a.name === DEMO_BILLING.compound)!.id;
    if (accountIds.length === 0 || !hearing) throw new Error('the demo data has no accounts or no docketed referral');

    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    let filings = 0;
    // A preliminary contract of one day of its own, long after the area's regular one: no two drafts share a day
    // (two preliminary contracts of an area may not), so every draft can be filed.
    const draftVariables = () => ({
      a: areaId,
      t: {
        ...DEMO_CONTRACT.terms,
        kind: 'PRELIMINARY',
        ownersSide: { kind: 'DEVELOPER', name: '首开集团' },
        startsOn: addDays('2040-01-01', filings),
        endsOn: addDays('2040-01-01', filings),
        number: `SOAK-${++filings}-${randomBytes(3).toString('hex')}`,
        parties: [DEMO_CONTRACT.terms.parties[0], { role: 'DEVELOPER', name: '首开集团', signatory: '开发单位负责人' }],
      },
    });
    const operations: Operation[] = [
      {
        name: 'court: referrals with households',
        who: court,
        weight: 3,
        expect: 'referrals',
        request: () => ({
          query:
            '{ referrals(first: 20) { totalCount items { id status amountInDisputeFen household { unit room ownerName } } } }',
        }),
      },
      {
        name: 'company: arrears(first: 50) with households',
        who: company,
        weight: 3,
        expect: 'arrears',
        request: () => ({
          query: '{ arrears(first: 50) { totalCount items { accountId openFen household { unit room ownerName } } } }',
        }),
      },
      {
        name: 'company: contracts',
        who: company,
        weight: 2,
        expect: 'contracts',
        request: () => ({ query: '{ contracts(first: 20) { totalCount items { id status } } }' }),
      },
      {
        name: 'bureau: compounds',
        who: DEMO_BUREAU,
        weight: 2,
        expect: 'compounds',
        request: () => ({ query: '{ compounds(first: 20) { id name districtCode kind } }' }),
      },
      {
        name: 'bureau: filing queue',
        who: DEMO_BUREAU,
        weight: 2,
        expect: 'filingReviewQueue',
        request: () => ({
          query: '{ filingReviewQueue(first: 50) { totalCount items { id status submittedOn late } } }',
        }),
      },
      {
        name: 'street office: filing queue',
        who: office,
        weight: 1,
        expect: 'filingReviewQueue',
        request: () => ({ query: '{ filingReviewQueue(first: 50) { items { id status submittedOn } } }' }),
      },
      {
        name: "street office: a compound's households",
        who: office,
        weight: 2,
        expect: 'compound',
        request: () => ({
          query: 'query($c: ID!) { compound(id: $c) { households(first: 50) { totalCount items { id unit room } } } }',
          variables: { c: compoundId },
        }),
      },
      {
        name: 'company: recordPayment (fresh idempotency key)',
        who: company,
        weight: 2,
        expect: 'recordPayment',
        request: () => ({
          query: 'mutation($p: PaymentInput!) { recordPayment(payment: $p) { receiptNumber } }',
          variables: {
            p: {
              accountId: accountIds[Math.floor(Math.random() * accountIds.length)],
              amountFen: 100 + Math.floor(Math.random() * 10_000),
              paidOn: today,
              method: 'WECHAT_PAY',
              idempotencyKey: randomUUID(),
            },
          },
        }),
      },
      {
        name: 'company: draftContract',
        who: company,
        weight: 1,
        expect: 'draftContract',
        request: () => ({
          query: 'mutation($a: ID!, $t: ContractTermsInput!) { draftContract(areaId: $a, terms: $t) { id } }',
          variables: draftVariables(),
        }),
      },
      {
        name: 'court: hearing report',
        who: court,
        weight: 1,
        expect: 'reportCourtEvent',
        request: () => ({
          query: 'mutation($r: CourtReportInput!) { reportCourtEvent(report: $r) { status } }',
          variables: {
            r: {
              referralId: hearing.id,
              kind: 'HEARING_SCHEDULED',
              occurredAt: new Date().toISOString(),
              hearingOn: '2027-03-01',
            },
          },
        }),
      },
    ];
    // submitFiling follows each draft: a filing is the write a company sends after drafting.
    const SUBMIT =
      'mutation($c: ID!, $k: Key!, $d: [FilingDocumentInput!]!) { submitFiling(contractId: $c, idempotencyKey: $k, documents: $d) { id } }';
    const wheel = operations.flatMap((o) => Array.from({ length: o.weight }, () => o));
    const counts = new Map<string, { ok: number; failed: number; first?: string }>();
    const count = (name: string, error?: unknown) => {
      const c = counts.get(name) ?? { ok: 0, failed: 0 };
      if (error) {
        c.failed++;
        c.first ??= String((error as Error).message ?? error).slice(0, 300);
      } else c.ok++;
      counts.set(name, c);
    };
    const once = async (o: Operation) => {
      try {
        const { query, variables } = o.request();
        const data = await post(o.who, query, variables);
        if (data[o.expect] === undefined || data[o.expect] === null) throw new Error(`no ${o.expect} in the answer`);
        count(o.name);
        if (o.expect === 'draftContract') {
          const contractId = (data.draftContract as { id: string }).id;
          await post(company, SUBMIT, { c: contractId, k: randomUUID(), d: DEMO_CONTRACT.documents });
          count('company: submitFiling (fresh idempotency key)');
        }
      } catch (error) {
        count(o.expect === 'draftContract' ? `${o.name} + submitFiling` : o.name, error);
      }
    };

    // Warm-up: every operation twice, then the baseline.
    for (const o of operations) for (let i = 0; i < 2; i++) await once(o);
    counts.clear();
    // The largest requests the API accepts, each alone, under the hub's heap limits: each must succeed.
    process.stderr.write(`the largest requests, one at a time...\n`);
    const guanganmennei = DEMO_STREETS.find((s) => s.office.jurisdictions?.includes('110102017'))!.office;
    const largest: LargestRequestResult[] = await runLargestRequests({
      post,
      memoryOf: (message) => memoryOf(message),
      company,
      court,
      office: guanganmennei,
      accountIds,
      draft: draftVariables,
      today,
      demoComplaintCsv,
      maxPaymentsPerImport: MAX_PAYMENTS_PER_IMPORT,
      maxDocumentBytes: MAX_DOCUMENT_BYTES,
      bodyLimitBytes: DEFAULT_EDGE_CONFIG.authenticated.bodyBytes,
      maxPageSize: MAX_PAGE_SIZE,
    });
    if (largest.some((r) => !r.ok)) process.exitCode = 1;
    const baseline = await memoryOf('gc');
    process.stderr.write(`baseline after GC: RSS ${mb(baseline.rss)}, heap used ${mb(baseline.heapUsed)}\n`);
    const runLoad = async (seconds: number) => {
      const until = Date.now() + seconds * 1000;
      await Promise.all(
        Array.from({ length: connections }, async () => {
          while (Date.now() < until) await once(wheel[Math.floor(Math.random() * wheel.length)]);
        }),
      );
    };

    const samples: (HubMemory & { t: number })[] = [];
    const began = Date.now();
    const sampler = setInterval(() => {
      void memoryOf('memory').then((m) => {
        samples.push({ ...m, t: (Date.now() - began) / 1000 });
        if (samples.length % 6 === 0)
          process.stderr.write(
            `  ${samples.at(-1)!.t.toFixed(0)} s: RSS ${mb(m.rss)} (peak ${mb(m.peakRss)}), heap used ${mb(m.heapUsed)} of ${mb(m.heapTotal)}, external ${mb(m.external)}, load ${load()}\n`,
          );
      });
    }, 5_000);
    const loadAverageAtStart = load();
    await memoryOf('window'); // the peak during the load, apart from the largest requests' before it
    await runLoad(loadSeconds);
    clearInterval(sampler);
    await sleep(100);
    const endOfLoad = await memoryOf('memory');
    const loadAverageAtEnd = load();
    const requests = [...counts.values()].reduce((n, c) => n + c.ok + c.failed, 0);

    process.stderr.write(`load done; idling ${idleSeconds} s...\n`);
    await memoryOf('gc');
    const idleSamples: HubMemory[] = [];
    for (let waited = 0; waited < idleSeconds; waited += 5) {
      await sleep(5_000);
      idleSamples.push(await memoryOf('memory'));
    }
    const afterIdle = await memoryOf('gc');

    // The snapshots come after the figures: writing one takes native memory of the order of the heap, which the
    // process may keep, so a snapshot before or during the load would inflate what is measured.
    const afterIdleFile = path.join(outDir, 'after-idle.heapsnapshot');
    const afterProbeFile = path.join(outDir, 'after-more-load.heapsnapshot');
    let afterProbe: HubMemory | undefined;
    if (probeSeconds > 0) {
      process.stderr.write(`heap snapshot, ${probeSeconds} s more load, heap snapshot...\n`);
      await memoryOf({ snapshot: afterIdleFile });
      await runLoad(probeSeconds);
      await memoryOf('gc');
      afterProbe = await memoryOf({ snapshot: afterProbeFile });
    }

    const lines = [
      '',
      `Soak: ${loadSeconds} s of mixed load at ${connections} connections, then ${idleSeconds} s idle; the hub (gateway + 6 subgraphs) in its own process with NODE_OPTIONS ${hubFlags}, allocator: ${allocator}`,
      `load average (1/5/15 min): ${loadAverageAtStart} at the start, ${loadAverageAtEnd} at the end of the load`,
      `requests: ${requests} (${(requests / loadSeconds).toFixed(1)}/s), ${fresh} from callers not seen before`,
      ...[...counts.entries()].map(
        ([name, c]) =>
          `  ${name.padEnd(50)} ${String(c.ok).padStart(6)} ok ${String(c.failed).padStart(5)} failed${c.first ? `  first: ${c.first}` : ''}`,
      ),
      '',
      "the largest requests, one at a time before the load (the hub's heap used before → highest sampled; its highest RSS, and its heap used and external memory at that sample):",
      ...largest.map(
        (r) =>
          `  ${r.name.padEnd(72)} ${r.ok ? 'ok    ' : 'FAILED'} ${String(r.ms).padStart(6)} ms  heap ${mb(r.heapUsedBefore)} → ${mb(r.peakHeapUsed)}, RSS ${mb(r.peakRss)} (then heap ${mb(r.peakRssSplit.heapUsed)}, external ${mb(r.peakRssSplit.external)})${r.error ? `  ${r.error}` : ''}`,
      ),
      '',
      `hub RSS before the load (after GC): ${mb(baseline.rss)}, heap used ${mb(baseline.heapUsed)}`,
      `hub peak RSS during the load:       ${mb(Math.max(endOfLoad.windowPeakRss, ...samples.map((s) => s.rss)))}  (target ≤ 512 MB)`,
      `hub RSS at the end of the load:     ${mb(endOfLoad.rss)}, heap used ${mb(endOfLoad.heapUsed)}, external ${mb(endOfLoad.external)}`,
      `hub RSS after ${idleSeconds} s idle (after GC): ${mb(afterIdle.rss)}  (target < 300 MB), heap used ${mb(afterIdle.heapUsed)}, heap total ${mb(afterIdle.heapTotal)}, external ${mb(afterIdle.external)}`,
      `RSS / heap used every 30 s of the load: ${samples
        .filter((_, i) => i % 6 === 5)
        .map((s) => `${mb(s.rss)}/${mb(s.heapUsed)}`)
        .join(', ')}`,
      `RSS during the idle: ${idleSamples.map((s) => mb(s.rss)).join(', ')}`,
      `after idle: RSS anonymous ${mb(afterIdle.rssAnon ?? 0)}, file-backed ${mb(afterIdle.rssFile ?? 0)}; V8 spaces reserved/used: ${afterIdle.spaces
        .filter((sp) => sp.size > 2 ** 20)
        .map((sp) => `${sp.name} ${mb(sp.size)}/${mb(sp.used)}`)
        .join(', ')}`,
      '',
    ];
    process.stdout.write(lines.join('\n'));

    if (!afterProbe) return;
    process.stderr.write('summing the heap snapshots by constructor...\n');
    const [before, after] = [await summarizeHeapSnapshot(afterIdleFile), await summarizeHeapSnapshot(afterProbeFile)];
    const row = (g: ConstructorGrowth) =>
      `  ${(g.name || '(no name)').slice(0, 48).padEnd(48)} ${String(g.count).padStart(9)} ${mb(g.selfBytes).padStart(7)}  ${(g.countDelta >= 0 ? '+' : '') + g.countDelta} objects, ${(g.bytesDelta >= 0 ? '+' : '') + (g.bytesDelta / 1024).toFixed(0)} KB`;
    const growth = compareSummaries(before, after);
    const total = (s: { selfBytes: number }[]) => s.reduce((n, t) => n + t.selfBytes, 0);
    process.stdout.write(
      [
        `Heap snapshots in ${outDir}: after idle ${mb(total(before))} live; after ${probeSeconds} s more load and a GC ${mb(total(after))} live (RSS ${mb(afterProbe.rss)})`,
        'largest after the further load, by constructor (objects, self size; change since the snapshot after idle):',
        ...growth
          .slice()
          .sort((a, b) => b.selfBytes - a.selfBytes)
          .slice(0, 15)
          .map(row),
        `grew most over the ${probeSeconds} s of further load:`,
        ...growth.slice(0, 15).map(row),
        '',
      ].join('\n'),
    );
  } finally {
    if (child.exitCode === null) {
      await Promise.race([ask('stop').catch(() => undefined), sleep(30_000)]);
      if (child.exitCode === null) child.kill();
    }
    await dropDatabase(adminUrl, database).catch((error) => process.stderr.write(`dropping ${database}: ${error}\n`));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
