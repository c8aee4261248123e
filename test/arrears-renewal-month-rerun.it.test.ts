import { TestHub, identity, pinTestToday, startTestHub } from './support/hub-fixture';
import { HONGJU, gqlExpectations, hongjuTerms, lowRiseScheduleAt, scenario } from './support/scenario';

// A month billed while only the company's first contract was known (it ends on the 15th: each fee for 15 days), its
// renewal from the 16th accepted later and the month billed again: the fees already billed stay as billed, and the
// subsidy of each follows that fee as billed (README › Arrears › A month of a contract and its renewal). Before, the
// re-run billed the payer each household's subsidy over both parts, Σ rate × days over 31 days, against fees covering
// 15: 16 days the owners' fees never covered.
pinTestToday('2026-06-10');
const company = identity('PROPERTY_COMPANY', '91110102MA0RENEW02');

const RUN = `mutation($a: ID!, $m: Key!) { runBilling(areaId: $a, month: $m) {
  servedDays newlyBilled parts { days } subsidies { payer buildingClass households amountFen } } }`;

describe('arrears: a month billed before the renewal was known, billed again after', () => {
  let t: TestHub;
  const { ok } = gqlExpectations(() => t);
  let areaId: string;

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'contracts', 'arrears'] });
    const given = scenario(t);
    ({ areaId } = await given.compound(HONGJU, { knownTo: ['contracts', 'arrears'] }));
  });

  afterAll(async () => {
    await t?.stop();
  });

  const marchFees = async () =>
    (
      await t.sql<{ floor_area_centi_m2: number; amount_fen: string; served_days: number | null; rate_parts: unknown }>(
        `select floor_area_centi_m2, amount_fen, served_days, rate_parts from arrears.charge
          where area_id = $1 and month = '2026-03' and kind = 'SERVICE_FEE' order by household_id`,
        [areaId],
      )
    ).map((c) => ({ ...c, amount_fen: Number(c.amount_fen) }));

  it("subsidises each fee for the days it covers, at its own contract's rate", async () => {
    const given = scenario(t);
    // Contract 1 at ¥1.50 (the street office subsidising ¥0.20) to 15 March 2026: March billed for its 15 days.
    await given.acceptedFiling(
      company,
      areaId,
      hongjuTerms(company, '2025-03', {
        number: 'HJ6-RERUN-1',
        startsOn: '2025-03-16',
        endsOn: '2026-03-15',
        feeSchedule: lowRiseScheduleAt(150, 20),
      }),
      { knownTo: ['arrears'] },
    );
    const first = (await ok(company, RUN, { a: areaId, m: '2026-03' })).runBilling;
    const fees = await marchFees();
    expect(fees.length).toBeGreaterThan(0);
    expect(new Set(fees.map((c) => [c.served_days, c.rate_parts].join()))).toEqual(new Set(['15,']));
    // Each fee's subsidy: floor area × ¥0.20 × 15/31, rounded once (chargeFen).
    const fifteenDays = fees.reduce(
      (sum, c) => sum + Math.floor((2 * c.floor_area_centi_m2 * 20 * 15 + 3100) / 6200),
      0,
    );
    expect([first.servedDays, first.subsidies]).toEqual([
      15,
      [{ payer: '广外街道办事处', buildingClass: 'LOW_RISE', households: fees.length, amountFen: fifteenDays }],
    ]);

    // Its renewal at ¥2.00 (subsidy ¥0.50) from the 16th, accepted later; March billed again.
    await given.acceptedFiling(
      company,
      areaId,
      hongjuTerms(company, '2026-03', {
        number: 'HJ6-RERUN-2',
        signedOn: '2026-03-01',
        startsOn: '2026-03-16',
        endsOn: '2029-03-15',
        feeSchedule: lowRiseScheduleAt(200, 50),
      }),
      { knownTo: ['arrears'] },
    );
    const again = (await ok(company, RUN, { a: areaId, m: '2026-03' })).runBilling;
    // The owners' fees already billed are skipped: each still covers the first contract's 15 days.
    expect(await marchFees()).toEqual(fees);
    // So does the payer's subsidy (before: area × (¥0.20 × 15 + ¥0.50 × 16) ÷ 31 a household, 16 days more).
    expect([again.servedDays, again.parts, again.newlyBilled, again.subsidies]).toEqual([
      31,
      [{ days: 15 }, { days: 16 }],
      0,
      [{ payer: '广外街道办事处', buildingClass: 'LOW_RISE', households: fees.length, amountFen: fifteenDays }],
    ]);
  });
});
