import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import { COMPOUND_CHANGED, CompoundChangedData } from '../catalog';
import { HubEvent } from '../platform/events/cloudevent';
import { loadDemoAreas } from '../hub/demo/demo-loader';
import { DEMO_STREETS } from '../hub/demo/demo-data';
import { asKafkaMessage } from './support/events';
import { TestHub, identity, startTestHub, testTokens } from './support/hub-fixture';
import { rawProducer } from './support/kafka-probe';
import { waitFor } from './support/wait-for';
import { whileHeld } from './support/row-locks';

const guangwai = DEMO_STREETS[0].office; // 广安门外街道: 红居南街6号院

type CompoundCopy = { name: string; governance_model: string; version: number };

/**
 * hub.areas.compound.changed carries the whole compound, and a consumer (complaints, which dispatches hotline orders by
 * the compound's governance model) replaces its copy. Two corrections at once must not leave that copy wrong: the
 * second correction reads the compound after the first committed (it is locked), and each event carries the version
 * the correction gave it, so an event arriving after a newer one changes nothing.
 */
describe('compound corrections and the consumers’ copy of the compound', () => {
  let t: TestHub;
  let producer: Producer;
  let compoundId: string;

  const register = async () =>
    (
      await t.sql<CompoundCopy>(`select name, governance_model, version from areas.compound where id = $1`, [
        compoundId,
      ])
    )[0];
  const complaintsCopy = async () =>
    (
      await t.sql<CompoundCopy>(
        `select name, governance_model, version from complaints.compound_view where compound_id = $1`,
        [compoundId],
      )
    )[0];

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'complaints'] });
    producer = rawProducer(t.brokers);
    await producer.connect();
    await loadDemoAreas(t.hub.gatewayUrl, testTokens);
    const all = await t.gql(identity('ADMIN', 'hub-operator'), '{ compounds(first: 100) { id name } }');
    compoundId = (all.body.data.compounds as { id: string; name: string }[]).find(
      (c) => c.name === '红居南街6号院',
    )!.id;
  }, 300_000);
  afterAll(async () => {
    await producer?.disconnect();
    await t?.stop();
  });

  it('keeps both of two corrections at once, in the register and in the complaints subgraph’s copy', async () => {
    const before = await register();
    const model = before.governance_model === 'GOVERNMENT_BACKSTOP' ? 'CONTRACT_BASED' : 'GOVERNMENT_BACKSTOP';
    const rename = `mutation($id: ID!) { updateCompound(id: $id, input: { name: "红居南街6号院（南区）" }) { name governanceModel } }`;
    const remodel = `mutation($id: ID!) { updateCompound(id: $id, input: { governanceModel: ${model} }) { name governanceModel } }`;
    const answers = await whileHeld(t.databaseUrl, { table: 'areas.compound', id: compoundId }, [
      () => t.gql(guangwai, rename, { id: compoundId }),
      () => t.gql(guangwai, remodel, { id: compoundId }),
    ]);
    for (const a of answers) expect(a.body.errors).toBeUndefined();
    // The second correction read the first's result, so it answers with both changes.
    expect(answers[1].body.data.updateCompound).toEqual({ name: '红居南街6号院（南区）', governanceModel: model });
    const after = { name: '红居南街6号院（南区）', governance_model: model, version: before.version + 2 };
    expect(await register()).toEqual(after);

    // Each correction published the compound as it then stood, with its own version.
    const published = await t.sql<{ payload: CompoundChangedData }>(
      `select payload from areas.outbox where event_type = $1 and subject = $2 order by id`,
      [COMPOUND_CHANGED.type, compoundId],
    );
    expect(published.slice(-2).map((p) => [p.payload.version, p.payload.name, p.payload.governanceModel])).toEqual([
      [before.version + 1, '红居南街6号院（南区）', before.governance_model],
      [before.version + 2, '红居南街6号院（南区）', model],
    ]);
    await waitFor('the complaints subgraph to hold the second correction', async () =>
      (await complaintsCopy())?.version === after.version ? true : undefined,
    );
    expect(await complaintsCopy()).toEqual(after);
  }, 120_000);

  it('ignores an event older than the copy it holds, and one published before compounds had versions', async () => {
    const held = await complaintsCopy();
    expect(held.version).toBeGreaterThan(1);
    const [last] = await t.sql<{ payload: CompoundChangedData }>(
      `select payload from areas.outbox where event_type = $1 and subject = $2 order by id desc limit 1`,
      [COMPOUND_CHANGED.type, compoundId],
    );
    const stale = (version: number | undefined): HubEvent<CompoundChangedData> => {
      const data: CompoundChangedData = {
        ...last.payload,
        name: '红居南街6号院（旧名）',
        governanceModel: held.governance_model === 'GOVERNMENT_BACKSTOP' ? 'CONTRACT_BASED' : 'GOVERNMENT_BACKSTOP',
      };
      if (version === undefined) delete data.version;
      else data.version = version;
      return {
        id: randomUUID(),
        type: COMPOUND_CHANGED.type,
        source: '/property-governance-hub/areas',
        subject: compoundId,
        time: new Date().toISOString(),
        data,
      };
    };
    const older = stale(held.version - 1);
    const unversioned = stale(undefined);
    await producer.send({
      topic: `${t.topicPrefix}${COMPOUND_CHANGED.topic.name}`,
      messages: [asKafkaMessage(older, compoundId), asKafkaMessage(unversioned, compoundId)],
    });
    await waitFor('the complaints subgraph to take both events', async () => {
      const taken = await t.sql(`select 1 from complaints.inbox where event_id = any($1)`, [
        [older.id, unversioned.id],
      ]);
      return taken.length === 2 ? true : undefined;
    });
    expect(await complaintsCopy()).toEqual(held);
  }, 60_000);
});
