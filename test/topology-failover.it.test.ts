import { randomBytes, randomUUID } from 'node:crypto';
import { AssignerProtocol } from 'kafkajs';
import { Pool } from 'pg';
import { mintUserToken } from '../platform/auth/tokens';
import { tokenSettings } from '../platform/config';
import { createKafka } from '../platform/events/kafka';
import { RunningTopology, ServiceProcess, freeBasePort, startTopology } from '../hub/topology';
import { DEMO_STREETS } from '../hub/demo/demo-data';
import { dropDatabase, ensureDatabase } from '../tools/postgres/local-postgres';
import { Identity } from '../kernel/identity';
import { buildDist } from './support/built';
import { adminPostgresUrl, identity, uniqueSuffix } from './support/hub-fixture';
import { ProbedMessage, probeTopics } from './support/kafka-probe';
import { OwnSecuredBroker, ownSecuredBroker } from './support/secured-broker';
import { waitFor } from './support/wait-for';

/**
 * The production topology as separate processes (hub/topology.ts, the entry points of docker-compose.yml): the
 * areas and contracts subgraphs with two instances each and one gateway, on real PostgreSQL and Kafka. The areas
 * subgraph writes (registerArea → areas.areas.v1); the contracts subgraph writes (draftContract, submitFiling,
 * acceptFiling → contracts.filings.v1) and consumes the areas feed in one consumer group shared by its two
 * instances, which stands in for every inbound feed (a court's reports reach litigation the same way).
 * The broker is the file's own (secured like every broker of the hub): the last test kills and restarts it.
 * Kept short: dist/ built with --noCheck while the broker starts, processes started and restarted in parallel.
 */
const office = DEMO_STREETS[0].office;
const company = identity('PROPERTY_COMPANY', '91110102MA0000TOPO');
const secrets = {
  jwt: randomBytes(32).toString('base64'),
  internal: randomBytes(32).toString('base64'),
  ownerDataKey: randomBytes(32).toString('base64'),
};
const tokens = tokenSettings({
  NODE_ENV: 'production',
  HUB_JWT_SECRET: secrets.jwt,
  HUB_INTERNAL_SECRET: secrets.internal,
});

type Answer = { ok: true; data: Record<string, { id: string }> } | { ok: false; code: string; status?: number };

describe('the production topology: two instances of each subgraph, failover without loss', () => {
  let broker: OwnSecuredBroker;
  let topology: RunningTopology;
  let pool: Pool;
  let probe: Awaited<ReturnType<typeof probeTopics>>;
  const suffix = uniqueSuffix();
  const database = `hub_test_${suffix}`;
  const topicPrefix = `t${suffix}.`;
  const tokenOf = new Map<Identity, Promise<string>>();
  const topics = [`${topicPrefix}areas.areas.v1`, `${topicPrefix}contracts.filings.v1`];
  /** The contracts instance restarted by the consumer test, in the background while the gateway test runs. */
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

  const registerArea = (name: string) =>
    gql(office, 'mutation($i: RegisterAreaInput!) { registerArea(input: $i) { id } }', {
      i: { name, districtCode: DEMO_STREETS[0].districtCode, streetCode: DEMO_STREETS[0].streetCode },
    });

  beforeAll(async () => {
    // where the file's time goes, printed for whoever makes it faster
    const started = Date.now();
    const timed = <T>(promise: Promise<T>) => promise.then((value) => [value, Date.now() - started] as const);
    const [[root, buildMs], [own, brokerMs], [databaseUrl]] = await Promise.all([
      timed(buildDist()),
      timed(ownSecuredBroker()),
      timed(ensureDatabase(adminPostgresUrl(), database)),
    ]);
    broker = own;
    pool = new Pool({ connectionString: databaseUrl, max: 3 });
    topology = await startTopology(
      {
        databaseUrl,
        brokers: broker.brokers,
        credentials: broker.credentials,
        secrets,
        instances: 2,
        subgraphs: ['areas', 'contracts'],
        basePort: await freeBasePort(2),
        localEnv: { KAFKA_TOPIC_PREFIX: topicPrefix, HUB_LOG_LEVEL: 'warn', KAFKA_CONSUMER_SESSION_TIMEOUT_MS: '6000' },
      },
      { root },
    );
    // the broker-setup step created the topics; the probe reads them from the beginning
    probe = await probeTopics(broker.brokers, topics, broker.credentials.admin);
    console.log(JSON.stringify({ buildMs, brokerMs, readyMs: Date.now() - started }));
  }, 300_000);

  afterAll(async () => {
    await restarting.catch(() => undefined);
    await topology?.stop();
    await probe?.stop().catch(() => undefined);
    await pool?.end();
    await dropDatabase(adminPostgresUrl(), database);
    await broker?.stop();
  }, 90_000);

  it('keeps every answered write exactly once in the database and on its topic while an instance of each subgraph is SIGKILLed and restarted', async () => {
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
    const reads: Answer[] = [];
    let running = true;
    const areaWriter = async () => {
      for (let i = 0; running; i++)
        areas.push({ name: `拓扑-${suffix}-${i}`, answer: await registerArea(`拓扑-${suffix}-${i}`) });
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
    const reader = async () => {
      while (running) reads.push(await gql(office, '{ areas(first: 3) { id } contractsHealth { status } }'));
    };
    const load = Promise.all([areaWriter(), filingWriter(), reader()]);
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const bounce = async (p: ServiceProcess) => {
      await topology.kill(p);
      await pause(1000);
      await topology.restart(p);
    };
    // one instance of each subgraph at once: the writes and reads meanwhile go to the others
    await pause(1500);
    await Promise.all([bounce(topology.instances.areas![0]), bounce(topology.instances.contracts![0])]);
    await pause(1000);
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
        reads: codes(reads.map((answer) => ({ answer }))),
      }),
    );
    const answered = areas.filter((a) => a.answer.ok);
    const answeredFilings = filings.filter((f) => f.answer.ok);
    expect(answered.length).toBeGreaterThan(5);
    expect(answeredFilings.length).toBeGreaterThan(2);
    // Failures are the gateway's clean refusal, never an internal error; reads never fail (retried on the other instance).
    const failures = [...areas, ...filings].flatMap((w) => (w.answer.ok ? [] : [w.answer.code]));
    expect(new Set(failures)).toEqual(new Set(failures.length ? ['SUBGRAPH_UNAVAILABLE'] : []));
    expect(reads.filter((r) => !r.ok)).toEqual([]);

    await Promise.all([drained('areas'), drained('contracts')]);
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
  }, 240_000);

  it('applies inbound events produced while one consumer instance is down once each, those of its partitions after the group rebalances', async () => {
    const admin = createKafka({
      brokers: broker.brokers,
      clientId: 'test-group-reader',
      sasl: broker.credentials.admin,
    }).admin();
    await admin.connect();
    const [down] = topology.instances.contracts!;
    try {
      // the contracts consumer of the areas feed: its group and which member holds which partition
      const [{ consumer }] = await sql<{ consumer: string }>(
        `select consumer from contracts.inbox where topic = $1 limit 1`,
        [topics[0]],
      );
      const groupId = `${topicPrefix}${consumer}`;
      const membersOf = async () => {
        const {
          groups: [group],
        } = await admin.describeGroups([groupId]);
        const members = new Map(
          group.members.map((m) => [
            m.memberId,
            AssignerProtocol.MemberAssignment.decode(m.memberAssignment)?.assignment[topics[0]] ?? [],
          ]),
        );
        return group.state === 'Stable' ? members : new Map<string, number[]>();
      };
      const before = await waitFor('both contracts instances to share the areas feed', async () => {
        const members = await membersOf();
        return members.size === 2 && [...members.values()].every((p) => p.length > 0) && members;
      });

      await topology.kill(down);
      // areas registered until some landed on each member's partitions: whichever member died, one of them is its
      const landed: { areaId: string; partition: number }[] = [];
      const covered = () => [...before.values()].every((ps) => landed.some((l) => ps.includes(l.partition)));
      for (let i = 0; i < 30 && !covered(); i++) {
        const answer = await registerArea(`拓扑-消费-${suffix}-${i}`);
        if (!answer.ok) throw new Error(`registerArea failed: ${answer.code}`);
        const areaId = answer.data.registerArea.id;
        const [event] = await waitFor(`area ${areaId} on its topic`, () => {
          const events = eventsOf('hub.areas.area.registered', 'areaId', areaId);
          return events.length > 0 && events;
        });
        landed.push({ areaId, partition: event.partition });
      }
      expect(covered()).toBe(true);
      // the group rebalances once the killed member's session (6 s here, 30 s by default) expires
      await waitFor(
        'the other contracts instance to apply every area',
        async () =>
          (await sql(`select 1 from contracts.area_view where area_id = any($1)`, [landed.map((l) => l.areaId)]))
            .length === landed.length,
        { timeoutMs: 60_000 },
      );
      const after = await waitFor('the group without the killed member', async () => {
        const members = await membersOf();
        return members.size === 1 && members;
      });
      const [dead] = [...before.keys()].filter((id) => !after.has(id));
      expect([...after.keys()].every((id) => before.has(id))).toBe(true);
      const orphaned = landed.filter((l) => before.get(dead)!.includes(l.partition));
      expect(orphaned.length).toBeGreaterThan(0);
      expect([...after.values()][0].sort()).toEqual([...before.values()].flat().sort());
      for (const { areaId } of landed) {
        const [event] = eventsOf('hub.areas.area.registered', 'areaId', areaId);
        const inbox = await sql(`select consumer from contracts.inbox where event_id = $1`, [event.headers.ce_id]);
        expect(inbox).toHaveLength(1);
      }
    } finally {
      await admin.disconnect();
      // back while the gateway test runs; the broker test waits for it
      restarting = topology.restart(down);
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
    await restarting;
    const instances = [...topology.instances.areas!, ...topology.instances.contracts!];
    expect(instances.map((p) => p.pid !== undefined)).toEqual([true, true, true, true]);
    const filingArea = await registerArea(`拓扑-断线合同-${suffix}`);
    if (!filingArea.ok) throw new Error(`registerArea failed: ${filingArea.code}`);
    const areaId = filingArea.data.registerArea.id;
    await waitFor(
      'contracts to know the area',
      async () => (await sql(`select 1 from contracts.area_view where area_id = $1`, [areaId])).length === 1,
    );
    await Promise.all([drained('areas'), drained('contracts')]);
    await probe.stop();

    await broker.kill();
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

    await broker.restart();
    await Promise.all([drained('areas', 90_000), drained('contracts', 90_000)]);
    // a new reader from the beginning: every event of both topics since the topology started
    probe = await probeTopics(broker.brokers, topics, broker.credentials.admin);
    const outbox = await sql<{ event_id: string }>(
      `select event_id from areas.outbox where topic = 'areas.areas.v1'
       union all select event_id from contracts.outbox where topic = 'contracts.filings.v1'`,
    );
    const expected = new Set(outbox.map((r) => r.event_id));
    const onTopics = () => new Set(probe.received.map((m) => m.headers.ce_id));
    await waitFor('every outbox event on its topic', () => [...expected].every((id) => onTopics().has(id)), {
      timeoutMs: 60_000,
    });
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
