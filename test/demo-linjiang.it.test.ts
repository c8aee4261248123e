import { addDays } from '../kernel/calendar';
import { DEMO_COURTS, DEMO_LINJIANG } from '../hub/demo/demo-data';
import { gatewayClient, loadCourts, loadLinjiang, loadLinjiangReferral } from '../hub/demo/demo-loader';
import { DEMO_STREETS } from '../hub/demo/demo-data';
import { DASHBOARDS } from './support/dashboards';
import { TestHub, identity, pinTestToday, startTestHub, testTokens } from './support/hub-fixture';
import { HONGJU, scenario } from './support/scenario';
import { waitFor } from './support/wait-for';
import { unanimousTally } from './support/register-totals';

// The referral's billing and letters count from today (README › Tests › Dates): pinned so the demand period and the
// holiday data hold whatever day the file runs.
const today = pinTestToday('2026-12-01');

/** The demo's 临江市 (seed 004), loaded twice as `npm start` would on a second start: nothing doubles. */
describe('demo: 临江市 beside Beijing', () => {
  let t: TestHub;
  const admin = identity('ADMIN', 'hub-operator');

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'contracts', 'arrears', 'litigation'] });
    await loadCourts(gatewayClient(t.hub.gatewayUrl, testTokens));
    for (let load = 0; load < 2; load++) {
      await loadLinjiang(t.hub.gatewayUrl, testTokens);
      await loadLinjiangReferral(t.hub.gatewayUrl, testTokens);
    }
  }, 240_000);

  afterAll(() => t?.stop());

  it('has the new estate filed by agreement and accepted by the enforcement bureau, the walk-ups without a provider', async () => {
    const settings = await t.gql(admin, `query($c: Key!) { citySettingsHistory(cityCode: $c) { version } }`, {
      c: '220681',
    });
    expect(settings.body.data.citySettingsHistory).toEqual([{ version: 1 }]);

    const queue = await t.gql(
      DEMO_LINJIANG.enforcementBureau,
      '{ filingReviewQueue(filter: { statuses: [ACCEPTED] }) { totalCount items { status kind recordNumber terms { selectionMethod approvalReference } } } }',
    );
    expect(queue.body.errors).toBeUndefined();
    expect(queue.body.data.filingReviewQueue.items).toEqual([
      {
        status: 'ACCEPTED',
        kind: 'INITIAL',
        recordNumber: expect.stringMatching(/^220681-/),
        terms: { selectionMethod: 'AGREEMENT', approvalReference: DEMO_LINJIANG.preliminaryContract.approvalReference },
      },
    ]);

    const { street } = DEMO_LINJIANG;
    const areas = await t.gql(street.office, '{ areas(first: 10) { name } }');
    expect(areas.body.data.areas.map((a: { name: string }) => a.name).sort()).toEqual(
      [DEMO_LINJIANG.newEstate, DEMO_LINJIANG.oldCompound].sort(),
    );
    const [{ n }] = await t.sql<{ n: number }>(
      `select count(*)::int as n from contracts.contract c join contracts.area_view a on a.area_id = c.area_id where a.name = $1`,
      [DEMO_LINJIANG.oldCompound],
    );
    expect(n).toBe(0);
  });

  it("lets the enforcement bureau's heaviest dashboard query through the edge, over its city's data", async () => {
    const dashboard = DASHBOARDS.find((d) => d.role === 'ENFORCEMENT_BUREAU')!;
    const res = await t.gql(dashboard.who, dashboard.query, dashboard.variables);
    expect([res.status, res.body.errors]).toEqual([200, undefined]);
    expect(res.body.data.filingReviewQueue.items.length).toBeGreaterThan(0);
    expect(res.body.data.divisions.map((d: { code: string }) => d.code)).toContain('220681001');
    for (const item of res.body.data.filingReviewQueue.items) expect(item.area.streetCode).toMatch(/^220681/);
  });

  it('lets the enforcement bureau read the areas and compounds of its city, and no other city’s', async () => {
    const bureau = DEMO_LINJIANG.enforcementBureau;
    const queue = await t.gql(
      bureau,
      '{ filingReviewQueue(first: 50, filter: { statuses: [ACCEPTED] }) { items { area { name } } } }',
    );
    expect(queue.body.errors).toBeUndefined();
    expect(queue.body.data.filingReviewQueue.items).toContainEqual({ area: { name: DEMO_LINJIANG.newEstate } });

    const areas = await t.gql(
      bureau,
      '{ areas(first: 50) { id name streetCode } compounds(first: 100) { streetCode } }',
    );
    expect(areas.body.errors).toBeUndefined();
    expect(areas.body.data.areas.map((a: { name: string }) => a.name).sort()).toEqual(
      [DEMO_LINJIANG.newEstate, DEMO_LINJIANG.oldCompound].sort(),
    );
    expect(areas.body.data.compounds.length).toBeGreaterThan(0);
    for (const c of areas.body.data.compounds) expect(c.streetCode).toMatch(/^220681/);

    // A Beijing area: the enforcement bureau gets NOT_FOUND, typed, by id and as an entity alike.
    const beijingAreaId = await scenario(t).area(HONGJU);
    const AREA = 'query($id: ID!) { area(id: $id) { name } }';
    expect((await t.gql(DEMO_STREETS[0].office, AREA, { id: beijingAreaId })).body.data.area.name).toBe(HONGJU);
    const refused = await t.gql(bureau, AREA, { id: beijingAreaId });
    expect(refused.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['NOT_FOUND']);
    expect(refused.body.data?.area ?? null).toBeNull();
  });

  it('has one 小额快裁 batch before 临江市人民法院, UNDETERMINED for want of a Jilin threshold, and none before a Beijing court', async () => {
    const { referral, newEstate, companies } = DEMO_LINJIANG;
    const court = identity('COURT', referral.courtId, ['220681']);
    const LIST = `{ referrals(first: 20) { totalCount items { id companyId courtId areaName eligible status procedure
      procedureReasons { code message } batchKey } } consolidatedBatches { batchKey courtId referralIds } }`;
    const seen = await t.gql(court, LIST);
    expect(seen.body.errors).toBeUndefined();
    const { referrals, consolidatedBatches } = seen.body.data;
    expect(referrals.totalCount).toBe(referral.referred);
    for (const item of referrals.items)
      expect(item).toMatchObject({
        companyId: companies[0].organisationId,
        courtId: 'linjiang-court',
        areaName: newEstate,
        eligible: true,
        procedure: 'UNDETERMINED',
        procedureReasons: [{ code: 'NO_SMALL_CLAIMS_THRESHOLD', message: expect.stringContaining('province 220000') }],
      });
    const ids = referrals.items.map((r: { id: string }) => r.id).sort();
    expect(consolidatedBatches).toEqual([
      { batchKey: referrals.items[0].batchKey, courtId: 'linjiang-court', referralIds: expect.any(Array) },
    ]);
    expect([...consolidatedBatches[0].referralIds].sort()).toEqual(ids);
    // No threshold is recorded for 吉林省 (none confirmed): the demo seeds none.
    const thresholds = await t.gql(court, '{ smallClaimsThresholds(provinceCode: "220000") { amountFen } }');
    expect(thresholds.body).toEqual({ data: { smallClaimsThresholds: [] } });

    const beijing = identity('COURT', DEMO_COURTS.find((c) => c.courtId === 'bj-haidian-court')!.courtId, ['110108']);
    const none = await t.gql(beijing, LIST);
    expect(none.body.errors).toBeUndefined();
    expect(none.body.data).toEqual({ referrals: { totalCount: 0, items: [] }, consolidatedBatches: [] });
    const one = await t.gql(beijing, 'query($id: ID!) { referral(id: $id) { id procedure } }', { id: ids[0] });
    expect(one.body.errors[0].extensions.code).toMatch(/FORBIDDEN|NOT_FOUND/);
    expect(one.body.data).toBeNull();
  });

  it('has one open hazard at the walk-ups, once, seen by 建国街道 and not by Beijing', async () => {
    const query = '{ hazards(openOnly: true) { areaName kind location warningSetUp partyNotified resolvedOn } }';
    const res = await t.gql(DEMO_LINJIANG.street.office, query);
    expect(res.body.errors).toBeUndefined();
    const [hazard] = DEMO_LINJIANG.patrol.hazards;
    expect(res.body.data.hazards).toEqual([
      {
        areaName: DEMO_LINJIANG.oldCompound,
        kind: hazard.kind,
        location: hazard.location,
        warningSetUp: true,
        partyNotified: hazard.partyNotified,
        resolvedOn: null,
      },
    ]);
    expect((await t.gql(DEMO_STREETS[0].office, query)).body.data.hazards).toEqual([]);
  });

  it('counts coverage for the street and the city with the lists behind the counts, and shows Beijing nothing of it', async () => {
    const COVERAGE = `query($d: Key!) { coverage(divisionCode: $d) { divisionCode areas
      withOwnersCommittee { count areas { name } } withoutOwnersCommittee { count areas { name } }
      withFiledProvider { count areas { name } } withoutFiledProvider { count areas { name } } underCaretaker { count areas { name } }
      selfManaged { count areas { name } } withoutManagement { count areas { name } } } }`;
    const { street, newEstate, oldCompound } = DEMO_LINJIANG;
    // The areas subgraph learns the accepted filing from the filings feed.
    const of = async (who: Parameters<TestHub['gql']>[0], d: string) => (await t.gql(who, COVERAGE, { d })).body;
    const first = await of(street.office, '220681');
    expect(first.errors).toBeUndefined();
    await waitFor(
      'areas to hold the accepted filing',
      async () => (await of(street.office, '220681')).data.coverage.withFiledProvider.count === 1,
    );
    for (const [who, division] of [
      [street.office, '220681'],
      [street.office, '220681001'],
      [identity('CITY_BUREAU', 'baishan-housing', ['2206']), '220600'],
      [DEMO_LINJIANG.enforcementBureau, '220681'],
      [admin, '220681'],
    ] as const) {
      const { coverage } = (await of(who, division)).data;
      expect(coverage).toEqual({
        divisionCode: division,
        areas: 2,
        withOwnersCommittee: { count: 0, areas: [] },
        withoutOwnersCommittee: {
          count: 2,
          areas: expect.arrayContaining([{ name: newEstate }, { name: oldCompound }]),
        },
        withFiledProvider: { count: 1, areas: [{ name: newEstate }] },
        withoutFiledProvider: { count: 1, areas: [{ name: oldCompound }] },
        underCaretaker: { count: 1, areas: [{ name: oldCompound }] },
        selfManaged: { count: 0, areas: [] },
        withoutManagement: { count: 0, areas: [] },
      });
      for (const list of [
        'withOwnersCommittee',
        'withoutOwnersCommittee',
        'withFiledProvider',
        'withoutFiledProvider',
        'underCaretaker',
        'selfManaged',
        'withoutManagement',
      ] as const)
        expect(coverage[list].count).toBe(coverage[list].areas.length);
    }
    const beijing = (await of(DEMO_STREETS[0].office, '220681')).data.coverage;
    expect(beijing).toMatchObject({ areas: 0, withoutFiledProvider: { count: 0, areas: [] } });
    expect((await of(DEMO_LINJIANG.companies[0], '220681')).errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('ends caretaker management and self-management when a provider’s filing of the area is accepted, and then records neither', async () => {
    const { street, oldCompound, enforcementBureau, companies } = DEMO_LINJIANG;
    const company = companies[1];
    const areas = (await t.gql(street.office, '{ areas(first: 10) { id name } }')).body.data.areas as {
      id: string;
      name: string;
    }[];
    const areaId = areas.find((a) => a.name === oldCompound)!.id;
    const ASSIGN =
      'mutation($a: ID!) { assignCaretaker(areaId: $a, caretakerUnit: "某包保单位", community: "解放社区", startsOn: "2026-02-01") { id } }';
    expect((await t.gql(street.office, ASSIGN, { a: areaId })).body.errors[0].extensions.code).toBe(
      'CARETAKER_ALREADY_ASSIGNED',
    );
    expect((await t.gql(DEMO_STREETS[0].office, ASSIGN, { a: areaId })).body.errors[0].extensions.code).toMatch(
      /FORBIDDEN|NOT_FOUND/,
    );
    // A caretaker that has begun: one assigned ahead counted as caring for the area at once (coverage).
    const ahead = await t.gql(street.office, ASSIGN.replace('2026-02-01', '2099-02-01'), { a: areaId });
    expect(ahead.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { startsOn: expect.any(String) } },
    });

    // 业主自行管理 (Civil Code art. 284 para. 1) on the owners' joint decision (art. 278 para. 1 item 4).
    const decided = await t.gql(
      street.office,
      'mutation($i: RecordJointDecisionInput!) { recordJointDecision(input: $i) { id valid } }',
      {
        i: {
          areaId,
          matter: 'HIRE_OR_DISMISS_PROVIDER',
          heldOn: '2026-02-10',
          tally: await unanimousTally(t, areaId),
        },
      },
    );
    expect(decided.body.data.recordJointDecision.valid).toBe(true);
    const SELF = `mutation($a: ID!, $j: ID!, $s: LocalDate!) { recordSelfManagement(areaId: $a, jointDecisionId: $j, startsOn: $s) { areaId jointDecisionId startsOn endedOn } }`;
    const self = (who: Parameters<TestHub['gql']>[0], s: string) =>
      t.gql(who, SELF, { a: areaId, j: decided.body.data.recordJointDecision.id, s });
    expect((await self(DEMO_STREETS[0].office, '2026-02-15')).body.errors[0].extensions.code).toMatch(
      /FORBIDDEN|NOT_FOUND/,
    );
    // A start that happened: one recorded ahead counted as self-management at once (coverage).
    expect((await self(street.office, '2099-02-15')).body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { startsOn: expect.any(String) } },
    });
    // Beijing's street office, on an area of its own, names 临江市's decision: answered as an unknown decision (before,
    // the problems said it was another area's, whether it passed, its matter and, by trying days, when it was held).
    const guangwai = DEMO_STREETS[0].office;
    const hongju = (await t.gql(guangwai, '{ areas { id name } }')).body.data.areas.find(
      (a: { name: string }) => a.name === '红居南街6号院',
    ).id;
    const unknownId = '00000000-0000-4000-8000-000000000000';
    const [foreign, unknown] = await Promise.all(
      [decided.body.data.recordJointDecision.id, unknownId].map(
        async (j) => (await t.gql(guangwai, SELF, { a: hongju, j, s: '2026-02-09' })).body.errors[0],
      ),
    );
    expect([foreign.extensions.code, unknown.extensions.code]).toEqual(['NOT_FOUND', 'NOT_FOUND']);
    expect(foreign.message).toBe(`JointDecision ${decided.body.data.recordJointDecision.id} was not found`);
    expect(foreign.extensions.details).toEqual({ id: decided.body.data.recordJointDecision.id });
    expect((await self(street.office, '2026-02-09')).body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { problems: ['self-management cannot start before the owners decided it'] },
    });
    expect((await self(street.office, '2026-02-15')).body.data.recordSelfManagement).toEqual({
      areaId,
      jointDecisionId: decided.body.data.recordJointDecision.id,
      startsOn: '2026-02-15',
      endedOn: null,
    });
    expect((await self(street.office, '2026-02-16')).body.errors[0].extensions.code).toBe(
      'SELF_MANAGEMENT_ALREADY_RECORDED',
    );
    const END = 'mutation($a: ID!, $e: LocalDate!) { endSelfManagement(areaId: $a, endedOn: $e) { startsOn endedOn } }';
    expect(
      (await t.gql(DEMO_STREETS[0].office, END, { a: areaId, e: '2026-03-01' })).body.errors[0].extensions.code,
    ).toMatch(/FORBIDDEN|NOT_FOUND/);
    // An end that happened: a future one took effect at once before.
    expect((await t.gql(street.office, END, { a: areaId, e: '2099-03-01' })).body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { endedOn: expect.any(String) } },
    });
    expect((await t.gql(street.office, END, { a: areaId, e: '2026-03-01' })).body.data.endSelfManagement).toEqual({
      startsOn: '2026-02-15',
      endedOn: '2026-03-01',
    });
    const MANAGED =
      '{ coverage(divisionCode: "220681001") { selfManaged { count areas { name } } withoutManagement { count } } }';
    expect((await t.gql(street.office, MANAGED)).body.data.coverage.selfManaged).toEqual({ count: 0, areas: [] });
    expect((await self(street.office, '2026-03-02')).body.errors).toBeUndefined();
    expect((await t.gql(street.office, MANAGED)).body.data.coverage).toEqual({
      selfManaged: { count: 1, areas: [{ name: oldCompound }] },
      withoutManagement: { count: 0 },
    });

    const terms = {
      kind: 'REGULAR',
      number: 'LJ-JFL-2026-01',
      title: '解放路独栋楼片区物业服务合同',
      ownersSide: { kind: 'PROPERTY_MANAGEMENT_COMMITTEE', name: '解放路独栋楼片区物业管理委员会' },
      selectionMethod: 'TENDER',
      signedOn: today,
      startsOn: today,
      endsOn: '2029-12-31',
      serviceItems: [{ item: '公共区域保洁', standard: '楼道每周清扫两次' }],
      feeSchedule: {
        classes: [
          { buildingClass: 'LOW_RISE', assessedRateFenPerM2Month: 50, ownerRateFenPerM2Month: 50, subsidies: [] },
        ],
      },
      parties: [
        {
          role: 'PROVIDER',
          name: '临江示例物业服务有限公司二',
          registration: company.organisationId,
          signatory: '刘经理',
        },
        { role: 'PROPERTY_MANAGEMENT_COMMITTEE', name: '解放路独栋楼片区物业管理委员会', signatory: '孙主任' },
      ],
    };
    const drafted = await t.gql(
      company,
      'mutation($a: ID!, $t: ContractTermsInput!) { draftContract(areaId: $a, terms: $t) { id } }',
      { a: areaId, t: terms },
    );
    expect(drafted.body.errors).toBeUndefined();
    // The company reads its draft with its area's name though it serves none there before a filing is accepted: the
    // areas subgraph learns a draft's area from contracts.contract-areas.v1 and lets a company read the areas of its
    // own contracts (never their households: test/contract-area-access.it.test.ts).
    const draftArea = await waitFor("the draft's area to be readable by its company", async () => {
      const draft = await t.gql(company, 'query($c: ID!) { contract(id: $c) { id area { name } } }', {
        c: drafted.body.data.draftContract.id,
      });
      return (draft.body.data?.contract?.area?.name as string | undefined) ?? false;
    });
    expect(draftArea).toBe(oldCompound);
    const submitted = await t.gql(
      company,
      'mutation($c: ID!, $k: Key!, $d: [FilingDocumentInput!]!) { submitFiling(contractId: $c, idempotencyKey: $k, documents: $d) { id } }',
      {
        c: drafted.body.data.draftContract.id,
        k: 'caretaking-ends',
        d: DEMO_LINJIANG.documents,
      },
    );
    expect(submitted.body.errors).toBeUndefined();
    const accepted = await t.gql(
      enforcementBureau,
      'mutation($f: ID!) { acceptFiling(filingId: $f, version: 1) { status acceptedOn } }',
      { f: submitted.body.data.submitFiling.id },
    );
    expect(accepted.body.data.acceptFiling.status).toBe('ACCEPTED');

    const COVERAGE =
      '{ coverage(divisionCode: "220681001") { underCaretaker { count areas { name } } withFiledProvider { count } } }';
    await waitFor(
      'the accepted filing to end caretaking',
      async () => (await t.gql(street.office, COVERAGE)).body.data.coverage.underCaretaker.count === 0,
    );
    expect((await t.gql(street.office, COVERAGE)).body.data.coverage).toEqual({
      underCaretaker: { count: 0, areas: [] },
      withFiledProvider: { count: 2 },
    });
    expect((await t.gql(street.office, ASSIGN, { a: areaId })).body.errors[0].extensions.code).toBe(
      'AREA_HAS_PROVIDER',
    );
    expect((await t.gql(street.office, MANAGED)).body.data.coverage.selfManaged).toEqual({ count: 0, areas: [] });
    expect((await self(street.office, today)).body.errors[0].extensions.code).toBe('AREA_HAS_PROVIDER');

    // What a provider's filing serves is its contract's run, from its acceptance or its start, the later (the
    // filings feed's copy is set by hand here: contracts refuses such terms, a feed from another system may not).
    const setRun = (acceptedOn: string, startsOn: string, endsOn: string) =>
      t.sql(
        `update areas.filing_snapshot set accepted_on = $2::date, starts_on = $3::date, ends_on = $4::date
          where area_id = $1 and status = 'ACCEPTED'`,
        [areaId, acceptedOn, startsOn, endsOn],
      );
    const coverageNow = async () => (await t.gql(street.office, COVERAGE)).body.data.coverage;
    const caretaken = { count: 1, areas: [{ name: oldCompound }] };
    // Accepted today for a contract that starts in a month: the area is not served yet, and its caretaker stays.
    // Before, the acceptance ended the caretaking and the area counted as served from that day.
    await setRun(today, addDays(today, 30), '2029-12-31');
    expect(await coverageNow()).toEqual({ underCaretaker: caretaken, withFiledProvider: { count: 1 } });
    expect((await t.gql(street.office, ASSIGN, { a: areaId })).body.errors[0].extensions.code).toBe(
      'CARETAKER_ALREADY_ASSIGNED',
    );
    // A late filing of a contract that had ended before it was accepted serves nothing either.
    await setRun(today, '2026-03-01', addDays(today, -1));
    expect(await coverageNow()).toEqual({ underCaretaker: caretaken, withFiledProvider: { count: 1 } });
    // The contract served from March and ran out yesterday (a contract's end changes no filing's status): the
    // caretaking ended in March, the area is unmanaged again, and the street office assigns it a caretaker. Before,
    // it counted as served for good: AREA_HAS_PROVIDER.
    await setRun('2026-03-01', '2026-03-01', addDays(today, -1));
    expect(await coverageNow()).toEqual({ underCaretaker: { count: 0, areas: [] }, withFiledProvider: { count: 1 } });
    const again = await t.gql(
      street.office,
      'mutation($a: ID!, $s: LocalDate!) { assignCaretaker(areaId: $a, caretakerUnit: "某包保单位", community: "解放社区", startsOn: $s) { id } }',
      { a: areaId, s: today },
    );
    expect(again.body.errors).toBeUndefined();
    expect((await coverageNow()).underCaretaker).toEqual(caretaken);
  });
});
