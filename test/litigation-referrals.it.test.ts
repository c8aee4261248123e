import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { addDays, addMonths, addYears } from '../kernel/calendar';
import { canonicalJson, sha256Hex } from '../kernel/canonical-json';
import { COURT_CASE_EVENTS_TOPIC, COURT_CASE_EVENT_REFUSALS_TOPIC, COURT_CASE_EVENT_REPORTED } from '../catalog';
import { asKafkaMessage } from './support/events';
import { TestHub, identity, startTestHub, pinTestToday } from './support/hub-fixture';
import { DEMO_COMPANY_PROFILE } from '../hub/demo/demo-documents';
import { docxDocumentXml } from './support/docx-text';
import { defendantIdentities, useDefendantIdentities } from '../subgraphs/litigation/application/defendant-identities';
import { ProbedMessage, probeTopics, rawProducer } from './support/kafka-probe';
import { partyTopics } from './support/party-topics';
import { GUANGWAI_OFFICE, HONGJU, gqlExpectations, hongjuTerms, scenario } from './support/scenario';
import { chargedAccounts, recordAsSentOn } from './support/refer-after-demand';
import { waitFor } from './support/wait-for';
import { unanimousTally } from './support/register-totals';
import { expectValidEvent } from './support/event-schema';
import { connectedClient } from './support/db-client';
import { noVirusScan, useVirusScanner } from '../platform/documents/virus-scan';
import { heldScanner, rowIsFree } from './support/held-scanner';

// Company A serves 红居南街6号院 (no contract in the demo data) under a contract that began 40 months ago, so its
// first months are time-barred by now (Civil Code art. 188).
const guangwai = GUANGWAI_OFFICE;
const companyA = identity('PROPERTY_COMPANY', '91110102MA0000LITA');
const companyB = identity('PROPERTY_COMPANY', '91110102MA0000LITB');
const xichengCourt = identity('COURT', 'bj-xicheng-court', ['110102']);
const haidianCourt = identity('COURT', 'bj-haidian-court', ['110108']);
const xichengBureau = identity('CITY_BUREAU', 'bureau-xicheng', ['110102']);
const haidianBureau = identity('CITY_BUREAU', 'bureau-haidian', ['110108']);
const deshengStreet = identity('STREET_OFFICE', 'street-office-desheng', ['110102011']);

// Periods counted from "today" (filing deadlines, grace days, demand periods) would run past the holiday data the hub
// holds (2026-12-24) from mid-December 2026: the scenario is pinned to a day it is dated against.
const today = pinTestToday('2026-12-01');
const thisMonth = today.slice(0, 7);
const firstMonth = addMonths(thisMonth, -40);
const barredMonth = addMonths(thisMonth, -38);
const recentMonths = [addMonths(thisMonth, -3), addMonths(thisMonth, -2)];
const EVIDENCE = [
  { name: '物业服务合同.pdf', type: 'CONTRACT', sha256: 'c'.repeat(64) },
  { name: '催缴函.pdf', type: 'DEMAND_LETTER', sha256: 'd'.repeat(64) },
];

/** The owners' vote hiring company A, ten days before the contract's signing (hongjuTerms). */
const hiredOn = addDays(`${firstMonth}-01`, -20);
const terms = (hiringDecisionId: string) =>
  hongjuTerms(companyA, firstMonth, {
    number: 'HJ6-LIT-01',
    hiringDecisionId,
    endsOn: addDays(addYears(`${firstMonth}-01`, 5), -1),
    feeSchedule: {
      classes: [
        { buildingClass: 'LOW_RISE', assessedRateFenPerM2Month: 100, ownerRateFenPerM2Month: 100, subsidies: [] },
      ],
    },
    lateFee: { dailyRatePerTenThousand: 3, graceDays: 30, capPercentOfPrincipal: 20 },
  });

const REFERRAL_FIELDS = `id companyId courtId accountId contractId areaName eligible status procedure procedureReasons { code } amountInDisputeFen grandTotalFen caseAcceptanceFee { fullFen onDocketingFen halvedUnder } caseNumber
  docketedOn hearingOn judgedFen batchKey eligibility { eligible failures { code months } claimableCharges { month amountFen } excludedCharges { month reason } }
  packages { version digest previousDigest chainSequence canonicalJson } courtEvents { kind verdict via }`;
const REFER = `mutation($r: ReferralInput!) { referArrears(referral: $r) { ${REFERRAL_FIELDS} } }`;
const REFERRAL = `query($id: ID!) { referral(id: $id) { ${REFERRAL_FIELDS} } }`;
const LIST = `query($f: ReferralFilter) { referrals(filter: $f, first: 100) { totalCount items { id status eligible } } }`;
const REPORT = `mutation($r: CourtReportInput!, $e: Key) { reportCourtEvent(report: $r, eventId: $e) { id status caseNumber enforcementCaseNumber procedure docketedOn hearingOn judgedFen } }`;
const VERIFY = `query($id: ID!, $v: Int) { verifyCasePackage(referralId: $id, version: $v) { valid version storedDigest digest sequence previousVersionSequence reason chainValid firstBrokenSequence } }`;
const ACTION = `mutation($a: ID!, $x: CollectionActionInput!) { recordCollectionAction(accountId: $a, action: $x) { status actions { actionId kind } } }`;

describe('litigation: referrals through the green channel, the court’s reports and the evidence chain', () => {
  let t: TestHub;
  let db: Client;
  let areaId: string;
  let contractId: string;
  let hiringDecisionId: string;
  let accounts: { id: string; chargeIds: string[] }[];
  let probe: Awaited<ReturnType<typeof probeTopics>>;

  const { ok, fails } = gqlExpectations(() => t);
  /** Litigation learns claims from arrears.claims.v1: wait until it holds the account with this many demands. */
  const claimKnown = (accountId: string, demands: number, sessions = 0) =>
    waitFor(`litigation to hold the claim of ${accountId}`, async () => {
      const { rows } = await db.query(`select claim from litigation.claim_account where account_id = $1`, [accountId]);
      const claim = rows[0]?.claim;
      return claim && claim.demands.length === demands && claim.mediationSessions.length === sessions;
    });
  const accountStatus = async (accountId: string) =>
    (await db.query(`select status, judged_fen, settled_fen from arrears.account where id = $1`, [accountId])).rows[0];
  const demand = (i: number) =>
    ok(companyA, ACTION, {
      a: accounts[i].id,
      x: {
        kind: 'LETTER',
        on: addDays(today, -20),
        deliveredOn: addDays(today, -20),
        chargeIds: accounts[i].chargeIds,
        note: '催缴函',
      },
    });
  /**
   * Referred, and recorded as sent six months before `today`: the court's reports these tests date days or months back must not
   * precede the submission day (art. 126, assertCourtDateOrder).
   */
  const refer = async (accountIds: string[], extra: Record<string, unknown> = {}) => {
    const result = await ok(companyA, REFER, {
      r: { courtId: 'bj-xicheng-court', accountIds, evidence: EVIDENCE, ...extra },
    });
    const ids = (result.referArrears as { id: string; eligible: boolean }[]).filter((r) => r.eligible).map((r) => r.id);
    if (ids.length > 0) await recordAsSentOn(db, ids, addDays(today, -183));
    return result;
  };
  /** Account `i` demanded, its claim known to litigation, then referred alone with mediation waived today. */
  const referredAlone = async (i: number) => {
    await demand(i);
    await claimKnown(accounts[i].id, 1);
    const [referral] = (await refer([accounts[i].id], { mediationWaivedOn: today })).referArrears;
    return referral;
  };
  /** The account referred with mediation waived today, eligible for the latest month billed alone, the two before PRIOR_OWNER. */
  const referredForLatestMonthOnly = async (accountId: string) => {
    const [referral] = (await refer([accountId], { mediationWaivedOn: today })).referArrears;
    expect(referral.eligible).toBe(true);
    expect(referral.eligibility.claimableCharges.map((c: { month: string }) => c.month)).toEqual([recentMonths[1]]);
    expect(referral.eligibility.excludedCharges).toEqual([
      { month: barredMonth, reason: 'PRIOR_OWNER' },
      { month: recentMonths[0], reason: 'PRIOR_OWNER' },
    ]);
    return referral;
  };
  /** Account i referred alone and docketed as a small claim four months ago, overdue now (art. 168), and the list. */
  const docketedSmallClaim = async (i: number, day: string) => {
    const referral = await referredAlone(i);
    await ok(xichengCourt, REPORT, {
      r: {
        referralId: referral.id,
        kind: 'DOCKETED',
        occurredAt: `${addMonths(thisMonth, -4)}-${day}T10:00:00+08:00`,
        caseNumber: `(2026)京0102民初88${i}号`,
        procedure: 'SMALL_CLAIMS',
      },
    });
    const OVERDUE = `query($on: LocalDate) { overdueSmallClaims(asOf: $on) { referral { id } } }`;
    const overdueOn = async (on?: string): Promise<string[]> =>
      (await ok(xichengCourt, OVERDUE, { on })).overdueSmallClaims.map(
        (o: { referral: { id: string } }) => o.referral.id,
      );
    expect(await overdueOn()).toContain(referral.id);
    return { referral, overdueOn };
  };

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'contracts', 'arrears', 'litigation'] });
    db = await connectedClient(t.databaseUrl);
    const given = scenario(t);
    await given.courts();
    ({ areaId } = await given.compound(HONGJU, { knownTo: ['contracts', 'arrears'] }));
    // The owners chose the company at a meeting before the signing (Civil Code art. 278 item 4), which the filing names.
    const { recordJointDecision } = await ok(
      GUANGWAI_OFFICE,
      `mutation($i: RecordJointDecisionInput!) { recordJointDecision(input: $i) { id valid } }`,
      { i: { areaId, matter: 'HIRE_OR_DISMISS_PROVIDER', heldOn: hiredOn, tally: await unanimousTally(t, areaId) } },
    );
    hiringDecisionId = recordJointDecision.id;
    for (const schema of ['contracts', 'litigation'])
      await waitFor(`${schema} to keep the hiring decision`, async () => {
        const kept = await t.sql(`select 1 from ${schema}.joint_decision_view where decision_id = $1`, [
          hiringDecisionId,
        ]);
        return kept.length === 1;
      });
    ({ contractId } = await given.acceptedFiling(companyA, areaId, terms(hiringDecisionId), {
      knownTo: ['arrears', 'litigation'],
    }));
    await given.billedMonths(companyA, areaId, [barredMonth, ...recentMonths]);
    accounts = await chargedAccounts(t, areaId, companyA.organisationId);
    probe = await probeTopics(t.brokers, [
      `${t.topicPrefix}litigation.referrals.v1`,
      `${t.topicPrefix}litigation.dead-letter.v1`,
    ]);
  });

  afterAll(async () => {
    await probe?.stop();
    await db?.end();
    await t?.stop();
  });

  it('refers eligible accounts with their case packages into one batch, and records an ineligible one with every failed condition', async () => {
    // Account 0: demanded and mediated without success; account 1: demanded, mediation expressly declined; account 2:
    // the owner promised to pay, but no demand was ever made.
    await demand(0);
    const mediated = await ok(guangwai, ACTION, {
      a: accounts[0].id,
      x: {
        kind: 'MEDIATION_SESSION',
        on: addDays(today, -10),
        chargeIds: accounts[0].chargeIds,
        mediator: '广安门外街道人民调解委员会',
        outcome: 'FAILED',
        outcomeOn: addDays(today, -9),
      },
    });
    expect(mediated.recordCollectionAction.status).toBe('IN_COLLECTION');
    await demand(1);
    await ok(companyA, ACTION, {
      a: accounts[2].id,
      x: {
        kind: 'PAYMENT_PROMISE',
        on: addDays(today, -15),
        chargeIds: accounts[2].chargeIds,
        promisedBy: addDays(today, -1),
      },
    });
    // One after another: the test's single pg client runs one query at a time.
    await claimKnown(accounts[0].id, 1, 1);
    await claimKnown(accounts[1].id, 1);
    await claimKnown(accounts[2].id, 0);
    // Each demand reaches litigation with the charges it named, for the reasonable period of each month claimed.
    const { rows: demanded } = await db.query(
      `select claim->'demands' as demands from litigation.claim_account where account_id = $1`,
      [accounts[0].id],
    );
    expect(demanded[0].demands).toEqual([
      expect.objectContaining({ kind: 'LETTER', chargeIds: accounts[0].chargeIds }),
    ]);

    const results = (
      await refer([accounts[0].id, accounts[1].id, accounts[2].id], { mediationWaivedOn: addDays(today, -5) })
    ).referArrears;
    const [first, second, third] = results;
    expect(third).toMatchObject({ eligible: false, status: null, packages: [], caseAcceptanceFee: null });
    expect(third.eligibility.failures.map((f: { code: string }) => f.code)).toEqual(['NO_DEMAND_RECORDED']);
    // The waiver applies to the whole referral, so only the demand is missing for account 2.
    for (const r of [first, second]) {
      expect(r).toMatchObject({
        eligible: true,
        status: 'SUBMITTED',
        procedure: 'UNDETERMINED',
        procedureReasons: [{ code: 'NO_SMALL_CLAIMS_THRESHOLD' }],
      });
      expect(r.eligibility.excludedCharges).toEqual([{ month: barredMonth, reason: 'TIME_BARRED' }]);
      expect(r.eligibility.claimableCharges.map((c: { month: string }) => c.month)).toEqual(recentMonths);
      const fees = r.eligibility.claimableCharges.reduce((s: number, c: { amountFen: number }) => s + c.amountFen, 0);
      expect(r.amountInDisputeFen).toBeGreaterThan(fees); // the contract's late fee is claimed as well
      // Up to ¥10,000 the case acceptance fee is ¥50 a case (诉讼费用交纳办法 art. 13 item 1); the procedure
      // undetermined, nothing halves it on docketing.
      expect(r.amountInDisputeFen).toBeLessThanOrEqual(1_000_000);
      expect(r.caseAcceptanceFee).toEqual({ fullFen: 5_000, onDocketingFen: 5_000, halvedUnder: null });
      const [pkg] = r.packages;
      expect(pkg).toMatchObject({ version: 1, previousDigest: null });
      expect(sha256Hex(pkg.canonicalJson)).toBe(pkg.digest);
      const content = JSON.parse(pkg.canonicalJson);
      expect(content.contract).toMatchObject({
        number: 'HJ6-LIT-01',
        filingRecordNumber: expect.stringMatching(/^110102-/),
        // The complaint's element 2 says the owners chose the plaintiff on that day (complaint.test.ts).
        hiringDecision: { decisionId: hiringDecisionId, heldOn: hiredOn },
      });
      expect(content.claims.feeTotalFen).toBe(fees);
      expect(content.arrearsLines.map((l: { month: string }) => l.month)).toEqual(recentMonths);
      expect(content.demands).toEqual([
        { date: addDays(today, -20), channel: 'LETTER', deliveredOn: addDays(today, -20) },
      ]);
      expect(content.evidence).toEqual(EVIDENCE);
    }
    expect(first.batchKey).toBe(second.batchKey);

    const submitted = await probe.waitForCount(
      'two submissions',
      (m) =>
        m.headers.ce_type === 'hub.litigation.referral.submitted' &&
        [first.id, second.id].includes(String(m.message.key)),
      2,
    );
    for (const m of submitted)
      expect(expectValidEvent(m, 'hub.litigation.referral.submitted')).toMatchObject({
        courtId: 'bj-xicheng-court',
        status: 'SUBMITTED',
      });
    const [batch] = await probe.waitForCount(
      'the batch',
      (m) => m.headers.ce_type === 'hub.litigation.batch.formed' && String(m.message.key) === first.batchKey,
      1,
    );
    expect(expectValidEvent<{ referralIds: string[] }>(batch, 'hub.litigation.batch.formed').referralIds).toEqual(
      [first.id, second.id].sort(),
    );
    // The court's own feed carries the same events, and only those of referrals addressed to it.
    const courtFeed = await probeTopics(t.brokers, [`${t.topicPrefix}litigation.referrals.v1.bj-xicheng-court`]);
    try {
      const copies = await courtFeed.waitForCount(
        "the court's feed",
        (m) => m.headers.ce_type === 'hub.litigation.referral.submitted',
        2,
      );
      expect(
        copies
          .map((m) => expectValidEvent<{ referralId: string }>(m, 'hub.litigation.referral.submitted').referralId)
          .sort(),
      ).toEqual([first.id, second.id].sort());
      expect(new Set(copies.map((m) => m.headers.ce_id)).size).toBe(2);
      expect(
        courtFeed.received.every((m) => JSON.parse(m.message.value!.toString()).courtId === 'bj-xicheng-court'),
      ).toBe(true);
    } finally {
      await courtFeed.stop();
    }
    await waitFor(
      'arrears to mark both accounts referred',
      async () =>
        (await accountStatus(accounts[0].id)).status === 'REFERRED' &&
        (await accountStatus(accounts[1].id)).status === 'REFERRED',
    );

    // Referring the same account again while its case is open is refused, and writes nothing.
    const count = Number((await db.query(`select count(*) from litigation.referral`)).rows[0].count);
    expect(
      (
        await fails(companyA, REFER, {
          r: { courtId: 'bj-xicheng-court', accountIds: [accounts[0].id], evidence: EVIDENCE },
        })
      ).extensions.code,
    ).toBe('ALREADY_REFERRED');
    expect(
      (
        await fails(companyB, REFER, {
          r: { courtId: 'bj-xicheng-court', accountIds: [accounts[3].id], evidence: EVIDENCE },
        })
      ).extensions.code,
    ).toBe('NOT_FOUND');
    expect(
      (await fails(companyA, REFER, { r: { courtId: 'bj-xicheng-court', accountIds: [accounts[3].id], evidence: [] } }))
        .extensions.code,
    ).toBe('BAD_USER_INPUT');
    // An exclusion named twice (checked again for every account referred, repeats were as many as the body held).
    expect(
      (
        await fails(companyA, REFER, {
          r: {
            courtId: 'bj-xicheng-court',
            accountIds: [accounts[3].id],
            evidence: EVIDENCE,
            exclusions: Array.from({ length: 1000 }, () => 'COUNTERCLAIM'),
          },
        })
      ).extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { exclusions: expect.stringMatching(/each once$/) } },
    });
    expect(
      (
        await fails(companyA, REFER, {
          r: { courtId: 'no-such-court', accountIds: [accounts[3].id], evidence: EVIDENCE },
        })
      ).extensions.code,
    ).toBe('NOT_FOUND');
    expect(Number((await db.query(`select count(*) from litigation.referral`)).rows[0].count)).toBe(count);
  });

  it("refuses one owner's consent or one case's costs stated for several accounts, writing nothing", async () => {
    // Each owner consents to small claims (one instance, no appeal) for themselves, and each case has its own costs:
    // before, one request's consent was every referred owner's, and its costs were claimed in each complaint.
    const pair = [accounts[60].id, accounts[61].id];
    const refused = await fails(companyA, REFER, {
      r: {
        courtId: 'bj-xicheng-court',
        accountIds: pair,
        evidence: EVIDENCE,
        bothPartiesConsent: true,
        costs: [{ kind: 'OTHER_CLAIM', label: '律师费', amountFen: 300_000 }],
      },
    });
    expect(refused.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: {
        fields: { bothPartiesConsent: expect.stringContaining('alone'), costs: expect.stringContaining('alone') },
      },
    });
    const { rows } = await db.query(`select count(*)::int as n from litigation.referral where account_id = any($1)`, [
      pair,
    ]);
    expect(rows[0].n).toBe(0);
  });

  it('shows each court only its cases, each company only its referrals, and bureaus statistics without households', async () => {
    await demand(4);
    await claimKnown(accounts[4].id, 1);
    const [referral] = (await refer([accounts[4].id], { mediationWaivedOn: today })).referArrears;
    expect((await ok(xichengCourt, LIST, {})).referrals.items.map((r: { id: string }) => r.id)).toContain(referral.id);
    expect((await ok(xichengCourt, REFERRAL, { id: referral.id })).referral.packages).toHaveLength(1);
    // The parties by name, where the hub holds one: the court's as registered, the plaintiff's once it gave its
    // particulars for complaints (until then its id is all there is); one query each for the whole page.
    const NAMES = `query($id: ID!) { referral(id: $id) { companyId plaintiffName courtId courtName } }`;
    expect((await ok(xichengCourt, NAMES, { id: referral.id })).referral).toEqual({
      companyId: companyA.organisationId,
      plaintiffName: null,
      courtId: 'bj-xicheng-court',
      courtName: '北京市西城区人民法院',
    });
    await ok(companyA, `mutation($p: CompanyProfileInput!) { updateCompanyProfile(profile: $p) { companyId } }`, {
      p: DEMO_COMPANY_PROFILE,
    });
    const named = await ok(xichengCourt, `{ referrals(first: 100) { items { plaintiffName courtName } } }`);
    expect(new Set(named.referrals.items.map((r: { plaintiffName: string }) => r.plaintiffName))).toEqual(
      new Set([DEMO_COMPANY_PROFILE.legalName]),
    );
    // A referral refused for eligibility was sent to no court: the court does not see it.
    await ok(companyA, ACTION, {
      a: accounts[11].id,
      x: { kind: 'PAYMENT_PROMISE', on: today, chargeIds: accounts[11].chargeIds, promisedBy: addDays(today, 10) },
    });
    await claimKnown(accounts[11].id, 0);
    const [refused] = (await refer([accounts[11].id])).referArrears;
    expect(refused.eligible).toBe(false);
    expect((await fails(xichengCourt, REFERRAL, { id: refused.id })).extensions.code).toBe('NOT_FOUND');
    expect((await ok(xichengCourt, LIST, { f: { eligible: false } })).referrals.totalCount).toBe(0);
    // Ids are compared as uuid: a malformed one is the caller's input error, in a query and inside a mutation's transaction.
    expect((await fails(companyA, REFERRAL, { id: 'not-a-uuid' })).extensions.code).toBe('BAD_USER_INPUT');
    const WITHDRAW = `mutation($id: ID!, $r: Note!) { withdrawReferral(referralId: $id, reason: $r) { status } }`;
    expect((await fails(companyA, WITHDRAW, { id: 'not-a-uuid', r: '已缴清' })).extensions.code).toBe('BAD_USER_INPUT');
    for (const outsider of [haidianCourt, companyB, xichengBureau]) {
      expect((await ok(outsider, LIST, {})).referrals).toEqual({ totalCount: 0, items: [] });
      expect((await fails(outsider, REFERRAL, { id: referral.id })).extensions.code).toBe('NOT_FOUND');
      expect((await fails(outsider, VERIFY, { id: referral.id })).extensions.code).toBe('NOT_FOUND');
    }
    const stats = (
      await ok(
        xichengBureau,
        `{ referralStatistics { areaName companyId referrals ineligible open amountInDisputeFen } }`,
      )
    ).referralStatistics;
    expect(stats).toEqual([expect.objectContaining({ areaName: HONGJU, companyId: companyA.organisationId })]);
    expect(stats[0].referrals).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(stats)).not.toContain(accounts[4].id);
    expect((await ok(haidianBureau, `{ referralStatistics { areaName } }`)).referralStatistics).toEqual([]);

    // The court reads the filed contract the case is under (from the referrals feed); another court does not.
    const CONTRACT = `query($id: ID!) { contract(id: $id) { id number filings { status recordNumber } } }`;
    const contract = await waitFor('the contracts subgraph to let the court read the contract', async () => {
      const res = await t.gql(xichengCourt, CONTRACT, { id: referral.contractId });
      return res.body.errors ? undefined : res.body.data.contract;
    });
    expect(contract).toMatchObject({
      number: 'HJ6-LIT-01',
      filings: [{ status: 'ACCEPTED', recordNumber: expect.stringMatching(/^110102-/) }],
    });
    expect((await ok(xichengCourt, `{ contracts { totalCount } }`)).contracts.totalCount).toBe(1);
    expect((await fails(haidianCourt, CONTRACT, { id: referral.contractId })).extensions.code).toBe('NOT_FOUND');
    expect((await ok(haidianCourt, `{ contracts { totalCount } }`)).contracts.totalCount).toBe(0);

    // The court reads the defendant's household from the areas register, with the owner's name the case needs.
    const HOUSEHOLD = `query($id: ID!) { referral(id: $id) { household { id unit room floorAreaM2 ownerName } } }`;
    const household = await waitFor(
      'the areas subgraph to let the court read the household',
      async () => (await ok(xichengCourt, HOUSEHOLD, { id: referral.id })).referral.household,
    );
    const { rows } = await db.query(`select owner_name from areas.household where id = $1`, [household.id]);
    expect(household.ownerName).toBe(rows[0].owner_name);
    expect(household.ownerName).not.toContain('*');
    // The company serving the area reads it too, with the name masked; a company serving nothing there does not.
    const ACCOUNT_HOUSEHOLD = `query($id: ID!) { arrearsAccount(id: $id) { household { id ownerName } } }`;
    const masked = await waitFor(
      'the areas subgraph to know company A serves the area',
      async () => (await ok(companyA, ACCOUNT_HOUSEHOLD, { id: accounts[4].id })).arrearsAccount.household,
    );
    expect(masked.ownerName).toMatch(/^.\*+$/);
    expect((await ok(companyA, `query($id: ID!) { area(id: $id) { id } }`, { id: areaId })).area.id).toBe(areaId);
    expect((await fails(companyB, `query($id: ID!) { area(id: $id) { id } }`, { id: areaId })).extensions.code).toBe(
      'NOT_FOUND',
    );
    expect(
      (
        await fails(companyA, REPORT, {
          r: {
            referralId: referral.id,
            kind: 'DOCKETED',
            occurredAt: `${today}T09:00:00+08:00`,
            caseNumber: '(2026)京0102民初1号',
          },
        })
      ).extensions.code,
    ).toBe('NOT_FOUND');
    expect(
      (
        await fails(haidianCourt, REPORT, {
          r: {
            referralId: referral.id,
            kind: 'DOCKETED',
            occurredAt: `${today}T09:00:00+08:00`,
            caseNumber: '(2026)京0108民初1号',
          },
        })
      ).extensions.code,
    ).toBe('NOT_FOUND');
  });

  it('applies court reports from the API and Kafka once, in causal order, and sends unauthorised or malformed ones to the dead-letter topic', async () => {
    await demand(5);
    await claimKnown(accounts[5].id, 1);
    const [referral] = (await refer([accounts[5].id], { mediationWaivedOn: today })).referArrears;
    const docketedOn = addMonths(thisMonth, -4) + '-10';
    const docketed = (
      await ok(xichengCourt, REPORT, {
        r: {
          referralId: referral.id,
          kind: 'DOCKETED',
          occurredAt: `${docketedOn}T10:00:00+08:00`,
          caseNumber: '(2026)京0102民初8801号',
          procedure: 'SMALL_CLAIMS',
        },
        e: 'xc-8801-docketed',
      })
    ).reportCourtEvent;
    expect(docketed).toMatchObject({
      status: 'DOCKETED',
      caseNumber: '(2026)京0102民初8801号',
      procedure: 'SMALL_CLAIMS',
      docketedOn,
    });
    // The court's system retries the same report: nothing changes and nothing is recorded twice.
    const retried = (
      await ok(xichengCourt, REPORT, {
        r: {
          referralId: referral.id,
          kind: 'DOCKETED',
          occurredAt: `${docketedOn}T10:00:00+08:00`,
          caseNumber: '(2026)京0102民初8801号',
          procedure: 'SMALL_CLAIMS',
        },
        e: 'xc-8801-docketed',
      })
    ).reportCourtEvent;
    expect(retried).toEqual(docketed);
    await waitFor(
      'arrears to mark the account in litigation',
      async () => (await accountStatus(accounts[5].id)).status === 'IN_LITIGATION',
    );
    // Docketed four months ago under small claims and undecided: two months plus no extension have passed (art. 168).
    const overdue = (await ok(xichengCourt, `{ overdueSmallClaims { referral { id } dueOn daysOverdue } }`))
      .overdueSmallClaims;
    expect(overdue.map((o: { referral: { id: string } }) => o.referral.id)).toContain(referral.id);
    expect((await ok(companyA, `{ overdueSmallClaims { referral { id } } }`)).overdueSmallClaims).toEqual([]);
    // The president extended it by a month before the two months ran out; it is still a month overdue.
    const EXTEND = `mutation($id: ID!, $on: LocalDate!) { approveSmallClaimsExtension(referralId: $id, approvedOn: $on) { extensionApprovedOn } }`;
    expect(
      (await fails(xichengCourt, EXTEND, { id: referral.id, on: addMonths(thisMonth, -1) + '-10' })).extensions,
    ).toMatchObject({
      code: 'EXTENSION_REFUSED',
      details: { problems: ['EXTENSION_AFTER_DEADLINE'] },
    });
    expect(
      (await fails(haidianCourt, EXTEND, { id: referral.id, on: addMonths(thisMonth, -3) + '-10' })).extensions.code,
    ).toBe('NOT_FOUND');
    const extendedOn = addMonths(thisMonth, -3) + '-10';
    expect(
      (await ok(xichengCourt, EXTEND, { id: referral.id, on: extendedOn })).approveSmallClaimsExtension
        .extensionApprovedOn,
    ).toBe(extendedOn);
    expect(
      (await fails(xichengCourt, EXTEND, { id: referral.id, on: extendedOn })).extensions.details?.problems,
    ).toEqual(['EXTENSION_ALREADY_USED']);
    const stillOverdue = (
      await ok(xichengCourt, `{ overdueSmallClaims { referral { id } dueOn extended } }`)
    ).overdueSmallClaims.find((o: { referral: { id: string } }) => o.referral.id === referral.id);
    expect(stillOverdue).toMatchObject({ extended: true, dueOn: addMonths(thisMonth, -1) + '-10' });

    // Each court writes its own topic; the sender is the court the topic belongs to.
    const [xichengTopic, haidianTopic] = await partyTopics(t, COURT_CASE_EVENTS_TOPIC, [
      'bj-xicheng-court',
      'bj-haidian-court',
    ]);
    // Each court's reply topic, made when it is registered as a feed subscriber: what the hub refused of its reports.
    const replies = await partyTopics(t, COURT_CASE_EVENT_REFUSALS_TOPIC, ['bj-xicheng-court', 'bj-haidian-court']);
    const told = await probeTopics(t.brokers, replies);
    const producer = rawProducer(t.brokers);
    await producer.connect();
    const send = (data: Record<string, unknown>, id: string = randomUUID(), topic = xichengTopic) =>
      producer.send({
        topic,
        messages: [
          asKafkaMessage(
            {
              id,
              type: COURT_CASE_EVENT_REPORTED.type,
              source: 'court:bj-xicheng',
              time: new Date().toISOString(),
              data,
            },
            referral.id,
          ),
        ],
      });
    try {
      const judged = {
        referralId: referral.id,
        courtId: 'bj-xicheng-court',
        kind: 'JUDGED',
        occurredAt: `${today}T15:00:00+08:00`,
        judgedFen: 12_345,
      };
      await send(judged, 'xc-8801-judged');
      await send(judged, 'xc-8801-judged'); // redelivered
      await send(judged); // the same step under another id
      // The hearing happened before the judgment but is reported after it: it only fills in the hearing date.
      await send({
        referralId: referral.id,
        courtId: 'bj-xicheng-court',
        kind: 'HEARING_SCHEDULED',
        occurredAt: `${addDays(today, -3)}T09:00:00+08:00`,
        hearingOn: addDays(today, -1),
      });
      // The Haidian court on its own topic about a referral addressed to Xicheng; then a report naming Haidian on
      // Xicheng's topic, which the topic's sender contradicts.
      await send(
        { referralId: referral.id, courtId: 'bj-haidian-court', kind: 'CLOSED', occurredAt: `${today}T16:00:00+08:00` },
        randomUUID(),
        haidianTopic,
      );
      await send({
        referralId: referral.id,
        courtId: 'bj-haidian-court',
        kind: 'CLOSED',
        occurredAt: `${today}T16:00:00+08:00`,
      });
      await send({
        referralId: referral.id,
        courtId: 'bj-xicheng-court',
        kind: 'SETTLED',
        occurredAt: `${today}T16:00:00+08:00`,
      });
      // Bounded as the GraphQL inputs are (kernel/input-bounds.ts): a note over 2,000 characters, one reordered by a
      // bidirectional override, a judgment beyond ¥100,000,000 (before, all three were applied).
      const step = { referralId: referral.id, courtId: 'bj-xicheng-court', occurredAt: `${today}T17:00:00+08:00` };
      await send({ ...step, kind: 'HEARING_SCHEDULED', hearingOn: today, note: '庭'.repeat(2001) });
      await send({ ...step, kind: 'HEARING_SCHEDULED', hearingOn: today, note: '原告\u202e撤诉' });
      await send({ ...step, kind: 'JUDGED', judgedFen: 10 ** 20 });
      const dead = await probe.waitForCount(
        'six refused reports',
        (m) => m.topic.endsWith('litigation.dead-letter.v1'),
        6,
      );
      expect(dead.map((m) => m.headers.dlq_reason_code).sort()).toEqual([
        'BAD_USER_INPUT',
        'SCHEMA_VIOLATION',
        'SCHEMA_VIOLATION',
        'SCHEMA_VIOLATION',
        'SENDER_MISMATCH',
        'UNAUTHORISED_COURT',
      ]);
      expect(
        dead
          .filter((m) => m.headers.dlq_reason_code === 'SCHEMA_VIOLATION')
          .map((m) => m.headers.dlq_reason.match(/: \/(\w+) must/)?.[1])
          .sort(),
      ).toEqual(['judgedFen', 'note', 'note']);
      // Each court is told of its own refused reports only (before, nothing told a court its report changed nothing).
      const notices = await told.waitForCount('six refusal notices', () => true, 6);
      for (const n of notices) expectValidEvent(n, 'hub.litigation.court-case-event.refused');
      const toldTo = (court: string) =>
        notices
          .filter((m) => m.topic === `${t.topicPrefix}court.case-event-refusals.v1.${court}`)
          .map((m) => JSON.parse(String(m.message.value)).reasonCode)
          .sort();
      expect(toldTo('bj-haidian-court')).toEqual(['UNAUTHORISED_COURT']);
      expect(toldTo('bj-xicheng-court')).toEqual([
        'BAD_USER_INPUT',
        'SCHEMA_VIOLATION',
        'SCHEMA_VIOLATION',
        'SCHEMA_VIOLATION',
        'SENDER_MISMATCH',
      ]);
    } finally {
      await producer.disconnect();
      await told.stop();
    }
    const after = await waitFor('the judgment and the late hearing to be applied', async () => {
      const r = (await ok(companyA, REFERRAL, { id: referral.id })).referral;
      return r.status === 'JUDGED' && r.hearingOn !== null && r.courtEvents.length === 4 ? r : undefined;
    });
    expect(after).toMatchObject({
      judgedFen: 12_345,
      hearingOn: addDays(today, -1),
      caseNumber: '(2026)京0102民初8801号',
    });
    expect(
      after.courtEvents.map((e: { kind: string; verdict: string; via: string }) => `${e.kind}:${e.verdict}:${e.via}`),
    ).toEqual(['DOCKETED:APPLY:API', 'JUDGED:APPLY:KAFKA', 'JUDGED:DUPLICATE:KAFKA', 'HEARING_SCHEDULED:STALE:KAFKA']);
    await waitFor('arrears to record the judgment', async () => {
      const account = await accountStatus(accounts[5].id);
      return account.status === 'JUDGED' && Number(account.judged_fen) === 12_345;
    });
    const changes = await probe.waitForCount(
      'the status changes',
      (m) => m.headers.ce_type === 'hub.litigation.referral.status-changed' && String(m.message.key) === referral.id,
      2,
    );
    expect(changes.map((m) => expectValidEvent(m).status)).toEqual(['DOCKETED', 'JUDGED']);
    // A second docketing after the judgment, under a new id with another procedure: stale, it leaves the procedure the
    // first docketing recorded (before, it rewrote it, and the reasons beside it, after judgment).
    const late = (
      await ok(xichengCourt, REPORT, {
        r: {
          referralId: referral.id,
          kind: 'DOCKETED',
          occurredAt: `${docketedOn}T11:00:00+08:00`,
          caseNumber: '(2026)京0102民初8801号',
          procedure: 'SIMPLE_OR_ORDINARY',
        },
        e: 'xc-8801-docketed-again',
      })
    ).reportCourtEvent;
    expect(late).toMatchObject({ status: 'JUDGED', procedure: 'SMALL_CLAIMS', docketedOn });
    expect((await ok(companyA, REFERRAL, { id: referral.id })).referral.procedureReasons).toEqual(
      after.procedureReasons,
    );

    // The judgment stays unpaid: enforcement lists the owner as a dishonest judgment debtor (Civil Procedure Law
    // art. 266). Only within enforcement, with the enforcement case number; the status stays ENFORCEMENT.
    const listing = {
      referralId: referral.id,
      kind: 'DEBTOR_LISTED_DISHONEST',
      occurredAt: `${addDays(today, -1)}T10:00:00+08:00`,
      caseNumber: '(2026)京0102执1201号',
    };
    expect((await fails(xichengCourt, REPORT, { r: listing })).extensions.code).toBe('INVALID_COURT_EVENT');
    await ok(xichengCourt, REPORT, {
      r: { referralId: referral.id, kind: 'ENFORCEMENT_STARTED', occurredAt: `${addDays(today, -2)}T10:00:00+08:00` },
    });
    expect((await fails(xichengCourt, REPORT, { r: { ...listing, caseNumber: undefined } })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { caseNumber: expect.any(String) } },
    });
    // Enforcement started without its number: the listing's is the case's enforcement number from then on.
    expect((await ok(xichengCourt, REPORT, { r: listing, e: 'xc-1201-listed' })).reportCourtEvent).toMatchObject({
      status: 'ENFORCEMENT',
      caseNumber: '(2026)京0102民初8801号',
      enforcementCaseNumber: '(2026)京0102执1201号',
    });
    const [listed] = await probe.waitForCount(
      'the listing for the credit records',
      (m) => m.headers.ce_type === 'hub.litigation.referral.debtor-listed' && String(m.message.key) === referral.id,
      1,
    );
    expect(expectValidEvent(listed)).toEqual({
      referralId: referral.id,
      courtId: 'bj-xicheng-court',
      companyId: companyA.organisationId,
      householdId: expect.any(String),
      areaId,
      caseNumber: '(2026)京0102执1201号',
      listedOn: addDays(today, -1),
    });
    // The contracts subgraph records it as the owner's credit entry; Beijing has no notice period, so it stays unpublished.
    // Every other owner of this file is in arrears, several referred or judged, none listed: none is on the record.
    const owners = await waitFor('the owner’s credit entry', async () => {
      const res = await t.gql(
        xichengBureau,
        `{ creditEntries(filter: { subjectKind: OWNER }) { caseNumber status kind } }`,
      );
      return res.body.data?.creditEntries?.length ? res.body.data.creditEntries : undefined;
    });
    expect(owners).toEqual([
      {
        caseNumber: '(2026)京0102执1201号',
        status: 'RECORDED',
        kind: 'DISHONEST_JUDGMENT_DEBTOR',
      },
    ]);
  });

  it('proves a package unaltered by its digest and place in the chain, and detects a package or chain altered afterwards', async () => {
    await demand(6);
    await claimKnown(accounts[6].id, 1);
    const [referral] = (await refer([accounts[6].id], { mediationWaivedOn: today })).referArrears;
    const CORRECT = `mutation($id: ID!, $e: [EvidenceInput!]!) { correctCasePackage(referralId: $id, evidence: $e) { packages { version digest previousDigest } } }`;
    const correction = {
      id: referral.id,
      e: [...EVIDENCE, { name: '调解记录.pdf', type: 'MEDIATION_RECORD', sha256: 'e'.repeat(64) }],
    };
    // Only the referring company corrects its package: not another company, nor the court.
    for (const outsider of [companyB, xichengCourt, haidianCourt])
      expect(['NOT_FOUND', 'FORBIDDEN']).toContain((await fails(outsider, CORRECT, correction)).extensions.code);
    const corrected = (await ok(companyA, CORRECT, correction)).correctCasePackage;
    expect(corrected.packages.map((p: { version: number }) => p.version)).toEqual([1, 2]);
    expect(corrected.packages[1].previousDigest).toBe(corrected.packages[0].digest);
    // The court's feed carries the new version (before, a correction was published nowhere: a court docketing from the
    // submission's digest never learnt the package had changed).
    const [correctedEvent] = await probe.waitForCount(
      'the correction on the feed',
      (m) => m.headers.ce_type === 'hub.litigation.referral.package-corrected' && String(m.message.key) === referral.id,
      1,
    );
    expect(expectValidEvent(correctedEvent)).toMatchObject({
      referralId: referral.id,
      courtId: 'bj-xicheng-court',
      status: 'SUBMITTED',
      packageVersion: 2,
      packageDigest: corrected.packages[1].digest,
      previousDigest: corrected.packages[0].digest,
      correctedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    // The charges the corrected package claims, as the submission named the first version's: the two recent months
    // (the barred one is not claimable). Before, the correction named none.
    const [submittedEvent] = await probe.waitForCount(
      'the submission on the feed',
      (m) => m.headers.ce_type === 'hub.litigation.referral.submitted' && String(m.message.key) === referral.id,
      1,
    );
    const submittedCharges = expectValidEvent<{ chargeIds: string[] }>(submittedEvent).chargeIds;
    const correctedCharges = expectValidEvent<{ chargeIds?: string[] }>(correctedEvent).chargeIds;
    expect([...(correctedCharges ?? [])].sort()).toEqual([...accounts[6].chargeIds.slice(1)].sort());
    expect(correctedCharges).toEqual(submittedCharges);
    const verified = (await ok(xichengCourt, VERIFY, { id: referral.id })).verifyCasePackage;
    expect(verified).toMatchObject({
      valid: true,
      version: 2,
      digest: corrected.packages[1].digest,
      storedDigest: corrected.packages[1].digest,
      chainValid: true,
    });
    expect(verified.previousVersionSequence).toBeLessThan(verified.sequence);

    // Someone with database access raises the claimed fees of version 1 after it was sent.
    await db.query(
      `update litigation.case_package set package = jsonb_set(package, '{claims,feeTotalFen}', '99999999') where referral_id = $1 and version = 1`,
      [referral.id],
    );
    const altered = (await ok(xichengCourt, VERIFY, { id: referral.id, v: 1 })).verifyCasePackage;
    expect(altered).toMatchObject({
      valid: false,
      reason: 'PACKAGE_NOT_IN_CHAIN',
      chainValid: true,
      storedDigest: corrected.packages[0].digest,
    });
    expect(altered.digest).not.toBe(corrected.packages[0].digest);

    // Rewriting the chain entry to match is caught by the next link.
    const { rows } = await db.query(
      `select sequence, payload_digest from litigation.evidence_chain where payload_digest = $1`,
      [corrected.packages[0].digest],
    );
    await db.query(`update litigation.evidence_chain set payload_digest = $1 where sequence = $2`, [
      altered.digest,
      rows[0].sequence,
    ]);
    try {
      const rewritten = (await ok(xichengCourt, VERIFY, { id: referral.id, v: 1 })).verifyCasePackage;
      expect(rewritten).toMatchObject({
        valid: false,
        reason: 'CHAIN_BROKEN',
        chainValid: false,
        firstBrokenSequence: Number(rows[0].sequence),
      });
    } finally {
      await db.query(`update litigation.evidence_chain set payload_digest = $1 where sequence = $2`, [
        rows[0].payload_digest,
        rows[0].sequence,
      ]);
    }
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });

  it('lets the court accept a batch or split cases out of it', async () => {
    await demand(7);
    await demand(8);
    await claimKnown(accounts[7].id, 1);
    await claimKnown(accounts[8].id, 1);
    const referred = (await refer([accounts[7].id, accounts[8].id], { mediationWaivedOn: today })).referArrears;
    const batchKey = referred[0].batchKey;

    // The case acceptance fees the company prepays and the court collects for the batch: each case's fee on its own
    // amount, added up (诉讼费用交纳办法 art. 13 item 1, 每件), never the scale on the combined amount. Two cases of
    // up to ¥10,000 at ¥50 each, and a third with a ¥12,000 lawyer's fee claimed (over ¥10,000, so 2.5% on the rest);
    // the procedure undetermined (no Beijing threshold), nothing is halved.
    await demand(15);
    await claimKnown(accounts[15].id, 1);
    const [lawyered] = (
      await refer([accounts[15].id], {
        mediationWaivedOn: today,
        costs: [{ kind: 'OTHER_CLAIM', label: '律师费', amountFen: 1_200_000 }],
      })
    ).referArrears;
    expect(lawyered).toMatchObject({ eligible: true, batchKey, procedure: 'UNDETERMINED' });
    const overTenThousand = lawyered.amountInDisputeFen - 1_000_000;
    expect(lawyered.caseAcceptanceFee.fullFen).toBe(5_000 + Math.round((overTenThousand * 250) / 10_000));
    const FEES = `query($k: Key!) { consolidatedBatch(batchKey: $k) { referralIds caseAcceptanceFeeTotal { caseCount halvedCaseCount fullFen onDocketingFen legalBasis } } }`;
    // The batch also holds the earlier tests' cases of the court, company and area: their fees, each read as its own.
    const ours = [...referred, lawyered].map((r: { id: string }) => r.id);
    const held: string[] = (await ok(xichengCourt, FEES, { k: batchKey })).consolidatedBatch.referralIds;
    expect(held).toEqual(expect.arrayContaining(ours));
    const earlier = await Promise.all(
      held
        .filter((id) => !ours.includes(id))
        .map(async (id) => (await ok(xichengCourt, REFERRAL, { id })).referral.caseAcceptanceFee),
    );
    const earlierFen = (key: 'fullFen' | 'onDocketingFen') => earlier.reduce((sum, fee) => sum + fee[key], 0);
    const expectedTotal = {
      caseCount: held.length,
      halvedCaseCount: earlier.filter((fee) => fee.halvedUnder !== null).length,
      fullFen: earlierFen('fullFen') + 5_000 + 5_000 + lawyered.caseAcceptanceFee.fullFen,
      onDocketingFen: earlierFen('onDocketingFen') + 5_000 + 5_000 + lawyered.caseAcceptanceFee.fullFen,
      legalBasis: expect.stringContaining('每件'),
    };
    for (const reader of [xichengCourt, companyA]) {
      const feeBatch = (await ok(reader, FEES, { k: batchKey })).consolidatedBatch;
      expect(feeBatch.referralIds).toHaveLength(held.length);
      expect(feeBatch.caseAcceptanceFeeTotal).toEqual(expectedTotal);
    }
    for (const outsider of [haidianCourt, companyB])
      expect((await fails(outsider, FEES, { k: batchKey })).extensions.code).toBe('NOT_FOUND');
    const listed = (await ok(xichengCourt, `{ consolidatedBatches { batchKey caseAcceptanceFeeTotal { fullFen } } }`))
      .consolidatedBatches;
    expect(listed.find((b: { batchKey: string }) => b.batchKey === batchKey).caseAcceptanceFeeTotal.fullFen).toBe(
      expectedTotal.fullFen,
    );
    expect(
      (await ok(haidianCourt, `{ consolidatedBatches { caseAcceptanceFeeTotal { fullFen } } }`)).consolidatedBatches,
    ).toEqual([]);
    const BATCHES = `{ consolidatedBatches { batchKey areaId referralIds splitFrom courtDecision } }`;
    const batch = (await ok(xichengCourt, BATCHES)).consolidatedBatches.find(
      (b: { batchKey: string }) => b.batchKey === batchKey,
    );
    expect(batch.referralIds).toEqual(expect.arrayContaining(referred.map((r: { id: string }) => r.id)));
    expect(batch.areaId).toBe(areaId);
    // compoundId is the deprecated name of areaId, still answered for clients that ask for it.
    const deprecated = (await ok(xichengCourt, `{ consolidatedBatches { batchKey compoundId } }`)).consolidatedBatches;
    expect(deprecated.find((b: { batchKey: string }) => b.batchKey === batchKey).compoundId).toBe(areaId);
    expect((await ok(haidianCourt, BATCHES)).consolidatedBatches).toEqual([]);
    expect(
      (
        await fails(haidianCourt, `mutation($k: Key!) { acceptConsolidatedBatch(batchKey: $k) { batchKey } }`, {
          k: batchKey,
        })
      ).extensions.code,
    ).toBe('NOT_FOUND');
    const [remaining, split] = (
      await ok(
        xichengCourt,
        `mutation($k: Key!, $ids: [ID!]!) { splitConsolidatedBatch(batchKey: $k, referralIds: $ids) { batchKey referralIds splitFrom } }`,
        {
          k: batchKey,
          ids: [referred[1].id],
        },
      )
    ).splitConsolidatedBatch;
    expect(split).toMatchObject({ referralIds: [referred[1].id], splitFrom: batchKey });
    expect(remaining.referralIds).not.toContain(referred[1].id);
    // Each batch adds up its own cases: the case split off takes its ¥50 with it.
    const totalOf = async (k: string) => (await ok(xichengCourt, FEES, { k })).consolidatedBatch.caseAcceptanceFeeTotal;
    expect(await totalOf(split.batchKey)).toMatchObject({ caseCount: 1, fullFen: 5_000, onDocketingFen: 5_000 });
    expect(await totalOf(batchKey)).toMatchObject({
      caseCount: held.length - 1,
      fullFen: expectedTotal.fullFen - 5_000,
    });
    const accepted = (
      await ok(xichengCourt, `mutation($k: Key!) { acceptConsolidatedBatch(batchKey: $k) { courtDecision } }`, {
        k: batchKey,
      })
    ).acceptConsolidatedBatch;
    expect(accepted.courtDecision).toBe('ACCEPTED');
    expect((await ok(companyA, REFERRAL, { id: referred[1].id })).referral.batchKey).toBe(split.batchKey);

    // A bundle is built whole in memory: files adding up past what one request may download are refused before a
    // byte is read (here two evidence records of 30 MiB with no bytes behind them). Unbounded, 400 MiB of evidence took
    // 1.65 GB to zip and then failed.
    for (const n of [1, 2])
      await db.query(
        `insert into litigation.evidence_file (id, referral_id, name, type, media_type, sha256, size_bytes, storage_key, chain_sequence, uploaded_by)
         values (gen_random_uuid(), $1, $2, 'CONTRACT', 'PDF', $3, $4, 'nowhere', 0, 'test')`,
        [referred[0].id, `大文件${n}.pdf`, String(n).repeat(64), 30 * 2 ** 20],
      );
    const refused = await fails(
      xichengCourt,
      `query($k: Key!) { consolidatedBatch(batchKey: $k) { bundle { name } } }`,
      {
        k: batchKey,
      },
    );
    expect([refused.path, refused.extensions]).toMatchObject([
      ['consolidatedBatch', 'bundle'],
      { code: 'DOWNLOAD_TOO_LARGE', details: { maxBytes: 48 * 2 ** 20, sizeBytes: 60 * 2 ** 20 } },
    ]);
    expect(refused.message).toMatch(/add up to 60 MiB, more than a bundle holds \(48 MiB\)/);
    // The split batch's bundle is served on its own; asked for in one request with another, it is refused: a bundle
    // counts as all one request may download (before, every bundle of the list was built at once).
    const alone = (
      await ok(xichengCourt, `query($k: Key!) { consolidatedBatch(batchKey: $k) { bundle { kind sizeBytes } } }`, {
        k: split.batchKey,
      })
    ).consolidatedBatch.bundle;
    expect(alone).toMatchObject({ kind: 'BUNDLE', sizeBytes: expect.any(Number) });
    const both = await fails(xichengCourt, `{ consolidatedBatches { batchKey bundle { kind } } }`);
    expect(both.extensions.code).toBe('DOWNLOAD_TOO_LARGE');
    // The referring company sees its batch (not its bundle: the complaint is the court's); another court and another
    // company do not see it at all.
    const ONE = `query($k: Key!) { consolidatedBatch(batchKey: $k) { batchKey } }`;
    expect((await ok(companyA, ONE, { k: batchKey })).consolidatedBatch.batchKey).toBe(batchKey);
    expect(
      (
        await fails(companyA, `query($k: Key!) { consolidatedBatch(batchKey: $k) { bundle { name } } }`, {
          k: batchKey,
        })
      ).extensions.code,
    ).toBe('NOT_FOUND');
    for (const outsider of [haidianCourt, companyB])
      expect((await fails(outsider, ONE, { k: batchKey })).extensions.code).toBe('NOT_FOUND');

    // A case referred later joins the accepted batch: the court has not accepted it yet, so the batch waits for its
    // decision again (before, it stayed ACCEPTED and covered the new case unseen). A case leaving keeps the decision.
    const DECISION = `query($k: Key!) { consolidatedBatch(batchKey: $k) { courtDecision referralIds } }`;
    await demand(40);
    await claimKnown(accounts[40].id, 1);
    const [joining] = (await refer([accounts[40].id], { mediationWaivedOn: today })).referArrears;
    expect(joining.batchKey).toBe(batchKey);
    const joined = (await ok(xichengCourt, DECISION, { k: batchKey })).consolidatedBatch;
    expect(joined).toMatchObject({ courtDecision: null, referralIds: expect.arrayContaining([joining.id]) });
    await ok(xichengCourt, `mutation($k: Key!) { acceptConsolidatedBatch(batchKey: $k) { courtDecision } }`, {
      k: batchKey,
    });
    await ok(companyA, `mutation($id: ID!, $r: Note!) { withdrawReferral(referralId: $id, reason: $r) { status } }`, {
      id: joining.id,
      r: '业主已缴清',
    });
    const left = (await ok(xichengCourt, DECISION, { k: batchKey })).consolidatedBatch;
    expect(left.courtDecision).toBe('ACCEPTED');
    expect(left.referralIds).not.toContain(joining.id);
  });

  it('keeps each case in one batch when two splits of a batch meet, and the batches change as before afterwards', async () => {
    // Before, a split read its batch without a lock: two splits at once each wrote the batch as they had read it, a
    // case stood in two batches, and every later change to the court's and company's batches (a referral, a
    // withdrawal, a court's report) was refused with REFERRAL_IN_TWO_BATCHES.
    for (const i of [12, 13, 14]) {
      await demand(i);
      await claimKnown(accounts[i].id, 1);
    }
    const referred = (
      await refer(
        [12, 13, 14].map((i) => accounts[i].id),
        { mediationWaivedOn: today },
      )
    ).referArrears;
    const batchKey = referred[0].batchKey;
    const SPLIT = `mutation($k: Key!, $ids: [ID!]!) { splitConsolidatedBatch(batchKey: $k, referralIds: $ids) { batchKey } }`;
    // Only the court the batch is addressed to splits it: not another court, nor the referring company.
    for (const outsider of [haidianCourt, companyA, companyB])
      expect(['NOT_FOUND', 'FORBIDDEN']).toContain(
        (await fails(outsider, SPLIT, { k: batchKey, ids: [referred[0].id] })).extensions.code,
      );
    // The batch's row held by another session, so both splits have read the batch before either may write it.
    const holder = await connectedClient(t.databaseUrl);
    let splits: Promise<unknown>[] = [];
    try {
      await holder.query('begin');
      await holder.query('select 1 from litigation.consolidated_batch where batch_key = $1 for update', [batchKey]);
      splits = [referred[0], referred[1]].map((r: { id: string }) =>
        ok(xichengCourt, SPLIT, { k: batchKey, ids: [r.id] }),
      );
      await waitFor('both splits to wait on a lock', async () => {
        const { rows } = await db.query(
          `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query not like '%pg_stat_activity%'`,
        );
        return rows[0].n >= 2;
      });
    } finally {
      await holder.query('rollback');
      await holder.end();
    }
    await Promise.all(splits);
    const { consolidatedBatches } = await ok(xichengCourt, `{ consolidatedBatches { batchKey referralIds } }`);
    for (const r of referred)
      expect(consolidatedBatches.filter((b: { referralIds: string[] }) => b.referralIds.includes(r.id)).length).toBe(1);
    // The court's and company's batches still change: the third case is withdrawn and leaves its batch.
    const WITHDRAW = `mutation($id: ID!, $r: Note!) { withdrawReferral(referralId: $id, reason: $r) { status } }`;
    expect((await ok(companyA, WITHDRAW, { id: referred[2].id, r: '业主已缴清欠费' })).withdrawReferral.status).toBe(
      'WITHDRAWN',
    );
    expect((await ok(companyA, REFERRAL, { id: referred[2].id })).referral.batchKey).toBeNull();
  });

  it('scans evidence before the transaction that records it: a slow scanner holds no lock, and parts changed meanwhile are refused', async () => {
    const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
    await demand(20);
    await claimKnown(accounts[20].id, 1);
    const [referral] = (await refer([accounts[20].id], { mediationWaivedOn: today })).referArrears;
    const UPLOAD = `mutation($f: EvidenceUploadInput!) { uploadEvidence(file: $f) { sha256 } }`;
    const whole = Buffer.from('%PDF-1.7\n% 催缴函送达回执（扫描中）\n%%EOF\n');
    let held = heldScanner();
    useVirusScanner(held.scanner);
    try {
      const uploading = t.gql(companyA, UPLOAD, {
        f: {
          referralId: referral.id,
          name: '送达回执.pdf',
          type: 'DELIVERY_RECEIPT',
          contentBase64: whole.toString('base64'),
        },
      });
      await held.scanning;
      // Before, the scan ran in the upload's transaction after it locked the referral: the court's report on it waited
      // for as long as the scanner took.
      expect(await rowIsFree(db, 'litigation.referral', referral.id)).toBe(true);
      held.release();
      expect((await uploading).body.data.uploadEvidence.sha256).toBe(sha(whole));

      // In parts: the parts are joined and scanned before the transaction, which checks they are still those bytes.
      const START = `mutation($u: EvidenceUploadStartInput!) { startEvidenceUpload(upload: $u) { uploadId } }`;
      const PART = `mutation($id: ID!, $i: Int!, $c: Base64!) { uploadEvidencePart(uploadId: $id, index: $i, contentBase64: $c) { receivedParts } }`;
      const COMPLETE = `mutation($id: ID!) { completeEvidenceUpload(uploadId: $id) { sha256 } }`;
      const scan = Buffer.from('%PDF-1.7\n% 物业服务合同扫描件\n%%EOF\n');
      const { uploadId } = (
        await ok(companyA, START, {
          u: { referralId: referral.id, name: '合同.pdf', type: 'CONTRACT', sizeBytes: scan.length, sha256: sha(scan) },
        })
      ).startEvidenceUpload;
      await ok(companyA, PART, { id: uploadId, i: 0, c: scan.toString('base64') });
      held = heldScanner();
      useVirusScanner(held.scanner);
      const completing = t.gql(companyA, COMPLETE, { id: uploadId });
      await held.scanning;
      expect(await rowIsFree(db, 'litigation.referral', referral.id)).toBe(true);
      expect(await rowIsFree(db, 'litigation.evidence_upload', uploadId)).toBe(true);
      // the part sent again, with other bytes, while the joined parts are scanned
      const other = Buffer.from(scan.toString('latin1').replace('%%EOF', '%%EOX'), 'latin1');
      await ok(companyA, PART, { id: uploadId, i: 0, c: other.toString('base64') });
      held.release();
      const refused = (await completing).body.errors[0];
      expect(refused.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        details: { fields: { sha256: expect.any(String) } },
      });
      const stored = await db.query(
        `select 1 from litigation.evidence_file where referral_id = $1 and sha256 = any($2)`,
        [referral.id, [sha(scan), sha(other)]],
      );
      expect(stored.rows).toEqual([]);
    } finally {
      held.release();
      useVirusScanner(noVirusScan);
    }

    // Completed twice at the same moment (a client retrying a request that seemed lost): one file, one chain entry,
    // the same answer to both (before, the second was NOT_FOUND or refused as missing its parts).
    const COMPLETE_ID = `mutation($id: ID!) { completeEvidenceUpload(uploadId: $id) { name sha256 sizeBytes } }`;
    const twice = Buffer.from('%PDF-1.7\n% 催缴记录（两次完成）\n%%EOF\n');
    const { uploadId: retried } = (
      await ok(companyA, `mutation($u: EvidenceUploadStartInput!) { startEvidenceUpload(upload: $u) { uploadId } }`, {
        u: {
          referralId: referral.id,
          name: '催缴.pdf',
          type: 'DEMAND_LETTER',
          sizeBytes: twice.length,
          sha256: sha(twice),
        },
      })
    ).startEvidenceUpload;
    await ok(
      companyA,
      `mutation($id: ID!, $i: Int!, $c: Base64!) { uploadEvidencePart(uploadId: $id, index: $i, contentBase64: $c) { receivedParts } }`,
      { id: retried, i: 0, c: twice.toString('base64') },
    );
    const answers = await Promise.all([0, 1].map(() => t.gql(companyA, COMPLETE_ID, { id: retried })));
    for (const a of answers) expect(a.body.errors).toBeUndefined();
    expect(answers[1].body.data).toEqual(answers[0].body.data);
    expect((await ok(companyA, COMPLETE_ID, { id: retried })).completeEvidenceUpload).toEqual(
      answers[0].body.data.completeEvidenceUpload,
    );
    expect(answers[0].body.data.completeEvidenceUpload.sha256).toBe(sha(twice));
    const files = await db.query(
      `select (select count(*)::int from litigation.evidence_chain c where c.payload_digest = f.sha256) as entries
         from litigation.evidence_file f where f.referral_id = $1 and f.sha256 = $2`,
      [referral.id, sha(twice)],
    );
    expect(files.rows).toEqual([{ entries: 1 }]);
  });

  it('lets the company withdraw before docketing and the court settle after mediation, and the accounts follow', async () => {
    await demand(9);
    await demand(10);
    await claimKnown(accounts[9].id, 1);
    await claimKnown(accounts[10].id, 1);
    const [withdrawn, settled] = (await refer([accounts[9].id, accounts[10].id], { mediationWaivedOn: today }))
      .referArrears;
    const WITHDRAW = `mutation($id: ID!, $r: Note!) { withdrawReferral(referralId: $id, reason: $r) { status } }`;
    expect((await fails(companyB, WITHDRAW, { id: withdrawn.id, r: '已缴清' })).extensions.code).toBe('NOT_FOUND');
    expect((await fails(companyA, WITHDRAW, { id: withdrawn.id, r: '  ' })).extensions.code).toBe('BAD_USER_INPUT');
    // Sent twice at once (a double click): both answer WITHDRAWN, one withdrawal recorded and published. Before, the
    // second was told to ask the court (WITHDRAWAL_NEEDS_COURT).
    const both = await Promise.all([1, 2].map(() => ok(companyA, WITHDRAW, { id: withdrawn.id, r: '业主已缴清欠费' })));
    expect(both.map((b) => b.withdrawReferral.status)).toEqual(['WITHDRAWN', 'WITHDRAWN']);
    expect(
      (
        await t.sql(`select 1 from litigation.court_event where referral_id = $1 and kind = 'WITHDRAWN'`, [
          withdrawn.id,
        ])
      ).length,
    ).toBe(1);
    const [event] = await probe.waitForCount(
      'the withdrawal',
      (m) => m.headers.ce_type === 'hub.litigation.referral.withdrawn' && String(m.message.key) === withdrawn.id,
      1,
    );
    expect(expectValidEvent(event)).toMatchObject({ fromStatus: 'SUBMITTED', status: 'WITHDRAWN' });
    await waitFor(
      'arrears to return the account to collection',
      async () => (await accountStatus(accounts[9].id)).status === 'IN_COLLECTION',
    );

    // Pre-litigation mediation by the court ends in a settlement of ¥300.00.
    const at = (hour: number) => `${today}T${String(hour).padStart(2, '0')}:00:00+08:00`;
    await ok(xichengCourt, REPORT, { r: { referralId: settled.id, kind: 'MEDIATION_STARTED', occurredAt: at(9) } });
    expect(
      (await fails(xichengCourt, REPORT, { r: { referralId: settled.id, kind: 'SETTLED', occurredAt: at(10) } }))
        .extensions.code,
    ).toBe('BAD_USER_INPUT');
    await ok(xichengCourt, REPORT, {
      r: { referralId: settled.id, kind: 'SETTLED', occurredAt: at(11), settledFen: 30_000 },
    });
    expect((await fails(companyA, WITHDRAW, { id: settled.id, r: '撤回' })).extensions.code).toBe(
      'WITHDRAWAL_NEEDS_COURT',
    );
    // No judgment can follow a settlement.
    expect(
      (
        await fails(xichengCourt, REPORT, {
          r: { referralId: settled.id, kind: 'JUDGED', occurredAt: at(12), judgedFen: 1 },
        })
      ).extensions.code,
    ).toBe('INVALID_COURT_EVENT');
    await waitFor(
      'arrears to settle the account',
      async () => (await accountStatus(accounts[10].id)).status === 'SETTLED',
    );
    expect(
      (
        await ok(companyA, `query($id: ID!) { arrearsAccount(id: $id) { status settledFen judgedFen } }`, {
          id: accounts[10].id,
        })
      ).arrearsAccount,
    ).toEqual({
      status: 'SETTLED',
      settledFen: 30_000,
      judgedFen: null,
    });
    const stats = (await ok(xichengBureau, `{ referralStatistics { settled withdrawn settledFen } }`))
      .referralStatistics[0];
    expect(stats.settled).toBeGreaterThanOrEqual(1);
    expect(stats.withdrawn).toBeGreaterThanOrEqual(1);
    expect(stats.settledFen).toBeGreaterThanOrEqual(30_000);
    // The settlement enforced: still a settled case (before, it left the count once it moved on).
    await ok(xichengCourt, REPORT, {
      r: { referralId: settled.id, kind: 'ENFORCEMENT_STARTED', occurredAt: at(13) },
    });
    expect(
      (await ok(xichengBureau, `{ referralStatistics { settled withdrawn settledFen } }`)).referralStatistics[0],
    ).toEqual(stats);
  });

  it('refers an area only to a court whose territory holds its district (Civil Procedure Law art. 24), which only an administrator sets', async () => {
    // Before, any court of the province received the area's cases, and the owner's identity with them.
    const admin = identity('ADMIN', 'hub-operator');
    const courtId = `bj-court-${randomUUID().slice(0, 8)}`;
    const court = identity('COURT', courtId, ['110108']);
    const TERRITORY = `mutation($c: Key!, $d: [Key!]!) { setCourtTerritory(courtId: $c, districtCodes: $d) { courtId districtCodes } }`;
    await ok(admin, `mutation($i: RegisterCourtInput!) { registerCourt(input: $i) { courtId } }`, {
      i: { courtId, name: '测试法院', provinceCode: '110000', districtCodes: ['110108'] },
    });
    const account = accounts[32];
    await demand(32);
    await claimKnown(account.id, 1);
    const refused = await fails(companyA, REFER, { r: { courtId, accountIds: [account.id], evidence: EVIDENCE } });
    expect(refused.extensions).toMatchObject({
      code: 'OUTSIDE_COURT_TERRITORY',
      details: { accountIds: [account.id], districtCodes: ['110102'], courtDistrictCodes: ['110108'] },
    });
    const referred = async () =>
      (await db.query(`select count(*)::int as n from litigation.referral where account_id = $1`, [account.id])).rows[0]
        .n;
    expect(await referred()).toBe(0);

    for (const outsider of [companyA, court, xichengCourt, xichengBureau])
      expect((await fails(outsider, TERRITORY, { c: courtId, d: ['110102'] })).extensions.code).toBe('FORBIDDEN');
    for (const wrong of [[], ['330106'], ['110100']])
      expect((await fails(admin, TERRITORY, { c: courtId, d: wrong })).extensions.code).toBe('BAD_USER_INPUT');
    expect((await fails(admin, TERRITORY, { c: 'no-such-court', d: ['110102'] })).extensions.code).toBe('NOT_FOUND');
    expect((await ok(admin, TERRITORY, { c: courtId, d: ['110108', '110102'] })).setCourtTerritory).toEqual({
      courtId,
      districtCodes: ['110102', '110108'],
    });
    const { courts } = await ok(companyA, `{ courts { courtId districtCodes } }`);
    expect(courts).toContainEqual({ courtId, districtCodes: ['110102', '110108'] });
    const { referArrears } = await ok(companyA, REFER, {
      r: { courtId, accountIds: [account.id], evidence: EVIDENCE },
    });
    expect(referArrears).toEqual([expect.objectContaining({ courtId, accountId: account.id })]);
    expect(await referred()).toBe(1);
  });

  it('refers under the contract the company names, leaving out the months billed under another (OTHER_CONTRACT)', async () => {
    // A complaint sues under one contract, by its provider: months billed under two are refused as
    // CLAIM_SPANS_CONTRACTS (eligibility.test.ts); naming one claims its months only.
    await demand(50);
    await demand(51);
    await claimKnown(accounts[50].id, 1);
    await claimKnown(accounts[51].id, 1);
    const [under] = (await refer([accounts[50].id], { mediationWaivedOn: today, contractId })).referArrears;
    expect(under).toMatchObject({ eligible: true, status: 'SUBMITTED', contractId });
    expect(under.eligibility.excludedCharges.filter((c: { reason: string }) => c.reason === 'OTHER_CONTRACT')).toEqual(
      [],
    );
    // A contract that is not one of the company's: NOT_FOUND, nothing referred (another company's is not named).
    const unknown = await fails(companyA, REFER, {
      r: { courtId: 'bj-xicheng-court', accountIds: [accounts[51].id], evidence: EVIDENCE, contractId: randomUUID() },
    });
    expect(unknown.extensions.code).toBe('NOT_FOUND');
    const { rows } = await db.query(`select count(*)::int as n from litigation.referral where account_id = $1`, [
      accounts[51].id,
    ]);
    expect(rows[0].n).toBe(0);
  });

  it("claims a lawyer's fee as a claim of its own, in the amount in dispute, and court costs outside it (诉讼费用交纳办法 art. 6)", async () => {
    // Before, every cost was stated as 诉讼费用 and left out of 标的额, which decides the procedure (art. 165).
    await demand(25);
    await claimKnown(accounts[25].id, 1);
    const costs = [
      { kind: 'OTHER_CLAIM', label: '律师费', amountFen: 300_000 },
      { kind: 'COURT_COSTS', label: '案件受理费', amountFen: 2_500 },
    ];
    // While litigation has yet to receive the owners' decision the filed contract names (areas.governance.v1, here
    // its copy taken away), nothing is referred: the package would leave out for good when the owners chose the
    // company. Before, it was referred without it.
    const lagging = async (attempt: () => Promise<{ extensions: Record<string, unknown> }>) => {
      const [copy] = (
        await db.query(`delete from litigation.joint_decision_view where decision_id = $1 returning *`, [
          hiringDecisionId,
        ])
      ).rows;
      try {
        expect((await attempt()).extensions).toMatchObject({
          code: 'HIRING_DECISION_NOT_YET_RECORDED',
          details: { decisionIds: [hiringDecisionId] },
        });
      } finally {
        await db.query(
          `insert into litigation.joint_decision_view select * from json_populate_record(null::litigation.joint_decision_view, $1)`,
          [JSON.stringify(copy)],
        );
      }
    };
    const referral = (v: number) =>
      db.query(
        `select 1 from litigation.referral r join litigation.case_package p on p.referral_id = r.id
          where r.account_id = $1 and p.version = $2`,
        [accounts[25].id, v],
      );
    await lagging(() =>
      fails(companyA, REFER, {
        r: { courtId: 'bj-xicheng-court', accountIds: [accounts[25].id], evidence: EVIDENCE, mediationWaivedOn: today },
      }),
    );
    expect((await referral(1)).rows).toEqual([]);
    // With the late fee asked on until the day paid (是否请求支付至实际清偿之日止), which the package keeps.
    const [bare] = (await refer([accounts[25].id], { mediationWaivedOn: today, costs, lateFeeUntilPaid: true }))
      .referArrears;
    expect(bare.eligible).toBe(true);
    const { rows } = await db.query(`select package from litigation.case_package where referral_id = $1`, [bare.id]);
    const { claims, otherClaimLines, lateFeeUntilPaid } = rows[0].package;
    expect(claims.penaltyTotalFen).toBeGreaterThan(0);
    expect(lateFeeUntilPaid).toBe(true);
    expect(otherClaimLines).toEqual([{ kind: 'OTHER_CLAIM', label: '律师费', amountFen: 300_000 }]);
    expect(claims).toMatchObject({ otherClaimsTotalFen: 300_000, costsTotalFen: 2_500 });
    expect(bare.amountInDisputeFen).toBe(claims.feeTotalFen + claims.penaltyTotalFen + 300_000);
    expect(bare.grandTotalFen).toBe(bare.amountInDisputeFen + 2_500);
    // A correction of the evidence keeps what the company asked (the late fee on until paid, the costs given again).
    const CORRECT = `mutation($id: ID!, $e: [EvidenceInput!]!, $c: [CostInput!]) { correctCasePackage(referralId: $id, evidence: $e, costs: $c) { id } }`;
    const correction = {
      id: bare.id,
      e: [...EVIDENCE, { name: '补充.pdf', type: 'STATEMENT', sha256: 'e'.repeat(64) }],
      c: costs,
    };
    await lagging(() => fails(companyA, CORRECT, correction));
    expect((await referral(2)).rows).toEqual([]);
    await ok(companyA, CORRECT, correction);
    const [second] = (
      await db.query(`select package from litigation.case_package where referral_id = $1 and version = 2`, [bare.id])
    ).rows;
    // ... and the owners' hiring decision the filing names (correct-case-package.ts reads the decisions again).
    expect(second.package).toMatchObject({
      version: 2,
      lateFeeUntilPaid: true,
      otherClaimLines,
      contract: { hiringDecision: { decisionId: hiringDecisionId, heldOn: hiredOn } },
    });
    // A cost that does not say which it is: refused by the schema, nothing referred.
    const untyped = await t.gql(companyA, REFER, {
      r: {
        courtId: 'bj-xicheng-court',
        accountIds: [accounts[25].id],
        evidence: EVIDENCE,
        costs: [{ label: '律师费', amountFen: 1 }],
      },
    });
    expect(untyped.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refers no account whose case was judged, settled or written off, naming them (CASE_CONCLUDED)', async () => {
    // Before, such an account (its case CLOSED, so no open case) was referred again and its judged months sent to
    // court a second time (重复起诉); arrears then refused the move to REFERRED, after the court had the papers.
    const [concluded, other] = [accounts[30], accounts[31]];
    await demand(30);
    await demand(31);
    await claimKnown(concluded.id, 1);
    await claimKnown(other.id, 1);
    // The snapshot arrears publishes of an account whose case ended in a judgment.
    await db.query(
      `update litigation.claim_account set claim = jsonb_set(claim, '{status}', '"JUDGED"') where account_id = $1`,
      [concluded.id],
    );
    const refused = await fails(companyA, REFER, {
      r: { courtId: 'bj-xicheng-court', accountIds: [concluded.id, other.id], evidence: EVIDENCE },
    });
    expect(refused.extensions).toMatchObject({ code: 'CASE_CONCLUDED', details: { accountIds: [concluded.id] } });
    const { rows } = await db.query(
      `select count(*)::int as n from litigation.referral where account_id = any($1::uuid[])`,
      [[concluded.id, other.id]],
    );
    expect(rows[0].n).toBe(0);
  });

  it('refers a judged account again in a new case, for the months the judgment did not decide (ALREADY_DECIDED), which the account then follows; takes evidence, with its chain entry, only before docketing', async () => {
    const account = accounts[34];
    const [barred, decided, later] = account.chargeIds; // barredMonth, then the two recent months
    const STATUS = `mutation($a: ID!, $to: ArrearsAccountStatus!, $r: Note) { changeArrearsStatus(accountId: $a, to: $to, reason: $r) { status } }`;
    const letter = (chargeIds: string[]) =>
      ok(companyA, ACTION, {
        a: account.id,
        x: { kind: 'LETTER', on: addDays(today, -20), deliveredOn: addDays(today, -20), chargeIds, note: '催缴函' },
      });
    // The first suit claims the older recent month; the later one, never demanded, is left out (NOT_DEMANDED).
    await letter([barred, decided]);
    await claimKnown(account.id, 1);
    const waived = { mediationWaivedOn: addDays(today, -19) };
    const [first] = (await refer([account.id], waived)).referArrears;
    expect(first.eligibility.claimableCharges.map((c: { month: string }) => c.month)).toEqual([recentMonths[0]]);
    // Evidence before docketing is recorded with its chain entry (before, every evidence file showed none).
    const UPLOAD = `mutation($f: EvidenceUploadInput!) { uploadEvidence(file: $f) { sha256 } }`;
    const evidence = (text: string) => ({
      referralId: first.id,
      // A PDF named as a program: it is kept with the extension of its format added.
      name: '送达回执.hta',
      type: 'DELIVERY_RECEIPT',
      contentBase64: Buffer.from(`%PDF-1.7\n% ${text}\n%%EOF\n`).toString('base64'),
    });
    const { sha256 } = (await ok(companyA, UPLOAD, { f: evidence('催缴函送达回执') })).uploadEvidence;
    const DOCUMENTS = `query($id: ID!) { referral(id: $id) { documents { name kind sha256 chainSequence } } }`;
    const [file] = (await ok(companyA, DOCUMENTS, { id: first.id })).referral.documents.filter(
      (d: { kind: string }) => d.kind === 'EVIDENCE',
    );
    expect(file).toMatchObject({ name: '送达回执.hta.pdf', sha256, chainSequence: expect.any(Number) });
    const { rows: chained } = await db.query(
      `select kind, subject_id, payload_digest from litigation.evidence_chain where sequence = $1`,
      [file.chainSequence],
    );
    expect(chained).toEqual([{ kind: 'EVIDENCE_FILE', subject_id: first.id, payload_digest: sha256 }]);
    // The admin reads the referral but none of its files, which name the owner (before, every file's bytes).
    const operator = identity('ADMIN', 'hub-operator');
    expect((await ok(operator, DOCUMENTS, { id: first.id })).referral.documents).toEqual([]);
    await ok(xichengCourt, REPORT, {
      r: {
        referralId: first.id,
        kind: 'DOCKETED',
        occurredAt: `${today}T09:00:00+08:00`,
        caseNumber: '(2026)京0102民初8834号',
      },
    });
    await ok(xichengCourt, REPORT, {
      r: { referralId: first.id, kind: 'JUDGED', occurredAt: `${today}T15:00:00+08:00`, judgedFen: 10_000 },
    });
    await waitFor('the account judged', async () => (await accountStatus(account.id)).status === 'JUDGED');
    // Once docketed the package is the court's: evidence goes to it in its proceedings, not into a complaint already
    // read (before, a file uploaded after the judgment went into the bundle without appearing in the evidence list).
    const late = await fails(companyA, UPLOAD, { f: evidence('判决后补充') });
    expect(late.extensions).toMatchObject({ code: 'PACKAGE_LOCKED', details: { status: 'JUDGED' } });
    const claimStatus = async () =>
      (
        await db.query(`select claim->>'status' as status from litigation.claim_account where account_id = $1`, [
          account.id,
        ])
      ).rows[0]?.status;
    await waitFor('litigation to hold the judged claim', async () => (await claimStatus()) === 'JUDGED');
    expect(
      (
        await fails(companyA, REFER, {
          r: { courtId: 'bj-xicheng-court', accountIds: [account.id], evidence: EVIDENCE },
        })
      ).extensions.code,
    ).toBe('CASE_CONCLUDED');

    // Only the company that billed the account opens a new case, and only while something is in arrears.
    for (const outsider of [companyB, xichengCourt])
      expect(['NOT_FOUND', 'FORBIDDEN']).toContain(
        (await fails(outsider, STATUS, { a: account.id, to: 'IN_COLLECTION' })).extensions.code,
      );
    // Before, a judged account could never be collected or referred again (STATUS_SET_BY_PROCEDURE).
    expect(
      (await ok(companyA, STATUS, { a: account.id, to: 'IN_COLLECTION', r: '判决后新欠费' })).changeArrearsStatus,
    ).toEqual({ status: 'IN_COLLECTION' });
    // The same move sent again (a retry): the same answer, one move recorded (STATUS_SET_BY_PROCEDURE before).
    expect(
      (await ok(companyA, STATUS, { a: account.id, to: 'IN_COLLECTION', r: '判决后新欠费' })).changeArrearsStatus,
    ).toEqual({ status: 'IN_COLLECTION' });
    expect(
      await t.sql(
        `select from_status, to_status from arrears.account_transition where account_id = $1 and from_status = 'JUDGED' and to_status = 'IN_COLLECTION'`,
        [account.id],
      ),
    ).toEqual([{ from_status: 'JUDGED', to_status: 'IN_COLLECTION' }]);
    await letter([later]);
    await claimKnown(account.id, 2);
    await waitFor('litigation to hold the new case', async () => (await claimStatus()) === 'IN_COLLECTION');
    // The judged case is no longer pending, so it does not stand in the way (ALREADY_REFERRED before); its month does.
    const [second] = (await refer([account.id], waived)).referArrears;
    expect(second.eligible).toBe(true);
    expect(second.eligibility.claimableCharges.map((c: { month: string }) => c.month)).toEqual([recentMonths[1]]);
    expect(second.eligibility.excludedCharges).toEqual([
      { month: barredMonth, reason: 'TIME_BARRED' },
      { month: recentMonths[0], reason: 'ALREADY_DECIDED' },
    ]);
    expect(JSON.parse(second.packages[0].canonicalJson).arrearsLines.map((l: { month: string }) => l.month)).toEqual([
      recentMonths[1],
    ]);
    await waitFor(
      'the account to follow the new referral',
      async () => (await accountStatus(account.id)).status === 'REFERRED',
    );
    expect((await ok(xichengCourt, REFERRAL, { id: first.id })).referral.status).toBe('JUDGED');
  });

  it('takes a judgment reported on a withdrawn and closed case for no decision: its months are claimed again', async () => {
    const account = accounts[36];
    await demand(36);
    await claimKnown(account.id, 1);
    const waived = { mediationWaivedOn: today };
    const [first] = (await refer([account.id], waived)).referArrears;
    const claimed = first.eligibility.claimableCharges.map((c: { month: string }) => c.month);
    expect(claimed.length).toBeGreaterThan(0);
    const WITHDRAW = `mutation($id: ID!, $r: Note!) { withdrawReferral(referralId: $id, reason: $r) { status } }`;
    await ok(companyA, WITHDRAW, { id: first.id, r: '业主承诺缴清' });
    const at = (hour: number) => `${today}T${String(hour).padStart(2, '0')}:00:00+08:00`;
    await ok(xichengCourt, REPORT, { r: { referralId: first.id, kind: 'CLOSED', occurredAt: at(9) } });
    const STATISTICS = `{ referralStatistics { companyId judged judgedFen withdrawn } }`;
    const statistics = async () =>
      (await ok(xichengBureau, STATISTICS)).referralStatistics.find(
        (s: { companyId: string }) => s.companyId === companyA.organisationId,
      );
    const before = await statistics();
    // A court's mistaken judgment on the closed case: the withdrawal the case recorded excludes it, so it is refused
    // naming it (before, stored as a STALE late step beside the withdrawal), and it changes nothing.
    const mistaken = await fails(xichengCourt, REPORT, {
      r: { referralId: first.id, kind: 'JUDGED', occurredAt: at(10), judgedFen: 1_000 },
    });
    expect(mistaken.extensions).toMatchObject({ code: 'INVALID_COURT_EVENT', details: { recorded: ['WITHDRAWN'] } });
    // Nor does it count as a judgment in the bureaus' statistics (before: one more judged case, ¥10.00 more awarded).
    expect(await statistics()).toEqual(before);
    await waitFor(
      'the account back in collection',
      async () => (await accountStatus(account.id)).status === 'IN_COLLECTION',
    );
    const claimStatus = async () =>
      (
        await db.query(`select claim->>'status' as status from litigation.claim_account where account_id = $1`, [
          account.id,
        ])
      ).rows[0]?.status;
    await waitFor('litigation to hold the claim in collection', async () => (await claimStatus()) === 'IN_COLLECTION');
    // …and the last claim arrears publishes for this case: each step it records (the closing too) publishes the claim
    // again, and one still on its way would overwrite the lag made below (a CI-like load let the referral through).
    await waitFor('arrears to follow the case to its close and litigation to hold that claim', async () => {
      const [row] = (
        await db.query(
          `select (select count(*)::int from arrears.referral_step where referral_id = $2 and case_status = 'CLOSED') as closed,
                  (select claim_version from arrears.account where id = $1) as published,
                  (select version from litigation.claim_account where account_id = $1) as held`,
          [account.id, first.id],
        )
      ).rows;
      return row.closed === 1 && row.published === row.held;
    });
    // While the claim, as arrears last published it, still has the account before a court (arrears not caught up with
    // the case's end), nothing is referred: the new case's submission could overtake that end in arrears, which then
    // dropped a judgment. Before, the referral went through.
    const lagging = (status: string) =>
      db.query(
        `update litigation.claim_account set claim = jsonb_set(claim, '{status}', to_jsonb($2::text)) where account_id = $1`,
        [account.id, status],
      );
    await lagging('REFERRED');
    const early = await fails(companyA, REFER, {
      r: { courtId: 'bj-xicheng-court', accountIds: [account.id], evidence: EVIDENCE, ...waived },
    });
    expect(early.extensions).toMatchObject({
      code: 'CASE_END_NOT_YET_RECORDED',
      details: { accountIds: [account.id] },
    });
    // Ten minutes after the case's last move it is no lag but an account arrears left before a court (a case closed
    // without a step that moves it): the new case takes it over, as before.
    await db.query(
      `update litigation.court_event set received_at = received_at - interval '11 minutes' where referral_id = $1`,
      [first.id],
    );
    // Before, the stale report counted as a decision, and every month of the case was refused as ALREADY_DECIDED.
    const [second] = (await refer([account.id], waived)).referArrears;
    expect(second.eligibility.claimableCharges.map((c: { month: string }) => c.month)).toEqual(claimed);
    expect(
      second.eligibility.excludedCharges.filter((e: { reason: string }) => e.reason === 'ALREADY_DECIDED'),
    ).toEqual([]);
  });

  it('refuses a hearing reported at the instant of the recorded one with another date; a later time reschedules', async () => {
    // Before, the second was taken for the repeat of the first and dropped: the parties kept the old date.
    const referral = await referredAlone(55);
    const day = addDays(today, -1);
    await ok(xichengCourt, REPORT, {
      r: {
        referralId: referral.id,
        kind: 'DOCKETED',
        occurredAt: `${day}T09:00:00+08:00`,
        caseNumber: '(2026)京0102民初8838号',
      },
    });
    const hearing = { referralId: referral.id, kind: 'HEARING_SCHEDULED', occurredAt: `${day}T10:00:00+08:00` };
    const [first, moved] = [addDays(today, 10), addDays(today, 20)];
    expect((await ok(xichengCourt, REPORT, { r: { ...hearing, hearingOn: first } })).reportCourtEvent.hearingOn).toBe(
      first,
    );
    expect((await ok(xichengCourt, REPORT, { r: { ...hearing, hearingOn: first } })).reportCourtEvent.hearingOn).toBe(
      first,
    );
    const refused = await fails(xichengCourt, REPORT, { r: { ...hearing, hearingOn: moved } });
    expect(refused.extensions).toMatchObject({
      code: 'REPORT_CONTRADICTS_RECORD',
      details: { contradictions: [{ field: 'hearingOn', recorded: first, reported: moved }] },
    });
    const later = { ...hearing, occurredAt: `${day}T11:00:00+08:00`, hearingOn: moved };
    const rescheduled = (await ok(xichengCourt, REPORT, { r: later })).reportCourtEvent;
    expect(rescheduled.hearingOn).toBe(moved);
    // The feed says when and under which procedure (before, a reader learnt a hearing was scheduled, not its day).
    const hearings = await probe.waitForCount(
      'the hearing and its reschedule published',
      (m) =>
        m.headers.ce_type === 'hub.litigation.referral.status-changed' &&
        String(m.message.key) === referral.id &&
        expectValidEvent(m).status === 'HEARING_SCHEDULED',
      2,
    );
    expect(hearings.map((m) => [expectValidEvent(m).hearingOn, expectValidEvent(m).procedure])).toEqual([
      [first, rescheduled.procedure],
      [moved, rescheduled.procedure],
    ]);
  });

  it('takes a judgment that arrives after the enforcement it led to: published with the amount, the account JUDGED', async () => {
    const account = accounts[37];
    const referral = await referredAlone(37);
    const at = (hour: number) => `${addDays(today, -1)}T${String(hour).padStart(2, '0')}:00:00+08:00`;
    await ok(xichengCourt, REPORT, {
      r: { referralId: referral.id, kind: 'DOCKETED', occurredAt: at(9), caseNumber: '(2026)京0102民初8837号' },
    });
    await waitFor(
      'the account in litigation',
      async () => (await accountStatus(account.id)).status === 'IN_LITIGATION',
    );
    // The enforcement division reports first; the judgment it follows arrives afterwards, STALE.
    // With its enforcement case number (执行案号): before, a number sent with the start of enforcement was dropped.
    const enforcement = {
      referralId: referral.id,
      kind: 'ENFORCEMENT_STARTED',
      occurredAt: at(11),
      caseNumber: '(2026)京0102执8837号',
    };
    expect((await ok(xichengCourt, REPORT, { r: enforcement })).reportCourtEvent).toMatchObject({
      status: 'ENFORCEMENT',
      caseNumber: '(2026)京0102民初8837号',
      enforcementCaseNumber: '(2026)京0102执8837号',
    });
    // The same start again with another number contradicts the record rather than passing as a repeat.
    expect(
      (await fails(xichengCourt, REPORT, { r: { ...enforcement, caseNumber: '(2026)京0102执9999号' } })).extensions,
    ).toMatchObject({
      code: 'REPORT_CONTRADICTS_RECORD',
      details: {
        contradictions: [
          { field: 'enforcementCaseNumber', recorded: '(2026)京0102执8837号', reported: '(2026)京0102执9999号' },
        ],
      },
    });
    expect(
      (
        await ok(xichengCourt, REPORT, {
          r: { referralId: referral.id, kind: 'JUDGED', occurredAt: at(10), judgedFen: 1_234 },
        })
      ).reportCourtEvent,
    ).toMatchObject({ status: 'ENFORCEMENT', judgedFen: 1_234 });
    const ofReferral = (m: ProbedMessage) =>
      m.topic.endsWith('litigation.referrals.v1') && String(m.message.key) === referral.id;
    const [late] = await probe.waitForCount(
      'the late judgment published',
      (m) => ofReferral(m) && expectValidEvent(m).judgedFen === 1_234,
      1,
    );
    expect(late.headers.ce_type).toBe('hub.litigation.referral.status-changed');
    expect(expectValidEvent(late)).toMatchObject({
      status: 'ENFORCEMENT',
      fromStatus: 'ENFORCEMENT',
      enforcementCaseNumber: '(2026)京0102执8837号',
      occurredAt: at(10),
    });
    // A listing under a resumed enforcement's number (执恢) makes it the case's: the referral and the credit record
    // name the same enforcement case (before, the referral kept the first number while the listing went out).
    expect(
      (
        await ok(xichengCourt, REPORT, {
          r: {
            referralId: referral.id,
            kind: 'DEBTOR_LISTED_DISHONEST',
            occurredAt: at(12),
            caseNumber: '(2026)京0102执恢88号',
          },
        })
      ).reportCourtEvent,
    ).toMatchObject({ status: 'ENFORCEMENT', enforcementCaseNumber: '(2026)京0102执恢88号' });
    // Before, no event went out and the account stayed IN_LITIGATION for good, no award recorded.
    await waitFor('the account judged', async () => (await accountStatus(account.id)).status === 'JUDGED');
    expect(await accountStatus(account.id)).toMatchObject({ status: 'JUDGED', judged_fen: 1234 });
    // The judgment reported again (another report id): a duplicate fill, nothing published again.
    await ok(xichengCourt, REPORT, {
      r: { referralId: referral.id, kind: 'JUDGED', occurredAt: at(10), judgedFen: 1_234 },
    });
    // Again with another amount, or the docketing with another case number: refused, nothing stored (before, stored
    // as a repeat and answered as applied, the court's new figure dropped).
    const events = async () =>
      (await db.query(`select count(*)::int as n from litigation.court_event where referral_id = $1`, [referral.id]))
        .rows[0].n;
    const before = await events();
    const contradicted = await fails(xichengCourt, REPORT, {
      r: { referralId: referral.id, kind: 'JUDGED', occurredAt: at(10), judgedFen: 4_321 },
    });
    expect(contradicted.extensions).toMatchObject({
      code: 'REPORT_CONTRADICTS_RECORD',
      details: { contradictions: [{ field: 'judgedFen', recorded: 1_234, reported: 4_321 }] },
    });
    expect(
      (
        await fails(xichengCourt, REPORT, {
          r: { referralId: referral.id, kind: 'DOCKETED', occurredAt: at(9), caseNumber: '(2026)京0102民初9999号' },
        })
      ).extensions.details,
    ).toEqual({
      contradictions: [{ field: 'caseNumber', recorded: '(2026)京0102民初8837号', reported: '(2026)京0102民初9999号' }],
    });
    expect(await events()).toBe(before);
    expect(await accountStatus(account.id)).toMatchObject({ status: 'JUDGED', judged_fen: 1234 });
    await ok(xichengCourt, REPORT, { r: { referralId: referral.id, kind: 'CLOSED', occurredAt: at(12) } });
    await probe.waitForCount('the closing', (m) => ofReferral(m) && expectValidEvent(m).status === 'CLOSED', 1);
    expect(
      probe.received
        .filter((m) => ofReferral(m) && expectValidEvent(m).judgedFen === 1_234)
        .map((m) => [expectValidEvent(m).fromStatus, expectValidEvent(m).status]),
    ).toEqual([
      ['ENFORCEMENT', 'ENFORCEMENT'],
      ['ENFORCEMENT', 'CLOSED'],
    ]);
    // A ruling corrects the miscalculated amount (补正裁定): the case stays closed, the amount and the account's award
    // follow, published once; the same ruling again is a repeat (before, nothing could correct a judgment).
    const corrected = { referralId: referral.id, kind: 'JUDGMENT_CORRECTED', occurredAt: at(13), judgedFen: 1_243 };
    expect((await ok(xichengCourt, REPORT, { r: corrected })).reportCourtEvent).toMatchObject({
      status: 'CLOSED',
      judgedFen: 1_243,
    });
    await ok(xichengCourt, REPORT, { r: corrected });
    const [correction] = await probe.waitForCount(
      'the corrected judgment published',
      (m) => ofReferral(m) && expectValidEvent(m).judgedFen === 1_243,
      1,
    );
    expect(expectValidEvent(correction)).toMatchObject({ fromStatus: 'CLOSED', status: 'CLOSED' });
    await waitFor('the award corrected', async () => (await accountStatus(account.id)).judged_fen === 1243);
    expect(await accountStatus(account.id)).toMatchObject({ status: 'JUDGED', judged_fen: 1243 });
    expect(probe.received.filter((m) => ofReferral(m) && expectValidEvent(m).judgedFen === 1_243)).toHaveLength(1);
    // A settled case has no judgment to correct.
    const settled = await referredAlone(44);
    await ok(xichengCourt, REPORT, {
      r: { referralId: settled.id, kind: 'DOCKETED', occurredAt: at(9), caseNumber: '(2026)京0102民初8844号' },
    });
    await ok(xichengCourt, REPORT, {
      r: { referralId: settled.id, kind: 'SETTLED', occurredAt: at(10), settledFen: 900 },
    });
    await ok(xichengCourt, REPORT, { r: { referralId: settled.id, kind: 'CLOSED', occurredAt: at(11) } });
    expect((await fails(xichengCourt, REPORT, { r: { ...corrected, referralId: settled.id } })).extensions.code).toBe(
      'INVALID_COURT_EVENT',
    );
  });

  it('leaves a small claim the court let the company withdraw off the overdue list from the withdrawal on (art. 168)', async () => {
    const { referral, overdueOn } = await docketedSmallClaim(38, '10');
    // After docketing the withdrawal (撤诉) is the court's: it reports it approved, late in the evening in China.
    const withdrawnOn = addDays(today, -2);
    await ok(xichengCourt, REPORT, {
      r: { referralId: referral.id, kind: 'WITHDRAWN', occurredAt: `${addDays(withdrawnOn, -1)}T17:30:00Z` },
    });
    // Before, a withdrawn case stayed on the list for good.
    expect(await overdueOn()).not.toContain(referral.id);
    expect(await overdueOn(withdrawnOn)).not.toContain(referral.id);
    expect(await overdueOn(addDays(withdrawnOn, -1))).toContain(referral.id);
  });

  it('leaves a small claim the court closed without a decision off the overdue list from its closing on (art. 168)', async () => {
    const { referral, overdueOn } = await docketedSmallClaim(45, '12');
    // The court closes the case (结案) with no judgment or settlement reported: the case has ended.
    const closedOn = addDays(today, -3);
    expect(
      (
        await ok(xichengCourt, REPORT, {
          r: { referralId: referral.id, kind: 'CLOSED', occurredAt: `${closedOn}T09:00:00+08:00` },
        })
      ).reportCourtEvent.status,
    ).toBe('CLOSED');
    // Before, it stayed overdue for good, while the deadline feed called its deadline cancelled.
    expect(await overdueOn()).not.toContain(referral.id);
    expect(await overdueOn(closedOn)).not.toContain(referral.id);
    expect(await overdueOn(addDays(closedOn, -1))).toContain(referral.id);
  });

  it('takes a small claim the court converts to the simple or ordinary procedure (art. 169): off the overdue list from that day, published', async () => {
    const { referral, overdueOn } = await docketedSmallClaim(48, '14');
    const changedOn = addDays(today, -4);
    const converted = {
      referralId: referral.id,
      kind: 'PROCEDURE_CHANGED',
      occurredAt: `${changedOn}T09:00:00+08:00`,
      procedure: 'SIMPLE_OR_ORDINARY',
    };
    // Only to SIMPLE_OR_ORDINARY, and only a case the court is trying.
    expect(
      (await fails(xichengCourt, REPORT, { r: { ...converted, procedure: 'SMALL_CLAIMS' } })).extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', details: { fields: { procedure: expect.any(String) } } });
    const submitted = await referredAlone(49);
    expect((await fails(xichengCourt, REPORT, { r: { ...converted, referralId: submitted.id } })).extensions.code).toBe(
      'INVALID_COURT_EVENT',
    );
    // Another court, or the company, cannot report it: the case is not theirs to report.
    for (const outsider of [haidianCourt, companyA])
      expect((await fails(outsider, REPORT, { r: converted })).extensions.code).toBe('NOT_FOUND');
    // Before, the court could say so only as a second docketing, a duplicate dropped: the case stayed a small claim,
    // overdue after 2 months though the simple procedure has 3 (art. 164) and the ordinary 6 (art. 152).
    expect((await ok(xichengCourt, REPORT, { r: converted })).reportCourtEvent).toMatchObject({
      status: 'DOCKETED',
      procedure: 'SIMPLE_OR_ORDINARY',
    });
    const READ = `query($id: ID!) { referral(id: $id) { procedure procedureChangedOn procedureReasons { code } } }`;
    expect((await ok(companyA, READ, { id: referral.id })).referral).toEqual({
      procedure: 'SIMPLE_OR_ORDINARY',
      procedureChangedOn: changedOn,
      procedureReasons: [{ code: 'CONVERTED_BY_COURT' }],
    });
    expect(await overdueOn()).not.toContain(referral.id);
    expect(await overdueOn(changedOn)).not.toContain(referral.id);
    expect(await overdueOn(addDays(changedOn, -1))).toContain(referral.id);
    // The same conversion again (another id) is a repeat; the case is no small claim to convert any more.
    await ok(xichengCourt, REPORT, { r: { ...converted, occurredAt: `${changedOn}T10:00:00+08:00` } });
    // Published on the status feed, the status unchanged, once.
    const ofReferral = (m: ProbedMessage) =>
      m.topic.endsWith('litigation.referrals.v1') && String(m.message.key) === referral.id;
    const [change] = await probe.waitForCount(
      'the conversion published',
      (m) => ofReferral(m) && expectValidEvent(m).procedureChangedOn === changedOn,
      1,
    );
    expect(expectValidEvent(change, 'hub.litigation.referral.status-changed')).toMatchObject({
      fromStatus: 'DOCKETED',
      status: 'DOCKETED',
      procedure: 'SIMPLE_OR_ORDINARY',
      procedureChangedOn: changedOn,
    });
    expect(probe.received.filter((m) => ofReferral(m) && expectValidEvent(m).procedureChangedOn)).toHaveLength(1);
    // The court's judgment after the conversion is reported as before.
    expect(
      (
        await ok(xichengCourt, REPORT, {
          r: {
            referralId: referral.id,
            kind: 'JUDGED',
            occurredAt: `${addDays(today, -1)}T09:00:00+08:00`,
            judgedFen: 900,
          },
        })
      ).reportCourtEvent,
    ).toMatchObject({ status: 'JUDGED', procedure: 'SIMPLE_OR_ORDINARY' });
    expect(
      (await fails(xichengCourt, REPORT, { r: { ...converted, occurredAt: `${today}T08:00:00+08:00` } })).extensions
        .code,
    ).toBe('INVALID_COURT_EVENT');
  });

  it('flags an amount judged above all that was claimed, as reported, until the court corrects it (art. 211 item 11)', async () => {
    const referral = await referredAlone(52);
    const on = (day: number) => `${addDays(today, day - 10)}T09:00:00+08:00`;
    await ok(xichengCourt, REPORT, {
      r: { referralId: referral.id, kind: 'DOCKETED', occurredAt: on(1), caseNumber: '(2026)京0102民初8852号' },
    });
    const FLAG = `query($id: ID!) { referral(id: $id) { judgedFen grandTotalFen judgedAboveClaim } }`;
    expect((await ok(xichengCourt, FLAG, { id: referral.id })).referral.judgedAboveClaim).toBe(false);
    // A digit too many: taken as the court reported it (before, nothing told anyone), flagged to both parties.
    const typo = referral.grandTotalFen * 10;
    await ok(xichengCourt, REPORT, {
      r: { referralId: referral.id, kind: 'JUDGED', occurredAt: on(2), judgedFen: typo },
    });
    for (const reader of [xichengCourt, companyA])
      expect((await ok(reader, FLAG, { id: referral.id })).referral).toEqual({
        judgedFen: typo,
        grandTotalFen: referral.grandTotalFen,
        judgedAboveClaim: true,
      });
    // Nor is the referral, flag and fee included, anyone else's to read.
    const READ_FEE = `query($id: ID!) { referral(id: $id) { judgedAboveClaim caseAcceptanceFee { fullFen } } }`;
    for (const outsider of [haidianCourt, companyB])
      expect((await fails(outsider, READ_FEE, { id: referral.id })).extensions.code).toBe('NOT_FOUND');
    await ok(xichengCourt, REPORT, {
      r: { referralId: referral.id, kind: 'JUDGMENT_CORRECTED', occurredAt: on(3), judgedFen: referral.grandTotalFen },
    });
    expect((await ok(companyA, FLAG, { id: referral.id })).referral.judgedAboveClaim).toBe(false);
  });

  it('leaves out the months begun before the owner became the owner: the former owner’s fees (Civil Code arts. 209, 944)', async () => {
    const account = accounts[70];
    const [{ household_id: householdId, building_id: buildingId }] = (
      await db.query(`select household_id, building_id from arrears.account where id = $1`, [account.id])
    ).rows;
    await demand(70);
    await claimKnown(account.id, 1);
    const claimOf = async () =>
      (await db.query(`select claim from litigation.claim_account where account_id = $1`, [account.id])).rows[0].claim;
    const CHANGE = `mutation($h: ID!, $i: UpdateHouseholdInput!) { updateHousehold(id: $h, input: $i) { id ownerSince } }`;
    // Sold, the day entered wrongly at first: the roster alone brings the new owner and the day to the claim.
    await ok(guangwai, CHANGE, {
      h: householdId,
      i: { ownerReference: 'o-sold-70', ownerName: '新业主', ownerSince: `${recentMonths[0]}-15` },
    });
    await waitFor('the claim to name the new owner and the day', async () => {
      const claim = await claimOf();
      return claim.ownerReference === 'o-sold-70' && claim.ownerSince === `${recentMonths[0]}-15`;
    });
    // The day alone corrected (the transfer registered on the first of the latest month billed); a day ahead refused.
    const sinceOn = `${recentMonths[1]}-01`;
    expect(
      (await fails(guangwai, CHANGE, { h: householdId, i: { ownerSince: addDays(today, 1) } })).extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', details: { fields: { ownerSince: expect.any(String) } } });
    expect(
      (await ok(guangwai, CHANGE, { h: householdId, i: { ownerSince: sinceOn } })).updateHousehold.ownerSince,
    ).toBe(sinceOn);
    await waitFor('the claim to carry the corrected day', async () => (await claimOf()).ownerSince === sinceOn);
    // A roster of the building with no change of this owner publishes no new claim of the account.
    const version = async () =>
      (await db.query(`select claim_version from arrears.account where id = $1`, [account.id])).rows[0].claim_version;
    const before = await version();
    const [neighbour] = (
      await db.query(`select id from areas.household where building_id = $1 and id <> $2 order by id limit 1`, [
        buildingId,
        householdId,
      ])
    ).rows;
    await ok(guangwai, CHANGE, { h: neighbour.id, i: { floorArea: '77.77' } });
    await waitFor('arrears to hold the neighbour’s corrected area', async () => {
      const { rows } = await db.query(
        `select floor_area_centi_m2 from arrears.billable_household where household_id = $1`,
        [neighbour.id],
      );
      return rows[0]?.floor_area_centi_m2 === 7777;
    });
    expect(await version()).toBe(before);

    // The former owner's months, the time-barred one too: not the new owner's to answer for.
    const referral = await referredForLatestMonthOnly(account.id);
    // The court reads the day on the household, as the register keeps it.
    const HOUSEHOLD = `query($id: ID!) { referral(id: $id) { household { ownerSince } } }`;
    expect((await ok(xichengCourt, HOUSEHOLD, { id: referral.id })).referral.household).toEqual({
      ownerSince: sinceOn,
    });
  });

  it('refuses to sue an owner the register records as dead, and sues the heirs registered from the death for the months since (Civil Code arts. 13, 230, 1121)', async () => {
    const account = accounts[71];
    const [{ household_id: householdId }] = (
      await db.query(`select household_id from arrears.account where id = $1`, [account.id])
    ).rows;
    await demand(71);
    await claimKnown(account.id, 1);
    const claimOf = async () =>
      (await db.query(`select claim from litigation.claim_account where account_id = $1`, [account.id])).rows[0].claim;
    const CHANGE = `mutation($h: ID!, $i: UpdateHouseholdInput!) { updateHousehold(id: $h, input: $i) { ownerReference ownerSince ownerDiedOn } }`;
    const diedOn = `${recentMonths[0]}-20`;
    expect(
      (await fails(guangwai, CHANGE, { h: householdId, i: { ownerDiedOn: addDays(today, 1) } })).extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', details: { fields: { ownerDiedOn: expect.any(String) } } });
    // Another street office cannot record it.
    expect((await fails(deshengStreet, CHANGE, { h: householdId, i: { ownerDiedOn: diedOn } })).extensions.code).toBe(
      'NOT_FOUND',
    );
    expect((await ok(guangwai, CHANGE, { h: householdId, i: { ownerDiedOn: diedOn } })).updateHousehold).toMatchObject({
      ownerSince: null,
      ownerDiedOn: diedOn,
    });
    await waitFor('the claim to carry the day of the death', async () => (await claimOf()).ownerDiedOn === diedOn);

    // Before, the deceased was the defendant: a court would have asked for the proper party, then dismissed the suit.
    const [refused] = (await refer([account.id], { mediationWaivedOn: today })).referArrears;
    expect(refused.eligible).toBe(false);
    expect(refused.eligibility.failures).toEqual([{ code: 'OWNER_DECEASED', months: null }]);

    // The heirs registered as the owner from the death: the day of the death goes with the former owner.
    expect(
      (
        await ok(guangwai, CHANGE, {
          h: householdId,
          i: { ownerReference: 'o-heirs-71', ownerName: '继承人', ownerSince: diedOn },
        })
      ).updateHousehold,
    ).toEqual({ ownerReference: 'o-heirs-71', ownerSince: diedOn, ownerDiedOn: null });
    await waitFor('the claim to name the heirs, alive', async () => {
      const claim = await claimOf();
      return claim.ownerReference === 'o-heirs-71' && claim.ownerDiedOn === undefined;
    });
    // The deceased's months are the estate's debt (art. 1161): claimed from the heirs outside the green channel.
    await referredForLatestMonthOnly(account.id);
  });

  it('shows the court of a case already referred the day its defendant died, as the register records it', async () => {
    const referral = await referredAlone(65);
    const [{ household_id: householdId }] = (
      await db.query(`select household_id from arrears.account where id = $1`, [accounts[65].id])
    ).rows;
    const diedOn = addDays(today, -2);
    await ok(guangwai, `mutation($h: ID!, $i: UpdateHouseholdInput!) { updateHousehold(id: $h, input: $i) { id } }`, {
      h: householdId,
      i: { ownerDiedOn: diedOn },
    });
    // The court asks the plaintiff to name the heirs; the company reads it too (it serves the household).
    const HOUSEHOLD = `query($id: ID!) { referral(id: $id) { household { ownerDiedOn } } }`;
    // The register lets the court read the household once it has learnt of the referral (from its event).
    await waitFor('the register to let the court read the household', async () => {
      const res = await t.gql(xichengCourt, HOUSEHOLD, { id: referral.id });
      return !res.body.errors;
    });
    for (const reader of [xichengCourt, companyA])
      expect((await ok(reader, HOUSEHOLD, { id: referral.id })).referral.household).toEqual({ ownerDiedOn: diedOn });
    expect((await fails(haidianCourt, HOUSEHOLD, { id: referral.id })).extensions.code).toBe('NOT_FOUND');
    // No complaint naming the deceased is generated for the court (before, it named them as the defendant).
    const DOCUMENTS = `query($id: ID!) { referral(id: $id) { documents { name } } }`;
    const { error } = await waitFor('the register to answer for the referral', async () => {
      const answer = (await t.gql(xichengCourt, DOCUMENTS, { id: referral.id })).body.errors?.[0];
      return answer?.extensions?.code === 'DEFENDANT_IDENTITY_PENDING' ? undefined : { error: answer };
    });
    expect(error?.extensions).toMatchObject({
      code: 'DEFENDANT_DECEASED',
      details: { referralId: referral.id, diedOn },
    });
  });

  it('generates no complaint against whoever owns the flat now when the owner referred has sold it since', async () => {
    const referral = await referredAlone(66);
    const [{ household_id: householdId }] = (
      await db.query(`select household_id from arrears.account where id = $1`, [accounts[66].id])
    ).rows;
    await ok(guangwai, `mutation($h: ID!, $i: UpdateHouseholdInput!) { updateHousehold(id: $h, input: $i) { id } }`, {
      h: householdId,
      i: { ownerReference: 'o-buyer-66', ownerName: '买受人', ownerSince: addDays(today, -1) },
    });
    // The company writes to the buyer too. A correction is then refused: before, the corrected package named the
    // buyer as the owner sued for the seller's months, with only the letter to the buyer (helper-242, H-1).
    await ok(companyA, ACTION, {
      a: accounts[66].id,
      x: { kind: 'LETTER', on: today, deliveredOn: today, chargeIds: accounts[66].chargeIds, note: '催缴函' },
    });
    await waitFor('the claim to name the buyer, with the letter to them', async () => {
      const { rows } = await db.query(`select claim from litigation.claim_account where account_id = $1`, [
        accounts[66].id,
      ]);
      return rows[0]?.claim.ownerReference === 'o-buyer-66' && rows[0]?.claim.demands.length === 2;
    });
    const CORRECT = `mutation($id: ID!, $e: [EvidenceInput!]!) { correctCasePackage(referralId: $id, evidence: $e) { packages { version } } }`;
    expect((await fails(companyA, CORRECT, { id: referral.id, e: EVIDENCE })).extensions).toMatchObject({
      code: 'OWNER_CHANGED_SINCE_REFERRAL',
      // The months claimed were the seller's: the buyer owns the flat only since yesterday.
      details: {
        referralId: referral.id,
        ownerChanged: true,
        months: referral.eligibility.claimableCharges.map((c: { month: string }) => c.month),
      },
    });
    const { rows: versions } = await db.query(`select version from litigation.case_package where referral_id = $1`, [
      referral.id,
    ]);
    expect(versions).toHaveLength(1);
    const DOCUMENTS = `query($id: ID!) { referral(id: $id) { documents { name } } }`;
    const { error } = await waitFor('the register to answer for the referral', async () => {
      const answer = (await t.gql(xichengCourt, DOCUMENTS, { id: referral.id })).body.errors?.[0];
      return answer?.extensions?.code === 'DEFENDANT_IDENTITY_PENDING' ? undefined : { error: answer };
    });
    // Before, the court was told to ask again for good (or, had the sale come before the register learnt of the
    // referral, was given the buyer as the defendant).
    expect(error?.extensions).toMatchObject({
      code: 'DEFENDANT_NO_LONGER_OWNER',
      details: { referralId: referral.id },
    });
  });

  it('lets the company lower a fee the court holds but not raise it (CLAIM_BEFORE_COURT)', async () => {
    const account = accounts[46];
    const referral = await referredAlone(46);
    await ok(xichengCourt, REPORT, {
      r: {
        referralId: referral.id,
        kind: 'DOCKETED',
        occurredAt: `${addDays(today, -1)}T10:00:00+08:00`,
        caseNumber: '(2026)京0102民初8846号',
      },
    });
    await waitFor(
      'the account in litigation',
      async () => (await accountStatus(account.id)).status === 'IN_LITIGATION',
    );
    const ADJUST = `mutation($c: ID!, $k: AdjustmentKind!, $r: Note!, $fen: Fen, $amount: Fen) { adjustCharge(chargeId: $c, kind: $k, reason: $r, fen: $fen, amountFen: $amount) { openFen } }`;
    const [chargeId] = account.chargeIds;
    const amount = async () =>
      (await db.query(`select amount_fen from arrears.charge where id = $1`, [chargeId])).rows[0].amount_fen;
    const billed = await amount();
    // Before, the fee was raised and litigation told of a higher claim than the court had docketed.
    const raised = await fails(companyA, ADJUST, { c: chargeId, k: 'CORRECTION', r: '面积更正', amount: billed + 100 });
    expect(raised.extensions).toMatchObject({
      code: 'CLAIM_BEFORE_COURT',
      details: { status: 'IN_LITIGATION', amountFen: billed },
    });
    expect(await amount()).toBe(billed);
    await ok(companyA, ADJUST, { c: chargeId, k: 'CORRECTION', r: '面积更正', amount: billed - 100 });
    await ok(companyA, ADJUST, { c: chargeId, k: 'WAIVER', r: '庭前减免', fen: 50 });
    expect(await amount()).toBe(billed - 100);
  });

  it('takes the court refusing to docket once pre-suit mediation failed: the case REJECTED, the account back in collection', async () => {
    const account = accounts[39];
    const referral = await referredAlone(39);
    const at = (hour: number) => `${addDays(today, -1)}T${String(hour).padStart(2, '0')}:00:00+08:00`;
    await ok(xichengCourt, REPORT, { r: { referralId: referral.id, kind: 'MEDIATION_STARTED', occurredAt: at(9) } });
    // Before, this report was INVALID_COURT_EVENT: the case stayed IN_MEDIATION and the account REFERRED.
    expect(
      (
        await ok(xichengCourt, REPORT, {
          r: { referralId: referral.id, kind: 'DOCKETING_REFUSED', occurredAt: at(15) },
        })
      ).reportCourtEvent.status,
    ).toBe('REJECTED');
    await waitFor(
      'the account back in collection',
      async () => (await accountStatus(account.id)).status === 'IN_COLLECTION',
    );
  });

  it("lets the court's docket overrule a withdrawal the company made while the docketing was on its way (art. 148)", async () => {
    const WITHDRAW = `mutation($id: ID!, $r: Note!) { withdrawReferral(referralId: $id, reason: $r) { status } }`;
    const verdicts = async (referralId: string) =>
      t.sql(`select kind, verdict from litigation.court_event where referral_id = $1 order by received_at`, [
        referralId,
      ]);
    const account = accounts[41];
    const referral = await referredAlone(41);
    await ok(companyA, WITHDRAW, { id: referral.id, r: '业主承诺缴清' });
    await waitFor(
      'the account back in collection',
      async () => (await accountStatus(account.id)).status === 'IN_COLLECTION',
    );
    // The court had docketed the case the day before; its report arrives now. Before, it was stored STALE, the
    // judgment that followed refused (INVALID_COURT_EVENT), and the hub showed withdrawn a case the court heard.
    const docketedAt = `${addDays(today, -1)}T16:00:00+08:00`;
    expect(
      (
        await ok(xichengCourt, REPORT, {
          r: {
            referralId: referral.id,
            kind: 'DOCKETED',
            occurredAt: docketedAt,
            caseNumber: '(2026)京0102民初8841号',
          },
        })
      ).reportCourtEvent,
    ).toMatchObject({ status: 'DOCKETED', caseNumber: '(2026)京0102民初8841号' });
    const [back] = await probe.waitForCount(
      'the case back before the court',
      (m) =>
        m.topic.endsWith('litigation.referrals.v1') &&
        String(m.message.key) === referral.id &&
        expectValidEvent(m).status === 'DOCKETED',
      1,
    );
    expect(expectValidEvent(back)).toMatchObject({ fromStatus: 'WITHDRAWN', status: 'DOCKETED' });
    await waitFor(
      'the account in litigation',
      async () => (await accountStatus(account.id)).status === 'IN_LITIGATION',
    );
    expect(await verdicts(referral.id)).toEqual([
      { kind: 'WITHDRAWN', verdict: 'OVERRULED' },
      { kind: 'DOCKETED', verdict: 'APPLY' },
    ]);
    // Docketed, the withdrawal is the court's again; the judgment counts.
    expect((await fails(companyA, WITHDRAW, { id: referral.id, r: '再次撤回' })).extensions.code).toBe(
      'WITHDRAWAL_NEEDS_COURT',
    );
    await ok(xichengCourt, REPORT, {
      r: { referralId: referral.id, kind: 'JUDGED', occurredAt: `${today}T10:00:00+08:00`, judgedFen: 2_000 },
    });
    await waitFor('the account judged', async () => (await accountStatus(account.id)).status === 'JUDGED');

    // Withdrawn, then referred again before the court's docketing arrived: the account would stand in two cases; the
    // court is told to settle which stands (REFERRED_AGAIN), and nothing changes.
    const other = accounts[42];
    await demand(42);
    await claimKnown(other.id, 1);
    const [first] = (await refer([other.id], { mediationWaivedOn: today })).referArrears;
    await ok(companyA, WITHDRAW, { id: first.id, r: '误报' });
    const claimStatus = async () =>
      (
        await db.query(`select claim->>'status' as status from litigation.claim_account where account_id = $1`, [
          other.id,
        ])
      ).rows[0]?.status;
    await waitFor('litigation to hold the claim in collection', async () => (await claimStatus()) === 'IN_COLLECTION');
    await db.query(
      `update litigation.court_event set received_at = received_at - interval '11 minutes' where referral_id = $1`,
      [first.id],
    );
    const [second] = (await refer([other.id], { mediationWaivedOn: today })).referArrears;
    const refused = await fails(xichengCourt, REPORT, {
      r: { referralId: first.id, kind: 'DOCKETED', occurredAt: docketedAt, caseNumber: '(2026)京0102民初8842号' },
    });
    expect(refused.extensions).toMatchObject({ code: 'REFERRED_AGAIN', details: { referralIds: [second.id] } });
    expect((await ok(companyA, REFERRAL, { id: first.id })).referral.status).toBe('WITHDRAWN');
    // The new referral withdrawn too, the first case is the only one left: the court's docket of it is taken (before,
    // any later referral refused it, withdrawn or not, and the court's case could never be followed here).
    await ok(companyA, WITHDRAW, { id: second.id, r: '以原案为准' });
    expect(
      (
        await ok(xichengCourt, REPORT, {
          r: { referralId: first.id, kind: 'DOCKETED', occurredAt: docketedAt, caseNumber: '(2026)京0102民初8842号' },
        })
      ).reportCourtEvent.status,
    ).toBe('DOCKETED');
    expect(await verdicts(first.id)).toEqual([
      { kind: 'WITHDRAWN', verdict: 'OVERRULED' },
      { kind: 'DOCKETED', verdict: 'APPLY' },
    ]);
    // Now the court dockets the new referral as well: the first case stands again, so it is the account's second.
    const twice = await fails(xichengCourt, REPORT, {
      r: { referralId: second.id, kind: 'DOCKETED', occurredAt: docketedAt, caseNumber: '(2026)京0102民初8844号' },
    });
    expect(twice.extensions).toMatchObject({ code: 'REFERRED_AGAIN', details: { referralIds: [first.id] } });
    expect((await ok(companyA, REFERRAL, { id: second.id })).referral.status).toBe('WITHDRAWN');

    // The court allowed the company's withdrawal and reported it: an earlier step of its docket arriving afterwards
    // is stale, the withdrawal stands (helper-135 H1: it was overruled all the same).
    const allowed = await referredAlone(43);
    await ok(companyA, WITHDRAW, { id: allowed.id, r: '已和解' });
    await ok(xichengCourt, REPORT, {
      r: { referralId: allowed.id, kind: 'WITHDRAWN', occurredAt: `${today}T09:00:00+08:00` },
    });
    expect(
      (
        await ok(xichengCourt, REPORT, {
          r: { referralId: allowed.id, kind: 'DOCKETED', occurredAt: docketedAt, caseNumber: '(2026)京0102民初8843号' },
        })
      ).reportCourtEvent.status,
    ).toBe('WITHDRAWN');
    expect(await verdicts(allowed.id)).toEqual([
      { kind: 'WITHDRAWN', verdict: 'APPLY' },
      { kind: 'WITHDRAWN', verdict: 'DUPLICATE' },
      { kind: 'DOCKETED', verdict: 'STALE' },
    ]);
  });

  it("takes the court's docket of a withdrawn case when the account's new referral was closed without a decision", async () => {
    const WITHDRAW = `mutation($id: ID!, $r: Note!) { withdrawReferral(referralId: $id, reason: $r) { status } }`;
    const account = accounts[47];
    await demand(47);
    await claimKnown(account.id, 1);
    const [first] = (await refer([account.id], { mediationWaivedOn: today })).referArrears;
    await ok(companyA, WITHDRAW, { id: first.id, r: '误报' });
    await waitFor(
      'litigation to hold the claim in collection',
      async () =>
        (
          await db.query(`select claim->>'status' as status from litigation.claim_account where account_id = $1`, [
            account.id,
          ])
        ).rows[0]?.status === 'IN_COLLECTION',
    );
    await db.query(
      `update litigation.court_event set received_at = received_at - interval '11 minutes' where referral_id = $1`,
      [first.id],
    );
    const [second] = (await refer([account.id], { mediationWaivedOn: today })).referArrears;
    // The court closes the new referral (结案) with no judgment or settlement: it stands no more.
    expect(
      (
        await ok(xichengCourt, REPORT, {
          r: { referralId: second.id, kind: 'CLOSED', occurredAt: `${today}T09:00:00+08:00` },
        })
      ).reportCourtEvent.status,
    ).toBe('CLOSED');
    // Before, the closed referral counted as standing and the docket was refused (REFERRED_AGAIN).
    expect(
      (
        await ok(xichengCourt, REPORT, {
          r: {
            referralId: first.id,
            kind: 'DOCKETED',
            occurredAt: `${addDays(today, -1)}T16:00:00+08:00`,
            caseNumber: '(2026)京0102民初8847号',
          },
        })
      ).reportCourtEvent.status,
    ).toBe('DOCKETED');
  });

  it("pages a court's referrals by cursor in the same order as by offset, counts them only when asked, and refuses a cursor it did not give", async () => {
    const PAGE = `query($first: Int!, $after: Key, $offset: Int) { referrals(first: $first, after: $after, offset: $offset) { endCursor items { id } } }`;
    const { referrals: all } = await ok(
      xichengCourt,
      `{ referrals(first: 100) { totalCount endCursor items { id } } }`,
    );
    expect(all.items.length).toBeGreaterThanOrEqual(3);
    expect(all.totalCount).toBe(all.items.length);
    expect(all.endCursor).toBeNull();
    const paged: string[] = [];
    let after: string | null = null;
    do {
      const { referrals: page } = (await ok(xichengCourt, PAGE, { first: 2, after })) as {
        referrals: { endCursor: string | null; items: { id: string }[] };
      };
      paged.push(...page.items.map((r) => r.id));
      after = page.endCursor;
    } while (after !== null && paged.length <= all.items.length);
    expect(paged).toEqual(all.items.map((r: { id: string }) => r.id));
    const { referrals: first } = await ok(xichengCourt, PAGE, { first: 1 });
    // Another court holding this court's cursor pages its own referrals only: none here.
    expect((await ok(haidianCourt, PAGE, { first: 5, after: first.endCursor })).referrals.items).toEqual([]);
    for (const bad of [
      'not a cursor',
      Buffer.from('["x","y"]').toString('base64url'),
      Buffer.from('[1,2]').toString('base64url'),
      'A'.repeat(300),
    ]) {
      expect((await fails(xichengCourt, PAGE, { first: 2, after: bad })).extensions.code).toBe('BAD_USER_INPUT');
    }
    expect((await fails(xichengCourt, PAGE, { first: 2, after: first.endCursor, offset: 1 })).extensions.code).toBe(
      'BAD_USER_INPUT',
    );
  });

  describe('the complaint served before docketing states what is on record at each read (a court documents audit)', () => {
    const LIST_DOCS = `query($id: ID!) { referral(id: $id) { documents { name kind sha256 } } }`;
    const DOC = `query($id: ID!, $s: Key) { referral(id: $id) { documents(sha256: $s) { sha256 contentBase64 } } }`;
    /** The court's list of documents, once the register lets the complaint be generated. */
    const documentsOnceDisclosed = (referralId: string) =>
      waitFor('the complaint generated for the court', async () => {
        const res = await t.gql(xichengCourt, LIST_DOCS, { id: referralId });
        if (res.body.errors?.[0]?.extensions?.code === 'DEFENDANT_IDENTITY_PENDING') return undefined;
        expect(res.body.errors).toBeUndefined();
        return res.body.data.referral.documents as { kind: string; sha256: string }[];
      });
    const complaintDocx = async (referralId: string) => {
      const docs = (await ok(xichengCourt, LIST_DOCS, { id: referralId })).referral.documents;
      const docx = docs.find((d: { kind: string }) => d.kind === 'COMPLAINT_DOCX');
      const [one] = (await ok(xichengCourt, DOC, { id: referralId, s: docx.sha256 })).referral.documents;
      return { sha256: docx.sha256 as string, xml: docxDocumentXml(Buffer.from(one.contentBase64, 'base64')) };
    };

    it('lists evidence uploaded after the court first read the complaint: a new generation, its digests chained', async () => {
      const referral = await referredAlone(63);
      await documentsOnceDisclosed(referral.id);
      const before = await complaintDocx(referral.id);
      // Read again with nothing changed: the same complaint, not generated again.
      expect((await complaintDocx(referral.id)).sha256).toBe(before.sha256);
      const UPLOAD = `mutation($f: EvidenceUploadInput!) { uploadEvidence(file: $f) { sha256 } }`;
      const { sha256 } = (
        await ok(companyA, UPLOAD, {
          f: {
            referralId: referral.id,
            name: '送达回执（补充）.pdf',
            type: 'DELIVERY_RECEIPT',
            contentBase64: Buffer.from('%PDF-1.7\n% a delivery receipt added before docketing\n%%EOF\n').toString(
              'base64',
            ),
          },
        })
      ).uploadEvidence;
      expect(before.xml).not.toContain(sha256);
      // Before, the court was served the file but the complaint it had first read, whose evidence list lacked it.
      const after = await complaintDocx(referral.id);
      expect(after.sha256).not.toBe(before.sha256);
      expect(after.xml).toContain(sha256);
      const generations = await t.sql<{ generation: number }>(
        `select generation from litigation.court_document where referral_id = $1 and kind = 'COMPLAINT_DOCX' order by generation`,
        [referral.id],
      );
      expect(generations).toEqual([{ generation: 1 }, { generation: 2 }]);
      const chained = await t.sql<{ n: number }>(
        `select count(*)::int as n from litigation.evidence_chain where subject_id = $1 and kind = 'COURT_DOCUMENT'`,
        [referral.id],
      );
      expect(chained).toEqual([{ n: 4 }]);
    });

    it('serves the stored complaint and the evidence while the owners’ register is unreachable', async () => {
      const referral = await referredAlone(67);
      await ok(companyA, `mutation($f: EvidenceUploadInput!) { uploadEvidence(file: $f) { sha256 } }`, {
        f: {
          referralId: referral.id,
          name: '送达回执.pdf',
          type: 'DELIVERY_RECEIPT',
          contentBase64: Buffer.from('%PDF-1.7\n% a delivery receipt\n%%EOF\n').toString('base64'),
        },
      });
      const listed = await documentsOnceDisclosed(referral.id);
      const real = defendantIdentities();
      let asked = 0;
      useDefendantIdentities({
        find: async () => {
          asked += 1;
          throw new Error('the areas subgraph is unavailable');
        },
      });
      try {
        // Before, a failed call to the register refused the court every document, its evidence files too.
        const evidence = listed.find((d) => d.kind === 'EVIDENCE')!;
        const [one] = (await ok(xichengCourt, DOC, { id: referral.id, s: evidence.sha256 })).referral.documents;
        expect(one.sha256).toBe(evidence.sha256);
        expect(asked).toBe(0); // one evidence file asked for: no complaint built, no register asked
        const again = (await ok(xichengCourt, LIST_DOCS, { id: referral.id })).referral.documents;
        expect(again.map((d: { sha256: string }) => d.sha256)).toEqual(listed.map((d) => d.sha256));
        expect(asked).toBe(1);
      } finally {
        useDefendantIdentities(real);
      }
    });

    it('answers DEFENDANT_DECEASED for an owner recorded dead after the court first read the complaint naming them', async () => {
      const referral = await referredAlone(64);
      await documentsOnceDisclosed(referral.id);
      const [{ household_id: householdId }] = (
        await db.query(`select household_id from arrears.account where id = $1`, [accounts[64].id])
      ).rows;
      await ok(guangwai, `mutation($h: ID!, $i: UpdateHouseholdInput!) { updateHousehold(id: $h, input: $i) { id } }`, {
        h: householdId,
        i: { ownerDiedOn: addDays(today, -2) },
      });
      // Before, the stored complaint naming the deceased was served on.
      expect((await fails(xichengCourt, LIST_DOCS, { id: referral.id })).extensions.code).toBe('DEFENDANT_DECEASED');
    });
  });
});
