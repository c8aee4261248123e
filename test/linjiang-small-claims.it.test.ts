import { addDays, addMonths } from '../kernel/calendar';
import { DEMO_LINJIANG } from '../hub/demo/demo-data';
import { gatewayClient, loadLinjiang } from '../hub/demo/demo-loader';
import { DEFAULT_DEMAND_PERIOD } from '../subgraphs/litigation/domain/statutes';
import { TestHub, identity, pinTestToday, startTestHub, testTokens } from './support/hub-fixture';
import { gqlExpectations, scenario } from './support/scenario';
import { waitFor } from './support/wait-for';
import { CITY_SETTINGS_CHANGED, CITY_SETTINGS_TOPIC } from '../catalog';
import { expectValidEvent } from './support/event-schema';
import { probeTopics } from './support/kafka-probe';

/**
 * Issue 17 §4: a 小额快裁 referral in 临江市. The small-claims province comes from the city's settings (吉林省, 220000,
 * by contracts.city-settings.v1), not from the court's registration: a Beijing court's threshold never decides a
 * 临江市 case. No Jilin figure is seeded (none confirmed), so the referral to 临江市人民法院 is UNDETERMINED until a
 * court of the province records one; the figure recorded here is a test figure, not a published notice.
 */
const today = pinTestToday('2026-12-01');
const thisMonth = today.slice(0, 7);
const months = [addMonths(thisMonth, -3), addMonths(thisMonth, -2), addMonths(thisMonth, -1)];
const [company] = DEMO_LINJIANG.companies;
const linjiangCourt = identity('COURT', 'linjiang-court', ['220681']);
const xichengCourt = identity('COURT', 'bj-xicheng-court', ['110102']);
const EVIDENCE = [{ name: '催缴函.pdf', type: 'DEMAND_LETTER', sha256: 'e'.repeat(64) }];
const REFER = `mutation($r: ReferralInput!) { referArrears(referral: $r) { id eligible eligibility { failures { code } } } }`;
const READ = `query($id: ID!) { referral(id: $id) { procedure procedureReasons { code message } } }`;
const FEE = `query($id: ID!) { referral(id: $id) { amountInDisputeFen caseAcceptanceFee { fullFen onDocketingFen halvedUnder } } }`;
const CORRECT = `mutation($id: ID!, $e: [EvidenceInput!]!) { correctCasePackage(referralId: $id, evidence: $e) { packages { version } } }`;
const RECORD = `mutation($t: SmallClaimsThresholdInput!) { recordSmallClaimsThreshold(threshold: $t) { provinceCode amountFen } }`;
/** Jilin's threshold as 临江市人民法院 records it here: a test figure, no published notice is held. */
const JILIN_TEST_FIGURE = {
  provinceCode: '220000',
  year: 2026,
  amountFen: 3_000_000,
  consentCeilingFen: 12_000_000,
  source: 'test figure, not a published notice',
};

describe('small claims in 临江市: the province is the city’s (吉林省), the court the district’s', () => {
  let t: TestHub;
  let accounts: { id: string; chargeIds: string[] }[];
  const { ok, fails } = gqlExpectations(() => t);

  /** A demand letter long enough ago that the reasonable period has run (Civil Code art. 944 para. 2). */
  const demanded = async (account: { id: string; chargeIds: string[] }) => {
    await ok(
      company,
      `mutation($a: ID!, $x: CollectionActionInput!) { recordCollectionAction(accountId: $a, action: $x) { status } }`,
      {
        a: account.id,
        x: {
          kind: 'LETTER',
          on: addDays(today, -(DEFAULT_DEMAND_PERIOD.days + 5)),
          deliveredOn: addDays(today, -(DEFAULT_DEMAND_PERIOD.days + 5)),
          chargeIds: account.chargeIds,
          note: '催缴函',
        },
      },
    );
    await waitFor(
      'litigation to hold the demand',
      async () =>
        (
          await t.sql<{ n: number }>(
            `select jsonb_array_length(claim->'demands')::int as n from litigation.claim_account where account_id = $1`,
            [account.id],
          )
        )[0]?.n === 1,
    );
  };
  const refer = async (courtId: string, account: { id: string; chargeIds: string[] }) => {
    await demanded(account);
    const { referArrears } = await ok(company, REFER, {
      r: { courtId, accountIds: [account.id], evidence: EVIDENCE, mediationWaivedOn: today },
    });
    expect(referArrears[0]).toMatchObject({ eligible: true });
    return (await ok(courtId === 'linjiang-court' ? linjiangCourt : xichengCourt, READ, { id: referArrears[0].id }))
      .referral;
  };

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'contracts', 'arrears', 'litigation'] });
    await scenario(t).courts();
    const probe = await probeTopics(t.brokers, [`${t.topicPrefix}${CITY_SETTINGS_TOPIC.name}`]);
    try {
      await loadLinjiang(t.hub.gatewayUrl, testTokens);
      const [message] = await probe.waitForCount(
        '临江市’s settings published',
        (m) => m.headers.ce_type === CITY_SETTINGS_CHANGED.type,
        1,
      );
      expect(message.message.key?.toString()).toBe('220681');
      expect(expectValidEvent(message, CITY_SETTINGS_CHANGED.type)).toMatchObject({
        cityCode: '220681',
        version: 1,
        smallClaimsProvince: { code: '220000', source: expect.stringContaining('吉林省') },
      });
    } finally {
      await probe.stop();
    }
    const [{ area_id: areaId }] = await t.sql<{ area_id: string }>(
      `select area_id from contracts.area_view where name = $1`,
      [DEMO_LINJIANG.newEstate],
    );
    await waitFor(
      'arrears to hold the accepted filing and the households',
      async () =>
        (
          await t.sql<{ n: number }>(
            `select count(*)::int as n from arrears.filing_snapshot where area_id = $1 and status = 'ACCEPTED'`,
            [areaId],
          )
        )[0].n === 1 &&
        (
          await t.sql<{ n: number }>(`select count(*)::int as n from arrears.billable_household where area_id = $1`, [
            areaId,
          ])
        )[0].n > 3,
    );
    const gql = gatewayClient(t.hub.gatewayUrl, testTokens);
    for (const month of months)
      await gql(company, `mutation($a: ID!, $m: Key!) { runBilling(areaId: $a, month: $m) { id } }`, {
        a: areaId,
        m: month,
      });
    accounts = (
      await t.sql<{ id: string; charge_ids: string[] }>(
        `select a.id, json_agg(c.id order by c.due_on) as charge_ids from arrears.account a join arrears.charge c on c.account_id = a.id
          where a.area_id = $1 and a.company_id = $2 group by a.id order by a.id limit 4`,
        [areaId, company.organisationId],
      )
    ).map((r) => ({ id: r.id, chargeIds: r.charge_ids }));
    await waitFor(
      'litigation to know 临江市’s small-claims province from its settings',
      async () =>
        (
          await t.sql<{ p: string }>(
            `select province_code as p from litigation.city_province where city_code = '220681'`,
          )
        )[0]?.p === '220000',
    );
  }, 180_000);

  afterAll(async () => {
    await t?.stop();
  });

  it('refers to 临江市人民法院 as UNDETERMINED while no Jilin threshold is recorded, naming 吉林省', async () => {
    const referral = await refer('linjiang-court', accounts[0]);
    expect(referral).toEqual({
      procedure: 'UNDETERMINED',
      procedureReasons: [{ code: 'NO_SMALL_CLAIMS_THRESHOLD', message: expect.stringContaining('province 220000') }],
    });
  });

  it('never applies another province’s threshold, and a Beijing court receives no 临江市 case (Civil Procedure Law art. 24)', async () => {
    // Test figure, not a published notice.
    await ok(xichengCourt, RECORD, {
      t: {
        provinceCode: '110000',
        year: 2026,
        amountFen: 5_000_000,
        consentCeilingFen: 20_000_000,
        source: 'test figure, not a published notice',
      },
    });
    // A Beijing court cannot record Jilin's figure: only a court of that province (or the admin).
    const refused = await fails(xichengCourt, RECORD, {
      t: {
        provinceCode: '220000',
        year: 2026,
        amountFen: 5_000_000,
        consentCeilingFen: 20_000_000,
        source: 'test figure',
      },
    });
    expect(refused.extensions.code).toBe('FORBIDDEN');
    // The case goes to the court of the property's district; a Beijing court is refused (before, it took the case).
    await demanded(accounts[3]);
    const elsewhere = await fails(company, REFER, {
      r: { courtId: 'bj-xicheng-court', accountIds: [accounts[3].id], evidence: EVIDENCE, mediationWaivedOn: today },
    });
    expect(elsewhere.extensions).toMatchObject({
      code: 'OUTSIDE_COURT_TERRITORY',
      details: { districtCodes: ['220681'] },
    });
    // Referred to 临江市人民法院, Beijing's figure recorded above does not decide it either.
    expect(await refer('linjiang-court', accounts[1])).toEqual({
      procedure: 'UNDETERMINED',
      procedureReasons: [{ code: 'NO_SMALL_CLAIMS_THRESHOLD', message: expect.stringContaining('province 220000') }],
    });
  });

  it('judges on Jilin’s threshold once 临江市人民法院 records one', async () => {
    await ok(linjiangCourt, RECORD, {
      t: JILIN_TEST_FIGURE,
    });
    expect(await refer('linjiang-court', accounts[2])).toEqual({
      procedure: 'SMALL_CLAIMS',
      procedureReasons: [{ code: 'AT_OR_BELOW_THRESHOLD', message: expect.stringContaining('threshold ¥30000.00') }],
    });
  });
  it('proposes the procedure again when the company corrects a package before docketing: its amount, today’s figure and what it stated', async () => {
    // 临江市人民法院 records Jilin's figure (a test figure; the same as above, so this test also stands alone after
    // the first): the referral made UNDETERMINED before any figure is a small claim once its package is corrected.
    await ok(linjiangCourt, RECORD, {
      t: JILIN_TEST_FIGURE,
    });
    const [{ id }] = await t.sql<{ id: string }>(
      `select id from litigation.referral where account_id = $1 and eligible order by submitted_on desc limit 1`,
      [accounts[0].id],
    );
    const probe = await probeTopics(t.brokers, [`${t.topicPrefix}litigation.referrals.v1`]);
    try {
      expect((await ok(company, CORRECT, { id, e: EVIDENCE })).correctCasePackage.packages).toHaveLength(2);
      expect((await ok(linjiangCourt, READ, { id })).referral).toEqual({
        procedure: 'SMALL_CLAIMS',
        procedureReasons: [{ code: 'AT_OR_BELOW_THRESHOLD', message: expect.stringContaining('threshold ¥30000.00') }],
      });
      // A small claim is tried under the simple procedure: its ¥50 fee (up to ¥10,000) is halved on docketing
      // (诉讼费用交纳办法 arts. 13, 16).
      const fee = async () => (await ok(company, FEE, { id })).referral;
      expect((await fee()).amountInDisputeFen).toBeLessThanOrEqual(1_000_000);
      expect((await fee()).caseAcceptanceFee).toEqual({
        fullFen: 5_000,
        onDocketingFen: 2_500,
        halvedUnder: expect.stringContaining('诉讼费用交纳办法 art. 16'),
      });
      // A figure below the claim (a test figure: ¥1.00, its consent ceiling ¥4.00): corrected again, the package is
      // proposed for the simple or ordinary procedure. Before, the first proposal stayed whatever the amount became.
      await ok(linjiangCourt, RECORD, {
        t: {
          provinceCode: '220000',
          year: 2026,
          amountFen: 100,
          consentCeilingFen: 400,
          source: 'test figure, not a published notice',
        },
      });
      await ok(company, CORRECT, { id, e: EVIDENCE });
      expect((await ok(linjiangCourt, READ, { id })).referral).toEqual({
        procedure: 'SIMPLE_OR_ORDINARY',
        procedureReasons: [{ code: 'ABOVE_CONSENT_CEILING', message: expect.stringContaining('ceiling ¥4.00') }],
      });
      // no longer a small claim: the full fee, unless the court tries it under the simple procedure
      expect((await fee()).caseAcceptanceFee).toEqual({ fullFen: 5_000, onDocketingFen: 5_000, halvedUnder: null });
      // The court's feed says so with each corrected version.
      const corrections = await probe.waitForCount(
        'the two corrections on the feed',
        (m) => m.headers.ce_type === 'hub.litigation.referral.package-corrected' && String(m.message.key) === id,
        2,
      );
      expect(corrections.map((m) => [expectValidEvent(m).packageVersion, expectValidEvent(m).procedure])).toEqual([
        [2, 'SMALL_CLAIMS'],
        [3, 'SIMPLE_OR_ORDINARY'],
      ]);
      // A referral made before the question was stored (the columns null) whose reasons name an exclusion: the
      // correction reads it from them and stores it, so a later correction whose proposal names none (UNDETERMINED)
      // keeps it. Before, the second correction lost it.
      await t.sql(
        `update litigation.referral set small_claims_consent = null, small_claims_exclusions = null,
            procedure_reasons = procedure_reasons || '[{"code": "WHEREABOUTS_UNKNOWN", "message": "x"}]'::jsonb
          where id = $1`,
        [id],
      );
      await ok(company, CORRECT, { id, e: EVIDENCE });
      expect(
        await t.sql(`select small_claims_consent, small_claims_exclusions from litigation.referral where id = $1`, [
          id,
        ]),
      ).toEqual([{ small_claims_consent: false, small_claims_exclusions: ['WHEREABOUTS_UNKNOWN'] }]);
      expect(
        (await ok(linjiangCourt, READ, { id })).referral.procedureReasons.map((r: { code: string }) => r.code),
      ).toEqual(['WHEREABOUTS_UNKNOWN', 'ABOVE_CONSENT_CEILING']);
    } finally {
      await probe.stop();
    }
  });
});
