import { addMonths } from '../kernel/calendar';
import { BEIJING } from '../subgraphs/contracts/domain/statutes';
import { TestHub, identity, pinTestToday, startTestHub } from './support/hub-fixture';
import { HONGJU, gqlExpectations, hongjuTerms, scenario } from './support/scenario';
import { waitFor } from './support/wait-for';

/**
 * Issue 14 point 2 through the gateway: the reasonable period after a demand (Civil Code art. 944 para. 2, which
 * fixes no number of days) is the contract's own term where it states one, else the city's setting, else the hub's
 * default. The admin sets Beijing's period to 30 days, a test figure (no Beijing provision fixing one is confirmed).
 * 红居南街6号院's contract states none, so the city's 30 days apply; 阳光丽景's contract states 10 days, which win.
 */
const today = pinTestToday('2026-12-01');
// October, due 31 October: the letters of November come after it fell due (a letter before counts for nothing).
const billedMonth = addMonths(today.slice(0, 7), -2);
const hongjuCompany = identity('PROPERTY_COMPANY', '91110102MA00DEMAND1');
const yangguangCompany = identity('PROPERTY_COMPANY', '91110102MA00DEMAND2');
const admin = identity('ADMIN', 'hub-operator');
const EVIDENCE = [{ name: '催缴函.pdf', type: 'DEMAND_LETTER', sha256: 'e'.repeat(64) }];
const ACTION = `mutation($a: ID!, $x: CollectionActionInput!) { recordCollectionAction(accountId: $a, action: $x) { status } }`;
const REFER = `mutation($r: ReferralInput!) { referArrears(referral: $r) { eligible eligibility { failures { code elapsesOn demandPeriodSetBy message } } } }`;

describe("the demand period's N: the contract's own term, else the city's setting, else the hub default", () => {
  let t: TestHub;
  const { ok } = gqlExpectations(() => t);
  const accountOf: Record<string, { id: string; chargeIds: string[] }> = {};

  const demandedAndReferred = async (company: typeof hongjuCompany, on: string) => {
    const account = accountOf[company.organisationId];
    await ok(company, ACTION, {
      a: account.id,
      x: { kind: 'LETTER', on, deliveredOn: on, chargeIds: account.chargeIds, note: '催缴函' },
    });
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
    const { referArrears } = await ok(company, REFER, {
      r: { courtId: 'bj-xicheng-court', accountIds: [account.id], evidence: EVIDENCE, mediationWaivedOn: today },
    });
    return referArrears[0];
  };

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'contracts', 'arrears', 'litigation'] });
    const given = scenario(t);
    await given.courts();
    const hongju = await given.compound(HONGJU, { knownTo: ['contracts', 'arrears'] });
    const yangguang = await given.compound('阳光丽景', { knownTo: ['contracts', 'arrears'] });
    await given.acceptedFiling(
      hongjuCompany,
      hongju.areaId,
      hongjuTerms(hongjuCompany, billedMonth, { lateFee: null }),
      {
        knownTo: ['arrears', 'litigation'],
      },
    );
    await given.acceptedFiling(
      yangguangCompany,
      yangguang.areaId,
      hongjuTerms(yangguangCompany, billedMonth, {
        number: 'YGLJ-DEMAND-01',
        title: '阳光丽景物业服务合同',
        ownersSide: { kind: 'PROPERTY_MANAGEMENT_COMMITTEE', name: '阳光丽景物业管理委员会' },
        feeSchedule: {
          classes: [
            { buildingClass: 'HIGH_RISE', assessedRateFenPerM2Month: 300, ownerRateFenPerM2Month: 300, subsidies: [] },
          ],
        },
        lateFee: null,
        demandPeriodDays: 10,
        parties: [
          {
            role: 'PROVIDER',
            name: '北京阳光物业服务有限公司',
            registration: yangguangCompany.organisationId,
            signatory: '王经理',
          },
          { role: 'PROPERTY_MANAGEMENT_COMMITTEE', name: '阳光丽景物业管理委员会', signatory: '赵主任' },
        ],
      }),
      { knownTo: ['arrears', 'litigation'] },
    );
    for (const [company, areaId] of [
      [hongjuCompany, hongju.areaId],
      [yangguangCompany, yangguang.areaId],
    ] as const) {
      await given.billedMonths(company, areaId, [billedMonth]);
      const [row] = await t.sql<{ id: string; charge_ids: string[] }>(
        `select a.id, json_agg(c.id order by c.due_on) as charge_ids from arrears.account a join arrears.charge c on c.account_id = a.id
          where a.area_id = $1 and a.company_id = $2 group by a.id order by a.id limit 1`,
        [areaId, company.organisationId],
      );
      accountOf[company.organisationId] = { id: row.id, chargeIds: row.charge_ids };
    }
    const { setCitySettings } = await ok(
      admin,
      `mutation($s: CitySettingsInput!, $r: Note!) { setCitySettings(settings: $s, reason: $r) { demandPeriodDays sources { demandPeriod } version } }`,
      {
        s: {
          ...BEIJING,
          demandPeriodDays: 30,
          sources: { ...BEIJING.sources, demandPeriod: 'test setting (no confirmed Beijing figure)' },
        },
        r: 'demand period test',
      },
    );
    expect(setCitySettings).toEqual({
      demandPeriodDays: 30,
      sources: { demandPeriod: 'test setting (no confirmed Beijing figure)' },
      version: expect.any(Number),
    });
    await waitFor(
      "litigation to hold Beijing's demand period",
      async () =>
        (
          await t.sql<{ days: number | null }>(
            `select demand_period_days as days from litigation.city_province where city_code = '110000'`,
          )
        )[0]?.days === 30,
    );
  });

  afterAll(async () => {
    await t?.stop();
  });

  it("applies the city's 30 days where the contract states none", async () => {
    // 30 days after 10 November 2026 end on Thursday 10 December; the hub's 15 would have run out on 25 November.
    const referral = await demandedAndReferred(hongjuCompany, '2026-11-10');
    expect(referral.eligible).toBe(false);
    expect(referral.eligibility.failures).toEqual([
      {
        code: 'DEMAND_PERIOD_NOT_ELAPSED',
        elapsesOn: '2026-12-10',
        demandPeriodSetBy: 'CITY',
        message: expect.stringContaining("北京市's setting: test setting (no confirmed Beijing figure)"),
      },
    ]);
  });

  it("applies the contract's own 10 days over the city's 30", async () => {
    // 10 days after 25 November 2026 end on Saturday 5 December: art. 203 moves the end to Monday the 7th.
    const referral = await demandedAndReferred(yangguangCompany, '2026-11-25');
    expect(referral.eligibility.failures).toEqual([
      {
        code: 'DEMAND_PERIOD_NOT_ELAPSED',
        elapsesOn: '2026-12-07',
        demandPeriodSetBy: 'CONTRACT',
        message: expect.stringContaining('own term'),
      },
    ]);
  });
});
