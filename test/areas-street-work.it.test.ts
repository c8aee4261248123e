import { addDays } from '../kernel/calendar';
import { todayInChina } from '../kernel/clock';
import { periodEnd } from '../kernel/working-days';
import { DEMO_LINJIANG, DEMO_STREETS } from '../hub/demo/demo-data';
import { gatewayClient, loadArea } from '../hub/demo/demo-loader';
import { TestHub, identity, startTestHub, testTokens } from './support/hub-fixture';
import { gqlExpectations } from './support/scenario';
import {
  GOVERNANCE_TOPIC,
  HAZARD_RESOLVED,
  HazardResolvedData,
  PATROL_RECORDED,
  PREPARATORY_GROUP_FORMED,
  PatrolRecordedData,
  PreparatoryGroupFormedData,
  STREET_WORK_TOPIC,
} from '../catalog';
import { expectValidEvent } from './support/event-schema';
import { ProbedMessage, probeTopics } from './support/kafka-probe';
import { partyTopics } from './support/party-topics';

/**
 * Seed 004 §五: what the street office of 建国街道 records beside the governance bodies: the preparatory groups
 * for first owners' assemblies (§五(一)), patrols and the hazards they find (§五(四)(五)). Another street, or
 * Beijing's bureau, sees none of it.
 */
const { street: jianguo, enforcementBureau } = DEMO_LINJIANG;
const beijingStreet = DEMO_STREETS[0].office;
const xichengBureau = identity('CITY_BUREAU', 'bureau-xicheng', ['110102']);
const linjiangBureau = identity('CITY_BUREAU', 'bureau-linjiang-housing', ['220681']);
const company = identity('PROPERTY_COMPANY', '91220681MA0DEMO01A');
const today = todayInChina();

const GROUP = `id areaId areaName formedOn members { name role leader } periodDays periodSource deadline firstAssemblyOn overdue`;
const FORM = `mutation($g: PreparatoryGroupInput!) { formPreparatoryGroup(group: $g) { ${GROUP} } }`;
const GROUPS = `query($a: LocalDate, $o: Boolean) { preparatoryGroups(asOf: $a, overdueOnly: $o) { ${GROUP} } }`;
const ASSEMBLY = `mutation($i: RecordOwnersAssemblyInput!) { recordOwnersAssembly(input: $i) { id } }`;

const HAZARD = `id areaId areaName foundOn kind location warningSetUp partyNotified notifiedOn resolveBy resolvedOn resolutionNote overdue`;
const PATROL = `mutation($p: PatrolInput!) { recordPatrol(patrol: $p) { id patrolledOn patrollerKind hazards { ${HAZARD} } } }`;
const HAZARDS = `query($a: LocalDate, $open: Boolean, $over: Boolean) { hazards(asOf: $a, openOnly: $open, overdueOnly: $over) { ${HAZARD} } }`;
const RESOLVE = `mutation($h: ID!, $d: LocalDate!, $n: Note) { resolveHazard(hazardId: $h, resolvedOn: $d, note: $n) { ${HAZARD} } }`;

const members = [
  { name: '建国街道 张某', role: 'STREET_OFFICE', leader: true },
  { name: '建国社区居委会 王某', role: 'RESIDENTS_COMMITTEE' },
  { name: '业主 李某', role: 'OWNER' },
];
const period = { days: 30, source: 'the period the street office applies (article as entered)' };

describe('the street office’s work in its areas (seed 004 §五)', () => {
  let t: TestHub;
  let late: string;
  let onTime: string;
  let probe: Awaited<ReturnType<typeof probeTopics>>;
  let linjiangFeed: string;
  const { ok, fails } = gqlExpectations(() => t);
  /** The events of a type, each checked against its published schema, with the topic it came on. */
  const published = async <T>(type: string, count: number, topic?: string) =>
    (
      await probe.waitForCount(
        `${count} × ${type}${topic ? ` on ${topic}` : ''}`,
        (m: ProbedMessage) => m.headers.ce_type === type && (topic === undefined || m.topic === topic),
        count,
      )
    ).map((m) => ({ topic: m.topic, key: m.message.key?.toString(), data: expectValidEvent<T>(m, type) }));

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas'] });
    const gql = gatewayClient(t.hub.gatewayUrl, testTokens);
    late = await loadArea(gql, jianguo, '建国小区一期');
    onTime = await loadArea(gql, jianguo, '世纪春小区');
    // 临江市's district feed, as registering its bureau creates it (feeds: feedTopics).
    [linjiangFeed] = await partyTopics(t, STREET_WORK_TOPIC, ['220681']);
    probe = await probeTopics(t.brokers, [
      `${t.topicPrefix}${GOVERNANCE_TOPIC.name}`,
      `${t.topicPrefix}${STREET_WORK_TOPIC.name}`,
      linjiangFeed,
    ]);
  }, 60_000);

  afterAll(async () => {
    await probe?.stop();
    await t?.stop();
  });

  it('records preparatory groups with members and their deadline, lists the overdue ones, and ends one at the first assembly', async () => {
    const formedLongAgo = addDays(today, -60);
    const formed = (await ok(jianguo.office, FORM, { g: { areaId: late, formedOn: formedLongAgo, members, period } }))
      .formPreparatoryGroup;
    expect(formed).toMatchObject({
      areaName: '建国小区一期',
      formedOn: formedLongAgo,
      members: [{ role: 'STREET_OFFICE', leader: true }, { leader: false }, { leader: false }],
      deadline: periodEnd(formedLongAgo, 30),
      firstAssemblyOn: null,
      overdue: true,
    });
    const recent = (await ok(jianguo.office, FORM, { g: { areaId: onTime, formedOn: today, members, period } }))
      .formPreparatoryGroup;
    expect(recent.overdue).toBe(false);

    // One group at a time; a second for the same area is refused with the open one named.
    const again = await fails(jianguo.office, FORM, { g: { areaId: late, formedOn: today, members, period } });
    expect(again.extensions).toMatchObject({ code: 'PREPARATORY_GROUP_EXISTS', details: { groupId: formed.id } });
    const noLeader = await fails(jianguo.office, FORM, {
      g: { areaId: onTime, formedOn: today, members: members.map((m) => ({ ...m, leader: false })) },
    });
    expect(noLeader.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { members: expect.any(String) } },
    });

    const overdue = (await ok(jianguo.office, GROUPS, { o: true })).preparatoryGroups;
    expect(overdue.map((g: { id: string }) => g.id)).toEqual([formed.id]);
    expect((await ok(linjiangBureau, GROUPS)).preparatoryGroups).toHaveLength(2);

    // The first assembly ends the group's work: no longer overdue, and the area can have no second group.
    await ok(jianguo.office, ASSEMBLY, { i: { areaId: late, firstMeetingOn: addDays(today, -1) } });
    const [ended] = (await ok(jianguo.office, GROUPS)).preparatoryGroups.filter(
      (g: { id: string }) => g.id === formed.id,
    );
    expect(ended).toMatchObject({ firstAssemblyOn: addDays(today, -1), overdue: false });
    expect((await ok(jianguo.office, GROUPS, { o: true })).preparatoryGroups).toEqual([]);
    expect((await fails(jianguo.office, FORM, { g: { areaId: late, formedOn: today, members } })).extensions.code).toBe(
      'ASSEMBLY_ALREADY_FORMED',
    );

    // Each group formed is published on areas.governance.v1, keyed by area: members by role, never by name.
    const events = await published<PreparatoryGroupFormedData>(PREPARATORY_GROUP_FORMED.type, 2);
    const first = events.find((e) => e.data.groupId === formed.id)!;
    expect(first.key).toBe(late);
    expect(first.data).toEqual({
      areaId: late,
      groupId: formed.id,
      formedOn: formedLongAgo,
      members: [
        { role: 'STREET_OFFICE', leader: true },
        { role: 'RESIDENTS_COMMITTEE', leader: false },
        { role: 'OWNER', leader: false },
      ],
      period,
      deadline: periodEnd(formedLongAgo, 30),
    });
    expect(events.map((e) => e.data.groupId).sort()).toEqual([formed.id, recent.id].sort());
    expect(JSON.stringify(events)).not.toMatch(/张某|王某|李某/);
  });

  it("holds 临江市's property-management committee to none of Beijing's articles: no count, chair or term rule, no deadline", async () => {
    // Seed 004 has 临江市's street offices form 物业管理委员会; no article of 吉林省 or 临江市 on them could be confirmed
    // (areas statutes.ts pmcRulesOf). Before, this committee of five members, chaired by an owner, for five years was
    // refused by Beijing arts. 52–59 (seven members or more, the residents' committee in the chair, at most three
    // years), and its filing and recording deadlines were announced citing them.
    const gql = gatewayClient(t.hub.gatewayUrl, testTokens);
    const areaId = await loadArea(gql, jianguo, '解放路独栋楼片区');
    const formed = await ok(
      jianguo.office,
      `mutation($i: FormPropertyManagementCommitteeInput!) { formPropertyManagementCommittee(input: $i) {
        id filingDeadline filingOverdue } }`,
      {
        i: {
          areaId,
          formedOn: addDays(today, -60),
          termEndsOn: addDays(today, 5 * 365),
          members: [
            { name: '业主代表一', seat: 'OWNER' },
            { name: '业主代表二', seat: 'OWNER' },
            { name: '居委会代表', seat: 'RESIDENTS_COMMITTEE' },
            { name: '业主代表三', seat: 'OWNER' },
            { name: '产权单位代表', seat: 'PROPERTY_RIGHTS_UNIT' },
          ],
          chairIndex: 0,
        },
      },
    );
    const { id, ...shown } = formed.formPropertyManagementCommittee;
    expect(shown).toEqual({ filingDeadline: null, filingOverdue: null });
    // Unfiled 60 days on: not on the overdue list, where Beijing's 30 days would have put it.
    const overdue = await ok(jianguo.office, `{ overdueGovernanceBodies { body { id } reasons } }`);
    expect(overdue.overdueGovernanceBodies.filter((o: { body: { id: string } }) => o.body.id === id)).toEqual([]);
    const filed = await ok(
      jianguo.office,
      `mutation($b: ID!, $d: LocalDate!) { recordCommitteeFiling(bodyId: $b, filedOn: $d) { filedOn filedLate recordingDeadline } }`,
      { b: id, d: addDays(today, -10) },
    );
    expect(filed.recordCommitteeFiling).toEqual({
      filedOn: addDays(today, -10),
      filedLate: null,
      recordingDeadline: null,
    });
    expect(
      await t.sql(`select 1 from areas.outbox where event_type = 'hub.areas.deadline.changed' and subject = $1`, [id]),
    ).toEqual([]);
  });

  it('keeps preparatory groups to their street and city', async () => {
    expect((await ok(beijingStreet, GROUPS)).preparatoryGroups).toEqual([]);
    expect((await ok(xichengBureau, GROUPS)).preparatoryGroups).toEqual([]);
    expect((await fails(company, GROUPS)).extensions.code).toBe('FORBIDDEN');
    // 临江's enforcement bureau reads its city's areas like a city bureau: the same groups as 建国街道's office.
    const ids = async (who: Parameters<typeof ok>[0]) =>
      ((await ok(who, GROUPS)).preparatoryGroups as { id: string }[]).map((g) => g.id).sort();
    expect(await ids(enforcementBureau)).toEqual(await ids(jianguo.office));
    // Beijing's street office cannot form one in 建国街道: the area does not exist for it.
    expect(
      (await fails(beijingStreet, FORM, { g: { areaId: onTime, formedOn: today, members } })).extensions.code,
    ).toBe('NOT_FOUND');
  });

  it('holds a Beijing area’s group to art. 31 para. 4: an odd number, owner representatives at least half', async () => {
    const gql = gatewayClient(t.hub.gatewayUrl, testTokens);
    const beijingArea = await loadArea(gql, DEMO_STREETS[0], '筹备组测试小区');
    // 临江's group above (one owner of three) is refused in Beijing, nothing recorded; before, any membership stood.
    // Its leader is the street office's official, where art. 31 para. 1 has a residents' committee staff member lead.
    const refused = await fails(beijingStreet, FORM, { g: { areaId: beijingArea, formedOn: today, members } });
    expect(refused.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: {
        problems: ['OWNER_MEMBERS_BELOW_HALF', 'LEADER_NOT_RESIDENTS_COMMITTEE'],
        fields: { members: expect.stringContaining('1 of 3') },
        source:
          'Beijing Property Management Regulation art. 31 para. 4: 筹备组人数应当为单数，其中业主代表人数不低于筹备组人数的二分之一; ' +
          'Beijing Property Management Regulation art. 31 para. 1: 指定居民委员会、村民委员会工作人员担任筹备组组长',
      },
    });
    // Led by the residents' committee's 王某, as art. 31 para. 1 has it.
    const ledByCommittee = members.map((m) => ({ ...m, leader: m.role === 'RESIDENTS_COMMITTEE' }));
    const four = [...ledByCommittee, { name: '业主 赵某', role: 'OWNER' }];
    expect(
      (await fails(beijingStreet, FORM, { g: { areaId: beijingArea, formedOn: today, members: four } })).extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', details: { problems: ['EVEN_MEMBER_COUNT'] } });
    expect((await ok(beijingStreet, GROUPS)).preparatoryGroups).toEqual([]);
    const five = [...four, { name: '业主 钱某', role: 'OWNER' }];
    const formed = (await ok(beijingStreet, FORM, { g: { areaId: beijingArea, formedOn: today, members: five } }))
      .formPreparatoryGroup;
    expect(formed.members.filter((m: { role: string }) => m.role === 'OWNER')).toHaveLength(3);
  });

  it('holds a Beijing group to art. 31 para. 1 (a residents’ committee leader) and art. 32 para. 4 (60 days)', async () => {
    const gql = gatewayClient(t.hub.gatewayUrl, testTokens);
    const beijingArea = await loadArea(gql, DEMO_STREETS[0], '筹备期限测试小区');
    const group = [
      { name: '广外街道 张某', role: 'STREET_OFFICE', leader: true },
      { name: '社区居委会 王某', role: 'RESIDENTS_COMMITTEE', leader: false },
      { name: '业主 李某', role: 'OWNER' },
      { name: '业主 赵某', role: 'OWNER' },
      { name: '业主 钱某', role: 'OWNER' },
    ];
    const formedOn = '2026-08-04';
    // Odd, owners 3 of 5, but led by the street office's own official: before, it stood.
    expect(
      (await fails(beijingStreet, FORM, { g: { areaId: beijingArea, formedOn, members: group } })).extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: {
        problems: ['LEADER_NOT_RESIDENTS_COMMITTEE'],
        fields: { members: expect.stringContaining('not STREET_OFFICE') },
        source:
          'Beijing Property Management Regulation art. 31 para. 1: 指定居民委员会、村民委员会工作人员担任筹备组组长',
      },
    });
    const lawful = group.map((m) => ({ ...m, leader: m.role === 'RESIDENTS_COMMITTEE' }));
    // A period other than the statute's 60 days is refused with the article; before, any period or none was taken.
    expect(
      (await fails(beijingStreet, FORM, { g: { areaId: beijingArea, formedOn, members: lawful, period } })).extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: {
        fields: { 'period.days': expect.stringContaining('60 days') },
        source:
          'Beijing Property Management Regulation art. 32 para. 4: 筹备组应当自成立之日起六十日内，组织召开首次业主大会会议',
      },
    });
    const groupsOfArea = async () =>
      ((await ok(beijingStreet, GROUPS)).preparatoryGroups as { areaId: string }[]).filter(
        (g) => g.areaId === beijingArea,
      );
    expect(await groupsOfArea()).toEqual([]);
    // None entered: the statute's. Formed Tuesday 4 August 2026, the 60th day is Saturday 3 October, in the National
    // Day holiday (1–7 October), so the first assembly is due by Thursday 8 October (Civil Code arts. 201, 203); none
    // recorded since, the group is overdue.
    const formed = (await ok(beijingStreet, FORM, { g: { areaId: beijingArea, formedOn, members: lawful } }))
      .formPreparatoryGroup;
    expect(formed).toMatchObject({
      periodDays: 60,
      periodSource:
        'Beijing Property Management Regulation art. 32 para. 4: 筹备组应当自成立之日起六十日内，组织召开首次业主大会会议',
      deadline: '2026-10-08',
      overdue: true,
    });
  });

  it('records patrols and the hazards found, each open until resolved, and lists the overdue ones for the street', async () => {
    const found = addDays(today, -10);
    const { recordPatrol } = await ok(jianguo.office, PATROL, {
      p: {
        areaId: onTime,
        patrolledOn: found,
        patrolledBy: '世纪春社区网格员',
        patrollerKind: 'RESIDENTS_COMMITTEE',
        hazards: [
          {
            kind: 'FIRE_SAFETY',
            location: '2号楼1单元楼道',
            description: '楼道内堆放杂物',
            warningSetUp: true,
            partyNotified: '2号楼1单元住户',
            notifiedOn: found,
            resolveBy: addDays(found, 3),
          },
          { kind: 'BUILDING_SAFETY', location: '3号楼外墙', warningSetUp: true, resolveBy: addDays(today, 30) },
        ],
      },
    });
    expect(recordPatrol.hazards).toHaveLength(2);
    const [clutter, wall] = ['2号楼1单元楼道', '3号楼外墙'].map((l) =>
      recordPatrol.hazards.find((h: { location: string }) => h.location === l),
    );
    expect(clutter).toMatchObject({ foundOn: found, warningSetUp: true, resolvedOn: null, overdue: true });
    expect(wall).toMatchObject({ partyNotified: null, overdue: false });

    const overdue = (await ok(jianguo.office, HAZARDS, { over: true })).hazards;
    expect(overdue.map((h: { id: string }) => h.id)).toEqual([clutter.id]);
    expect((await ok(linjiangBureau, HAZARDS, { open: true })).hazards).toHaveLength(2);
    // Before the resolve-by date it was open but not overdue.
    expect((await ok(jianguo.office, HAZARDS, { a: addDays(found, 3), over: true })).hazards).toEqual([]);

    const resolved = (await ok(jianguo.office, RESOLVE, { h: clutter.id, d: addDays(today, -1), n: '已清理' }))
      .resolveHazard;
    expect(resolved).toMatchObject({ resolvedOn: addDays(today, -1), resolutionNote: '已清理', overdue: false });
    expect((await ok(jianguo.office, HAZARDS, { over: true })).hazards).toEqual([]);
    expect((await ok(jianguo.office, HAZARDS, { open: true })).hazards.map((h: { id: string }) => h.id)).toEqual([
      wall.id,
    ]);
    // Seen as of a day it was still open, it was overdue then.
    expect(
      (await ok(jianguo.office, HAZARDS, { a: addDays(today, -2), over: true })).hazards.map(
        (h: { id: string }) => h.id,
      ),
    ).toEqual([clutter.id]);
    expect((await fails(jianguo.office, RESOLVE, { h: clutter.id, d: today })).extensions.code).toBe(
      'HAZARD_ALREADY_RESOLVED',
    );
    expect((await fails(jianguo.office, RESOLVE, { h: wall.id, d: addDays(found, -1) })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { resolvedOn: expect.any(String) } },
    });

    // The patrol and the resolution are published on areas.street-work.v1 and on 临江市's district feed (the one its
    // bureaus may read), keyed by area; no person, description or note travels.
    for (const topic of [`${t.topicPrefix}${STREET_WORK_TOPIC.name}`, linjiangFeed]) {
      const [patrol] = await published<PatrolRecordedData>(PATROL_RECORDED.type, 1, topic);
      expect(patrol.key).toBe(onTime);
      expect(patrol.data).toMatchObject({
        areaId: onTime,
        districtCode: '220681',
        patrolId: recordPatrol.id,
        patrolledOn: found,
        patrollerKind: 'RESIDENTS_COMMITTEE',
      });
      expect(patrol.data.hazards).toEqual(
        expect.arrayContaining([
          {
            hazardId: clutter.id,
            kind: 'FIRE_SAFETY',
            location: '2号楼1单元楼道',
            warningSetUp: true,
            partyNotified: true,
            notifiedOn: found,
            resolveBy: addDays(found, 3),
          },
          expect.objectContaining({ hazardId: wall.id, partyNotified: false, notifiedOn: null }),
        ]),
      );
      const [done] = await published<HazardResolvedData>(HAZARD_RESOLVED.type, 1, topic);
      expect(done.data).toEqual({
        areaId: onTime,
        streetCode: patrol.data.streetCode,
        districtCode: '220681',
        hazardId: clutter.id,
        patrolId: recordPatrol.id,
        kind: 'FIRE_SAFETY',
        foundOn: found,
        resolveBy: addDays(found, 3),
        resolvedOn: addDays(today, -1),
      });
      expect(JSON.stringify([patrol, done])).not.toMatch(/网格员|住户|杂物|已清理/);
    }
  });

  it('keeps patrols and hazards to their street and city', async () => {
    expect((await ok(beijingStreet, HAZARDS)).hazards).toEqual([]);
    expect((await ok(xichengBureau, HAZARDS)).hazards).toEqual([]);
    expect((await fails(company, HAZARDS)).extensions.code).toBe('FORBIDDEN');
    const [hazard] = (await ok(jianguo.office, HAZARDS, { open: true })).hazards;
    expect((await fails(beijingStreet, RESOLVE, { h: hazard.id, d: today })).extensions.code).toBe('NOT_FOUND');
    // The city's bureau reads but does not record or resolve.
    expect((await fails(linjiangBureau, RESOLVE, { h: hazard.id, d: today })).extensions.code).toBe('FORBIDDEN');
    const foreign = await fails(beijingStreet, PATROL, {
      p: { areaId: onTime, patrolledOn: today, patrolledBy: '广外街道', patrollerKind: 'STREET_OFFICE' },
    });
    expect(foreign.extensions.code).toBe('NOT_FOUND');
  });
});
