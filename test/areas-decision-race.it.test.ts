import { DEMO_STREETS } from '../hub/demo/demo-data';
import { compoundOfTwoBuildings } from './support/areas-two-buildings';
import { TestHub, startTestHub, pinTestToday } from './support/hub-fixture';
import { waitFor } from './support/wait-for';
import { assignBuildingsToArea } from '../subgraphs/areas/application/assign-buildings';
import { recordJointDecision } from '../subgraphs/areas/application/record-joint-decision';

// A restatement of the day a building joined an area, and a joint decision of a meeting it moves, at the same moment:
// each passed its check on what the other had not yet committed, and both stood (a concurrency audit, 2026-12-07).
pinTestToday('2026-12-01');

const street = DEMO_STREETS[0];
const guangwai = street.office;

describe('a joint decision and a restatement of the area it counts, at once', () => {
  let t: TestHub;

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas'] });
  });

  afterAll(async () => {
    pinTestToday('2026-12-01');
    await t?.stop();
  });

  const gql = async (query: string, variables: Record<string, unknown>) => {
    const res = await t.gql(guangwai, query, variables);
    expect(res.body.errors).toBeUndefined();
    return res.body.data;
  };

  it('counts the meeting by the restated register: the decision waits for the restatement under way', async () => {
    const households = await compoundOfTwoBuildings(gql, street, '竞态测试院', 'race');
    const [[first, ...firstFlats], [second]] = households;
    const { registerArea } = await gql('mutation($i: RegisterAreaInput!) { registerArea(input: $i) { id } }', {
      i: { name: '竞态测试院', districtCode: street.districtCode, streetCode: street.streetCode },
    });
    const areaId = registerArea.id as string;
    const ASSIGN = `mutation($a: ID!, $b: [ID!]!) { assignBuildingsToArea(areaId: $a, buildingIds: $b) { id joinedAreaOn } }`;
    await gql(ASSIGN, { a: areaId, b: [first] }); // delimited on 1 December with building 1
    pinTestToday('2026-12-03');
    await gql(ASSIGN, { a: areaId, b: [second] }); // building 2 joins on 3 December

    const orm = t.hub.subgraphs.areas!.orm;
    const meeting = { areaId, matter: 'OTHER_MAJOR_MATTER' as const, heldOn: '2026-12-02' };
    const ballots = [
      { householdId: firstFlats[0], vote: 'CONSENT' as const },
      { householdId: firstFlats[1], vote: 'CONSENT' as const },
      { householdId: firstFlats[2], vote: 'OPPOSE' as const },
    ];

    // The street office restates building 2 as of the area since it was delimited (asDelimited): its transaction has
    // run its DECISIONS_RECORDED_MEANWHILE check (no decision yet) and is held before its commit ...
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let restatement!: Promise<unknown>;
    const checked = new Promise<void>((resolve) => {
      restatement = orm.em.fork().transactional(async (tx) => {
        await assignBuildingsToArea(tx, guangwai, areaId, [second], { asDelimited: true });
        resolve();
        await held;
      });
    });
    await checked;
    // ... while the meeting of 2 December is recorded (by the street office or the committee).
    const decision = recordJointDecision(orm.em.fork(), guangwai, { ...meeting, ballots }).then(
      (d) => ({ ok: true as const, valid: d.outcome.valid }),
      (e: unknown) => ({ ok: false as const, error: e }),
    );
    const decisionDone = decision.then(() => 'done');
    await waitFor('the decision to finish or to wait on a lock', async () => {
      if ((await Promise.race([decisionDone, Promise.resolve('pending')])) === 'done') return true;
      const waiting = await t.sql(
        `select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query not like '%pg_stat_activity%'`,
      );
      return waiting.length > 0;
    });
    release();
    const [restated, recorded] = await Promise.all([
      restatement.then(
        () => ({ ok: true as const }),
        (e: unknown) => ({ ok: false as const, error: e }),
      ),
      decision,
    ]);

    const stored = await t.sql<{ total_owners: number; valid: boolean }>(
      `select total_owners, valid from areas.joint_decision where area_id = $1 and held_on = '2026-12-02'`,
      [areaId],
    );
    const joined = await t.sql<{ day: string | null }>(
      `select to_char(joined_area_on, 'YYYY-MM-DD') as day from areas.building where id = $1`,
      [second],
    );
    // Serialised: the restatement (under way first) commits, and the meeting then counts building 2's owners as of the
    // area on its day: 3 of 6 took part, so the vote is invalid. Before, the decision counted building 1's 3 owners
    // only (valid), while the register said building 2 was of the area that day.
    expect(restated).toEqual({ ok: true });
    expect(recorded).toEqual({ ok: true, valid: false });
    expect(stored).toEqual([{ total_owners: 6, valid: false }]);
    expect(joined).toEqual([{ day: null }]); // of the area as delimited
  });
});
