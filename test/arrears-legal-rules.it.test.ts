import { addDays, addMonths } from '../kernel/calendar';
import { todayInChina } from '../kernel/clock';
import { DEFAULT_DEMAND_PERIOD } from '../subgraphs/litigation/domain/statutes';
import { TestHub, identity, startTestHub } from './support/hub-fixture';
import { HONGJU, gqlExpectations, hongjuTerms, scenario } from './support/scenario';
import { waitFor } from './support/wait-for';

// Issue 14 points 1–4 and 8 through the gateway. A company serves 红居南街6号院 (no contract in the demo data) and
// bills the last three months and this one: this month's fee falls due on its last day, so it is not yet arrears.
const company = identity('PROPERTY_COMPANY', '91110102MA0000RULE');
const xichengBureau = identity('CITY_BUREAU', 'bureau-xicheng', ['110102']);
const xichengCourt = identity('COURT', 'bj-xicheng-court', ['110102']);
const hangzhouCourt = identity('COURT', 'hz-xihu-court', ['330106']);
const admin = identity('ADMIN', 'hub-operator');

const today = todayInChina();
const thisMonth = today.slice(0, 7);
const pastMonths = [addMonths(thisMonth, -3), addMonths(thisMonth, -2), addMonths(thisMonth, -1)];
const EVIDENCE = [{ name: '催缴函.pdf', type: 'DEMAND_LETTER', sha256: 'e'.repeat(64) }];

const ARREARS = `query($a: ID) { arrears(filter: { areaId: $a }, first: 100) { totalCount openFen items { accountId openFen openCharges oldestDueOn daysOverdue agingBucket }
  aging { bucket count openFen } } }`;
const STATEMENT = `query($id: ID!) { arrearsAccount(id: $id) { openFen arrearsFen charges { chargeId month dueOn openFen inArrears agingBucket daysOverdue } } }`;
const ACTION = `mutation($a: ID!, $x: CollectionActionInput!) { recordCollectionAction(accountId: $a, action: $x) { status } }`;
const REFER = `mutation($r: ReferralInput!) { referArrears(referral: $r) { id eligible eligibility { failures { code elapsesOn } claimableCharges { month } excludedCharges { month reason } } } }`;

describe('arrears and referrals under issue 14: only past-due charges, the reasonable period after a demand', () => {
  let t: TestHub;
  let areaId: string;
  let accounts: { id: string; chargeIds: string[] }[];
  let undeterminedReferralId: string;
  const { ok, fails } = gqlExpectations(() => t);

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'contracts', 'arrears', 'litigation'] });
    const given = scenario(t);
    await given.courts();
    ({ areaId } = await given.compound(HONGJU, { knownTo: ['contracts', 'arrears'] }));
    await given.acceptedFiling(company, areaId, hongjuTerms(company, pastMonths[0], { number: 'HJ6-RULES-01', lateFee: null }), { knownTo: ['arrears', 'litigation'] });
    await given.billedMonths(company, areaId, [...pastMonths, thisMonth]);
    const rows = await t.sql<{ id: string; charge_ids: string[] }>(
      `select a.id, json_agg(c.id order by c.due_on) as charge_ids from arrears.account a join arrears.charge c on c.account_id = a.id
        where a.area_id = $1 and a.company_id = $2 group by a.id, a.household_id order by a.household_id`,
      [areaId, company.organisationId],
    );
    accounts = rows.map((r) => ({ id: r.id, chargeIds: r.charge_ids }));
  });

  afterAll(async () => {
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
    expect(arrears.items.find((i: { accountId: string }) => i.accountId === accounts[0].id).openFen).toBe(arrearsAccount.arrearsFen);
    // The district bureau's collection rates leave the month not yet due out.
    const { collectionRates } = await ok(xichengBureau, `query($a: ID) { collectionRates(groupBy: MONTH, areaId: $a) { key households paidHouseholds } }`, { a: areaId });
    expect(collectionRates.map((r: { key: string }) => r.key)).toEqual(pastMonths);
  });

  it('refers only after the reasonable period after a demand, and claims only the months past due', async () => {
    const recent = addDays(today, -5);
    const old = addDays(today, -(DEFAULT_DEMAND_PERIOD.days + 5));
    await ok(company, ACTION, { a: accounts[0].id, x: { kind: 'LETTER', on: recent, chargeIds: accounts[0].chargeIds.slice(0, 3), note: '催缴函' } });
    await ok(company, ACTION, { a: accounts[1].id, x: { kind: 'LETTER', on: old, chargeIds: accounts[1].chargeIds.slice(0, 3), note: '催缴函' } });
    await waitFor('litigation to hold both demands', async () => {
      const rows = await t.sql<{ n: number }>(`select count(*)::int as n from litigation.claim_account where account_id = any($1) and jsonb_array_length(claim->'demands') = 1`, [
        [accounts[0].id, accounts[1].id],
      ]);
      return rows[0].n === 2;
    });
    const { referArrears } = await ok(company, REFER, {
      r: { courtId: 'bj-xicheng-court', accountIds: [accounts[0].id, accounts[1].id], evidence: EVIDENCE, mediationWaivedOn: today },
    });
    const [early, ready] = referArrears;
    expect(early.eligible).toBe(false);
    expect(early.eligibility.failures).toEqual([{ code: 'DEMAND_PERIOD_NOT_ELAPSED', elapsesOn: addDays(recent, DEFAULT_DEMAND_PERIOD.days) }]);
    expect(ready.eligible).toBe(true);
    expect(ready.eligibility.claimableCharges.map((c: { month: string }) => c.month)).toEqual(pastMonths);
    expect(ready.eligibility.excludedCharges).toEqual([{ month: thisMonth, reason: 'NOT_YET_DUE' }]);
    undeterminedReferralId = ready.id;
  });

  it('lets a Beijing court record its high court’s small-claims threshold (art. 165), used from then on; clears the stale reason on docketing', async () => {
    const RECORD = `mutation($t: SmallClaimsThresholdInput!) { recordSmallClaimsThreshold(threshold: $t) { provinceCode year amountFen consentCeilingFen source recordedBy recordedRole } }`;
    const READ = `query($id: ID!) { referral(id: $id) { procedure procedureReasons { code } } }`;
    const year = Number(today.slice(0, 4));
    // A figure for this test only: no Beijing notice is confirmed (README), so the demo records none.
    const threshold = { provinceCode: '110000', year, amountFen: 5_000_000, source: 'test figure, not a published notice' };
    await ok(admin, `mutation { registerCourt(input: { courtId: "hz-xihu-court", name: "杭州市西湖区人民法院", provinceCode: "330000" }) { courtId } }`);
    expect((await ok(xichengCourt, READ, { id: undeterminedReferralId })).referral).toEqual({ procedure: 'UNDETERMINED', procedureReasons: [{ code: 'NO_SMALL_CLAIMS_THRESHOLD' }] });
    for (const outsider of [company, hangzhouCourt, xichengBureau]) {
      expect((await fails(outsider, RECORD, { t: threshold })).extensions.code).toBe('FORBIDDEN');
    }
    expect((await fails(xichengCourt, RECORD, { t: { ...threshold, amountFen: -1, source: '' } })).extensions.details?.fields).toEqual({
      amountFen: expect.any(String),
      source: expect.any(String),
    });
    const { recordSmallClaimsThreshold } = await ok(xichengCourt, RECORD, { t: threshold });
    expect(recordSmallClaimsThreshold).toEqual([{ ...threshold, consentCeilingFen: 20_000_000, recordedBy: xichengCourt.subject, recordedRole: 'COURT' }]);
    const { smallClaimsThresholds } = await ok(company, `{ smallClaimsThresholds(provinceCode: "110000") { amountFen recordedBy } }`);
    expect(smallClaimsThresholds).toEqual([{ amountFen: 5_000_000, recordedBy: xichengCourt.subject }]);

    await ok(company, ACTION, { a: accounts[2].id, x: { kind: 'LETTER', on: addDays(today, -30), chargeIds: accounts[2].chargeIds.slice(0, 3), note: '催缴函' } });
    await waitFor('litigation to hold the demand', async () =>
      (await t.sql<{ n: number }>(`select jsonb_array_length(claim->'demands')::int as n from litigation.claim_account where account_id = $1`, [accounts[2].id]))[0]?.n === 1,
    );
    const { referArrears } = await ok(company, REFER, { r: { courtId: 'bj-xicheng-court', accountIds: [accounts[2].id], evidence: EVIDENCE, mediationWaivedOn: today } });
    expect((await ok(xichengCourt, READ, { id: referArrears[0].id })).referral).toEqual({ procedure: 'SMALL_CLAIMS', procedureReasons: [{ code: 'AT_OR_BELOW_THRESHOLD' }] });

    // The earlier referral stays as proposed until the court dockets it under the procedure it chose.
    await ok(xichengCourt, `mutation($r: CourtReportInput!) { reportCourtEvent(report: $r) { status } }`, {
      r: { referralId: undeterminedReferralId, kind: 'DOCKETED', occurredAt: `${today}T09:00:00+08:00`, caseNumber: '(2026)京0102民初1号', procedure: 'SMALL_CLAIMS' },
    });
    expect((await ok(xichengCourt, READ, { id: undeterminedReferralId })).referral).toEqual({ procedure: 'SMALL_CLAIMS', procedureReasons: [{ code: 'CHOSEN_BY_COURT' }] });
  });
});
