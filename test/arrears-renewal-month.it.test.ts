import { Client } from 'pg';
import { TestHub, identity, pinTestToday, startTestHub } from './support/hub-fixture';
import { connectedClient } from './support/db-client';
import { referAfterDemand } from './support/refer-after-demand';
import { GUANGWAI_OFFICE, HONGJU, gqlExpectations, hongjuTerms, lowRiseScheduleAt, scenario } from './support/scenario';
import { waitFor } from './support/wait-for';

// A company's contract for an area ending on 15 March 2026 and its own renewal (another contract of the same company
// and area, at a new rate) beginning on the 16th: March is one fee per household, made of the days each contract
// served at its own rate, rounded once (README › Arrears › A month of a contract and its renewal). Before, the whole
// month was billed at the latest accepted contract's rate: a 100 m² household's March came to ¥200.00 instead of
// ¥175.81 (an audit), or, both accepted the same day as here, at either's (¥150.00 was seen). The claim litigation
// receives carries the parts, and the court package states the month as billed.
const today = pinTestToday('2026-06-10');
const company = identity('PROPERTY_COMPANY', '91110102MA0RENEW01');

const RUN = `mutation($a: ID!, $m: Key!) { runBilling(areaId: $a, month: $m) {
  filingId servedDays monthDays households chargedFen newlyBilled
  parts { filingId recordNumber days }
  subsidies { payer buildingClass households amountFen } } }`;
const STATEMENT = `query($id: ID!) { arrearsAccount(id: $id) { charges {
  month filingId floorAreaCentiM2 rateFen servedDays amountFen parts { filingId rateFen days } } } }`;

describe("arrears: a month in which a company's contract ends and its own renewal begins", () => {
  let t: TestHub;
  let db: Client;
  const { ok } = gqlExpectations(() => t);
  let areaId: string;
  let householdId: string;
  let first: string;
  let renewal: string;

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'contracts', 'arrears', 'litigation'] });
    db = await connectedClient(t.databaseUrl);
    const given = scenario(t);
    await given.courts();
    ({ areaId } = await given.compound(HONGJU, { knownTo: ['contracts', 'arrears'] }));
    // One household of 100.00 m², as the street office corrects it in the register.
    [{ household_id: householdId }] = await t.sql<{ household_id: string }>(
      `select household_id from arrears.billable_household where area_id = $1 order by building_id, room limit 1`,
      [areaId],
    );
    await ok(GUANGWAI_OFFICE, `mutation($h: ID!) { updateHousehold(id: $h, input: { floorArea: "100.00" }) { id } }`, {
      h: householdId,
    });
    await waitFor('arrears to hold the household at 100.00 m²', async () => {
      const [row] = await t.sql<{ floor_area_centi_m2: number }>(
        `select floor_area_centi_m2 from arrears.billable_household where household_id = $1`,
        [householdId],
      );
      return row?.floor_area_centi_m2 === 10_000;
    });
    // Contract 1 at ¥1.50 (the street office subsidising ¥0.20) to 15 March 2026; contract 2, its renewal, at ¥2.00
    // (subsidy ¥0.50) from the 16th.
    ({ filingId: first } = await given.acceptedFiling(
      company,
      areaId,
      hongjuTerms(company, '2025-03', {
        number: 'HJ6-RENEW-1',
        startsOn: '2025-03-16',
        endsOn: '2026-03-15',
        feeSchedule: lowRiseScheduleAt(150, 20),
      }),
      { knownTo: ['arrears', 'litigation'] },
    ));
    ({ filingId: renewal } = await given.acceptedFiling(
      company,
      areaId,
      hongjuTerms(company, '2026-03', {
        number: 'HJ6-RENEW-2',
        signedOn: '2026-03-01',
        startsOn: '2026-03-16',
        endsOn: '2029-03-15',
        feeSchedule: lowRiseScheduleAt(200, 50),
      }),
      { knownTo: ['arrears', 'litigation'] },
    ));
  });

  afterAll(async () => {
    await db?.end();
    await t?.stop();
  });

  const marchFee = async () =>
    (
      await t.sql<{ account_id: string; amount_fen: number; served_days: number | null }>(
        `select account_id, amount_fen, served_days from arrears.charge
          where household_id = $1 and month = '2026-03' and kind = 'SERVICE_FEE'`,
        [householdId],
      )
    ).map((c) => ({ ...c, amount_fen: Number(c.amount_fen) }));

  it('bills March as the days each contract served at its own rate, rounded once: one fee per household', async () => {
    await scenario(t).billedMonths(company, areaId, ['2026-03']);
    // 100 × ¥1.50 × 15/31 + 100 × ¥2.00 × 16/31 = 72.5806 + 103.2258 = ¥175.81 (before: one contract's rate)
    const fees = await marchFee();
    expect(fees.map((c) => [c.amount_fen, c.served_days])).toEqual([[17_581, null]]);
  });

  it("shows the parts in the billing run and on the owner's statement, the subsidy split the same way", async () => {
    const { runBilling } = await ok(company, RUN, { a: areaId, m: '2026-03' });
    const areas = await t.sql<{ floor_area_centi_m2: number }>(
      `select floor_area_centi_m2 from arrears.billable_household where area_id = $1`,
      [areaId],
    );
    // Each household's fee and subsidy, rounded once over both parts: area × (rate₁ × 15 + rate₂ × 16) ÷ 31.
    const byParts = (rate1: number, rate2: number) =>
      areas.reduce(
        (sum, h) => sum + Math.floor((2 * h.floor_area_centi_m2 * (rate1 * 15 + rate2 * 16) + 3100) / 6200),
        0,
      );
    expect(runBilling).toEqual({
      filingId: renewal,
      servedDays: 31,
      monthDays: 31,
      households: areas.length,
      chargedFen: byParts(150, 200),
      newlyBilled: 0,
      parts: [
        { filingId: first, recordNumber: expect.any(String), days: 15 },
        { filingId: renewal, recordNumber: expect.any(String), days: 16 },
      ],
      // 100 m² alone: 100 × (¥0.20 × 15 + ¥0.50 × 16) ÷ 31 = ¥35.48
      subsidies: [
        { payer: '广外街道办事处', buildingClass: 'LOW_RISE', households: areas.length, amountFen: byParts(20, 50) },
      ],
    });
    expect(byParts(150, 200)).not.toBe(
      areas.reduce((s, h) => s + Math.floor((h.floor_area_centi_m2 * 200 + 50) / 100), 0),
    );

    const [{ account_id: accountId }] = await marchFee();
    const { arrearsAccount } = await ok(company, STATEMENT, { id: accountId });
    expect(arrearsAccount.charges).toEqual([
      {
        month: '2026-03',
        filingId: renewal,
        floorAreaCentiM2: 10_000,
        rateFen: 200,
        servedDays: null,
        amountFen: 17_581,
        parts: [
          { filingId: first, rateFen: 150, days: 15 },
          { filingId: renewal, rateFen: 200, days: 16 },
        ],
      },
    ]);
  });

  it('carries the parts to litigation, whose court package states March as billed under each filed rate', async () => {
    await scenario(t).billedMonths(company, areaId, ['2026-04']);
    const [{ account_id: accountId }] = await marchFee();
    const { rows: charges } = await db.query<{ id: string }>(
      `select id from arrears.charge where account_id = $1 order by due_on`,
      [accountId],
    );
    const referral = await referAfterDemand(
      ok,
      db,
      company,
      { id: accountId, chargeIds: charges.map((c) => c.id) },
      { today },
    );
    const { rows: claims } = await db.query(`select claim from litigation.claim_account where account_id = $1`, [
      accountId,
    ]);
    const march = claims[0].claim.charges.find((c: { month: string }) => c.month === '2026-03');
    expect([march.amountFen, march.rateFen, march.servedDays, march.parts]).toEqual([
      17_581,
      200,
      undefined,
      [
        { filingId: first, rateFen: 150, days: 15 },
        { filingId: renewal, rateFen: 200, days: 16 },
      ],
    ]);
    expect([referral.eligible, referral.status]).toEqual([true, 'SUBMITTED']);
    const { rows: packages } = await db.query(
      `select package from litigation.case_package where referral_id = $1 order by version desc limit 1`,
      [referral.id],
    );
    const pkg = packages[0].package;
    expect(pkg.arrearsLines.map((l: { month: string; computation: string }) => [l.month, l.computation])).toEqual([
      ['2026-03', '100.00 m² × (¥1.50 × 15/31 + ¥2.00 × 16/31 days) = ¥175.81'],
      ['2026-04', '100.00 m² × ¥2.00 = ¥200.00'],
    ]);
    expect(pkg.claims.feeTotalFen).toBe(17_581 + 20_000);
    expect(
      pkg.feeStandards.map((p: { fromMonth: string; toMonth: string; rateFenPerM2Month: number }) => [
        p.fromMonth,
        p.toMonth,
        p.rateFenPerM2Month,
      ]),
    ).toEqual([
      ['2026-03', '2026-03', 150],
      ['2026-03', '2026-04', 200],
    ]);
  });
});
