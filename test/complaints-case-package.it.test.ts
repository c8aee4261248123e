import { randomUUID } from 'node:crypto';
import { addDays, addMonths, addYears } from '../kernel/calendar';
import { TestHub, identity, startTestHub, pinTestToday } from './support/hub-fixture';
import { GUANGWAI_OFFICE, HONGJU, gqlExpectations, hongjuTerms, scenario } from './support/scenario';
import { waitFor } from './support/wait-for';

// Issue 18: an arrears referral's case package lists the hotline complaints about the service at the household's
// compound in the 24 months up to the referral (seed 004 §六(六): the green channel presumes normal service).
const companyA = identity('PROPERTY_COMPANY', '91110102MA0000PKGA');
const bureau = identity('CITY_BUREAU', 'xicheng-housing-bureau', ['110102']);
const SOURCE = 'test: not an official category or item';
// Periods counted from today (working days) would run past the holiday data the hub holds (2026-12-24) from
// mid-December 2026: the scenario is pinned to a day it is dated against (README › Tests › Dates).
const today = pinTestToday('2026-12-01');
const thisMonth = today.slice(0, 7);
const recentMonths = [addMonths(thisMonth, -3), addMonths(thisMonth, -2)];

describe('complaints in the case package of an arrears referral', () => {
  let t: TestHub;
  let areaId: string;
  let compoundId: string;
  const { ok } = gqlExpectations(() => t);
  const runId = randomUUID().slice(0, 8);

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'contracts', 'arrears', 'litigation', 'complaints'] });
    const given = scenario(t);
    await given.courts();
    ({ areaId, compoundId } = await given.compound(HONGJU, { knownTo: ['contracts', 'arrears'] }));
    const { filingId } = await given.acceptedFiling(
      companyA,
      areaId,
      hongjuTerms(companyA, addMonths(thisMonth, -30), {
        number: `HJ6-PKG-${runId}`,
        endsOn: addDays(addYears(`${addMonths(thisMonth, -30)}-01`, 5), -1),
      }),
      { knownTo: ['arrears', 'litigation'] },
    );
    await given.billedMonths(companyA, areaId, recentMonths);
    await waitFor('complaints to hold the compound and the filing, litigation the buildings', async () => {
      const [row] = await t.sql<{ c: number; f: number; b: number }>(
        `select (select count(*)::int from complaints.building_view where compound_id = $1) as c,
                (select count(*)::int from complaints.filing_snapshot where filing_id = $2 and status = 'ACCEPTED') as f,
                (select count(*)::int from litigation.building_compound where compound_id = $1) as b`,
        [compoundId, filingId],
      );
      return row.c > 0 && row.f === 1 && row.b === row.c;
    });
    await ok(bureau, `mutation($c: ComplaintCategoryInput!) { defineComplaintCategory(category: $c) { code } }`, {
      c: { code: 'P1', name: '测试大类', validFrom: '2019-01-01', source: SOURCE },
    });
    for (const [code, backstop] of [
      ['P1.1', 'STREET_SERVICE_CENTRE'],
      ['P1.2', 'PROPERTY_COMPANY'],
    ]) {
      await ok(bureau, `mutation($i: ComplaintItemInput!) { defineComplaintItem(item: $i) { code } }`, {
        i: {
          code,
          categoryCode: 'P1',
          name: `测试小项 ${code}`,
          validFrom: '2019-01-01',
          source: SOURCE,
          responsible: {
            CONTRACT_BASED: 'PROPERTY_COMPANY',
            MULTI_PARTY_CO_GOVERNANCE: 'PROPERTY_RIGHTS_UNITS',
            GOVERNMENT_BACKSTOP: backstop,
          },
        },
      });
    }
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('lists the compound’s orders dispatched to the plaintiff in the 24 months up to the referral, without caller data', async () => {
    // Within the window: a 楼道灯 order dispatched to the company (then answered), one for the street's own service
    // centre, one dispatched to the company that the street office then escalated to the bureau (吹哨); outside it: an
    // order of 25 months ago, also dispatched to the company.
    const at = (day: string) => `${day}T09:00:00+08:00`;
    const line = (n: string, day: string, item: string) =>
      `${runId}-${n},${at(day)},李四,13900001111,红居南街6号院2号楼,110102020,P1,${item},楼道灯不亮,${at(day)},${at(addDays(day, 7))}`;
    const header =
      'order_number,received_at,caller_name,caller_phone,address,street_code,category_code,item_code,text,respond_by,resolve_by';
    const recent = addDays(today, -30);
    const old = addDays(addYears(today, -2), -30);
    await ok(GUANGWAI_OFFICE, `mutation($csv: CsvText!) { importComplaintOrdersCsv(csv: $csv) { received } }`, {
      csv: [
        header,
        line('in', recent, 'P1.2'),
        line('centre', recent, 'P1.1'),
        line('old', old, 'P1.2'),
        line('esc', recent, 'P1.2'),
        line('moved', recent, 'P1.2'),
      ].join('\n'),
    });
    const ids = await t.sql<{ id: string; order_number: string }>(
      `select id, order_number from complaints.complaint_order where order_number like $1 order by order_number`,
      [`${runId}-%`],
    );
    for (const { id } of ids)
      await ok(GUANGWAI_OFFICE, `mutation($o: ID!) { dispatchComplaintOrder(orderId: $o) { status } }`, { o: id });
    const inWindow = ids.find((o) => o.order_number === `${runId}-in`)!.id;
    await ok(
      companyA,
      `mutation($o: ID!) { answerComplaintOrder(orderId: $o, step: ACCEPT, note: "已受理") { status } }`,
      { o: inWindow },
    );
    await ok(
      GUANGWAI_OFFICE,
      `mutation($o: ID!, $b: Key!) { escalateComplaintOrder(orderId: $o, bureauOrganisationId: $b, reason: "物业未处理") { status } }`,
      { o: ids.find((o) => o.order_number === `${runId}-esc`)!.id, b: bureau.organisationId },
    );
    // The bureau accepts the escalated order: the court reads it as answered, but not by the company.
    await ok(
      bureau,
      `mutation($o: ID!) { answerComplaintOrder(orderId: $o, step: ACCEPT, note: "已受理") { status } }`,
      { o: ids.find((o) => o.order_number === `${runId}-esc`)!.id },
    );
    await waitFor('litigation to hold the five orders as they now stand', async () => {
      const [row] = await t.sql<{ n: number }>(
        `select count(*)::int as n from litigation.service_complaint where order_number like $1 and (status <> 'MATCHED')
            and (order_number <> $2 or status = 'ACCEPTED') and (order_number <> $3 or status = 'ACCEPTED')`,
        [`${runId}-%`, `${runId}-in`, `${runId}-esc`],
      );
      return row.n === 5;
    });
    // One of them as litigation holds it once the hotline re-routed it to another street (REROUTED, complaints-orders.it):
    // no longer this compound's complaint, so not in the package (before, it was listed).
    await t.sql(`update litigation.service_complaint set status = 'REROUTED' where order_number = $1`, [
      `${runId}-moved`,
    ]);

    const [account] = await t.sql<{ id: string }>(
      `select id from arrears.account where area_id = $1 and company_id = $2 order by household_id limit 1`,
      [areaId, companyA.organisationId],
    );
    const chargeIds = (
      await t.sql<{ id: string }>(`select id from arrears.charge where account_id = $1 order by due_on`, [account.id])
    ).map((c) => c.id);
    await ok(
      companyA,
      `mutation($a: ID!, $x: CollectionActionInput!) { recordCollectionAction(accountId: $a, action: $x) { status } }`,
      {
        a: account.id,
        x: { kind: 'LETTER', on: addDays(today, -20), deliveredOn: addDays(today, -20), chargeIds, note: '催缴函' },
      },
    );
    await waitFor(
      'litigation to hold the claim with its demand',
      async () =>
        (
          await t.sql<{ n: number }>(
            `select jsonb_array_length(claim->'demands')::int as n from litigation.claim_account where account_id = $1`,
            [account.id],
          )
        )[0]?.n === 1,
    );
    const { referArrears } = await ok(
      companyA,
      `mutation($r: ReferralInput!) { referArrears(referral: $r) { eligible eligibility { failures { code } } packages { canonicalJson } } }`,
      {
        r: {
          courtId: 'bj-xicheng-court',
          accountIds: [account.id],
          evidence: [{ name: '催缴函.pdf', type: 'DEMAND_LETTER', sha256: 'd'.repeat(64) }],
          mediationWaivedOn: addDays(today, -5),
        },
      },
    );
    expect(referArrears[0]).toMatchObject({ eligible: true });
    const pkg = referArrears[0].packages[0].canonicalJson as string;
    const { serviceComplaints } = JSON.parse(pkg);
    expect(serviceComplaints).toEqual({
      from: addDays(addYears(today, -2), 1),
      to: today,
      basis: expect.stringMatching(/compound of the defendant household.*24 months/),
      // The escalated order stays the company's (before, it dropped out once a bureau held it).
      orders: [
        {
          orderNumber: `${runId}-esc`,
          receivedAt: new Date(at(recent)).toISOString(),
          categoryCode: 'P1',
          itemCode: 'P1.2',
          status: 'ACCEPTED',
          respondBy: new Date(at(recent)).toISOString(),
          respondedAt: expect.any(String),
          // the bureau's acceptance, not the company's (before, only respondedAt, under the company's orders)
          companyRespondedAt: null,
          closedAt: null,
          satisfaction: null,
        },
        {
          orderNumber: `${runId}-in`,
          receivedAt: new Date(at(recent)).toISOString(),
          categoryCode: 'P1',
          itemCode: 'P1.2',
          status: 'ACCEPTED',
          respondBy: new Date(at(recent)).toISOString(),
          respondedAt: expect.any(String),
          companyRespondedAt: expect.any(String),
          closedAt: null,
          satisfaction: null,
        },
      ],
    });
    // Nothing of the caller or the call reaches the court.
    expect(pkg).not.toMatch(/李四|13900001111|楼道灯|红居南街6号院2号楼/);
  });
});
