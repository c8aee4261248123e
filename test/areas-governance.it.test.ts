import { DEMO_STREETS } from '../hub/demo/demo-data';
import { compoundOfTwoBuildings } from './support/areas-two-buildings';
import { addDays } from '../kernel/calendar';
import { todayInChina } from '../kernel/clock';
import { TestHub, identity, startTestHub, pinTestToday } from './support/hub-fixture';
import { ProbedMessage, probeTopics } from './support/kafka-probe';
import { scenario } from './support/scenario';
import { expectValidEvent } from './support/event-schema';
import { connectedClient } from './support/db-client';
import { waitFor } from './support/wait-for';
import { registerTotals, unanimousTally } from './support/register-totals';

// Periods counted from today (working days) would run past the holiday data the hub holds (2026-12-24) from
// mid-December 2026: the scenario is pinned to a day it is dated against (README › Tests › Dates).
pinTestToday('2026-12-01');

const guangwai = DEMO_STREETS[0].office; // 红居南街6号院
const guangnei = DEMO_STREETS[4].office; // 广安门北街20号院 (seed 000: 广安门内街道)
const beitaipingzhuang = DEMO_STREETS[2].office;
const desheng = DEMO_STREETS[1].office; // 阳光丽景
const xichengBureau = identity('CITY_BUREAU', 'bureau-xicheng', ['110102']);
const otherStreet = identity('STREET_OFFICE', 'street-office-desheng', ['110102011']);

const AREAS = `{ areas(first: 100) { id name governanceBodies { id kind formedOn termEndsOn filingDeadline filedLate dissolvedOn chairMemberId members { id seat } } } }`;
const ASSEMBLY = `mutation($i: RecordOwnersAssemblyInput!) { recordOwnersAssembly(input: $i) { id } }`;
const RECORD = `mutation($i: RecordJointDecisionInput!) {
  recordJointDecision(input: $i) { id valid reasons tallySource participationOwners { percent } participationArea { percent } consentOwners { percent } consentArea { percent } }
}`;

/** Seed 003's vote on hiring a company (学院南路32号院): the meeting's aggregate tally. */
const seed003 = {
  totalOwners: 10000,
  totalArea: '40000.00',
  participatingOwners: 7784,
  participatingArea: '29700.00',
  consentingOwners: 5770,
  consentingArea: '23421.42',
};

type Body = {
  id: string;
  kind: string;
  formedOn: string;
  termEndsOn: string;
  filingDeadline: string | null;
  filedLate: boolean | null;
  dissolvedOn: string | null;
  chairMemberId: string;
  members: { id: string; seat: string }[];
};
type AreaRow = { id: string; name: string; governanceBodies: Body[] };

describe("areas: governance bodies and owners' joint decisions", () => {
  let t: TestHub;
  let areas: Record<string, AreaRow>;

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas'] });
    const given = scenario(t);
    // Seed 000's compound with its 462 households (the ballots) and its committee; seed 003's vote is an aggregate
    // tally, and 红居南街6号院 only gets a committee, so their areas need no households.
    await given.compound('广安门北街20号院');
    await given.area('红居南街6号院');
    await given.area('学院南路32号院');
    await given.area('阳光丽景'); // no committee: one is formed, and re-formed once its term ended
    const res = await t.gql(identity('ADMIN', 'hub-operator'), AREAS);
    areas = Object.fromEntries((res.body.data.areas as AreaRow[]).map((a) => [a.name, a]));
  });

  afterAll(async () => {
    await t?.stop();
  });

  it("holds seed 000's 11-member property-management committee, chaired by the residents' committee", () => {
    const [pmc] = areas['广安门北街20号院'].governanceBodies;
    // No owners' assembly could be formed there (seed 000): Beijing art. 55 para. 1's 30-day filing period runs for a
    // committee of an area whose assembly is formed only (para. 3), so none is set (before, 2020-06-29; helper-210).
    expect(pmc).toMatchObject({
      kind: 'PROPERTY_MANAGEMENT_COMMITTEE',
      formedOn: '2020-05-30',
      filingDeadline: null,
      dissolvedOn: null,
    });
    const seats = pmc.members.reduce<Record<string, number>>((n, m) => ({ ...n, [m.seat]: (n[m.seat] ?? 0) + 1 }), {});
    expect(seats).toEqual({ RESIDENTS_COMMITTEE: 2, PROPERTY_RIGHTS_UNIT: 6, OWNER: 3 });
    expect(pmc.members.find((m) => m.id === pmc.chairMemberId)?.seat).toBe('RESIDENTS_COMMITTEE');
  });

  it('refuses an invalid or second committee with typed errors', async () => {
    const form = `mutation($i: FormPropertyManagementCommitteeInput!) { formPropertyManagementCommittee(input: $i) { id } }`;
    const members = Array.from({ length: 6 }, (_, i) => ({
      name: `m${i}`,
      seat: i === 0 ? 'RESIDENTS_COMMITTEE' : 'OWNER',
    }));
    const six = await t.gql(guangwai, form, {
      i: {
        areaId: areas['红居南街6号院'].id,
        formedOn: '2024-01-10',
        termEndsOn: '2027-01-11',
        members,
        chairIndex: 0,
      },
    });
    expect(six.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { problems: expect.arrayContaining(['TOO_FEW_MEMBERS', 'EVEN_MEMBER_COUNT', 'TERM_TOO_LONG']) },
    });
    const seven = [...members, { name: 'm6', seat: 'OWNER' }];
    // Formed while the standing committee's term (to 2023-05-29) runs: CONFLICT (after it, it succeeds that one).
    const second = await t.gql(guangnei, form, {
      i: {
        areaId: areas['广安门北街20号院'].id,
        formedOn: '2022-01-10',
        termEndsOn: '2025-01-09',
        members: seven,
        chairIndex: 0,
      },
    });
    expect(second.body.errors[0].extensions.code).toBe('CONFLICT');
    const foreign = await t.gql(otherStreet, form, {
      i: {
        areaId: areas['红居南街6号院'].id,
        formedOn: '2024-01-10',
        termEndsOn: '2027-01-10',
        members: seven,
        chairIndex: 0,
      },
    });
    expect(foreign.body.errors[0].extensions.code).toBe('NOT_FOUND');
    // Filed the day before it was formed: refused, as recordCommitteeFiling refuses it (before, it was accepted).
    const early = await t.gql(guangwai, form, {
      i: {
        areaId: areas['红居南街6号院'].id,
        formedOn: '2024-01-10',
        termEndsOn: '2027-01-10',
        filedOn: '2024-01-09',
        members: seven,
        chairIndex: 0,
      },
    });
    expect(early.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { problems: ['FILED_BEFORE_FORMATION'] },
    });
    // 红居南街6号院's owners' assembly is on record, so art. 55 para. 1's 30 days run: filed a day late, flagged.
    const assembly = await t.gql(guangwai, ASSEMBLY, {
      i: { areaId: areas['红居南街6号院'].id, firstMeetingOn: '2023-12-01' },
    });
    expect(assembly.body.errors).toBeUndefined();
    const late = await t.gql(guangwai, form, {
      i: {
        areaId: areas['红居南街6号院'].id,
        formedOn: '2024-01-10',
        termEndsOn: '2027-01-10',
        filedOn: '2024-02-10',
        members: seven,
        chairIndex: 0,
      },
    });
    expect(late.body.errors).toBeUndefined();
    const bodies = await t.gql(guangwai, AREAS);
    const hongju = (bodies.body.data.areas as AreaRow[]).find((a) => a.name === '红居南街6号院')!;
    expect(hongju.governanceBodies[0]).toMatchObject({
      kind: 'PROPERTY_MANAGEMENT_COMMITTEE',
      filingDeadline: '2024-02-09',
      filedLate: true,
    });
  });

  it("records seed 000's committee's filing once, flagged late never: no period ran without an assembly", async () => {
    const pmc = areas['广安门北街20号院'].governanceBodies[0];
    const file = `mutation($b: ID!, $d: LocalDate!) { recordCommitteeFiling(bodyId: $b, filedOn: $d) { filedOn filedLate filingDeadline } }`;
    expect((await t.gql(xichengBureau, file, { b: pmc.id, d: '2020-06-30' })).body.errors[0].extensions.code).toBe(
      'FORBIDDEN',
    );
    const late = await t.gql(guangnei, file, { b: pmc.id, d: '2020-06-30' });
    expect(late.body.data.recordCommitteeFiling).toEqual({
      filedOn: '2020-06-30',
      filedLate: null,
      filingDeadline: null,
    });
    expect((await t.gql(guangnei, file, { b: pmc.id, d: '2020-07-01' })).body.errors[0].extensions.code).toBe(
      'CONFLICT',
    );
  });

  it("decides seed 003's vote on hiring a company valid, and an exact half invalid, publishing each verdict", async () => {
    const probe = await probeTopics(t.brokers, [`${t.topicPrefix}areas.governance.v1`]);
    try {
      const areaId = areas['学院南路32号院'].id;
      const valid = await t.gql(beitaipingzhuang, RECORD, {
        i: { areaId, matter: 'HIRE_OR_DISMISS_PROVIDER', heldOn: '2021-10-15', tally: seed003 },
      });
      // The area's register holds no household, so the meeting's tally is taken as reported, and marked so.
      expect(valid.body.data.recordJointDecision).toMatchObject({
        valid: true,
        reasons: [],
        tallySource: 'REPORTED_TALLY_UNCHECKED',
        participationOwners: { percent: '77.84%' },
        participationArea: { percent: '74.25%' },
        consentOwners: { percent: '74.13%' },
        consentArea: { percent: '78.86%' },
      });
      const half = { ...seed003, consentingOwners: 3892, consentingArea: '14850.00' };
      const invalid = await t.gql(beitaipingzhuang, RECORD, {
        i: { areaId, matter: 'HIRE_OR_DISMISS_PROVIDER', heldOn: '2021-11-15', tally: half },
      });
      expect(invalid.body.data.recordJointDecision).toMatchObject({
        valid: false,
        reasons: ['CONSENT_AREA_NOT_MAJORITY', 'CONSENT_OWNERS_NOT_MAJORITY'],
      });

      const events = await probe.waitForCount(
        'two decisions published',
        (m) => m.headers.ce_type === 'hub.areas.joint-decision.recorded',
        2,
      );
      for (const e of events) {
        expect(e.message.key?.toString()).toBe(areaId);
        expectValidEvent(e, 'hub.areas.joint-decision.recorded');
      }
      expect(events.map((e) => JSON.parse(e.message.value!.toString()).valid).sort()).toEqual([false, true]);
      // Each carries its figures and where they come from, so a subscriber can check the verdict itself.
      const published = events.map((e) => JSON.parse(e.message.value!.toString()));
      const first = published.find((d) => d.valid);
      expect(first).toMatchObject({
        tallySource: 'REPORTED_TALLY_UNCHECKED',
        tally: {
          totalOwners: 10000,
          totalAreaCentiM2: 4_000_000,
          participatingOwners: 7784,
          participatingAreaCentiM2: 2_970_000,
          consentingOwners: 5770,
          consentingAreaCentiM2: 2_342_142,
        },
      });
    } finally {
      await probe.stop();
    }
  });

  it('records a decision once per idempotency key, however often the request is retried', async () => {
    // Before, a retried request (a lost answer, a double click) recorded the decision and published it twice.
    const areaId = areas['学院南路32号院'].id;
    const KEYED = `mutation($i: RecordJointDecisionInput!, $k: Key) {
      recordJointDecision(input: $i, idempotencyKey: $k) { id valid reasons consentArea { percent } }
    }`;
    const input = { areaId, matter: 'MANAGEMENT_COVENANT', heldOn: '2022-06-18', tally: seed003 };
    const key = `decision-${Date.now()}`;
    const first = await t.gql(beitaipingzhuang, KEYED, { i: input, k: key });
    expect(first.body.errors).toBeUndefined();
    const again = await t.gql(beitaipingzhuang, KEYED, { i: input, k: key });
    expect(again.body).toEqual(first.body);
    expect(first.body.data.recordJointDecision).toMatchObject({ valid: true, consentArea: { percent: '78.86%' } });
    const other = await t.gql(beitaipingzhuang, KEYED, { i: { ...input, heldOn: '2022-06-19' }, k: key });
    expect(other.body.errors[0].extensions.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const rows = await t.sql<{ n: number }>(
      `select count(*)::int as n from areas.joint_decision where area_id = $1 and held_on between '2022-06-18' and '2022-06-19'`,
      [areaId],
    );
    expect(rows[0].n).toBe(1);
    // Without a key the same meeting's decision is the one recorded (before, each request recorded it again).
    const unkeyed = await t.gql(beitaipingzhuang, KEYED, { i: input });
    expect(unkeyed.body.data.recordJointDecision.id).toBe(first.body.data.recordJointDecision.id);
  });

  it("records a meeting's decision once, whoever reports it again, and refuses a second count of the vote", async () => {
    // Before, a retry without a key, a second clerk or the committee after the street office each recorded the same
    // vote again, published it again, and a self-management could cite either.
    const probe = await probeTopics(t.brokers, [`${t.topicPrefix}areas.governance.v1`]);
    try {
      const areaId = areas['学院南路32号院'].id;
      const ID_ONLY = `mutation($i: RecordJointDecisionInput!) { recordJointDecision(input: $i) { id agendaItem consentOwners { percent } } }`;
      const secondClerk = identity('STREET_OFFICE', 'street-office-beitaipingzhuang-clerk-2', ['110108009']);
      const meeting = { areaId, matter: 'OTHER_MAJOR_MATTER', heldOn: '2023-03-03', tally: seed003 };
      const first = await t.gql(beitaipingzhuang, ID_ONLY, { i: meeting });
      expect(first.body.errors).toBeUndefined();
      const id = first.body.data.recordJointDecision.id;
      expect(first.body.data.recordJointDecision.agendaItem).toBeNull();
      const again = await t.gql(beitaipingzhuang, ID_ONLY, { i: meeting });
      const clerk = await t.gql(secondClerk, ID_ONLY, { i: meeting });
      expect([again.body.data.recordJointDecision.id, clerk.body.data.recordJointDecision.id]).toEqual([id, id]);

      // Two reports of another meeting at the same moment record it once.
      const other = { ...meeting, heldOn: '2023-03-04' };
      const both = await Promise.all([
        t.gql(beitaipingzhuang, ID_ONLY, { i: other }),
        t.gql(secondClerk, ID_ONLY, { i: other }),
      ]);
      const ids = both.map((r) => r.body.data?.recordJointDecision.id);
      expect(ids[0]).toEqual(expect.any(String));
      expect(ids[1]).toBe(ids[0]);

      // Another count of the same vote is refused, naming the record; another item of the meeting is its own decision.
      const recount = { ...seed003, consentingOwners: 5000 };
      const refused = await t.gql(secondClerk, ID_ONLY, { i: { ...meeting, tally: recount } });
      expect(refused.body.errors[0].extensions).toMatchObject({
        code: 'JOINT_DECISION_ALREADY_RECORDED',
        details: { decisionId: id },
      });
      const item = await t.gql(beitaipingzhuang, ID_ONLY, {
        i: { ...meeting, tally: recount, agendaItem: ' 议题二：公共收益分配 ' },
      });
      expect(item.body.data.recordJointDecision).toMatchObject({ agendaItem: '议题二：公共收益分配' });
      expect(item.body.data.recordJointDecision.id).not.toBe(id);
      const blank = await t.gql(beitaipingzhuang, ID_ONLY, { i: { ...meeting, agendaItem: '  ' } });
      expect(blank.body.errors[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        details: { fields: { agendaItem: 'blank' } },
      });

      const rows = await t.sql<{ held_on: string; agenda_item: string | null }>(
        `select to_char(held_on, 'YYYY-MM-DD') as held_on, agenda_item from areas.joint_decision
          where area_id = $1 and held_on between '2023-03-03' and '2023-03-04' order by held_on, agenda_item nulls first`,
        [areaId],
      );
      expect(rows).toEqual([
        { held_on: '2023-03-03', agenda_item: null },
        { held_on: '2023-03-03', agenda_item: '议题二：公共收益分配' },
        { held_on: '2023-03-04', agenda_item: null },
      ]);
      // A later decision on the area's partition marks the end: before it, exactly one event per decision.
      const marker = await t.gql(beitaipingzhuang, ID_ONLY, { i: { ...meeting, heldOn: '2023-03-05' } });
      const markerId = marker.body.data.recordJointDecision.id;
      const isDecision = (m: ProbedMessage) => m.headers.ce_type === 'hub.areas.joint-decision.recorded';
      await probe.waitForCount(
        'the marker decision published',
        (m) => isDecision(m) && JSON.parse(m.message.value!.toString()).decisionId === markerId,
        1,
      );
      const published = probe.received
        .filter(isDecision)
        .map((m) => JSON.parse(m.message.value!.toString()))
        .filter((d) => d.areaId === areaId && ['2023-03-03', '2023-03-04'].includes(d.heldOn));
      expect(published.map((d) => [d.heldOn, d.agendaItem ?? null]).sort()).toEqual([
        ['2023-03-03', null],
        ['2023-03-03', '议题二：公共收益分配'],
        ['2023-03-04', null],
      ]);
    } finally {
      await probe.stop();
    }
  });

  it("lets the area's committee, its street office and bureau read the area's decisions, and no one else", async () => {
    const areaId = areas['广安门北街20号院'].id;
    const recorded = await t.gql(guangnei, RECORD, {
      i: { areaId, matter: 'OTHER_MAJOR_MATTER', heldOn: '2023-08-08', tally: await unanimousTally(t, areaId) },
    });
    const id = recorded.body.data.recordJointDecision.id;
    const LIST = `query($a: ID!) { areaJointDecisions(areaId: $a) { id matter heldOn valid } }`;
    // Seed 000's committee: its term ended (it records no more) but it is not dissolved: it reads its area's record.
    const committee = identity('OWNERS_COMMITTEE', areas['广安门北街20号院'].governanceBodies[0].id);
    for (const reader of [committee, guangnei, xichengBureau]) {
      const res = await t.gql(reader, LIST, { a: areaId });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.areaJointDecisions).toContainEqual({
        id,
        matter: 'OTHER_MAJOR_MATTER',
        heldOn: '2023-08-08',
        valid: true,
      });
    }
    // Another area's decisions, another street's office, a committee of another area, an unknown area: NOT_FOUND.
    const elsewhere = [
      [committee, areas['学院南路32号院'].id],
      [otherStreet, areaId],
      [identity('OWNERS_COMMITTEE', '00000000-0000-4000-8000-000000000000'), areaId],
      [guangnei, '00000000-0000-4000-8000-000000000001'],
    ] as const;
    for (const [reader, a] of elsewhere)
      expect((await t.gql(reader, LIST, { a })).body.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('counts no decision while units of the area stand under a placeholder owner reference', async () => {
    // Before, sixty units registered as 未知 were one owner voting once with all their area (法释〔2009〕7号 art. 9).
    const areaId = areas['广安门北街20号院'].id;
    const units = await t.sql<{ id: string; owner_reference: string; floor_area: string }>(
      `select h.id, h.owner_reference, (h.floor_area_centi_m2 / 100.0)::numeric(12, 2)::text as floor_area from areas.household h join areas.building b on b.id = h.building_id
        where b.area_id = $1 order by h.id limit 2`,
      [areaId],
    );
    const UPDATE = `mutation($h: ID!, $i: UpdateHouseholdInput!) { updateHousehold(id: $h, input: $i) { id ownerReference floorAreaM2 } }`;
    // A placeholder is refused as a new owner reference (as a new unit's, compound.test.ts).
    const refused = await t.gql(guangnei, UPDATE, { h: units[0].id, i: { ownerReference: '未知' } });
    expect(refused.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { ownerReference: expect.stringContaining('stands for no owner') } },
    });
    // Two units registered so before the rule (by SQL, as an old import left them).
    await t.sql(`update areas.household set owner_reference = '未知' where id = any($1::uuid[])`, [
      units.map((u) => u.id),
    ]);
    try {
      const tally = await unanimousTally(t, areaId);
      const blocked = await t.gql(guangnei, RECORD, {
        i: { areaId, matter: 'OTHER_MAJOR_MATTER', heldOn: '2023-09-09', tally },
      });
      expect(blocked.body.errors[0].extensions).toMatchObject({
        code: 'OWNER_REFERENCES_UNRESOLVED',
        details: { households: 2 },
      });
      // Another field of such a unit can still be corrected; giving it its owner's reference resolves it.
      const area = await t.gql(guangnei, UPDATE, { h: units[0].id, i: { floorArea: '61.00' } });
      expect(area.body.data.updateHousehold).toMatchObject({ ownerReference: '未知', floorAreaM2: '61.00' });
    } finally {
      for (const u of units) {
        // A corrected reference, no sale: no day of a change of owner (without it, today's, so every vote held
        // before would count the register as changed since its meeting).
        const back = await t.gql(guangnei, UPDATE, {
          h: u.id,
          i: { ownerReference: u.owner_reference, floorArea: u.floor_area, ownerSince: null },
        });
        expect(back.body.errors).toBeUndefined();
      }
    }
    const resolved = await t.gql(guangnei, RECORD, {
      i: { areaId, matter: 'OTHER_MAJOR_MATTER', heldOn: '2023-09-09', tally: await unanimousTally(t, areaId) },
    });
    expect(resolved.body.data.recordJointDecision.valid).toBe(true);
  });

  it('counts household ballots against the register, by certificate area', async () => {
    const areaId = areas['广安门北街20号院'].id;
    const compounds = await t.gql(guangnei, '{ compounds(streetCode: "110102017") { id name } }');
    const compoundId = (compounds.body.data.compounds as { id: string; name: string }[]).find(
      (c) => c.name === '广安门北街20号院',
    )!.id;
    const page = await t.gql(
      guangnei,
      'query($c: ID!) { compound(id: $c) { households(first: 462) { items { id } } } }',
      { c: compoundId },
    );
    const ids = (page.body.data.compound.households.items as { id: string }[]).map((h) => h.id);
    const ballots = ids.slice(0, 400).map((householdId, i) => ({ householdId, vote: i < 310 ? 'CONSENT' : 'OPPOSE' }));
    const res = await t.gql(guangnei, RECORD, {
      i: { areaId, matter: 'RAISE_MAINTENANCE_FUND', heldOn: '2024-03-01', ballots },
    });
    expect(res.body.errors).toBeUndefined();
    // 400 of 462 households take part; 310 of 400 = 77.5% consent ≥ 3/4 by owners; the area verdict follows the register.
    expect(res.body.data.recordJointDecision.participationOwners.percent).toBe('86.58%');
    expect(res.body.data.recordJointDecision.consentOwners.percent).toBe('77.50%');
    expect(res.body.data.recordJointDecision.tallySource).toBe('REGISTER_BALLOTS');
    const twice = await t.gql(guangnei, RECORD, {
      i: { areaId, matter: 'RAISE_MAINTENANCE_FUND', heldOn: '2024-03-01', ballots: [ballots[0], ballots[0]] },
    });
    expect(twice.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    // Neither a tally nor ballots, or no ballot at all: refused, and nothing recorded (before, a decision of 0 % was).
    const before = await t.sql<{ n: number }>(
      `select count(*)::int as n from areas.joint_decision where area_id = $1`,
      [areaId],
    );
    for (const reported of [{}, { ballots: [] }]) {
      const none = await t.gql(guangnei, RECORD, {
        i: { areaId, matter: 'RAISE_MAINTENANCE_FUND', heldOn: '2024-03-02', ...reported },
      });
      expect(none.body.errors[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        details: { fields: expect.any(Object) },
      });
    }
    const after = await t.sql<{ n: number }>(`select count(*)::int as n from areas.joint_decision where area_id = $1`, [
      areaId,
    ]);
    expect(after[0].n).toBe(before[0].n);

    // The street office declares the area's households: a vote is not counted against a register that holds fewer
    // (a register imported building by building counted 75% participation of the 180 homes registered where the area
    // has 1,080). Only the area's own street office declares.
    const DECLARE = `mutation($a: ID!, $n: Int!) { declareAreaHouseholds(areaId: $a, households: $n) { id declaredHouseholds } }`;
    expect((await t.gql(beitaipingzhuang, DECLARE, { a: areaId, n: 463 })).body.errors[0].extensions.code).toBe(
      'NOT_FOUND',
    );
    expect((await t.gql(xichengBureau, DECLARE, { a: areaId, n: 463 })).body.errors[0].extensions.code).toBe(
      'FORBIDDEN',
    );
    expect((await t.gql(guangnei, DECLARE, { a: areaId, n: 0 })).body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { households: expect.any(String) } },
    });
    expect((await t.gql(guangnei, DECLARE, { a: areaId, n: 463 })).body.data.declareAreaHouseholds).toEqual({
      id: areaId,
      declaredHouseholds: 463,
    });
    const partial = await t.gql(guangnei, RECORD, {
      i: { areaId, matter: 'RAISE_MAINTENANCE_FUND', heldOn: '2024-03-03', ballots },
    });
    expect(partial.body.errors[0].extensions).toMatchObject({
      code: 'REGISTER_INCOMPLETE',
      details: { registered: 462, declared: 463 },
    });
    const unchanged = await t.sql<{ n: number }>(
      `select count(*)::int as n from areas.joint_decision where area_id = $1`,
      [areaId],
    );
    expect(unchanged[0].n).toBe(before[0].n);
    await t.gql(guangnei, DECLARE, { a: areaId, n: 462 });
    const complete = await t.gql(guangnei, RECORD, {
      i: { areaId, matter: 'RAISE_MAINTENANCE_FUND', heldOn: '2024-03-03', ballots },
    });
    expect(complete.body.data.recordJointDecision.tallySource).toBe('REGISTER_BALLOTS');
  });

  it("lets only the area's street office or its committee, while the committee's term runs, record decisions", async () => {
    const areaId = areas['广安门北街20号院'].id;
    const tally = {
      totalOwners: 462,
      totalArea: '30000.00',
      participatingOwners: 400,
      participatingArea: '26000.00',
      consentingOwners: 300,
      consentingArea: '20000.00',
    };
    const input = { areaId, matter: 'MANAGEMENT_COVENANT', heldOn: '2024-04-01', tally };
    expect((await t.gql(xichengBureau, RECORD, { i: input })).body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await t.gql(otherStreet, RECORD, { i: input })).body.errors[0].extensions.code).toBe('NOT_FOUND');
    // Seed 000's committee: its term ended on 2023-05-29, so it acts without a mandate (before, it still recorded).
    const pmcId = areas['广安门北街20号院'].governanceBodies[0].id;
    const expired = await t.gql(identity('OWNERS_COMMITTEE', pmcId), RECORD, { i: input });
    expect(expired.body.errors[0]).toMatchObject({
      extensions: { code: 'FORBIDDEN' },
      message: expect.stringContaining('2023-05-29'),
    });
    // 红居南街6号院's committee (formed above, term to 2027-01-10) records for its own area, and for no other.
    const listed = await t.gql(guangwai, AREAS);
    const hongju = (listed.body.data.areas as AreaRow[]).find((a) => a.name === '红居南街6号院')!;
    const running = identity('OWNERS_COMMITTEE', hongju.governanceBodies[0].id);
    const own = await t.gql(running, RECORD, { i: { ...input, areaId: hongju.id } });
    expect(own.body.data.recordJointDecision.valid).toBe(true);
    expect((await t.gql(running, RECORD, { i: input })).body.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('changes committee members only into a lawful composition', async () => {
    const pmc = areas['广安门北街20号院'].governanceBodies[0];
    const change = `mutation($i: ChangeCommitteeMembersInput!) { changeCommitteeMembers(input: $i) { id members { seat } } }`;
    const rc = { name: '居委会代表 丙', seat: 'RESIDENTS_COMMITTEE' };
    const tooFewOwners = [
      rc,
      ...Array.from({ length: 4 }, (_, i) => ({ name: `使用人 ${i}`, seat: 'OCCUPANT' })),
      { name: '业主 1', seat: 'OWNER' },
      { name: '业主 2', seat: 'OWNER' },
    ];
    const refused = await t.gql(guangnei, change, { i: { bodyId: pmc.id, members: tooFewOwners, chairIndex: 0 } });
    expect(refused.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { problems: ['OWNER_MEMBERS_BELOW_HALF'] },
    });
    // 101 members would be a lawful composition (odd, owners the majority) but is past the hub's input bound
    const hundredOne = [rc, ...Array.from({ length: 100 }, (_, i) => ({ name: `业主 ${i}`, seat: 'OWNER' }))];
    const tooMany = await t.gql(guangnei, change, { i: { bodyId: pmc.id, members: hundredOne, chairIndex: 0 } });
    expect(tooMany.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { members: '1 to 99 members' } },
    });
    const unchanged = await t.gql(guangnei, AREAS);
    expect(
      (unchanged.body.data.areas as AreaRow[]).find((a) => a.name === '广安门北街20号院')!.governanceBodies[0].members,
    ).toHaveLength(11);
    const lawful = [rc, ...Array.from({ length: 6 }, (_, i) => ({ name: `业主 ${i}`, seat: 'OWNER' }))];
    const changed = await t.gql(guangnei, change, { i: { bodyId: pmc.id, members: lawful, chairIndex: 0 } });
    expect(changed.body.data.changeCommitteeMembers.members).toHaveLength(7);
    // Two clerks changing the list at the same moment: one list stands (before, both inserted theirs: 14 members).
    const other = [rc, ...Array.from({ length: 6 }, (_, i) => ({ name: `业主 乙${i}`, seat: 'OWNER' }))];
    const both = await Promise.all(
      [lawful, other].map((members) => t.gql(guangnei, change, { i: { bodyId: pmc.id, members, chairIndex: 0 } })),
    );
    expect(both.map((r) => r.body.errors)).toEqual([undefined, undefined]);
    const [{ n }] = await t.sql<{ n: number }>(
      `select count(*)::int as n from areas.governance_member where body_id = $1`,
      [pmc.id],
    );
    expect(n).toBe(7);
    expect(
      (await t.gql(xichengBureau, change, { i: { bodyId: pmc.id, members: lawful, chairIndex: 0 } })).body.errors[0]
        .extensions.code,
    ).toBe('FORBIDDEN');
  });

  it("dissolves the property-management committee when an owners' committee is recorded", async () => {
    const areaId = areas['广安门北街20号院'].id;
    const members = Array.from({ length: 5 }, (_, i) => ({ name: `委员 ${i + 1}`, seat: 'OWNER' }));
    // Not before the committee was formed (2020-05-30): before, stored as dissolved two months before it existed.
    const early = await t.gql(
      guangnei,
      'mutation($i: RecordOwnersCommitteeInput!) { recordOwnersCommittee(input: $i) { kind } }',
      { i: { areaId, recordedOn: '2020-03-30', termEndsOn: '2025-03-29', members } },
    );
    expect(early.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { propertyManagementCommitteeDissolvedOn: expect.stringContaining('2020-05-30') } },
    });
    const res = await t.gql(
      guangnei,
      'mutation($i: RecordOwnersCommitteeInput!) { recordOwnersCommittee(input: $i) { kind formedOn } }',
      {
        i: { areaId, recordedOn: '2024-06-01', termEndsOn: '2029-05-31', members },
      },
    );
    expect(res.body.data.recordOwnersCommittee).toEqual({ kind: 'OWNERS_COMMITTEE', formedOn: '2024-06-01' });
    // No deadline of the committee ran (no owners' assembly: art. 55 para. 3), so none was announced, nor cancelled
    // now; a dissolved committee's open deadlines are cancelled where they ran (the re-formed one's, below).
    const pmcId = areas['广安门北街20号院'].governanceBodies[0].id;
    const announced = await t.sql<{ key: string }>(
      `select payload->>'deadlineKey' as key from areas.outbox where event_type = 'hub.areas.deadline.changed' and subject = $1`,
      [pmcId],
    );
    expect(announced).toEqual([]);
    const after = await t.gql(guangnei, AREAS);
    const bodies = (after.body.data.areas as AreaRow[]).find((a) => a.name === '广安门北街20号院')!.governanceBodies;
    expect(bodies.map((b) => [b.kind, b.dissolvedOn])).toEqual([
      ['OWNERS_COMMITTEE', null],
      ['PROPERTY_MANAGEMENT_COMMITTEE', '2024-06-01'],
    ]);
    // Its chair is one of its members: an index past the list was taken silently, leaving it no chair.
    const owners = bodies.find((b) => b.kind === 'OWNERS_COMMITTEE')!;
    const change = `mutation($i: ChangeCommitteeMembersInput!) { changeCommitteeMembers(input: $i) { id } }`;
    const pastTheList = await t.gql(guangnei, change, { i: { bodyId: owners.id, members, chairIndex: 5 } });
    expect(pastTheList.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { chairIndex: '0 to 4' } },
    });
    // No chair named (null, as a client may send it): an owners' committee may have none.
    const noChair = await t.gql(guangnei, change, { i: { bodyId: owners.id, members, chairIndex: null } });
    expect(noChair.body.errors).toBeUndefined();
    // Its new members are owners, five or more and odd (Beijing art. 39): before, only a 物管会's list was checked.
    const occupants = await t.gql(guangnei, change, {
      i: { bodyId: owners.id, members: [...members.slice(0, 4), { name: '租户 乙', seat: 'OCCUPANT' }] },
    });
    expect(occupants.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { problems: ['MEMBER_NOT_AN_OWNER'], fields: { members: expect.stringContaining('members[4]') } },
    });
    const four = await t.gql(guangnei, change, { i: { bodyId: owners.id, members: members.slice(0, 4) } });
    expect(four.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { problems: ['TOO_FEW_MEMBERS', 'EVEN_MEMBER_COUNT'] },
    });
    // The dissolved committee is recorded by nobody after its dissolution (before, it was, and a live recording
    // deadline was announced again); a recording made while it stood is entered, no deadline announced for it.
    const recording = `mutation($b: ID!, $d: LocalDate!) { recordCommitteeRecording(bodyId: $b, recordedOn: $d) { recordedOn } }`;
    const late = await t.gql(guangnei, recording, { b: pmcId, d: '2024-07-01' });
    expect(late.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { problems: ['AFTER_DISSOLUTION'], fields: { recordedOn: expect.stringContaining('2024-06-01') } },
    });
    const entered = await t.gql(guangnei, recording, { b: pmcId, d: '2020-07-03' });
    expect(entered.body.data.recordCommitteeRecording).toEqual({ recordedOn: '2020-07-03' });
    const last = await t.sql<{ key: string }>(
      `select payload->>'deadlineKey' as key from areas.outbox where event_type = 'hub.areas.deadline.changed' and subject = $1`,
      [pmcId],
    );
    expect(last).toEqual([]);
  });

  it("checks a meeting's tally against the register: its totals are the area's owners and area, one owner once", async () => {
    const areaId = areas['广安门北街20号院'].id;
    const meeting = { areaId, matter: 'MANAGEMENT_COVENANT', heldOn: '2024-05-01' };
    const registerOf = async () => {
      // Too few owners reported: before, a meeting could carry a matter on fewer owners than the area has.
      const res = await t.gql(guangnei, RECORD, {
        i: {
          ...meeting,
          tally: {
            totalOwners: 3,
            totalArea: '300.00',
            participatingOwners: 3,
            participatingArea: '300.00',
            consentingOwners: 3,
            consentingArea: '300.00',
          },
        },
      });
      expect(res.body.errors[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        details: { problems: ['TOTALS_DIFFER_FROM_REGISTER'], fields: { totalOwners: expect.any(String) } },
      });
      return res.body.errors[0].extensions.details.register as { owners: number; area: string };
    };
    const register = await registerOf();
    expect(register).toEqual(await registerTotals(t, areaId));

    // One owner's two new units, the reference typed once with spaces around it: one owner more, not two.
    const [building] = await t.sql<{ id: string }>(`select id from areas.building where area_id = $1 limit 1`, [
      areaId,
    ]);
    const REGISTER = `mutation($b: ID!, $i: RegisterHouseholdInput!) { registerHousehold(buildingId: $b, input: $i) { id ownerReference } }`;
    const added = [];
    for (const [room, ownerReference] of [
      ['9901', ' o-trimmed '],
      ['9902', 'o-trimmed'],
    ]) {
      const res = await t.gql(guangnei, REGISTER, {
        b: building.id,
        i: { unit: '99', room, floorArea: '50.00', ownerReference },
      });
      expect(res.body.errors).toBeUndefined();
      added.push(res.body.data.registerHousehold);
    }
    expect(added.map((h) => h.ownerReference)).toEqual(['o-trimmed', 'o-trimmed']);
    const grown = await registerOf();
    expect(grown.owners).toBe(register.owners + 1);
    expect(Number(grown.area)).toBeCloseTo(Number(register.area) + 100, 2);

    // The register's own figures are taken, and the decision says they were checked.
    const tally = {
      totalOwners: grown.owners,
      totalArea: grown.area,
      participatingOwners: grown.owners,
      participatingArea: grown.area,
      consentingOwners: grown.owners,
      consentingArea: grown.area,
    };
    const checked = await t.gql(guangnei, RECORD, { i: { ...meeting, tally } });
    expect(checked.body.data.recordJointDecision).toMatchObject({ valid: true, tallySource: 'REPORTED_TALLY_CHECKED' });

    // One of o-trimmed's two units sold on 1 July, after a meeting of 1 June recorded since: the register now counts
    // one owner more than the meeting did. Ballots can no longer be counted as of the meeting day (before, the buyer
    // voted in a meeting held before the purchase); the meeting's own tally is taken within one owner per change.
    const SELL = `mutation($h: ID!) { updateHousehold(id: $h, input: { ownerReference: "o-buyer", ownerSince: "2024-07-01" }) { id } }`;
    expect((await t.gql(guangnei, SELL, { h: added[1].id })).body.errors).toBeUndefined();
    const june = { ...meeting, matter: 'OTHER_MAJOR_MATTER', heldOn: '2024-06-01' };
    const byBallots = await t.gql(guangnei, RECORD, {
      i: { ...june, ballots: [{ householdId: added[0].id, vote: 'CONSENT' }] },
    });
    expect(byBallots.body.errors[0].extensions).toMatchObject({
      code: 'REGISTER_CHANGED_SINCE_MEETING',
      details: { changedHouseholds: 1, heldOn: '2024-06-01' },
    });
    const bounded = await t.gql(guangnei, RECORD, { i: { ...june, tally } });
    expect(bounded.body.data.recordJointDecision).toMatchObject({ valid: true, tallySource: 'REPORTED_TALLY_BOUNDED' });
    const tooFew = await t.gql(guangnei, RECORD, {
      i: { ...june, heldOn: '2024-06-02', tally: { ...tally, totalOwners: grown.owners - 1 } },
    });
    expect(tooFew.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { problems: ['TOTALS_DIFFER_FROM_REGISTER'] },
    });

    // A meeting not held yet is not recorded (before, a decision dated tomorrow was).
    const tomorrow = await t.gql(guangnei, RECORD, { i: { ...meeting, heldOn: addDays(todayInChina(), 1), tally } });
    expect(tomorrow.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { heldOn: expect.stringContaining('after today') } },
    });
  });

  it("counts a meeting's owners in the area as it stood that day, without a building that joined it later", async () => {
    const street = DEMO_STREETS[0];
    const gql = async (query: string, variables: Record<string, unknown>) => {
      const res = await t.gql(guangwai, query, variables);
      expect(res.body.errors).toBeUndefined();
      return res.body.data;
    };
    const households = await compoundOfTwoBuildings(gql, street, '扩区测试院', 'kq');
    const [[first, ...firstFlats], [second, ...secondFlats]] = households;
    const { registerArea } = await gql('mutation($i: RegisterAreaInput!) { registerArea(input: $i) { id } }', {
      i: { name: '扩区测试院', districtCode: street.districtCode, streetCode: street.streetCode },
    });
    const ASSIGN = `mutation($a: ID!, $b: [ID!]!, $on: LocalDate) { assignBuildingsToArea(areaId: $a, buildingIds: $b, joinedOn: $on) { id joinedAreaOn } }`;
    // Delimited on 1 December with building 1; building 2 joins on 3 December (the hub's day pinned forward for it).
    const delimited = await gql(ASSIGN, { a: registerArea.id, b: [first] });
    expect(delimited.assignBuildingsToArea).toEqual([{ id: first, joinedAreaOn: null }]);
    const future = await t.gql(guangwai, ASSIGN, { a: registerArea.id, b: [second], on: '2026-12-02' });
    expect(future.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { joinedOn: 'after today (2026-12-01)' } },
    });
    pinTestToday('2026-12-03');
    try {
      const joined = await gql(ASSIGN, { a: registerArea.id, b: [second] });
      expect(joined.assignBuildingsToArea).toEqual([{ id: second, joinedAreaOn: '2026-12-03' }]);
      // Entered a day late, a building in truth of the area as delimited is so stated, and dated again, while no
      // decision stands for a meeting it would move (helper-200's review: before, a building already of the area kept
      // its day whatever was stated).
      const AS_DELIMITED = `mutation($a: ID!, $b: [ID!]!) { assignBuildingsToArea(areaId: $a, buildingIds: $b, asDelimited: true) { id joinedAreaOn } }`;
      expect((await gql(AS_DELIMITED, { a: registerArea.id, b: [second] })).assignBuildingsToArea).toEqual([
        { id: second, joinedAreaOn: null },
      ]);
      expect((await gql(ASSIGN, { a: registerArea.id, b: [second], on: '2026-12-03' })).assignBuildingsToArea).toEqual([
        { id: second, joinedAreaOn: '2026-12-03' },
      ]);
      // Another street's office states nothing of this area's buildings: refused, the day left as it was.
      const foreign = await t.gql(otherStreet, ASSIGN, { a: registerArea.id, b: [second], on: '2026-12-01' });
      expect(foreign.body.errors[0].extensions.code).toMatch(/NOT_FOUND|FORBIDDEN/);
      expect(
        await t.sql(`select to_char(joined_area_on, 'YYYY-MM-DD') as day from areas.building where id = $1`, [second]),
      ).toEqual([{ day: '2026-12-03' }]);
      // A meeting of 2 December: building 1's three owners, two consenting. Before, building 2's owners counted as
      // three who did not take part (3 of 6, short of two thirds) and the vote was recorded as failed.
      const meeting = { areaId: registerArea.id, matter: 'OTHER_MAJOR_MATTER', heldOn: '2026-12-02' };
      const ballots = [
        { householdId: firstFlats[0], vote: 'CONSENT' },
        { householdId: firstFlats[1], vote: 'CONSENT' },
        { householdId: firstFlats[2], vote: 'OPPOSE' },
      ];
      const late = await t.gql(guangwai, RECORD, {
        i: { ...meeting, ballots: [...ballots, { householdId: secondFlats[0], vote: 'CONSENT' }] },
      });
      expect(late.body.errors[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        details: { problems: ['HOUSEHOLD_JOINED_AREA_AFTER_MEETING'], households: [secondFlats[0]] },
      });
      const counted = await gql(RECORD, { i: { ...meeting, ballots } });
      expect(counted.recordJointDecision).toMatchObject({
        valid: true,
        tallySource: 'REGISTER_BALLOTS',
        participationOwners: { percent: '100.00%' },
        consentOwners: { percent: '66.67%' },
      });
      // The meeting's own tally of its three owners and 240 m² is the register's of that day.
      const tally = {
        totalOwners: 3,
        totalArea: '240.00',
        participatingOwners: 3,
        participatingArea: '240.00',
        consentingOwners: 3,
        consentingArea: '240.00',
      };
      const reported = await gql(RECORD, { i: { ...meeting, matter: 'MANAGEMENT_COVENANT', tally } });
      expect(reported.recordJointDecision).toMatchObject({ valid: true, tallySource: 'REPORTED_TALLY_CHECKED' });
      // From the day building 2 joined, its owners count: the same tally is three owners short.
      const after = await t.gql(guangwai, RECORD, {
        i: { ...meeting, matter: 'MANAGEMENT_COVENANT', heldOn: '2026-12-03', tally },
      });
      expect(after.body.errors[0].extensions).toMatchObject({
        details: { problems: ['TOTALS_DIFFER_FROM_REGISTER'], register: { owners: 6, area: '480.00' } },
      });

      // Restated once decisions stand for a meeting it would count differently: refused, not a recorded verdict left
      // on an area it no longer matches (helper-201's review: switched in, a vote recorded, switched back, no trace).
      const moved = await t.gql(guangwai, AS_DELIMITED, { a: registerArea.id, b: [second] });
      expect(moved.body.errors[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        details: { problems: ['DECISIONS_RECORDED_MEANWHILE'], meetings: ['2026-12-02'] },
      });
      // Assigned again with nothing stated, or its own day stated, it keeps its day.
      expect((await gql(ASSIGN, { a: registerArea.id, b: [second] })).assignBuildingsToArea).toEqual([
        { id: second, joinedAreaOn: '2026-12-03' },
      ]);
      expect((await gql(ASSIGN, { a: registerArea.id, b: [second], on: '2026-12-03' })).assignBuildingsToArea).toEqual([
        { id: second, joinedAreaOn: '2026-12-03' },
      ]);
    } finally {
      pinTestToday('2026-12-01');
    }
  });

  it("records an owners' committee with the owners' joint decision that elected it, checked (Civil Code art. 278 item 3)", async () => {
    const street = DEMO_STREETS[0];
    const { registerArea } = (
      await t.gql(guangwai, 'mutation($i: RegisterAreaInput!) { registerArea(input: $i) { id } }', {
        i: { name: '选举测试区', districtCode: street.districtCode, streetCode: street.streetCode },
      })
    ).body.data;
    const areaId = registerArea.id as string;
    // The area's register holds no household: the meetings' tallies are taken as reported.
    const decide = async (matter: string, heldOn: string, consenting: number) => {
      const res = await t.gql(guangwai, RECORD, {
        i: {
          areaId,
          matter,
          heldOn,
          tally: {
            totalOwners: 100,
            totalArea: '10000.00',
            participatingOwners: 80,
            participatingArea: '8000.00',
            consentingOwners: consenting,
            consentingArea: `${consenting * 100}.00`,
          },
        },
      });
      return res.body.data.recordJointDecision as { id: string; valid: boolean };
    };
    const elected = await decide('ELECT_COMMITTEE', '2026-03-01', 60);
    const failed = await decide('ELECT_COMMITTEE', '2026-02-01', 30);
    const covenant = await decide('MANAGEMENT_COVENANT', '2026-03-01', 60);
    const reElected = await decide('ELECT_COMMITTEE', '2026-05-01', 60);
    expect([elected.valid, failed.valid, covenant.valid, reElected.valid]).toEqual([true, false, true, true]);
    const members = Array.from({ length: 5 }, (_, i) => ({ name: `委员 ${i + 1}`, seat: 'OWNER' }));
    const OWNERS = `mutation($i: RecordOwnersCommitteeInput!) { recordOwnersCommittee(input: $i) { id electionDecisionId } }`;
    const refused = async (electionDecisionId: string, recordedOn = '2026-06-01') =>
      (await t.gql(guangwai, OWNERS, { i: { areaId, recordedOn, members, electionDecisionId } })).body.errors[0]
        .extensions;
    expect(await refused(failed.id)).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { problems: ['ELECTION_DECISION_INVALID'] },
    });
    expect((await refused(covenant.id)).details.problems).toEqual(['NOT_AN_ELECTION_DECISION']);
    expect((await refused(reElected.id, '2026-04-01')).details.problems).toEqual(['ELECTION_DECISION_AFTER_RECORDING']);
    expect((await refused(areas['学院南路32号院'].id)).details.problems).toEqual(['ELECTION_DECISION_NOT_RECORDED']);
    // Another area's election is not this committee's.
    const elsewhere = await t.gql(beitaipingzhuang, RECORD, {
      i: { areaId: areas['学院南路32号院'].id, matter: 'ELECT_COMMITTEE', heldOn: '2026-05-02', tally: seed003 },
    });
    expect((await refused(elsewhere.body.data.recordJointDecision.id)).details.problems).toEqual([
      'ELECTION_DECISION_NOT_RECORDED',
    ]);
    const recorded = await t.gql(
      guangwai,
      OWNERS.replace('electionDecisionId }', 'electionDecisionId electedOn filedOn filingDeadline filedLate }'),
      { i: { areaId, recordedOn: '2026-06-01', members, electionDecisionId: reElected.id.toUpperCase() } },
    );
    // Elected on the decision's day, 1 May 2026: its application was due 30 days on, Sunday 31 May, so Monday 1 June
    // (Beijing art. 43; Civil Code art. 203); recorded that day, it applied in time.
    expect(recorded.body.data.recordOwnersCommittee).toEqual({
      id: expect.any(String),
      electionDecisionId: reElected.id,
      electedOn: '2026-05-01',
      filedOn: null,
      filingDeadline: '2026-06-01',
      filedLate: false,
    });
    // A successor naming the decision that elected it on 1 March 2026 with an election day of 20 May: the committee was
    // elected at that meeting (选举产生之日; Beijing art. 43 para. 1 counts its 30 days from it, so its application was
    // due by Tuesday 31 March), and the clerk's 20 May (which would have shown a deadline of 22 June, 19 June being the
    // Dragon Boat holiday, and flagged nothing) is refused with the decision's day; nothing is recorded.
    const contradicted = await t.gql(guangwai, OWNERS, {
      i: { areaId, recordedOn: '2026-06-02', members, electionDecisionId: elected.id, electedOn: '2026-05-20' },
    });
    expect(contradicted.body.data?.recordOwnersCommittee ?? null).toBeNull();
    expect(contradicted.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: {
        problems: ['ELECTED_ON_NOT_DECISION_DAY'],
        fields: { electedOn: `2026-03-01, the day of the election decision ${elected.id}, or none entered` },
      },
    });
  });

  it("holds an owners' committee's term to five years from its election, not from a later recording (Beijing art. 41)", async () => {
    // Beijing art. 41 para. 1: "业主委员会委员实行任期制，每届任期不超过五年"; the committee sits from its election (art. 42:
    // "业主委员会应当自选举产生之日起七日内召开首次会议"; art. 43: it applies for recording within 30 days of it).
    const street = DEMO_STREETS[0];
    const { registerArea } = (
      await t.gql(guangwai, 'mutation($i: RegisterAreaInput!) { registerArea(input: $i) { id } }', {
        i: { name: '任期测试区', districtCode: street.districtCode, streetCode: street.streetCode },
      })
    ).body.data;
    const areaId = registerArea.id as string;
    const members = Array.from({ length: 5 }, (_, i) => ({ name: `委员 ${i + 1}`, seat: 'OWNER' }));
    const OWNERS = `mutation($i: RecordOwnersCommitteeInput!) { recordOwnersCommittee(input: $i) { id electedOn termEndsOn } }`;
    // The owners elected it on Monday 5 January 2026 (the area's register holds no household: the tally as reported).
    const { recordJointDecision: election } = (
      await t.gql(guangwai, RECORD, {
        i: {
          areaId,
          matter: 'ELECT_COMMITTEE',
          heldOn: '2026-01-05',
          tally: {
            totalOwners: 100,
            totalArea: '10000.00',
            participatingOwners: 80,
            participatingArea: '8000.00',
            consentingOwners: 60,
            consentingArea: '6000.00',
          },
        },
      })
    ).body.data;
    expect(election.valid).toBe(true);
    // Recorded Wednesday 3 June 2026 (late), its term to 3 June 2031: five years from the recording, but five years
    // and five months from the election, whose five years end on the corresponding day, 5 January 2031.
    const tooLong = { areaId, recordedOn: '2026-06-03', termEndsOn: '2031-06-03', members };
    for (const named of [{ electedOn: '2026-01-05' }, { electionDecisionId: election.id }]) {
      const res = await t.gql(guangwai, OWNERS, { i: { ...tooLong, ...named } });
      expect(res.body.data?.recordOwnersCommittee ?? null).toBeNull();
      expect(res.body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        details: {
          problems: ['TERM_TOO_LONG'],
          fields: {
            termEndsOn: expect.stringMatching(/^on or before 2031-01-05: .* from the election on 2026-01-05 /),
          },
        },
      });
    }
    // To 5 January 2031, five years exactly (Civil Code art. 202), the committee named with its election is recorded.
    const recorded = await t.gql(guangwai, OWNERS, {
      i: { ...tooLong, termEndsOn: '2031-01-05', electionDecisionId: election.id },
    });
    expect(recorded.body.data.recordOwnersCommittee).toEqual({
      id: expect.any(String),
      electedOn: '2026-01-05',
      termEndsOn: '2031-01-05',
    });
  });

  it("lets no owners' committee and property-management committee stand together when both are set up at once", async () => {
    // Both read that nothing stands before either writes: the area's row is held by another session, so each
    // waits on its foreign key (or, with the area's governance lock, the second waits on that).
    const areaId = areas['学院南路32号院'].id;
    const members = Array.from({ length: 7 }, (_, i) => ({
      name: `委员 ${i + 1}`,
      seat: i === 0 ? 'RESIDENTS_COMMITTEE' : 'OWNER',
    }));
    // An owners' committee seats owners only (Beijing art. 39): the 物管会's residents' committee chair is not one.
    const ownerMembers = members.map((m) => ({ ...m, seat: 'OWNER' }));
    const FORM = `mutation($i: FormPropertyManagementCommitteeInput!) { formPropertyManagementCommittee(input: $i) { id } }`;
    const OWNERS = `mutation($i: RecordOwnersCommitteeInput!) { recordOwnersCommittee(input: $i) { id } }`;
    const holder = await connectedClient(t.databaseUrl);
    let both: Promise<{ body: { errors?: { extensions: { code: string } }[] } }>[] = [];
    try {
      await holder.query('begin');
      await holder.query('select 1 from areas.area where id = $1 for update', [areaId]);
      both = [
        t.gql(beitaipingzhuang, FORM, {
          i: { areaId, formedOn: '2026-01-05', termEndsOn: '2029-01-04', members, chairIndex: 0 },
        }),
        t.gql(beitaipingzhuang, OWNERS, { i: { areaId, recordedOn: '2026-01-05', members: ownerMembers } }),
      ];
      await waitFor('both to wait on a lock', async () => {
        const [row] = await t.sql<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query not like '%pg_stat_activity%'`,
        );
        return row.n >= 2;
      });
    } finally {
      await holder.query('rollback');
      await holder.end();
    }
    const answers = await Promise.all(both);
    // Either the owners' committee dissolved the committee formed first, or the formation found it and was refused.
    for (const a of answers) expect(a.body.errors?.[0].extensions.code ?? 'OK').toMatch(/^(OK|CONFLICT)$/);
    const standing = await t.sql<{ kind: string }>(
      `select kind from areas.governance_body where area_id = $1 and dissolved_on is null and kind <> 'OWNERS_ASSEMBLY'`,
      [areaId],
    );
    expect(standing.map((b) => b.kind)).toEqual(['OWNERS_COMMITTEE']);
  });
  it("lets a committee be succeeded: an owners' committee re-elected (换届), a property-management committee re-formed once its term ended", async () => {
    // Before, neither could: recording or forming one beside a standing committee was CONFLICT, and a committee whose
    // term had run out stayed on the overdue list for good, its token refused for want of a mandate.
    const bodiesOf = async (name: string) =>
      (
        await t.sql<{ id: string; kind: string; dissolved_on: string | null; dissolution_reason: string | null }>(
          `select id, kind, dissolved_on::text, dissolution_reason from areas.governance_body
          where area_id = $1 and kind <> 'OWNERS_ASSEMBLY' order by formed_on`,
          [areas[name].id],
        )
      ).map((b) => [b.kind, b.dissolved_on, b.dissolution_reason]);
    const succeeded = async (bodyId: string) =>
      (
        await t.sql<{ payload: { successorBodyId: string; endedOn: string; kind: string } }>(
          `select payload from areas.outbox where event_type = 'hub.areas.committee.succeeded' and subject = $1`,
          [bodyId],
        )
      ).map((r) => r.payload);

    const reElect = `mutation($i: RecordOwnersCommitteeInput!) { recordOwnersCommittee(input: $i) { id formedOn } }`;
    const ownersAreaId = areas['广安门北街20号院'].id;
    const members = Array.from({ length: 5 }, (_, i) => ({ name: `新委员 ${i + 1}`, seat: 'OWNER' }));
    const [{ id: sittingId }] = await t.sql<{ id: string }>(
      `select id from areas.governance_body where area_id = $1 and kind = 'OWNERS_COMMITTEE' and dissolved_on is null`,
      [ownersAreaId],
    );
    const sameDay = await t.gql(guangnei, reElect, {
      i: { areaId: ownersAreaId, recordedOn: '2024-06-01', termEndsOn: '2029-05-31', members },
    });
    expect(sameDay.body.errors[0].extensions).toMatchObject({ code: 'CONFLICT', details: { bodyId: sittingId } });
    // Another street's office replaces nothing of it: the area is not found.
    const foreign = await t.gql(otherStreet, reElect, {
      i: { areaId: ownersAreaId, recordedOn: '2026-11-02', termEndsOn: '2031-11-01', members },
    });
    expect(foreign.body.errors[0].extensions.code).toBe('NOT_FOUND');
    const reElected = await t.gql(guangnei, reElect, {
      i: { areaId: ownersAreaId, recordedOn: '2026-11-02', termEndsOn: '2031-11-01', members },
    });
    expect(reElected.body.errors).toBeUndefined();
    expect(await bodiesOf('广安门北街20号院')).toEqual([
      ['PROPERTY_MANAGEMENT_COMMITTEE', '2024-06-01', 'OWNERS_COMMITTEE_RECORDED'],
      ['OWNERS_COMMITTEE', '2026-11-02', 'SUCCEEDED'],
      ['OWNERS_COMMITTEE', null, null],
    ]);
    expect(await succeeded(sittingId)).toEqual([
      expect.objectContaining({
        kind: 'OWNERS_COMMITTEE',
        endedOn: '2026-11-02',
        successorBodyId: reElected.body.data.recordOwnersCommittee.id,
      }),
    ]);

    // A property-management committee formed for 2020–2022 and never filed, re-formed after its term: the new one
    // succeeds it, and the old one's filing deadline is cancelled in the register.
    const form = `mutation($i: FormPropertyManagementCommitteeInput!) { formPropertyManagementCommittee(input: $i) { id } }`;
    const seven = Array.from({ length: 7 }, (_, i) => ({
      name: `m${i}`,
      seat: i === 0 ? 'RESIDENTS_COMMITTEE' : 'OWNER',
    }));
    const yangguang = areas['阳光丽景'].id;
    // Its owners' assembly on record, so the committee's filing period runs (Beijing art. 55 para. 1).
    expect(
      (await t.gql(desheng, ASSEMBLY, { i: { areaId: yangguang, firstMeetingOn: '2019-12-01' } })).body.errors,
    ).toBeUndefined();
    const first = await t.gql(desheng, form, {
      i: { areaId: yangguang, formedOn: '2020-01-10', termEndsOn: '2023-01-09', members: seven, chairIndex: 0 },
    });
    expect(first.body.errors).toBeUndefined();
    const firstId = first.body.data.formPropertyManagementCommittee.id;
    const withinTerm = await t.gql(desheng, form, {
      i: { areaId: yangguang, formedOn: '2023-01-09', termEndsOn: '2026-01-08', members: seven, chairIndex: 0 },
    });
    expect(withinTerm.body.errors[0].extensions).toMatchObject({ code: 'CONFLICT', details: { bodyId: firstId } });
    const reFormed = await t.gql(desheng, form, {
      i: { areaId: yangguang, formedOn: '2023-02-01', termEndsOn: '2026-01-31', members: seven, chairIndex: 0 },
    });
    expect(reFormed.body.errors).toBeUndefined();
    expect(await bodiesOf('阳光丽景')).toEqual([
      ['PROPERTY_MANAGEMENT_COMMITTEE', '2023-02-01', 'SUCCEEDED'],
      ['PROPERTY_MANAGEMENT_COMMITTEE', null, null],
    ]);
    expect(await succeeded(firstId)).toEqual([
      expect.objectContaining({
        kind: 'PROPERTY_MANAGEMENT_COMMITTEE',
        successorBodyId: reFormed.body.data.formPropertyManagementCommittee.id,
      }),
    ]);
    const [lastDeadline] = await t.sql<{ key: string; cancelled: boolean }>(
      `select payload->>'deadlineKey' as key, (payload->>'cancelled')::boolean as cancelled
         from areas.outbox where event_type = 'hub.areas.deadline.changed' and subject = $1 order by id desc limit 1`,
      [firstId],
    );
    expect(lastDeadline).toEqual({ key: `committee-filing:${firstId}`, cancelled: true });
    // A filing it made while it stood is entered after, its deadlines announced cancelled: they no longer run.
    const filed = await t.gql(
      desheng,
      `mutation($b: ID!, $d: LocalDate!) { recordCommitteeFiling(bodyId: $b, filedOn: $d) { filedOn filedLate } }`,
      { b: firstId, d: '2020-02-01' },
    );
    expect(filed.body.data.recordCommitteeFiling).toEqual({ filedOn: '2020-02-01', filedLate: false });
    const afterFiling = await t.sql<{ key: string; cancelled: boolean }>(
      `select payload->>'deadlineKey' as key, (payload->>'cancelled')::boolean as cancelled
         from areas.outbox where event_type = 'hub.areas.deadline.changed' and subject = $1 order by id desc limit 2`,
      [firstId],
    );
    expect(afterFiling.sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: `committee-filing:${firstId}`, cancelled: true },
      { key: `committee-recording:${firstId}`, cancelled: true },
    ]);
  });
});
