import { DEMO_STREETS } from '../hub/demo/demo-data';
import { TestHub, identity, startTestHub } from './support/hub-fixture';
import { probeTopics } from './support/kafka-probe';
import { scenario } from './support/scenario';
import { expectValidEvent } from './support/event-schema';

const guangwai = DEMO_STREETS[0].office; // 红居南街6号院
const guangnei = DEMO_STREETS[4].office; // 广安门北街20号院 (seed 000: 广安门内街道)
const desheng = DEMO_STREETS[1].office; // 阳光丽景
const beitaipingzhuang = DEMO_STREETS[2].office; // 学院南路32号院
const tiantongyuanSouth = DEMO_STREETS[3].office; // 润枫欣尚
const xichengBureau = identity('CITY_BUREAU', 'bureau-xicheng', ['110102']);

const BODIES = `query($a: ID!) { area(id: $a) { governanceBodies {
  id kind formedOn recordedOn rulesReference assemblyId assemblyNotRecorded
  filedOn filedLate filingDeadline recordingDeadline recordedLate dissolvedOn dissolutionReason dissolutionDeadline dissolvedLate
} } }`;
const ASSEMBLY = `mutation($i: RecordOwnersAssemblyInput!) { recordOwnersAssembly(input: $i) { id kind formedOn rulesReference } }`;
const OWNERS_COMMITTEE = `mutation($i: RecordOwnersCommitteeInput!) { recordOwnersCommittee(input: $i) { id kind recordedOn assemblyId assemblyNotRecorded } }`;
const FILING = `mutation($b: ID!, $d: LocalDate!) { recordCommitteeFiling(bodyId: $b, filedOn: $d) { filedOn filedLate } }`;
const RECORDING = `mutation($b: ID!, $d: LocalDate!) { recordCommitteeRecording(bodyId: $b, recordedOn: $d) { recordedOn recordingDeadline recordedLate } }`;
const FORM = `mutation($i: FormPropertyManagementCommitteeInput!) { formPropertyManagementCommittee(input: $i) { id } }`;

type Body = {
  id: string;
  kind: string;
  formedOn: string;
  recordedOn: string | null;
  rulesReference: string | null;
  assemblyId: string | null;
  assemblyNotRecorded: boolean | null;
  filedOn: string | null;
  filedLate: boolean | null;
  filingDeadline: string | null;
  recordingDeadline: string | null;
  recordedLate: boolean | null;
  dissolvedOn: string | null;
  dissolutionReason: string | null;
  dissolutionDeadline: string | null;
  dissolvedLate: boolean | null;
};

const ownersCommitteeMembers = Array.from({ length: 5 }, (_, i) => ({ name: `委员 ${i + 1}`, seat: 'OWNER' }));
const pmcMembers = [
  { name: '居委会代表', seat: 'RESIDENTS_COMMITTEE' },
  ...Array.from({ length: 6 }, (_, i) => ({ name: `业主代表 ${i + 1}`, seat: 'OWNER' })),
];

describe("areas: owners' assemblies, recording of committees and the dissolution window", () => {
  let t: TestHub;
  const areaIds: Record<string, string> = {};

  const bodies = async (areaId: string, who = identity('ADMIN', 'hub-operator')): Promise<Body[]> => {
    const res = await t.gql(who, BODIES, { a: areaId });
    expect(res.body.errors).toBeUndefined();
    return res.body.data.area.governanceBodies as Body[];
  };
  const ofKind = (list: Body[], kind: string, standing = true) =>
    list.filter((b) => b.kind === kind && (!standing || b.dissolvedOn === null));

  beforeAll(async () => {
    // Governance bodies belong to areas: the demo compounds' areas without buildings or households, and seed 000's
    // property-management committee at 广安门北街20号院.
    t = await startTestHub({ subgraphs: ['areas'] });
    const given = scenario(t);
    for (const name of ['阳光丽景', '润枫欣尚', '广安门北街20号院', '红居南街6号院', '学院南路32号院'])
      areaIds[name] = await given.area(name);
    await given.committee(areaIds['广安门北街20号院'], '广安门北街20号院');
  });

  afterAll(async () => {
    await t?.stop();
  });

  it("records 阳光丽景's owners' assembly once, for its own street office only, and links the committee it elects", async () => {
    const areaId = areaIds['阳光丽景'];
    const input = {
      areaId,
      firstMeetingOn: '2019-04-20',
      rulesReference: '阳光丽景业主大会议事规则（2019年4月20日首次业主大会会议通过）',
    };

    const badDate = await t.gql(desheng, ASSEMBLY, { i: { ...input, firstMeetingOn: '2019-02-29' } });
    expect(badDate.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { firstMeetingOn: expect.any(String) } },
    });
    // A meeting held, not one in 2062 (a slip for 2026 that barred every committee until then).
    expect(
      (await t.gql(desheng, ASSEMBLY, { i: { ...input, firstMeetingOn: '2062-05-01' } })).body.errors[0].extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', details: { fields: { firstMeetingOn: expect.any(String) } } });
    const tooLong = await t.gql(desheng, ASSEMBLY, { i: { ...input, rulesReference: '则'.repeat(201) } });
    // The Name scalar refuses it (at most 200 characters) before the assembly's own rule is asked.
    expect(tooLong.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { rulesReference: expect.any(String) } },
    });
    expect((await t.gql(guangwai, ASSEMBLY, { i: input })).body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect((await t.gql(xichengBureau, ASSEMBLY, { i: input })).body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await bodies(areaId)).toEqual([]);

    const recorded = await t.gql(desheng, ASSEMBLY, { i: input });
    expect(recorded.body.data.recordOwnersAssembly).toMatchObject({
      kind: 'OWNERS_ASSEMBLY',
      formedOn: '2019-04-20',
      rulesReference: input.rulesReference,
    });
    const assemblyId = recorded.body.data.recordOwnersAssembly.id;
    const second = await t.gql(desheng, ASSEMBLY, { i: { ...input, firstMeetingOn: '2023-01-01' } });
    expect(second.body.errors[0].extensions.code).toBe('CONFLICT');

    const early = await t.gql(desheng, OWNERS_COMMITTEE, {
      i: { areaId, recordedOn: '2019-04-19', members: ownersCommitteeMembers },
    });
    expect(early.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { problems: ['COMMITTEE_RECORDED_BEFORE_ASSEMBLY'] },
    });
    // A committee recorded ahead of time (2062 for 2026), or whose term ends before it began, is refused: before, the
    // first read as a standing committee that never stood, and its term was never checked.
    const ahead = await t.gql(desheng, OWNERS_COMMITTEE, {
      i: { areaId, recordedOn: '2062-05-10', members: ownersCommitteeMembers },
    });
    expect(ahead.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { recordedOn: expect.stringContaining('not after today') } },
    });
    const backwards = await t.gql(desheng, OWNERS_COMMITTEE, {
      i: { areaId, recordedOn: '2019-05-10', termEndsOn: '2019-05-09', members: ownersCommitteeMembers },
    });
    expect(backwards.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { termEndsOn: 'after recordedOn' } },
    });
    // Nor one no law allows (Beijing arts. 39, 41): before, a tenant and a residents' committee representative were
    // recorded as the owners' committee for twenty years, and its token recorded joint decisions all that time.
    const unlawful = await t.gql(desheng, OWNERS_COMMITTEE, {
      i: {
        areaId,
        recordedOn: '2019-05-10',
        termEndsOn: '2039-05-09',
        members: [
          { name: '租户 甲', seat: 'OCCUPANT' },
          { name: '居委会代表', seat: 'RESIDENTS_COMMITTEE' },
        ],
      },
    });
    expect(unlawful.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: {
        problems: ['TOO_FEW_MEMBERS', 'EVEN_MEMBER_COUNT', 'MEMBER_NOT_AN_OWNER', 'TERM_TOO_LONG'],
        fields: { members: expect.stringContaining('members[1]'), termEndsOn: expect.stringContaining('2024-05-10') },
        source: 'Beijing Property Management Regulation arts. 39, 41',
      },
    });
    // Five years to the corresponding day is the longest term; a day more is refused.
    const dayTooLong = await t.gql(desheng, OWNERS_COMMITTEE, {
      i: { areaId, recordedOn: '2019-05-10', termEndsOn: '2024-05-11', members: ownersCommitteeMembers },
    });
    expect(dayTooLong.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { problems: ['TERM_TOO_LONG'], fields: { termEndsOn: expect.stringContaining('2024-05-10') } },
    });
    expect(ofKind(await bodies(areaId), 'OWNERS_COMMITTEE')).toEqual([]);
    const committee = await t.gql(desheng, OWNERS_COMMITTEE, {
      i: { areaId, recordedOn: '2019-05-10', termEndsOn: '2024-05-09', members: ownersCommitteeMembers },
    });
    expect(committee.body.data.recordOwnersCommittee).toMatchObject({
      kind: 'OWNERS_COMMITTEE',
      recordedOn: '2019-05-10',
      assemblyId,
      assemblyNotRecorded: false,
    });

    const list = await bodies(areaId, desheng);
    expect(list.map((b) => b.kind).sort()).toEqual(['OWNERS_ASSEMBLY', 'OWNERS_COMMITTEE']);
    expect(ofKind(list, 'OWNERS_ASSEMBLY')[0]).toMatchObject({
      id: assemblyId,
      assemblyNotRecorded: null,
      recordingDeadline: null,
    });
  });

  it("records an owners' committee with no assembly on record, flagged, and links it once the assembly is recorded", async () => {
    const areaId = areaIds['润枫欣尚'];
    const nothingToDissolve = await t.gql(tiantongyuanSouth, OWNERS_COMMITTEE, {
      i: {
        areaId,
        recordedOn: '2022-03-15',
        members: ownersCommitteeMembers,
        propertyManagementCommitteeDissolvedOn: '2022-03-20',
      },
    });
    expect(nothingToDissolve.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { propertyManagementCommitteeDissolvedOn: expect.any(String) } },
    });
    expect(await bodies(areaId)).toEqual([]);
    // Its days out of order are refused, naming each.
    const outOfOrder = await t.gql(tiantongyuanSouth, OWNERS_COMMITTEE, {
      i: {
        areaId,
        electedOn: '2022-03-16',
        filedOn: '2022-03-16',
        recordedOn: '2022-03-15',
        members: ownersCommitteeMembers,
      },
    });
    expect(outOfOrder.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { problems: ['RECORDED_BEFORE_ELECTION', 'RECORDED_BEFORE_FILING'] },
    });
    // Elected on Thursday 10 February 2022, it had to apply by the 30th day, Saturday 12 March, so by Monday 14
    // March (Beijing art. 43 para. 1; Civil Code art. 203): applying on the 15th is late. The street office then
    // had 5 working days, to Tuesday 22 March (para. 2), and recorded it the same day.
    const committee = await t.gql(tiantongyuanSouth, OWNERS_COMMITTEE, {
      i: {
        areaId,
        electedOn: '2022-02-10',
        filedOn: '2022-03-15',
        recordedOn: '2022-03-15',
        members: ownersCommitteeMembers,
      },
    });
    expect(committee.body.data.recordOwnersCommittee).toMatchObject({ assemblyId: null, assemblyNotRecorded: true });
    expect(ofKind(await bodies(areaId), 'OWNERS_COMMITTEE')).toEqual([
      expect.objectContaining({
        filedOn: '2022-03-15',
        filingDeadline: '2022-03-14',
        filedLate: true,
        recordingDeadline: '2022-03-22',
        recordedLate: false,
      }),
    ]);

    // The standing committee was recorded on 2022-03-15: an assembly first meeting after that cannot have elected it.
    const later = await t.gql(tiantongyuanSouth, ASSEMBLY, { i: { areaId, firstMeetingOn: '2022-03-20' } });
    expect(later.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { problems: ['COMMITTEE_RECORDED_BEFORE_ASSEMBLY'] },
    });
    expect(ofKind(await bodies(areaId), 'OWNERS_ASSEMBLY')).toEqual([]);

    const assembly = await t.gql(tiantongyuanSouth, ASSEMBLY, {
      i: { areaId, firstMeetingOn: '2022-03-01', rulesReference: '   ' },
    });
    expect(assembly.body.data.recordOwnersAssembly).toMatchObject({ formedOn: '2022-03-01', rulesReference: null });
    const [linked] = ofKind(await bodies(areaId), 'OWNERS_COMMITTEE');
    expect(linked).toMatchObject({
      assemblyId: assembly.body.data.recordOwnersAssembly.id,
      assemblyNotRecorded: false,
    });
    const probe = await probeTopics(t.brokers, [`${t.topicPrefix}areas.governance.v1`]);
    try {
      const [event] = await probe.waitForCount(
        'the assembly published',
        (m) => m.headers.ce_type === 'hub.areas.assembly.recorded' && String(m.message.key) === areaId,
        1,
      );
      expect(JSON.parse(String(event.message.value))).toEqual({
        areaId,
        bodyId: assembly.body.data.recordOwnersAssembly.id,
        formedOn: '2022-03-01',
        rulesReference: null,
        linkedCommitteeId: linked.id,
      });
    } finally {
      await probe.stop();
    }
  });

  it("records the street office's recording of seed 000's committee, of an area without an owners' assembly, with no period to keep (Beijing art. 55 para. 3), and its dissolution", async () => {
    const areaId = areaIds['广安门北街20号院'];
    const [pmc] = ofKind(await bodies(areaId), 'PROPERTY_MANAGEMENT_COMMITTEE');
    expect(pmc).toMatchObject({ filedOn: null, recordedOn: null, recordingDeadline: null, recordedLate: null });

    expect((await t.gql(guangnei, RECORDING, { b: pmc.id, d: '2020-07-02' })).body.errors[0].extensions.code).toBe(
      'CONFLICT',
    ); // not filed
    // Filed or recorded ahead of time (2062 for 2026): refused, nothing recorded (helper-138: before, taken).
    for (const query of [FILING, RECORDING])
      expect((await t.gql(guangnei, query, { b: pmc.id, d: '2062-06-24' })).body.errors[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        details: {
          fields: { [query === FILING ? 'filedOn' : 'recordedOn']: expect.stringContaining('not after today') },
        },
      });
    // No owners' assembly stood (seed 000: 不具备成立业主大会条件): art. 55 para. 1's 30 days and 5 working days run
    // for a committee of an area whose assembly is formed only, so nothing is late here (before, both ran; helper-210).
    expect((await t.gql(guangnei, FILING, { b: pmc.id, d: '2020-06-24' })).body.data.recordCommitteeFiling).toEqual({
      filedOn: '2020-06-24',
      filedLate: null,
    });

    const beforeFiling = await t.gql(guangnei, RECORDING, { b: pmc.id, d: '2020-06-23' });
    expect(beforeFiling.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { problems: ['RECORDED_BEFORE_FILING'] },
    });
    const notADate = await t.gql(guangnei, RECORDING, { b: pmc.id, d: '2020-06-31' });
    expect(notADate.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { recordedOn: expect.any(String) } },
    });
    expect((await t.gql(desheng, RECORDING, { b: pmc.id, d: '2020-07-02' })).body.errors[0].extensions.code).toBe(
      'NOT_FOUND',
    );
    expect((await t.gql(xichengBureau, RECORDING, { b: pmc.id, d: '2020-07-02' })).body.errors[0].extensions.code).toBe(
      'FORBIDDEN',
    );
    const untouched = ofKind(await bodies(areaId), 'PROPERTY_MANAGEMENT_COMMITTEE')[0];
    expect(untouched).toMatchObject({ recordedOn: null, recordingDeadline: null, recordedLate: null });

    const recorded = await t.gql(guangnei, RECORDING, { b: pmc.id, d: '2020-07-02' });
    expect(recorded.body.data.recordCommitteeRecording).toEqual({
      recordedOn: '2020-07-02',
      recordingDeadline: null,
      recordedLate: null,
    });
    expect((await t.gql(guangnei, RECORDING, { b: pmc.id, d: '2020-07-03' })).body.errors[0].extensions.code).toBe(
      'CONFLICT',
    );

    // Recording the owners' committee dissolves it on the recording day when no other day is given, within its deadline.
    const res = await t.gql(guangnei, OWNERS_COMMITTEE, {
      i: { areaId, recordedOn: '2024-06-01', members: ownersCommitteeMembers },
    });
    expect(res.body.errors).toBeUndefined();
    const [dissolved] = ofKind(await bodies(areaId), 'PROPERTY_MANAGEMENT_COMMITTEE', false);
    expect(dissolved).toMatchObject({
      dissolvedOn: '2024-06-01',
      dissolutionDeadline: '2024-07-01',
      dissolvedLate: false,
      recordedOn: '2020-07-02',
    });
  });

  it("flags a recording after the fifth working day across National Day 2024, then dissolves the committee when an owners' committee is recorded, flagging a dissolution after 30 days", async () => {
    const areaId = areaIds['红居南街6号院'];
    const probe = await probeTopics(t.brokers, [`${t.topicPrefix}areas.governance.v1`]);
    expect(
      (await t.gql(guangwai, ASSEMBLY, { i: { areaId, firstMeetingOn: '2024-08-20' } })).body.errors,
    ).toBeUndefined();
    const formed = await t.gql(guangwai, FORM, {
      i: {
        areaId,
        formedOn: '2024-09-10',
        termEndsOn: '2027-09-10',
        filedOn: '2024-09-27',
        members: pmcMembers,
        chairIndex: 0,
      },
    });
    expect(formed.body.errors).toBeUndefined();
    // The owners' assembly, recorded before the committee formed: art. 55 para. 1's periods run (30 days: 10 October,
    // filed in time). One recorded after the formation starts none: the register cannot reopen a cancelled deadline.
    const [pmcBody] = ofKind(await bodies(areaId), 'PROPERTY_MANAGEMENT_COMMITTEE');
    expect(pmcBody).toMatchObject({ filingDeadline: '2024-10-10', filedLate: false, recordingDeadline: '2024-10-10' });
    // Sunday 29 September worked, 1–7 October off (国办发明电〔2023〕7号): 29, 30 September, 8, 9, 10 October.
    const late = await t.gql(guangwai, RECORDING, {
      b: formed.body.data.formPropertyManagementCommittee.id,
      d: '2024-10-11',
    });
    expect(late.body.data.recordCommitteeRecording).toEqual({
      recordedOn: '2024-10-11',
      recordingDeadline: '2024-10-10',
      recordedLate: true,
    });
    const pmc = formed.body.data.formPropertyManagementCommittee;
    try {
      const [recordedEvent] = await probe.waitForCount(
        'the recording published',
        (m) => m.headers.ce_type === 'hub.areas.committee.recorded' && String(m.message.key) === areaId,
        1,
      );
      expect(JSON.parse(String(recordedEvent.message.value))).toEqual({
        areaId,
        bodyId: pmc.id,
        filedOn: '2024-09-27',
        recordedOn: '2024-10-11',
      });

      const input = { areaId, recordedOn: '2025-03-03', members: ownersCommitteeMembers };
      const early = await t.gql(guangwai, OWNERS_COMMITTEE, {
        i: { ...input, propertyManagementCommitteeDissolvedOn: '2025-03-02' },
      });
      expect(early.body.errors[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        details: {
          problems: ['DISSOLVED_BEFORE_OWNERS_COMMITTEE_RECORDED'],
          fields: { propertyManagementCommitteeDissolvedOn: expect.any(String) },
        },
      });
      const badDate = await t.gql(guangwai, OWNERS_COMMITTEE, {
        i: { ...input, propertyManagementCommitteeDissolvedOn: '2025-04-31' },
      });
      expect(badDate.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      const foreign = await t.gql(desheng, OWNERS_COMMITTEE, {
        i: { ...input, propertyManagementCommitteeDissolvedOn: '2025-04-10' },
      });
      expect(foreign.body.errors[0].extensions.code).toBe('NOT_FOUND');
      const unchanged = await bodies(areaId);
      expect(ofKind(unchanged, 'OWNERS_COMMITTEE', false)).toEqual([]);
      expect(ofKind(unchanged, 'PROPERTY_MANAGEMENT_COMMITTEE')).toHaveLength(1);

      const recorded = await t.gql(guangwai, OWNERS_COMMITTEE, {
        i: { ...input, propertyManagementCommitteeDissolvedOn: '2025-04-10' },
      });
      expect(recorded.body.data.recordOwnersCommittee).toMatchObject({
        recordedOn: '2025-03-03',
        assemblyNotRecorded: false,
      });
      const dissolved = (await bodies(areaId)).find((b) => b.id === pmc.id);
      expect(dissolved).toMatchObject({
        dissolvedOn: '2025-04-10',
        dissolutionReason: 'OWNERS_COMMITTEE_RECORDED',
        dissolutionDeadline: '2025-04-02',
        dissolvedLate: true,
      });

      const [event] = await probe.waitForCount(
        'the dissolution published',
        (m) => m.headers.ce_type === 'hub.areas.committee.dissolved' && String(m.message.key) === areaId,
        1,
      );
      const data = expectValidEvent(event, 'hub.areas.committee.dissolved');
      expect(data).toEqual({ areaId, bodyId: pmc.id, dissolvedOn: '2025-04-10', reason: 'OWNERS_COMMITTEE_RECORDED' });
      expect(event.message.key?.toString()).toBe(areaId);
    } finally {
      await probe.stop();
    }
  });

  it("forms a committee where an assembly has no owners' committee, and keeps the assembly out of committee-only actions", async () => {
    const areaId = areaIds['学院南路32号院'];
    const assembly = await t.gql(beitaipingzhuang, ASSEMBLY, { i: { areaId, firstMeetingOn: '2021-09-01' } });
    const assemblyId = assembly.body.data.recordOwnersAssembly.id;
    // Beijing arts. 55–56: a committee stands in for an assembly that has no owners' committee.
    const formed = await t.gql(beitaipingzhuang, FORM, {
      i: { areaId, formedOn: '2021-09-15', termEndsOn: '2024-09-14', members: pmcMembers, chairIndex: 0 },
    });
    expect(formed.body.errors).toBeUndefined();

    const change = `mutation($i: ChangeCommitteeMembersInput!) { changeCommitteeMembers(input: $i) { id } }`;
    const members = await t.gql(beitaipingzhuang, change, {
      i: { bodyId: assemblyId, members: ownersCommitteeMembers },
    });
    expect(members.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(
      (await t.gql(beitaipingzhuang, FILING, { b: assemblyId, d: '2021-09-02' })).body.errors[0].extensions.code,
    ).toBe('NOT_FOUND');
    expect(
      (await t.gql(beitaipingzhuang, RECORDING, { b: assemblyId, d: '2021-09-02' })).body.errors[0].extensions.code,
    ).toBe('NOT_FOUND');

    const decision = `mutation($i: RecordJointDecisionInput!) { recordJointDecision(input: $i) { id } }`;
    const tally = {
      totalOwners: 100,
      totalArea: '10000.00',
      participatingOwners: 80,
      participatingArea: '8000.00',
      consentingOwners: 70,
      consentingArea: '7000.00',
    };
    const input = { areaId, matter: 'MANAGEMENT_COVENANT', heldOn: '2021-10-01', tally };
    expect(
      (await t.gql(identity('OWNERS_COMMITTEE', assemblyId), decision, { i: input })).body.errors[0].extensions.code,
    ).toBe('NOT_FOUND');
    const pmcId = formed.body.data.formPropertyManagementCommittee.id;
    // Its term ended on 2024-09-14: it acts without a mandate, and the street office records instead (before, the
    // committee still recorded decisions years after its term).
    const expired = await t.gql(identity('OWNERS_COMMITTEE', pmcId), decision, { i: input });
    expect(expired.body.errors[0]).toMatchObject({
      extensions: { code: 'FORBIDDEN' },
      message: expect.stringContaining('2024-09-14'),
    });
    expect((await t.gql(beitaipingzhuang, decision, { i: input })).body.errors).toBeUndefined();

    const list = await bodies(areaId);
    expect(
      list
        .filter((b) => b.dissolvedOn === null)
        .map((b) => b.kind)
        .sort(),
    ).toEqual(['OWNERS_ASSEMBLY', 'PROPERTY_MANAGEMENT_COMMITTEE']);
  });
  it("puts a committee unfiled after its 30 days, or standing after its term, on its street office's overdue list, and on no other street's", async () => {
    const OVERDUE = `query($d: LocalDate) { overdueGovernanceBodies(asOf: $d) { asOf reasons area { id name } body { id kind formedOn termEndsOn filingDeadline filingOverdue termExpired } } }`;
    const areaId = areaIds['学院南路32号院'];
    const listed = async (who: Parameters<TestHub['gql']>[0], asOf?: string) => {
      const res = await t.gql(who, OVERDUE, { d: asOf });
      expect(res.body.errors).toBeUndefined();
      return (
        res.body.data.overdueGovernanceBodies as {
          asOf: string;
          reasons: string[];
          area: { id: string };
          body: Record<string, unknown>;
        }[]
      ).filter((o) => o.area.id === areaId);
    };
    // Formed Wednesday 2021-09-15 (the test above) and never filed: day 30 is Friday 2021-10-15.
    expect(await listed(beitaipingzhuang, '2021-10-15')).toEqual([]);
    const [late] = await listed(beitaipingzhuang, '2021-10-18');
    expect(late).toMatchObject({
      asOf: '2021-10-18',
      reasons: ['FILING_OVERDUE'],
      body: { kind: 'PROPERTY_MANAGEMENT_COMMITTEE', formedOn: '2021-09-15', filingDeadline: '2021-10-15' },
    });
    // Today its term (to 2024-09-14) has ended too.
    const [now] = await listed(beitaipingzhuang);
    expect(now).toMatchObject({
      reasons: ['FILING_OVERDUE', 'TERM_EXPIRED'],
      body: { termEndsOn: '2024-09-14', filingOverdue: true, termExpired: true },
    });
    expect(await listed(identity('CITY_BUREAU', 'bureau-haidian', ['110108']))).toHaveLength(1);

    // Another street's office and another district's bureau see nothing of it; a company has no such list.
    expect(await listed(desheng)).toEqual([]);
    expect(await listed(identity('CITY_BUREAU', 'bureau-xicheng', ['110102']))).toEqual([]);
    expect(
      (await t.gql(identity('PROPERTY_COMPANY', '91110108MA01DEMO32'), OVERDUE, {})).body.errors[0].extensions.code,
    ).toBe('FORBIDDEN');
    const future = await t.gql(beitaipingzhuang, OVERDUE, { d: '2999-01-01' });
    expect(future.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { asOf: expect.any(String) } },
    });

    // Re-formed once its term ended, the committee stands no more; the list of a day it stood still names it (before,
    // only the committees standing today were read, and that day's list came out empty).
    const reformed = await t.gql(beitaipingzhuang, FORM, {
      i: { areaId, formedOn: '2024-10-08', termEndsOn: '2027-10-07', members: pmcMembers, chairIndex: 0 },
    });
    expect(reformed.body.errors).toBeUndefined();
    const [then] = await listed(beitaipingzhuang, '2021-10-18');
    expect(then).toMatchObject({ reasons: ['FILING_OVERDUE'], body: { formedOn: '2021-09-15' } });
    expect((await listed(beitaipingzhuang)).map((o) => o.body.formedOn)).toEqual(['2024-10-08']);
  });
  it('records a committee whose 30-day filing period runs past the holiday data, and shows the plain 30th day as a provisional deadline', async () => {
    const registered = await t.gql(
      guangwai,
      'mutation { registerArea(input: { name: "红居南街6号院 东区", districtCode: "110102", streetCode: "110102020" }) { id } }',
    );
    const areaId = registered.body.data.registerArea.id;
    // Its owners' assembly on record, so art. 55 para. 1's filing period runs.
    expect(
      (await t.gql(guangwai, ASSEMBLY, { i: { areaId, firstMeetingOn: '2026-11-01' } })).body.errors,
    ).toBeUndefined();
    const formed = await t.gql(
      guangwai,
      `mutation($i: FormPropertyManagementCommitteeInput!) { formPropertyManagementCommittee(input: $i) { id formedOn filingDeadline filingDeadlineProvisional } }`,
      {
        i: { areaId, formedOn: '2026-12-01', termEndsOn: '2029-11-30', members: pmcMembers, chairIndex: 0 },
      },
    );
    // Day 30 is 2026-12-31, past 2026-12-24, the last day the packaged State Council notices answer for: shown as the
    // plain 30th day (the earliest the period can end, safe to file by), flagged provisional, not refused.
    expect(formed.body.errors).toBeUndefined();
    expect(formed.body.data.formPropertyManagementCommittee).toMatchObject({
      formedOn: '2026-12-01',
      filingDeadline: '2026-12-31',
      filingDeadlineProvisional: true,
    });
  });
});
