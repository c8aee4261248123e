import { randomUUID } from 'node:crypto';
import { AssignerProtocol, Admin } from 'kafkajs';
import type { Pool } from 'pg';
import { COURT_CASE_EVENTS_TOPIC, COURT_CASE_EVENT_REPORTED, partyTopicName } from '../catalog';
import { addDays, addMonths, compareDates } from '../kernel/calendar';
import { todayInChina } from '../kernel/clock';
import { CHINA_WORKING_DAYS } from '../kernel/working-days';
import { mintUserToken } from '../platform/auth/tokens';
import { randomTopologySecrets, topologyGatewayTokens } from '../platform/config';
import { createKafka, ensureTopics } from '../platform/events/kafka';
import { RunningTopology, ServiceProcess, freeBasePort, startTopology } from '../hub/topology';
import { DEMO_STREETS } from '../hub/demo/demo-data';
import { dropDatabase, ensureDatabase } from '../tools/postgres/local-postgres';
import { Identity } from '../kernel/identity';
import { transpileDist } from './support/built';
import { asKafkaMessage } from './support/events';
import { adminPostgresUrl, identity, testPool, uniqueSuffix } from './support/hub-fixture';
import { ProbedMessage, probeTopics } from './support/kafka-probe';
import { HONGJU, hongjuTerms, scenario } from './support/scenario';
import { OwnSecuredBroker, ownSecuredBroker } from './support/secured-broker';
import { migratedTemplate } from './support/template-database';
import { runDatabaseName } from './support/run-databases';
import { waitFor } from './support/wait-for';

/**
 * The production topology as separate processes (hub/topology.ts, the entry points of docker-compose.yml): the
 * areas, contracts, arrears and litigation subgraphs with two instances each and one gateway, on real PostgreSQL
 * and Kafka. Steady writes through the gateway: areas (registerArea → areas.areas.v1), filings (draftContract,
 * submitFiling, acceptFiling → contracts.filings.v1), payments (recordPayment → arrears.accounts.v1) and court
 * reports (reportCourtEvent: docketing, hearing, judgment → litigation.referrals.v1). Inbound feeds: contracts
 * consumes the areas feed and litigation the court's own court.case-events.v1.<court> topic, each in one consumer
 * group shared by its two instances. The broker is the file's own (secured like every broker of the hub): the last
 * test kills and restarts it.
 * Kept short: dist/ transpiled by swc (test/support/built.ts) while the broker starts, the database cloned from the
 * migrated template (the migrate step then finds nothing to do), processes started and restarted in parallel, no
 * fixed sleeps around the kills (the writers' answers are waited for), the writers paced so that they do not starve
 * the restarting processes, and the broker short-lived (test/support/secured-broker.ts: quick to restart).
 * The processes run on the real date (a test hub's pinned day does not reach them): a referral's demand is dated
 * 30 days back, but no later than 20 days before the end of the holiday data the hub ships, so its period (15 days,
 * art. 203 moving the last day past rest days) has elapsed and can be computed even once the real date has run past
 * that data (the hub refuses OUTSIDE_HOLIDAY_CALENDAR rather than guess); the billed months end before the demand.
 */
const office = DEMO_STREETS[0].office;
const company = identity('PROPERTY_COMPANY', '91110102MA0000TOPO');
const COURT_ID = 'bj-xicheng-court';
const court = identity('COURT', COURT_ID);
const today = todayInChina();
const lastDemandDay = addDays(CHINA_WORKING_DAYS.range.to, -20);
const demandOn = compareDates(addDays(today, -30), lastDemandDay) < 0 ? addDays(today, -30) : lastDemandDay;
const firstMonth = addMonths(demandOn.slice(0, 7), -2);
const secrets = randomTopologySecrets();
const tokens = topologyGatewayTokens(secrets);

type Answer = { ok: true; data: Record<string, Record<string, string>> } | { ok: false; code: string; status?: number };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Where a test's time goes: `lap(name)` records the time since the last lap; `lap.all` has them all (ms). */
const laps = () => {
  let last = Date.now();
  const all: Record<string, number> = {};
  return Object.assign(
    (name: string) => {
      all[name] = Date.now() - last;
      last = Date.now();
    },
    { all },
  );
};
const PAY = `mutation($p: PaymentInput!) { recordPayment(payment: $p) { paymentId } }`;
const REPORT = `mutation($r: CourtReportInput!, $e: Key) { reportCourtEvent(report: $r, eventId: $e) { id status } }`;
/** The steps a court reports through the API, in order, each moving the referral to the status of its name. */
const COURT_STEPS = [
  {
    kind: 'DOCKETED',
    at: 'T09:00:00+08:00',
    details: (i: number) => ({ caseNumber: `(2026)京0102民初${7100 + i}号` }),
  },
  { kind: 'HEARING_SCHEDULED', at: 'T10:00:00+08:00', details: () => ({ hearingOn: addDays(today, 14) }) },
  { kind: 'JUDGED', at: 'T11:00:00+08:00', details: () => ({ judgedFen: 12_345 }) },
] as const;
const STATUS_CHANGED = 'hub.litigation.referral.status-changed';
/** The consumers' session timeout (30 s by default, 6 s at least unless the broker allows less; heartbeats every third of it). */
const SESSION_TIMEOUT_MS = 4000;
/**
 * The longest an idle consumer's fetch waits: a heartbeat (every third of the session) goes out after it, so a member
 * stays in its group for 2.5 s of lag beyond it. Each of the eight processes' ~5 consumers fetched twice a second at
 * 500 ms: idle, the eight took 18.4 CPU s a minute then, 11.9 at 1.5 s (README › Tests).
 */
const CONSUMER_MAX_WAIT_MS = 1500;
/** The pause of the failover test's steady writers and reader between two calls. */
const STEADY_PACE_MS = 100;

describe('the production topology: two instances of each subgraph, failover without loss', () => {
  let broker: OwnSecuredBroker;
  /** The broker's start, kept so that a failure beside it (a database refused) still lets the teardown stop it. */
  let brokerStart: Promise<OwnSecuredBroker> | undefined;
  let topology: RunningTopology;
  let pool: Pool;
  let probe: Awaited<ReturnType<typeof probeTopics>>;
  const suffix = uniqueSuffix();
  const database = runDatabaseName(suffix);
  const topicPrefix = `t${suffix}.`;
  const tokenOf = new Map<Identity, Promise<string>>();
  const topics = ['areas.areas.v1', 'contracts.filings.v1', 'arrears.accounts.v1', 'litigation.referrals.v1'].map(
    (name) => `${topicPrefix}${name}`,
  );
  const courtTopic = `${topicPrefix}${partyTopicName(COURT_CASE_EVENTS_TOPIC, COURT_ID)}`;
  /** Referrals to the Xicheng court: the first reported on through the gateway, the others on the court's topic. */
  let apiReferrals: string[] = [];
  let kafkaReferrals: string[] = [];
  /** Accounts of 红居南街6号院 that pay during the failover. */
  let payingAccounts: string[] = [];
  /** The instances restarted by the consumer test, in the background while the gateway test runs. */
  let restarting: Promise<void> = Promise.resolve();

  /** One GraphQL call through the gateway; a refused or broken connection to the gateway is an answer too. */
  const gql = async (who: Identity, query: string, variables: Record<string, unknown> = {}): Promise<Answer> => {
    if (!tokenOf.has(who)) tokenOf.set(who, mintUserToken(who, tokens, '30m'));
    try {
      const res = await fetch(topology.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenOf.get(who)}` },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(20_000),
      });
      const body = (await res.json()) as {
        data?: Record<string, { id: string }>;
        errors?: { extensions?: { code?: string } }[];
      };
      if (body.errors?.length)
        return { ok: false, code: body.errors[0].extensions?.code ?? 'NO_CODE', status: res.status };
      return { ok: true, data: body.data! };
    } catch {
      return { ok: false, code: 'GATEWAY_UNREACHABLE' };
    }
  };
  const sql = async <R>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows as R[];
  const unpublished = async (schema: string) =>
    (await sql<{ n: number }>(`select count(*)::int as n from ${schema}.outbox where published_at is null`))[0].n;
  const drained = (schema: string, timeoutMs = 30_000) =>
    waitFor(`the ${schema} outbox to be published`, async () => (await unpublished(schema)) === 0, { timeoutMs });
  const eventsOf = (type: string, field: string, id: string) =>
    probe.received.filter((m) => m.headers.ce_type === type && JSON.parse(m.message.value!.toString())[field] === id);
  const distinctIds = (messages: ProbedMessage[]) => new Set(messages.map((m) => m.headers.ce_id)).size;
  /** A consumer group's members and the partitions of `topic` each holds; empty while the group rebalances. */
  const membersOf = async (admin: Admin, { groupId, topic }: { groupId: string; topic: string }) => {
    const {
      groups: [group],
    } = await admin.describeGroups([groupId]);
    const members = new Map(
      group.members.map((m) => [
        m.memberId,
        AssignerProtocol.MemberAssignment.decode(m.memberAssignment)?.assignment[topic] ?? [],
      ]),
    );
    return group.state === 'Stable' ? members : new Map<string, number[]>();
  };

  const registerArea = (name: string) =>
    gql(office, 'mutation($i: RegisterAreaInput!) { registerArea(input: $i) { id } }', {
      i: { name, districtCode: DEMO_STREETS[0].districtCode, streetCode: DEMO_STREETS[0].streetCode },
    });

  beforeAll(async () => {
    // where the file's time goes, printed for whoever makes it faster
    const started = Date.now();
    const timed = <T>(promise: Promise<T>) => promise.then((value) => [value, Date.now() - started] as const);
    const [[root, buildMs], [own, brokerMs], [databaseUrl, databaseMs]] = await Promise.all([
      timed(transpileDist()),
      timed((brokerStart = ownSecuredBroker({ minSessionTimeoutMs: SESSION_TIMEOUT_MS }))),
      timed(
        migratedTemplate(adminPostgresUrl()).then((template) => ensureDatabase(adminPostgresUrl(), database, template)),
      ),
    ]);
    broker = own;
    // the test's three connections opened now and kept (no idle timeout): PostgreSQL's 100 are shared by every test
    // run on this machine, and a check must not be the one refused
    pool = testPool({ connectionString: databaseUrl, max: 3, idleTimeoutMillis: 0 });
    await Promise.all([1, 2, 3].map(() => pool.connect())).then((clients) => clients.forEach((c) => c.release()));
    // the operator creates a court's own inbound topic when the court joins (as test/support/party-topics.ts does)
    const operator = {
      brokers: broker.brokers,
      clientId: 'test-operator',
      topicPrefix,
      sasl: broker.credentials.admin,
    };
    await ensureTopics(createKafka(operator), operator, [partyTopicName(COURT_CASE_EVENTS_TOPIC, COURT_ID)]);
    topology = await startTopology(
      {
        databaseUrl,
        brokers: broker.brokers,
        credentials: broker.credentials,
        secrets,
        instances: 2,
        subgraphs: ['areas', 'contracts', 'arrears', 'litigation'],
        basePort: await freeBasePort(2),
        // A killed instance's partitions go to the other once its session expires; a restarted one's group waits for
        // that too. Heartbeats come between fetches, so a fetch waits at most CONSUMER_MAX_WAIT_MS on an idle topic
        // (5 s by default, which a session this short would not outlast).
        localEnv: {
          KAFKA_TOPIC_PREFIX: topicPrefix,
          HUB_LOG_LEVEL: 'warn',
          KAFKA_CONSUMER_SESSION_TIMEOUT_MS: String(SESSION_TIMEOUT_MS),
          KAFKA_CONSUMER_MAX_WAIT_MS: String(CONSUMER_MAX_WAIT_MS),
          // where each process's start goes (platform/phase-timings.ts), when the run asks for it
          HUB_TEST_TIMINGS: process.env.HUB_TEST_TIMINGS,
        },
      },
      { root },
    );
    const readyMs = Date.now() - started;
    // the broker-setup step created the topics; the probe reads them from the beginning
    probe = await probeTopics(broker.brokers, topics, broker.credentials.admin);

    // 红居南街6号院 through the gateway as its users enter it: households, an accepted contract known to arrears and
    // litigation, two billed months; a demand letter to 28 households, whose claims reach litigation, and their
    // referral to the Xicheng court (mediation waived)
    const build = scenario({ hub: { gatewayUrl: topology.gatewayUrl }, sql }, tokens);
    await build.courts();
    const { areaId } = await build.compound(HONGJU, { knownTo: ['contracts', 'arrears'] });
    await build.acceptedFiling(company, areaId, hongjuTerms(company, firstMonth, { number: 'HJ6-TOPO-01' }), {
      knownTo: ['arrears', 'litigation'],
    });
    await build.billedMonths(company, areaId, [firstMonth, addMonths(firstMonth, 1)]);
    const accounts = (
      await sql<{ id: string }>(`select id from arrears.account where company_id = $1 order by household_id`, [
        company.organisationId,
      ])
    ).map((r) => r.id);
    const referred = accounts.slice(0, 28);
    payingAccounts = accounts.slice(28, 36);
    expect(payingAccounts).toHaveLength(8);
    await Promise.all(
      referred.map(async (accountId) => {
        const [{ ids }] = await sql<{ ids: string[] }>(
          `select json_agg(id order by due_on) as ids from arrears.charge where account_id = $1 and not voluntary`,
          [accountId],
        );
        const letter = await gql(
          company,
          `mutation($a: ID!, $x: CollectionActionInput!) { recordCollectionAction(accountId: $a, action: $x) { status } }`,
          { a: accountId, x: { kind: 'LETTER', on: demandOn, deliveredOn: demandOn, chargeIds: ids, note: '催缴函' } },
        );
        if (!letter.ok) throw new Error(`recordCollectionAction failed: ${letter.code}`);
      }),
    );
    await waitFor(
      'litigation to hold the claims with their demand',
      async () =>
        (
          await sql<{ n: number }>(
            `select count(*)::int as n from litigation.claim_account
              where account_id = any($1::uuid[]) and jsonb_array_length((claim::jsonb)->'demands') = 1`,
            [referred],
          )
        )[0].n === referred.length,
    );
    const referral = await gql(company, `mutation($r: ReferralInput!) { referArrears(referral: $r) { id eligible } }`, {
      r: {
        courtId: COURT_ID,
        accountIds: referred,
        evidence: [{ name: '物业服务合同.pdf', type: 'CONTRACT', sha256: 'c'.repeat(64) }],
        mediationWaivedOn: today,
        idempotencyKey: `topo-${suffix}`,
      },
    });
    if (!referral.ok) throw new Error(`referArrears failed: ${referral.code}`);
    const referrals = referral.data.referArrears as unknown as { id: string; eligible: boolean }[];
    expect(referrals.map((r) => r.eligible)).toEqual(referred.map(() => true));
    apiReferrals = referrals.slice(0, 8).map((r) => r.id);
    kafkaReferrals = referrals.slice(8).map((r) => r.id);
    console.log(
      JSON.stringify({
        buildMs,
        brokerMs,
        databaseMs,
        ...topology.timings,
        readyMs,
        scenarioMs: Date.now() - started - readyMs,
      }),
    );
  }, 300_000);

  afterAll(async () => {
    const stopping = Date.now();
    await restarting.catch(() => undefined);
    // Nothing is left to prove: every process SIGKILLed at once (a graceful stop waits for each consumer's pending
    // fetch), and the broker too (its data is deleted, so its clean-shutdown marker is of no use).
    const processes = topology ? [topology.gateway, ...Object.values(topology.instances).flat()] : [];
    await Promise.all([...processes.map((p) => topology.kill(p)), probe?.stop().catch(() => undefined)]);
    await pool?.end();
    const own = await brokerStart?.catch(() => undefined);
    const stopped = await Promise.allSettled([
      dropDatabase(adminPostgresUrl(), database),
      own?.kill().then(() => own.stop()),
    ]);
    for (const result of stopped) if (result.status === 'rejected') throw result.reason;
    console.log(JSON.stringify({ teardownMs: Date.now() - stopping }));
  }, 90_000);

  it('keeps every answered write (areas, filings, payments, court reports) exactly once in the database and on its topic while an instance of each subgraph is SIGKILLed and restarted', async () => {
    // one area per filing (an area has one contract in force): registered first and known to contracts
    const filingAreas = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const answer = await registerArea(`拓扑片区-${suffix}-${i}`);
        if (!answer.ok) throw new Error(`registerArea failed: ${answer.code}`);
        return answer.data.registerArea.id;
      }),
    );
    await waitFor(
      'contracts to know the areas',
      async () =>
        (
          await sql<{ n: number }>(`select count(*)::int as n from contracts.area_view where area_id = any($1)`, [
            filingAreas,
          ])
        )[0].n === filingAreas.length,
    );

    const areas: { name: string; answer: Answer }[] = [];
    const filings: { key: string; answer: Answer; accepted?: Answer }[] = [];
    const payments: { key: string; answer: Answer }[] = [];
    const reports: { eventId: string; referralId: string; kind: string; answer: Answer; attempts: Answer[] }[] = [];
    const reads: Answer[] = [];
    let running = true;
    // Steady, not flat out: the area and payment writers and the reader wait STEADY_PACE_MS between calls, so the
    // load meant to observe the restarts does not starve the restarting processes of the machine's two cores.
    const areaWriter = async () => {
      for (let i = 0; running; i++) {
        areas.push({ name: `拓扑-${suffix}-${i}`, answer: await registerArea(`拓扑-${suffix}-${i}`) });
        await pause(STEADY_PACE_MS);
      }
    };
    const filingWriter = async () => {
      for (const areaId of filingAreas) {
        if (!running) break;
        const draft = await gql(
          company,
          'mutation($a: ID!, $t: ContractTermsInput!) { draftContract(areaId: $a, terms: $t) { id } }',
          {
            a: areaId,
            t: terms(),
          },
        );
        if (!draft.ok) continue;
        const key = randomUUID();
        const answer = await gql(
          company,
          'mutation($c: ID!, $k: Key!, $d: [FilingDocumentInput!]!) { submitFiling(contractId: $c, idempotencyKey: $k, documents: $d) { id } }',
          {
            c: draft.data.draftContract.id,
            k: key,
            d: [{ name: '物业服务合同.pdf', type: 'CONTRACT_TEXT', sizeBytes: 1000, sha256: 'a'.repeat(64) }],
          },
        );
        const entry: (typeof filings)[number] = { key, answer };
        filings.push(entry);
        if (answer.ok)
          entry.accepted = await gql(office, 'mutation($f: ID!) { acceptFiling(filingId: $f, version: 1) { id } }', {
            f: answer.data.submitFiling.id,
          });
      }
    };
    const paymentWriter = async () => {
      for (let i = 0; running; i++) {
        const key = randomUUID();
        const p = { accountId: payingAccounts[i % payingAccounts.length], amountFen: 100, paidOn: today };
        payments.push({
          key,
          answer: await gql(company, PAY, { p: { ...p, method: 'WECHAT_PAY', idempotencyKey: key } }),
        });
        await pause(STEADY_PACE_MS);
      }
    };
    // A court's system sends its reports one by one, paced, each under its own id; a report that failed is sent
    // again under the same id (the id makes a report that did reach the hub a silent duplicate).
    const courtWriter = async () => {
      for (const step of COURT_STEPS)
        for (const [i, referralId] of apiReferrals.entries()) {
          if (!running) return;
          const eventId = `topo-${suffix}-${step.kind}-${i}`;
          const r = { referralId, kind: step.kind, occurredAt: `${today}${step.at}`, ...step.details(i) };
          const attempts: Answer[] = [];
          for (let attempt = 0; attempt < 40 && !attempts.at(-1)?.ok; attempt++) {
            if (attempt > 0) await pause(500);
            attempts.push(await gql(court, REPORT, { r, e: eventId }));
          }
          reports.push({ eventId, referralId, kind: step.kind, answer: attempts.at(-1)!, attempts });
          await pause(400);
        }
    };
    const reader = async () => {
      while (running) {
        reads.push(await gql(office, '{ areas(first: 3) { id } contractsHealth { status } }'));
        reads.push(await gql(company, '{ arrears(first: 3) { totalCount } referrals(first: 3) { totalCount } }'));
        await pause(STEADY_PACE_MS);
      }
    };
    const load = Promise.all([areaWriter(), filingWriter(), paymentWriter(), courtWriter(), reader()]);
    // Restarted at once: a process is down for its whole start anyway (loading its modules alone takes seconds).
    const bounce = async (p: ServiceProcess) => {
      await topology.kill(p);
      await topology.restart(p);
    };
    // Every writer and the reader answered before the kills (not a fixed sleep)...
    const counts = () => [areas, filings, payments, reports, reads].map((list) => list.length);
    await waitFor('the writers and the reader to be answered', () => counts().every((n) => n > 0), {
      timeoutMs: 60_000,
    });
    // ...then one instance of each subgraph killed at once: the writes and reads meanwhile go to the others
    const bounced = Date.now();
    await Promise.all(Object.values(topology.instances).map(([first]) => bounce(first)));
    const bounceMs = Date.now() - bounced;
    // and the steady writers and the reader answered again once every instance is back
    const [areasBefore, , paymentsBefore, , readsBefore] = counts();
    await waitFor('writes and reads after the restarts', () => {
      const [areasNow, , paymentsNow, , readsNow] = counts();
      return areasNow > areasBefore && paymentsNow > paymentsBefore && readsNow > readsBefore;
    });
    running = false;
    await load;

    const codes = (list: { answer: Answer }[]) =>
      list.reduce<Record<string, number>>((acc, w) => {
        const code = w.answer.ok ? 'OK' : w.answer.code;
        acc[code] = (acc[code] ?? 0) + 1;
        return acc;
      }, {});
    console.log(
      JSON.stringify({
        areas: codes(areas),
        filings: codes(filings),
        accepted: codes(filings.flatMap((f) => (f.accepted ? [{ answer: f.accepted }] : []))),
        payments: codes(payments),
        reportAttempts: codes(reports.flatMap((r) => r.attempts.map((answer) => ({ answer })))),
        reports: codes(reports),
        reads: codes(reads.map((answer) => ({ answer }))),
        bounceMs,
      }),
    );
    const answered = areas.filter((a) => a.answer.ok);
    const answeredFilings = filings.filter((f) => f.answer.ok);
    expect(answered.length).toBeGreaterThan(5);
    expect(answeredFilings.length).toBeGreaterThan(2);
    const answeredPayments = payments.filter((p) => p.answer.ok);
    expect(answeredPayments.length).toBeGreaterThan(5);
    // every report sent got its answer in the end (retried under its id), and they ran through the failover
    expect(reports.filter((r) => !r.answer.ok)).toEqual([]);
    expect(reports.length).toBeGreaterThan(apiReferrals.length);
    // Failures are the gateway's clean refusal, never an internal error; reads never fail (retried on the other instance).
    const failures = [
      ...areas,
      ...filings,
      ...payments,
      ...reports.flatMap((r) => r.attempts.map((answer) => ({ answer }))),
    ].flatMap((w) => (w.answer.ok ? [] : [w.answer.code]));
    expect(new Set(failures)).toEqual(new Set(failures.length ? ['SUBGRAPH_UNAVAILABLE'] : []));
    expect(reads.filter((r) => !r.ok)).toEqual([]);

    await Promise.all(['areas', 'contracts', 'arrears', 'litigation'].map((schema) => drained(schema)));
    for (const { name, answer } of areas) {
      const rows = await sql<{ id: string }>(`select id from areas.area where name = $1`, [name]);
      // answered: there exactly once; failed: applied at most once (a mutation is never retried by the gateway)
      expect(rows.length).toBe(answer.ok ? 1 : rows.length > 1 ? -1 : rows.length);
      if (answer.ok) expect(rows[0].id).toBe(answer.data.registerArea.id);
    }
    await waitFor('every answered area on the areas topic', () =>
      answered.every(
        (a) =>
          eventsOf('hub.areas.area.registered', 'areaId', a.answer.ok ? a.answer.data.registerArea.id : '').length > 0,
      ),
    );
    for (const { answer } of answered)
      if (answer.ok)
        expect(distinctIds(eventsOf('hub.areas.area.registered', 'areaId', answer.data.registerArea.id))).toBe(1);
    for (const { answer, accepted } of answeredFilings) {
      if (!answer.ok) continue;
      const id = answer.data.submitFiling.id;
      expect((await sql(`select 1 from contracts.filing where id = $1`, [id])).length).toBe(1);
      const submitted = await waitFor(`filing ${id} submitted on its topic`, () => {
        const events = eventsOf('hub.contracts.filing.submitted', 'filingId', id);
        return events.length > 0 && events;
      });
      expect(distinctIds(submitted)).toBe(1);
      if (!accepted?.ok) continue;
      // the relays handed over between these two events: one key's events stay in commit order on its partition
      const acceptedEvents = await waitFor(`filing ${id} accepted on its topic`, () => {
        const events = eventsOf('hub.contracts.filing.accepted', 'filingId', id);
        return events.length > 0 && events;
      });
      expect(distinctIds(acceptedEvents)).toBe(1);
      expect(acceptedEvents[0].partition).toBe(submitted[0].partition);
      expect(BigInt(acceptedEvents[0].message.offset)).toBeGreaterThan(BigInt(submitted[0].message.offset));
    }

    // payments: answered, recorded once under their key with the answer's id; failed, recorded at most once
    for (const { key, answer } of payments) {
      const rows = await sql<{ id: string }>(`select id from arrears.payment where idempotency_key = $1`, [key]);
      expect(rows.length).toBe(answer.ok ? 1 : rows.length > 1 ? -1 : rows.length);
      if (answer.ok) expect(rows[0].id).toBe(answer.data.recordPayment.paymentId);
    }
    const paymentEvents = (paymentId: string) =>
      eventsOf('hub.arrears.account.payment-recorded', 'paymentId', paymentId);
    await waitFor('every answered payment on the accounts topic', () =>
      answeredPayments.every((p) => p.answer.ok && paymentEvents(p.answer.data.recordPayment.paymentId).length > 0),
    );
    for (const { answer } of answeredPayments)
      if (answer.ok) expect(distinctIds(paymentEvents(answer.data.recordPayment.paymentId))).toBe(1);

    // court reports: each kept once under its id, the referral moved once, one status change on the referrals topic
    // per step; one referral's steps in the order reported, on one partition, whichever relay published them
    const statusEvents = (referralId: string, status: string) =>
      eventsOf(STATUS_CHANGED, 'referralId', referralId).filter(
        (m) => JSON.parse(m.message.value!.toString()).status === status,
      );
    for (const { eventId, referralId, kind, answer } of reports) {
      if (answer.ok) expect(answer.data.reportCourtEvent).toEqual({ id: referralId, status: kind });
      expect(await sql(`select 1 from litigation.court_event where id = $1`, [eventId])).toHaveLength(1);
    }
    await waitFor('every court report’s status change on the referrals topic', () =>
      reports.every((r) => statusEvents(r.referralId, r.kind).length > 0),
    );
    for (const referralId of apiReferrals) {
      const steps = reports.filter((r) => r.referralId === referralId).map((r) => statusEvents(referralId, r.kind));
      for (const events of steps) expect(distinctIds(events)).toBe(1);
      const placed = steps.map(([m]) => ({ partition: m.partition, offset: BigInt(m.message.offset) }));
      expect(new Set(placed.map((p) => p.partition)).size).toBeLessThanOrEqual(1);
      for (let i = 1; i < placed.length; i++) expect(placed[i].offset).toBeGreaterThan(placed[i - 1].offset);
    }
  }, 240_000);

  it('applies inbound events (areas to contracts, a court’s reports to litigation) produced while one consumer instance is down once each, those of its partitions after the group rebalances', async () => {
    const admin = createKafka({
      brokers: broker.brokers,
      clientId: 'test-group-reader',
      sasl: broker.credentials.admin,
    }).admin();
    await admin.connect();
    const down = [topology.instances.contracts![0], topology.instances.litigation![0]];
    try {
      // the contracts consumer of the areas feed and litigation's of the courts' topics: who holds which partition
      const [{ consumer }] = await sql<{ consumer: string }>(
        `select consumer from contracts.inbox where topic = $1 limit 1`,
        [topics[0]],
      );
      const areasGroup = { groupId: `${topicPrefix}${consumer}`, topic: topics[0] };
      const courtGroup = { groupId: `${topicPrefix}litigation.court-case-events`, topic: courtTopic };
      const [areasBefore, courtBefore] = await Promise.all(
        [areasGroup, courtGroup].map((group) =>
          waitFor(`both instances in ${group.groupId}`, async () => {
            const members = await membersOf(admin, group);
            return members.size === 2 && [...members.values()].every((p) => p.length > 0) && members;
          }),
        ),
      );

      await Promise.all(down.map((p) => topology.kill(p)));
      // Sent until some landed on each member's partitions: whichever member died, one of them is its. Areas
      // registered through the gateway; the court's reports produced on its own topic, keyed by referral.
      const landed: { areaId: string; partition: number }[] = [];
      const covered = (before: Map<string, number[]>, on: { partition: number }[]) =>
        [...before.values()].every((ps) => on.some((l) => ps.includes(l.partition)));
      for (let i = 0; i < 30 && !covered(areasBefore, landed); i++) {
        const answer = await registerArea(`拓扑-消费-${suffix}-${i}`);
        if (!answer.ok) throw new Error(`registerArea failed: ${answer.code}`);
        const areaId = answer.data.registerArea.id;
        const [event] = await waitFor(`area ${areaId} on its topic`, () => {
          const events = eventsOf('hub.areas.area.registered', 'areaId', areaId);
          return events.length > 0 && events;
        });
        landed.push({ areaId, partition: event.partition });
      }
      const reported: { eventId: string; referralId: string; partition: number }[] = [];
      const producer = createKafka({
        brokers: broker.brokers,
        clientId: 'test-court',
        sasl: broker.credentials.admin,
      }).producer();
      await producer.connect();
      try {
        for (const referralId of kafkaReferrals) {
          if (covered(courtBefore, reported)) break;
          const eventId = randomUUID();
          const data = {
            referralId,
            courtId: COURT_ID,
            kind: 'DOCKETED',
            occurredAt: `${today}T09:30:00+08:00`,
            caseNumber: `(2026)京0102民初${7200 + reported.length}号`,
          };
          const event = {
            id: eventId,
            type: COURT_CASE_EVENT_REPORTED.type,
            source: `court:${COURT_ID}`,
            time: new Date().toISOString(),
            data,
          };
          const [sent] = await producer.send({
            topic: courtTopic,
            acks: -1,
            messages: [asKafkaMessage(event, referralId)],
          });
          reported.push({ eventId, referralId, partition: sent.partition });
        }
      } finally {
        await producer.disconnect();
      }
      expect(covered(areasBefore, landed)).toBe(true);
      expect(covered(courtBefore, reported)).toBe(true);

      // the groups rebalance once the killed members' sessions (SESSION_TIMEOUT_MS here, 30 s by default) expire
      await waitFor(
        'the other contracts instance to apply every area and the other litigation instance every report',
        async () =>
          (await sql(`select 1 from contracts.area_view where area_id = any($1)`, [landed.map((l) => l.areaId)]))
            .length === landed.length &&
          (await sql(`select 1 from litigation.court_event where id = any($1)`, [reported.map((r) => r.eventId)]))
            .length === reported.length,
        { timeoutMs: 60_000 },
      );
      for (const [group, before, sent] of [
        [areasGroup, areasBefore, landed],
        [courtGroup, courtBefore, reported],
      ] as const) {
        const after = await waitFor(`${group.groupId} without the killed member`, async () => {
          const members = await membersOf(admin, group);
          return members.size === 1 && members;
        });
        const [dead] = [...before.keys()].filter((id) => !after.has(id));
        expect([...after.keys()].every((id) => before.has(id))).toBe(true);
        expect(sent.filter((l) => before.get(dead)!.includes(l.partition)).length).toBeGreaterThan(0);
        expect([...after.values()][0].sort()).toEqual([...before.values()].flat().sort());
      }
      for (const { areaId } of landed) {
        const [event] = eventsOf('hub.areas.area.registered', 'areaId', areaId);
        const inbox = await sql(`select consumer from contracts.inbox where event_id = $1`, [event.headers.ce_id]);
        expect(inbox).toHaveLength(1);
      }
      // each report applied once: kept once, in litigation's inbox once, the referral docketed with one status change
      for (const { eventId, referralId } of reported) {
        expect(await sql(`select 1 from litigation.inbox where event_id = $1`, [eventId])).toHaveLength(1);
        expect(
          await sql(`select 1 from litigation.referral where id = $1 and status = 'DOCKETED'`, [referralId]),
        ).toHaveLength(1);
        const docketed = await waitFor(`referral ${referralId} docketed on the referrals topic`, () => {
          const events = eventsOf(STATUS_CHANGED, 'referralId', referralId);
          return events.length > 0 && events;
        });
        expect(distinctIds(docketed)).toBe(1);
      }
    } finally {
      await admin.disconnect();
      // back while the gateway test runs; the broker test waits for them
      restarting = Promise.all(down.map((p) => topology.restart(p))).then(() => undefined);
    }
  }, 120_000);

  it('survives the gateway killed and restarted: clients reconnect and nothing written is lost', async () => {
    const before = await registerArea(`拓扑-网关前-${suffix}`);
    expect(before.ok).toBe(true);
    await topology.kill(topology.gateway);
    expect(await registerArea(`拓扑-网关中-${suffix}`)).toEqual({ ok: false, code: 'GATEWAY_UNREACHABLE' });
    await topology.restart(topology.gateway);
    const after = await registerArea(`拓扑-网关后-${suffix}`);
    expect(after.ok).toBe(true);
    for (const name of [`拓扑-网关前-${suffix}`, `拓扑-网关后-${suffix}`])
      expect(await sql(`select 1 from areas.area where name = $1`, [name])).toHaveLength(1);
    expect(await sql(`select 1 from areas.area where name = $1`, [`拓扑-网关中-${suffix}`])).toHaveLength(0);
  });

  it('loses and duplicates no event and keeps one filing in order when the broker is killed and restarted while both relays compete', async () => {
    const lap = laps();
    await restarting;
    lap('restarts');
    const instances = Object.values(topology.instances).flat();
    expect(instances.map((p) => p.pid !== undefined)).toEqual(Array.from({ length: 8 }, () => true));
    const filingArea = await registerArea(`拓扑-断线合同-${suffix}`);
    if (!filingArea.ok) throw new Error(`registerArea failed: ${filingArea.code}`);
    const areaId = filingArea.data.registerArea.id;
    await waitFor(
      'contracts to know the area',
      async () => (await sql(`select 1 from contracts.area_view where area_id = $1`, [areaId])).length === 1,
    );
    await Promise.all(['areas', 'contracts', 'arrears', 'litigation'].map((schema) => drained(schema)));
    await probe.stop();
    lap('drained');

    await broker.kill();
    lap('kill');
    // While the broker is dead: one filing submitted and accepted (two events of one key) and areas registered,
    // each answered from PostgreSQL; the events wait in the outboxes while both instances' relays try in turn.
    const draft = await gql(
      company,
      'mutation($a: ID!, $t: ContractTermsInput!) { draftContract(areaId: $a, terms: $t) { id } }',
      { a: areaId, t: terms() },
    );
    if (!draft.ok) throw new Error(`draftContract failed: ${draft.code}`);
    const submitted = await gql(
      company,
      'mutation($c: ID!, $k: Key!, $d: [FilingDocumentInput!]!) { submitFiling(contractId: $c, idempotencyKey: $k, documents: $d) { id } }',
      {
        c: draft.data.draftContract.id,
        k: randomUUID(),
        d: [{ name: '物业服务合同.pdf', type: 'CONTRACT_TEXT', sizeBytes: 1000, sha256: 'a'.repeat(64) }],
      },
    );
    if (!submitted.ok) throw new Error(`submitFiling failed: ${submitted.code}`);
    const filingId = submitted.data.submitFiling.id;
    expect(
      await gql(office, 'mutation($f: ID!) { acceptFiling(filingId: $f, version: 1) { id } }', { f: filingId }),
    ).toMatchObject({ ok: true });
    const outageAreas: string[] = [];
    for (let i = 0; i < 5; i++) {
      const answer = await registerArea(`拓扑-断线-${suffix}-${i}`);
      if (!answer.ok) throw new Error(`registerArea during the outage failed: ${answer.code}`);
      outageAreas.push(answer.data.registerArea.id);
    }
    // the relays tried and failed: the backlog is in the outboxes, its attempts counted
    await waitFor('a failed publish attempt in each outbox', async () => {
      const rows = await sql<{ n: number }>(
        `select (select count(*) from areas.outbox where published_at is null and attempts > 0)::int as n
         union all
         select (select count(*) from contracts.outbox where published_at is null and attempts > 0)::int`,
      );
      return rows.every((r) => r.n > 0);
    });
    expect(await unpublished('areas')).toBeGreaterThanOrEqual(outageAreas.length);
    expect(await unpublished('contracts')).toBeGreaterThanOrEqual(2);
    lap('outage');

    await broker.restart();
    lap('brokerRestart');
    await Promise.all(['areas', 'contracts', 'arrears', 'litigation'].map((schema) => drained(schema, 90_000)));
    lap('drainedAgain');
    // a new reader from the beginning: every event of the four topics since the topology started
    probe = await probeTopics(broker.brokers, topics, broker.credentials.admin);
    const outbox = await sql<{ event_id: string }>(
      `select event_id from areas.outbox where topic = 'areas.areas.v1'
       union all select event_id from contracts.outbox where topic = 'contracts.filings.v1'
       union all select event_id from arrears.outbox where topic = 'arrears.accounts.v1'
       union all select event_id from litigation.outbox where topic = 'litigation.referrals.v1'`,
    );
    const expected = new Set(outbox.map((r) => r.event_id));
    const onTopics = () => new Set(probe.received.map((m) => m.headers.ce_id));
    await waitFor('every outbox event on its topic', () => [...expected].every((id) => onTopics().has(id)), {
      timeoutMs: 60_000,
    });
    lap('probed');
    // nothing lost, nothing that is not in an outbox; a re-sent batch would repeat a ce_id, never make a new one
    expect(onTopics()).toEqual(expected);
    console.log(
      JSON.stringify({
        events: expected.size,
        messages: probe.received.length,
        resent: probe.received.length - expected.size,
      }),
    );

    // one aggregate's events in commit order on its partition, whichever relay published them after the restart
    const filingEvents = probe.received.filter((m) => JSON.parse(m.message.value!.toString()).filingId === filingId);
    const firstOf = (type: string) => filingEvents.find((m) => m.headers.ce_type === type)!;
    const [sub, acc] = [firstOf('hub.contracts.filing.submitted'), firstOf('hub.contracts.filing.accepted')];
    expect(acc.partition).toBe(sub.partition);
    expect(BigInt(acc.message.offset)).toBeGreaterThan(BigInt(sub.message.offset));
    expect(new Set(filingEvents.map((m) => m.headers.ce_id)).size).toBe(2);

    // the consumers came back too: each area of the outage applied once by contracts
    await waitFor(
      'contracts to apply the areas registered during the outage',
      async () =>
        (await sql(`select 1 from contracts.area_view where area_id = any($1)`, [outageAreas])).length ===
        outageAreas.length,
      { timeoutMs: 90_000 },
    );
    const applied = await sql<{ event_id: string; n: number }>(
      `select o.event_id::text, (select count(*) from contracts.inbox i where i.event_id = o.event_id::text)::int as n
         from areas.outbox o where o.topic = 'areas.areas.v1' and o.message_key = any($1)`,
      [outageAreas],
    );
    expect(applied.length).toBeGreaterThanOrEqual(outageAreas.length);
    expect(applied.filter((r) => r.n !== 1)).toEqual([]);
    lap('applied');
    console.log(JSON.stringify({ brokerTestMs: lap.all }));
  }, 240_000);
});

function terms() {
  return {
    kind: 'REGULAR',
    number: 'TOPO-01',
    title: '拓扑测试物业服务合同',
    ownersSide: { kind: 'PROPERTY_MANAGEMENT_COMMITTEE', name: '拓扑片区物业管理委员会' },
    selectionMethod: 'TENDER',
    signedOn: '2026-01-01',
    startsOn: '2026-01-10',
    endsOn: '2029-01-09',
    serviceItems: [{ item: '公共区域保洁', standard: '楼道每日清扫' }],
    feeSchedule: {
      classes: [
        { buildingClass: 'LOW_RISE', assessedRateFenPerM2Month: 178, ownerRateFenPerM2Month: 100, subsidies: [] },
      ],
    },
    lateFee: { dailyRatePerTenThousand: 3, graceDays: 30, capPercentOfPrincipal: null },
    parties: [
      { role: 'PROVIDER', name: '北京拓扑物业服务有限公司', registration: company.organisationId, signatory: '张经理' },
      { role: 'PROPERTY_MANAGEMENT_COMMITTEE', name: '拓扑片区物业管理委员会', signatory: '李主任' },
    ],
  };
}
