import { addDays, addMonths } from '../kernel/calendar';
import { DEFAULT_DEMAND_PERIOD } from '../subgraphs/litigation/domain/statutes';
import { TestHub, identity, startTestHub, pinTestToday } from './support/hub-fixture';
import { GUANGWAI_OFFICE, HONGJU, gqlExpectations, hongjuTerms, scenario } from './support/scenario';
import { chargedAccounts } from './support/refer-after-demand';
import { waitFor } from './support/wait-for';
import { UTILITY_CUT_OFF_REPORTED, UtilityCutOffReportedData, VIOLATIONS_TOPIC } from '../catalog';
import { expectValidEvent } from './support/event-schema';
import { probeTopics } from './support/kafka-probe';

// Issue 14 points 1–4 and 8 through the gateway. A company serves 红居南街6号院 (no contract in the demo data) and
// bills the last three months and this one: this month's fee falls due on its last day, so it is not yet arrears.
const company = identity('PROPERTY_COMPANY', '91110102MA0000RULE');
const xichengBureau = identity('CITY_BUREAU', 'bureau-xicheng', ['110102']);
const xichengCourt = identity('COURT', 'bj-xicheng-court', ['110102']);
const hangzhouCourt = identity('COURT', 'hz-xihu-court', ['330106']);
const haidianCourt = identity('COURT', 'bj-haidian-court', ['110108']);
const admin = identity('ADMIN', 'hub-operator');
const haidianBureau = identity('CITY_BUREAU', 'bureau-haidian', ['110108']);
const deshengOffice = identity('STREET_OFFICE', 'street-office-desheng', ['110102011']);

// Periods counted from "today" (filing deadlines, grace days, demand periods) would run past the holiday data the hub
// holds (2026-12-24) from mid-December 2026: the scenario is pinned to a day it is dated against.
const today = pinTestToday('2026-12-01');
const thisMonth = today.slice(0, 7);
const pastMonths = [addMonths(thisMonth, -3), addMonths(thisMonth, -2), addMonths(thisMonth, -1)];
const EVIDENCE = [{ name: '催缴函.pdf', type: 'DEMAND_LETTER', sha256: 'e'.repeat(64) }];

const ARREARS = `query($a: ID) { arrears(filter: { areaId: $a }, first: 100) { totalCount openFen items { accountId openFen arrearsFen openCharges oldestDueOn daysOverdue agingBucket }
  aging { bucket count openFen } } }`;
const STATEMENT = `query($id: ID!) { arrearsAccount(id: $id) { openFen arrearsFen charges { chargeId month dueOn openFen inArrears agingBucket daysOverdue } } }`;
const ACTION = `mutation($a: ID!, $x: CollectionActionInput!) { recordCollectionAction(accountId: $a, action: $x) { status } }`;
const REFER = `mutation($r: ReferralInput!) { referArrears(referral: $r) { id eligible eligibility { failures { code elapsesOn } claimableCharges { month } excludedCharges { month reason } } } }`;

describe('arrears and referrals under issue 14: only past-due charges, the reasonable period after a demand', () => {
  let t: TestHub;
  let areaId: string;
  let accounts: { id: string; chargeIds: string[] }[];
  let undeterminedReferralId: string;
  let given: ReturnType<typeof scenario>;
  let stopProbe: () => Promise<void> = async () => undefined;
  const { ok, fails } = gqlExpectations(() => t);

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'contracts', 'arrears', 'litigation'] });
    given = scenario(t);
    await given.courts();
    ({ areaId } = await given.compound(HONGJU, { knownTo: ['contracts', 'arrears'] }));
    await given.acceptedFiling(
      company,
      areaId,
      hongjuTerms(company, pastMonths[0], { number: 'HJ6-RULES-01', lateFee: null }),
      { knownTo: ['arrears', 'litigation'] },
    );
    await given.billedMonths(company, areaId, [...pastMonths, thisMonth]);
    accounts = await chargedAccounts(t, areaId, company.organisationId);
  });

  afterAll(async () => {
    await stopProbe();
    await t?.stop();
  });

  it('counts, ages and totals only charges past due: this month is open but not arrears (Civil Code art. 944 para. 2)', async () => {
    const { arrears } = await ok(company, ARREARS, { a: areaId });
    expect(arrears.totalCount).toBe(accounts.length);
    // Every account owes the three past months; its oldest is 1 day or more overdue, never this month.
    for (const item of arrears.items) {
      expect(item.openCharges).toBe(3);
      expect(item.oldestDueOn < `${pastMonths[1]}-01`).toBe(true);
    }
    const aged = arrears.aging.reduce((s: number, l: { count: number }) => s + l.count, 0);
    expect(aged).toBe(3 * accounts.length);
    const { arrearsAccount } = await ok(company, STATEMENT, { id: accounts[0].id });
    const current = arrearsAccount.charges.find((c: { month: string }) => c.month === thisMonth);
    expect(current).toMatchObject({ inArrears: false, agingBucket: null, daysOverdue: 0 });
    expect(arrearsAccount.charges.filter((c: { inArrears: boolean }) => c.inArrears)).toHaveLength(3);
    expect(arrearsAccount.arrearsFen).toBe(arrearsAccount.openFen - current.openFen);
    expect(arrears.items.find((i: { accountId: string }) => i.accountId === accounts[0].id)).toMatchObject({
      openFen: arrearsAccount.openFen,
      arrearsFen: arrearsAccount.arrearsFen,
    });
    // The district bureau's collection rates leave the month not yet due out.
    const { collectionRates } = await ok(
      xichengBureau,
      `query($a: ID) { collectionRates(groupBy: MONTH, areaId: $a) { key households paidHouseholds } }`,
      { a: areaId },
    );
    expect(collectionRates.map((r: { key: string }) => r.key)).toEqual(pastMonths);
  });

  it('refers only after the reasonable period after a demand, and claims only the months past due', async () => {
    const recent = addDays(today, -5);
    const old = addDays(today, -(DEFAULT_DEMAND_PERIOD.days + 5));
    await ok(company, ACTION, {
      a: accounts[0].id,
      x: {
        kind: 'LETTER',
        on: recent,
        deliveredOn: recent,
        chargeIds: accounts[0].chargeIds.slice(0, 3),
        note: '催缴函',
      },
    });
    await ok(company, ACTION, {
      a: accounts[1].id,
      x: { kind: 'LETTER', on: old, deliveredOn: old, chargeIds: accounts[1].chargeIds.slice(0, 3), note: '催缴函' },
    });
    await waitFor('litigation to hold both demands', async () => {
      const rows = await t.sql<{ n: number }>(
        `select count(*)::int as n from litigation.claim_account where account_id = any($1) and jsonb_array_length(claim->'demands') = 1`,
        [[accounts[0].id, accounts[1].id]],
      );
      return rows[0].n === 2;
    });
    const { referArrears } = await ok(company, REFER, {
      r: {
        courtId: 'bj-xicheng-court',
        accountIds: [accounts[0].id, accounts[1].id],
        evidence: EVIDENCE,
        mediationWaivedOn: today,
      },
    });
    const [early, ready] = referArrears;
    expect(early.eligible).toBe(false);
    expect(early.eligibility.failures).toEqual([
      { code: 'DEMAND_PERIOD_NOT_ELAPSED', elapsesOn: addDays(recent, DEFAULT_DEMAND_PERIOD.days) },
    ]);
    expect(ready.eligible).toBe(true);
    // The letter came before last month fell due (its last day): it demanded the two months before only (art. 944
    // para. 2: late first, then demanded; before, it counted for last month too).
    expect(ready.eligibility.claimableCharges.map((c: { month: string }) => c.month)).toEqual(pastMonths.slice(0, 2));
    expect(ready.eligibility.excludedCharges).toEqual([
      { month: pastMonths[2], reason: 'NOT_DEMANDED' },
      { month: thisMonth, reason: 'NOT_YET_DUE' },
    ]);
    undeterminedReferralId = ready.id;
  });

  it('ends the reasonable period on the next working day when its last day is a rest day (Civil Code art. 203)', async () => {
    // The plain count ends on Saturday 2026-12-05, so the period runs to Monday the 7th.
    const demandedOn = addDays('2026-12-05', -DEFAULT_DEMAND_PERIOD.days);
    await ok(company, ACTION, {
      a: accounts[4].id,
      x: {
        kind: 'LETTER',
        on: demandedOn,
        deliveredOn: demandedOn,
        chargeIds: accounts[4].chargeIds.slice(0, 3),
        note: '催缴函',
      },
    });
    await waitFor('litigation to hold the demand', async () => {
      const rows = await t.sql<{ n: number }>(
        `select count(*)::int as n from litigation.claim_account where account_id = $1 and jsonb_array_length(claim->'demands') = 1`,
        [accounts[4].id],
      );
      return rows[0].n === 1;
    });
    const { referArrears } = await ok(company, REFER, {
      r: { courtId: 'bj-xicheng-court', accountIds: [accounts[4].id], evidence: EVIDENCE, mediationWaivedOn: today },
    });
    expect(referArrears[0].eligible).toBe(false);
    expect(referArrears[0].eligibility.failures).toEqual([
      { code: 'DEMAND_PERIOD_NOT_ELAPSED', elapsesOn: '2026-12-07' },
    ]);
  });

  it('lets a Beijing court record its high court’s small-claims threshold (art. 165), used from then on; clears the stale reason on docketing', async () => {
    const RECORD = `mutation($t: SmallClaimsThresholdInput!) { recordSmallClaimsThreshold(threshold: $t) { provinceCode year amountFen consentCeilingFen source recordedBy recordedRole } }`;
    const READ = `query($id: ID!) { referral(id: $id) { procedure procedureReasons { code } } }`;
    const year = Number(today.slice(0, 4));
    // A figure for this test only: no Beijing notice is confirmed (README), so the demo records none.
    const threshold = {
      provinceCode: '110000',
      year,
      amountFen: 5_000_000,
      consentCeilingFen: 20_000_000,
      source: 'test figure, not a published notice',
    };
    await ok(
      admin,
      `mutation { registerCourt(input: { courtId: "hz-xihu-court", name: "杭州市西湖区人民法院", provinceCode: "330000", districtCodes: ["330106"] }) { courtId } }`,
    );
    expect((await ok(xichengCourt, READ, { id: undeterminedReferralId })).referral).toEqual({
      procedure: 'UNDETERMINED',
      procedureReasons: [{ code: 'NO_SMALL_CLAIMS_THRESHOLD' }],
    });
    for (const outsider of [company, hangzhouCourt, xichengBureau]) {
      expect((await fails(outsider, RECORD, { t: threshold })).extensions.code).toBe('FORBIDDEN');
    }
    // A negative amount is refused by the Fen scalar, an empty source by the rule (both BAD_USER_INPUT naming the field).
    expect(
      (await fails(xichengCourt, RECORD, { t: { ...threshold, amountFen: -1 } })).extensions.details?.fields,
    ).toEqual({ amountFen: expect.any(String) });
    expect((await fails(xichengCourt, RECORD, { t: { ...threshold, source: '' } })).extensions.details?.fields).toEqual(
      { source: expect.any(String) },
    );
    // The consent ceiling is the notice's: 4 × a rounded threshold can exceed 200% of the wage (before, it was taken).
    const withoutCeiling = { ...threshold, consentCeilingFen: undefined };
    expect((await fails(xichengCourt, RECORD, { t: withoutCeiling })).extensions.code).toBe('BAD_USER_INPUT');
    const { recordSmallClaimsThreshold } = await ok(xichengCourt, RECORD, { t: threshold });
    expect(recordSmallClaimsThreshold).toEqual([
      { ...threshold, recordedBy: xichengCourt.subject, recordedRole: 'COURT' },
    ]);
    const { smallClaimsThresholds } = await ok(
      company,
      `{ smallClaimsThresholds(provinceCode: "110000") { amountFen recordedBy } }`,
    );
    expect(smallClaimsThresholds).toEqual([{ amountFen: 5_000_000, recordedBy: xichengCourt.subject }]);
    // Another Beijing court may not put its own figure over it (audit, Low: it would change the procedure proposed on
    // every Beijing court's referrals): refused, naming the figure, and nothing is written. The admin corrects it.
    const beijingRecords = async () =>
      (
        await t.sql<{ n: number }>(
          `select count(*)::int as n from litigation.small_claims_threshold where province_code = '110000'`,
          [],
        )
      )[0].n;
    const contradiction = await fails(haidianCourt, RECORD, {
      t: { ...threshold, amountFen: 4_000_000, consentCeilingFen: 16_000_000 },
    });
    expect(contradiction.extensions.code).toBe('THRESHOLD_CONTRADICTS_RECORD');
    expect(contradiction.extensions.details?.contradicts).toMatchObject({
      amountFen: 5_000_000,
      source: threshold.source,
      heldIn: 'RECORD',
      recordedRole: 'COURT',
      recordedOrganisation: 'bj-xicheng-court',
    });
    expect(await beijingRecords()).toBe(1);
    const correction = {
      ...threshold,
      amountFen: 4_800_000,
      consentCeilingFen: 19_200_000,
      source: 'test figure, corrected by the admin',
    };
    expect((await ok(admin, RECORD, { t: correction })).recordSmallClaimsThreshold).toEqual([
      { ...threshold, recordedBy: xichengCourt.subject, recordedRole: 'COURT' },
      { ...correction, recordedBy: admin.subject, recordedRole: 'ADMIN' },
    ]);

    await ok(company, ACTION, {
      a: accounts[2].id,
      x: {
        kind: 'LETTER',
        on: addDays(today, -30),
        deliveredOn: addDays(today, -30),
        chargeIds: accounts[2].chargeIds.slice(0, 3),
        note: '催缴函',
      },
    });
    await waitFor(
      'litigation to hold the demand',
      async () =>
        (
          await t.sql<{ n: number }>(
            `select jsonb_array_length(claim->'demands')::int as n from litigation.claim_account where account_id = $1`,
            [accounts[2].id],
          )
        )[0]?.n === 1,
    );
    const { referArrears } = await ok(company, REFER, {
      r: { courtId: 'bj-xicheng-court', accountIds: [accounts[2].id], evidence: EVIDENCE, mediationWaivedOn: today },
    });
    expect((await ok(xichengCourt, READ, { id: referArrears[0].id })).referral).toEqual({
      procedure: 'SMALL_CLAIMS',
      procedureReasons: [{ code: 'AT_OR_BELOW_THRESHOLD' }],
    });

    // The earlier referral stays as proposed until the court dockets it under the procedure it chose.
    await ok(xichengCourt, `mutation($r: CourtReportInput!) { reportCourtEvent(report: $r) { status } }`, {
      r: {
        referralId: undeterminedReferralId,
        kind: 'DOCKETED',
        occurredAt: `${today}T09:00:00+08:00`,
        caseNumber: '(2026)京0102民初1号',
        procedure: 'SMALL_CLAIMS',
      },
    });
    expect((await ok(xichengCourt, READ, { id: undeterminedReferralId })).referral).toEqual({
      procedure: 'SMALL_CLAIMS',
      procedureReasons: [{ code: 'CHOSEN_BY_COURT' }],
    });
  });

  it('bills a levy only under a valid joint decision on raising funds (Civil Code art. 278 item 6); a voluntary one is never arrears', async () => {
    const DECIDE = `mutation($i: RecordJointDecisionInput!) { recordJointDecision(input: $i) { id valid reasons } }`;
    const LEVY = `mutation($l: LevyInput!) { createLevy(levy: $l) { id basis jointDecisionId households } }`;
    const tally = (consentingOwners: number, consentingArea: string) => ({
      totalOwners: 72,
      totalArea: '5894.70', // the register's, as the hub checks
      participatingOwners: 60,
      participatingArea: '4200.00',
      consentingOwners,
      consentingArea,
    });
    const heldOn = addDays(today, -40);
    const valid = (
      await ok(GUANGWAI_OFFICE, DECIDE, {
        i: { areaId, matter: 'RAISE_MAINTENANCE_FUND', heldOn, agendaItem: '议题一', tally: tally(50, '3500.00') },
      })
    ).recordJointDecision;
    // Two-thirds of the participants is not three-quarters (another item of the same meeting).
    const short = (
      await ok(GUANGWAI_OFFICE, DECIDE, {
        i: { areaId, matter: 'RAISE_MAINTENANCE_FUND', heldOn, agendaItem: '议题二', tally: tally(40, '2800.00') },
      })
    ).recordJointDecision;
    expect([valid.valid, short.valid]).toEqual([true, false]);
    await waitFor(
      'arrears to hold both decisions',
      async () =>
        (
          await t.sql<{ n: number }>(
            `select count(*)::int as n from arrears.joint_decision_view where decision_id = any($1)`,
            [[valid.id, short.id]],
          )
        )[0].n === 2,
    );
    const [building] = await t.sql<{ building_id: string }>(
      `select building_id from arrears.billable_household where area_id = $1 order by building_id limit 1`,
      [areaId],
    );
    const input = {
      areaId,
      title: '楼道改造集资',
      purpose: '楼道改造',
      accountName: '红居南街6号院专项账户',
      rateFenPerM2: 500,
      activationThresholdPercent: 50,
      decidedOn: addDays(today, -35),
      dueOn: addDays(today, -1),
      buildingIds: [building.building_id],
    };
    const refused = await fails(company, LEVY, { l: { ...input, jointDecisionId: short.id } });
    expect(refused.extensions).toMatchObject({
      code: 'LEVY_WITHOUT_VALID_DECISION',
      details: { problems: ['DECISION_INVALID'] },
    });
    expect((await fails(company, LEVY, { l: input })).extensions.code).toBe('BAD_USER_INPUT');
    const before = (await ok(company, ARREARS, { a: areaId })).arrears;
    const voluntary = (await ok(company, LEVY, { l: { ...input, voluntary: true } })).createLevy;
    expect(voluntary).toMatchObject({ basis: 'VOLUNTARY', jointDecisionId: null });
    // Past due, unpaid, but voluntary: the arrears and their aging are as before (only what is open grew).
    const arrearsOnly = (page: { items: { openFen?: number }[] }) => ({
      ...page,
      items: page.items.map(({ openFen: _open, ...rest }) => rest),
    });
    expect(arrearsOnly((await ok(company, ARREARS, { a: areaId })).arrears)).toEqual(arrearsOnly(before));
    const owed = (await ok(company, LEVY, { l: { ...input, jointDecisionId: valid.id } })).createLevy;
    expect(owed).toMatchObject({ basis: 'JOINT_DECISION', jointDecisionId: valid.id });
    const after = (await ok(company, ARREARS, { a: areaId })).arrears;
    expect(after.openFen).toBeGreaterThan(before.openFen);
    const [{ account_id: accountId }] = await t.sql<{ account_id: string }>(
      `select account_id from arrears.charge where levy_id = $1 limit 1`,
      [voluntary.id],
    );
    const { arrearsAccount } = await ok(
      company,
      `query($id: ID!) { arrearsAccount(id: $id) { charges { chargeId levyId inArrears agingBucket limitationEndsOn } } }`,
      { id: accountId },
    );
    const contribution = arrearsAccount.charges.find((c: { levyId: string }) => c.levyId === voluntary.id);
    expect(contribution).toEqual({
      chargeId: expect.any(String),
      levyId: voluntary.id,
      inArrears: false,
      agingBucket: null,
      limitationEndsOn: null,
    });
    const demand = await fails(company, ACTION, {
      a: accountId,
      x: { kind: 'LETTER', on: today, deliveredOn: today, chargeIds: [contribution.chargeId], note: '集资催缴' },
    });
    expect(demand.extensions.details?.problems).toEqual([
      { code: 'VOLUNTARY_CONTRIBUTION', chargeId: contribution.chargeId },
    ]);
    expect(arrearsAccount.charges.find((c: { levyId: string }) => c.levyId === owed.id)).toMatchObject({
      inArrears: true,
      agingBucket: 'DAYS_0_30',
    });
  });

  it("records a reported cut-off as a violation on the company's record, for the area's street office or committee; refuses the company's own step", async () => {
    const CUT = `mutation($r: UtilityCutOffInput!) { recordUtilityCutOff(report: $r) { id companyId utility occurredOn evidenceSha256 reportedByRole source } }`;
    const RECORD = `query($c: Key) { companyViolations(companyId: $c) { totalCount items { utility reportedByRole } } }`;
    const report = {
      companyId: company.organisationId,
      areaId,
      occurredOn: addDays(today, -3),
      utility: 'WATER',
      evidenceSha256: 'f'.repeat(64),
      note: '以停水方式催缴物业费',
    };
    // The company's own step naming a cut-off is still refused (art. 944 para. 3).
    const step = await fails(company, ACTION, {
      a: accounts[3].id,
      x: { kind: 'NOTICE_POSTED', on: today, chargeIds: accounts[3].chargeIds, note: '再不缴费将停水' },
    });
    expect(step.extensions.code).toBe('PROHIBITED_COLLECTION_MEASURE');
    for (const outsider of [company, xichengBureau])
      expect((await fails(outsider, CUT, { r: report })).extensions.code).toBe('FORBIDDEN');
    // Another street's office is told of the area what it is told of none at all (before: FORBIDDEN, so it learnt
    // which area ids exist).
    const foreign = await fails(deshengOffice, CUT, { r: report });
    const none = await fails(deshengOffice, CUT, { r: { ...report, areaId: '00000000-0000-4000-8000-000000000000' } });
    expect([foreign.extensions.code, none.extensions.code]).toEqual(['NOT_FOUND', 'NOT_FOUND']);
    expect(foreign.message).toBe(`Area ${areaId} was not found`);
    expect(
      (await fails(GUANGWAI_OFFICE, CUT, { r: { ...report, companyId: '91110102MA0000NONE' } })).extensions.code,
    ).toBe('NOT_THE_AREAS_COMPANY');
    expect(
      (await fails(GUANGWAI_OFFICE, CUT, { r: { ...report, evidenceSha256: 'nope', utility: 'WATER' } })).extensions
        .code,
    ).toBe('BAD_USER_INPUT');
    const probe = await probeTopics(t.brokers, [`${t.topicPrefix}${VIOLATIONS_TOPIC.name}`]);
    stopProbe = () => probe.stop();
    // Sent twice at the same moment (a double click) and once more later (a retry after a timeout): one record, the
    // same answer each time. Before, each copy was recorded, published and entered on the company's credit record.
    const copies = await Promise.all([
      ok(GUANGWAI_OFFICE, CUT, { r: report }),
      ok(GUANGWAI_OFFICE, CUT, { r: report }),
    ]);
    const { recordUtilityCutOff } = copies[0];
    expect(copies[1].recordUtilityCutOff).toEqual(recordUtilityCutOff);
    expect((await ok(GUANGWAI_OFFICE, CUT, { r: report })).recordUtilityCutOff).toEqual(recordUtilityCutOff);
    expect(recordUtilityCutOff).toMatchObject({
      companyId: company.organisationId,
      utility: 'WATER',
      reportedByRole: 'STREET_OFFICE',
      source: 'Civil Code art. 944 para. 3',
    });

    // The area's property-management committee (seed 000's composition, formed anew with a term running past the cut-off:
    // seed 000's own ended on 2023-05-29, and a committee past its term reports no cut-off) reports a power cut.
    await given.committee(areaId, HONGJU, { formedOn: '2024-06-01', termEndsOn: '2027-05-31' });
    const body = await waitFor(
      'arrears to know the committee',
      async () =>
        (
          await t.sql<{ body_id: string }>(
            `select body_id from arrears.committee_view where area_id = $1 and dissolved_on is null`,
            [areaId],
          )
        )[0]?.body_id,
    );
    await ok(identity('OWNERS_COMMITTEE', body), CUT, {
      r: { ...report, utility: 'POWER', occurredOn: addDays(today, -2) },
    });
    expect(
      (await fails(identity('OWNERS_COMMITTEE', '00000000-0000-4000-8000-00000000beef'), CUT, { r: report })).extensions
        .code,
    ).toBe('NOT_FOUND');

    // The district bureau of the area, the street office and the company itself see the record; others see nothing.
    for (const reader of [xichengBureau, GUANGWAI_OFFICE, company, admin]) {
      expect((await ok(reader, RECORD, { c: company.organisationId })).companyViolations).toEqual({
        totalCount: 2,
        items: [
          { utility: 'POWER', reportedByRole: 'OWNERS_COMMITTEE' },
          { utility: 'WATER', reportedByRole: 'STREET_OFFICE' },
        ],
      });
    }
    for (const outsider of [
      haidianBureau,
      deshengOffice,
      identity('PROPERTY_COMPANY', '91110102MA0000OTHR'),
      xichengCourt,
    ]) {
      expect((await ok(outsider, RECORD, { c: company.organisationId })).companyViolations).toEqual({
        totalCount: 0,
        items: [],
      });
    }

    // Each report goes to contracts by event (arrears.violations.v1, keyed by company, no note) and becomes an
    // unlawful-collection entry on the company's credit record, for the company and its city's bureau only.
    try {
      const reports = await probe.waitForCount(
        'both cut-offs published',
        (m) => m.headers.ce_type === UTILITY_CUT_OFF_REPORTED.type,
        2,
      );
      const published = reports.map((m) => {
        expect(m.message.key?.toString()).toBe(company.organisationId);
        return expectValidEvent<UtilityCutOffReportedData>(m, UTILITY_CUT_OFF_REPORTED.type);
      });
      expect(published.map((d) => [d.utility, d.reportedByRole]).sort()).toEqual([
        ['POWER', 'OWNERS_COMMITTEE'],
        ['WATER', 'STREET_OFFICE'],
      ]);
      expect(JSON.stringify(published)).not.toContain('以停水方式催缴物业费');
      expect(published.find((d) => d.utility === 'WATER')?.violationId).toBe(recordUtilityCutOff.id);
    } finally {
      await stopProbe();
      stopProbe = async () => undefined;
    }
    const CREDIT = `{ creditEntries(filter: { subjectKind: COMPANY }) { cityCode companyId kind legalBasis occurredOn source status } }`;
    const entries = await waitFor('contracts to record both cut-offs as credit entries', async () => {
      const { creditEntries } = await ok(company, CREDIT);
      return creditEntries.filter((e: { kind: string }) => e.kind === 'UNLAWFUL_COLLECTION_MEASURE').length === 2
        ? creditEntries
        : undefined;
    });
    expect(entries).toEqual(
      expect.arrayContaining(
        [
          { utility: 'WATER', on: addDays(today, -3), by: 'STREET_OFFICE' },
          { utility: 'POWER', on: addDays(today, -2), by: 'OWNERS_COMMITTEE' },
        ].map(({ utility, on, by }) =>
          expect.objectContaining({
            cityCode: '110000',
            companyId: company.organisationId,
            kind: 'UNLAWFUL_COLLECTION_MEASURE',
            legalBasis: expect.stringContaining('Civil Code art. 944 para. 3'),
            occurredOn: on,
            source: expect.stringContaining(`${utility} cut-off reported by ${by}`),
            // Beijing has no confirmed notice period: recorded and shown, not published.
            status: 'RECORDED',
          }),
        ),
      ),
    );
    const unlawful = (rows: { kind: string }[]) => rows.filter((e) => e.kind === 'UNLAWFUL_COLLECTION_MEASURE');
    expect(unlawful((await ok(xichengBureau, CREDIT)).creditEntries)).toHaveLength(2);
    expect(unlawful((await ok(haidianBureau, CREDIT)).creditEntries)).toEqual([]);
    expect(unlawful((await ok(identity('PROPERTY_COMPANY', '91110102MA0000OTHR'), CREDIT)).creditEntries)).toEqual([]);

    // The committee reporting the street office's cut-off gets a record of its own, never the office's (its id or
    // note): a report is answered with its first record only for the reporter that made it.
    const own = (await ok(identity('OWNERS_COMMITTEE', body), CUT, { r: report })).recordUtilityCutOff;
    expect(own.id).not.toBe(recordUtilityCutOff.id);
    expect(own).toMatchObject({ utility: 'WATER', reportedByRole: 'OWNERS_COMMITTEE' });
  });
});
