import { randomUUID } from 'node:crypto';
import { TestHub, identity, pinTestToday, startTestHub } from './support/hub-fixture';
import { HONGJU, gqlExpectations, hongjuTerms, lowRiseScheduleAt, scenario } from './support/scenario';

// A month billed while only the company's first contract was known (it ends on the 15th: each fee for 15 days), its
// renewal from the 16th accepted later and the month billed again: the re-run tops each fee up to the month's parts,
// the renewal's 16 days at its own rate (README › Arrears › A month of a contract and its renewal), as a CORRECTION
// whose raise falls due on its own day, and the payer's subsidy follows each fee as it now stands. Before, the re-run
// skipped every household already billed: the owners were never billed the renewal's days, only adjustCharge by hand
// raised a fee, and its subsidy still followed the 15 days billed. A fee corrected by hand since, and one a court
// holds, are left as they are and counted.
const today = pinTestToday('2026-06-10');
const company = identity('PROPERTY_COMPANY', '91110102MA0RENEW02');

const RUN = `mutation($a: ID!, $m: Key!) { runBilling(areaId: $a, month: $m) {
  servedDays newlyBilled toppedUpHouseholds shortHouseholds parts { days }
  subsidies { payer buildingClass households amountFen } } }`;
const PAY = `mutation($p: PaymentInput!) { recordPayment(payment: $p) { allocations { month fen } } }`;
const ADJUST = `mutation($c: ID!, $a: Fen!) { adjustCharge(chargeId: $c, kind: CORRECTION, amountFen: $a, reason: "Measured again") { id } }`;
const ACTION = `mutation($a: ID!, $x: CollectionActionInput!) { recordCollectionAction(accountId: $a, action: $x) { status } }`;
const STATEMENT = `query($id: ID!) { arrearsAccount(id: $id) { arrearsFen
  charges { month filingId rateFen servedDays parts { filingId rateFen days } amountFen paidFen openFen dueOn owedSince lateFeeFen }
  adjustments { kind amountBeforeFen amountAfterFen reason on } } }`;

interface Fee {
  id: string;
  account_id: string;
  floor_area_centi_m2: number;
  amount_fen: number;
  paid_fen: number;
  served_days: number | null;
  rate_parts: unknown;
  filing_id: string;
}

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
      await t.sql<Fee>(
        `select id, account_id, floor_area_centi_m2, amount_fen, paid_fen, served_days, rate_parts, filing_id from arrears.charge
          where area_id = $1 and month = '2026-03' and kind = 'SERVICE_FEE' order by account_id`,
        [areaId],
      )
    ).map((c) => ({ ...c, amount_fen: Number(c.amount_fen), paid_fen: Number(c.paid_fen) }));
  // A fee, or its subsidy, for the first contract's 15 days: area × rate × 15/31, rounded once (chargeFen).
  const fifteenDays = (c: Fee, rate: number) => Math.floor((2 * c.floor_area_centi_m2 * rate * 15 + 3100) / 6200);
  // Over both parts: area × (rate₁ × 15 + rate₂ × 16) ÷ 31, rounded once (partsChargeFen).
  const byParts = (c: Fee, rate1: number, rate2: number) =>
    Math.floor((2 * c.floor_area_centi_m2 * (rate1 * 15 + rate2 * 16) + 3100) / 6200);
  const adjustments = async () =>
    (await t.sql<{ n: number }>(`select count(*)::int as n from arrears.adjustment`, []))[0].n;

  it("tops each fee up with the renewal's days at its rate, the subsidy following, and a second run bills nothing more", async () => {
    const given = scenario(t);
    // Contract 1 at ¥1.50 (the street office subsidising ¥0.20) to 15 March 2026: March billed for its 15 days.
    const { filingId: first } = await given.acceptedFiling(
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
    const run1 = (await ok(company, RUN, { a: areaId, m: '2026-03' })).runBilling;
    const billed = await marchFees();
    expect(billed.length).toBeGreaterThan(3);
    expect(new Set(billed.map((c) => [c.served_days, c.rate_parts, c.filing_id].join()))).toEqual(
      new Set([`15,,${first}`]),
    );
    expect([run1.servedDays, run1.toppedUpHouseholds, run1.shortHouseholds, run1.subsidies]).toEqual([
      15,
      0,
      0,
      [
        {
          payer: '广外街道办事处',
          buildingClass: 'LOW_RISE',
          households: billed.length,
          amountFen: billed.reduce((sum, c) => sum + fifteenDays(c, 20), 0),
        },
      ],
    ]);

    // The owner of the first pays March as billed; the second's fee is corrected by hand; the third's account is
    // referred to a court on 1 May, its March fee in arrears that day.
    const [paid, handCorrected, referred, inCollection] = billed;
    await ok(company, PAY, {
      p: {
        accountId: paid.account_id,
        amountFen: paid.amount_fen,
        paidOn: '2026-04-10',
        method: 'BANK_TRANSFER',
        idempotencyKey: randomUUID(),
      },
    });
    await ok(company, ADJUST, { c: handCorrected.id, a: handCorrected.amount_fen - 100 });
    // The fourth is sent a letter for its 15 days: in collection, its claim goes to litigation with every change.
    expect(
      (
        await ok(company, ACTION, {
          a: inCollection.account_id,
          x: { kind: 'LETTER', on: today, deliveredOn: today, chargeIds: [inCollection.id] },
        })
      ).recordCollectionAction.status,
    ).toBe('IN_COLLECTION');
    await t.sql(`update arrears.account set status = 'REFERRED' where id = $1`, [referred.account_id]);
    await t.sql(
      `insert into arrears.account_transition (id, account_id, from_status, to_status, on_date, by_subject, by_role)
       values (gen_random_uuid(), $1, 'IN_COLLECTION', 'REFERRED', '2026-05-01', 'test', 'PROPERTY_COMPANY')`,
      [referred.account_id],
    );

    // Its renewal at ¥2.00 (subsidy ¥0.50) from the 16th, accepted later; March billed again.
    const { filingId: renewal } = await given.acceptedFiling(
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
    const adjustedBefore = await adjustments();
    const run2 = (await ok(company, RUN, { a: areaId, m: '2026-03' })).runBilling;
    const fees = await marchFees();
    const left = new Set([handCorrected.id, referred.id]);
    const parts = [
      { filingId: first, rateFen: 150, days: 15 },
      { filingId: renewal, rateFen: 200, days: 16 },
    ];
    // Every other fee is the month as billed now: both parts, rounded once, under the renewal's filing (before: each
    // still the first contract's 15 days, the renewal's 16 never billed to the owners).
    expect(fees).toEqual(
      billed.map((c) =>
        left.has(c.id)
          ? { ...c, amount_fen: c.id === handCorrected.id ? c.amount_fen - 100 : c.amount_fen }
          : {
              ...c,
              amount_fen: byParts(c, 150, 200),
              paid_fen: c.id === paid.id ? paid.amount_fen : 0,
              served_days: null,
              rate_parts: parts,
              filing_id: renewal,
            },
      ),
    );
    // The payer's subsidy over the parts of each fee topped up, the 15 days of the two left.
    expect([run2.servedDays, run2.parts, run2.newlyBilled, run2.toppedUpHouseholds, run2.shortHouseholds]).toEqual([
      31,
      [{ days: 15 }, { days: 16 }],
      0,
      billed.length - 2,
      2,
    ]);
    expect(run2.subsidies).toEqual([
      {
        payer: '广外街道办事处',
        buildingClass: 'LOW_RISE',
        households: billed.length,
        amountFen: billed.reduce((sum, c) => sum + (left.has(c.id) ? fifteenDays(c, 20) : byParts(c, 20, 50)), 0),
      },
    ]);
    expect(await adjustments()).toBe(adjustedBefore + billed.length - 2);

    // The owner who paid the 15 days owes the renewal's 16, due on their own day (the end of this month, no late
    // fee before), the payment left as made and the correction on the statement with its reason.
    const { arrearsAccount } = await ok(company, STATEMENT, { id: paid.account_id });
    const topUp = byParts(paid, 150, 200) - paid.amount_fen;
    expect(arrearsAccount.charges).toEqual([
      {
        month: '2026-03',
        filingId: renewal,
        rateFen: 200,
        servedDays: null,
        parts,
        amountFen: byParts(paid, 150, 200),
        paidFen: paid.amount_fen,
        openFen: topUp,
        dueOn: '2026-03-31',
        owedSince: '2026-06-30',
        lateFeeFen: 0,
      },
    ]);
    expect(arrearsAccount.adjustments).toEqual([
      {
        kind: 'CORRECTION',
        amountBeforeFen: paid.amount_fen,
        amountAfterFen: byParts(paid, 150, 200),
        reason: expect.stringContaining('fewer days of 2026-03 than served: the contracts now serve 31 of its 31 days'),
        on: today,
      },
    ]);

    // Litigation is told the claim as it now stands: March in parts, the raise owed since its own day.
    const [{ payload: claim }] = await t.sql<{ payload: { charges: Record<string, unknown>[] } }>(
      `select payload from arrears.outbox where event_type = 'hub.arrears.claim.updated' and message_key = $1
        order by id desc limit 1`,
      [inCollection.account_id],
    );
    expect(claim.charges.find((c) => c.chargeId === inCollection.id)).toMatchObject({
      month: '2026-03',
      amountFen: byParts(inCollection, 150, 200),
      parts,
      dueOn: '2026-03-31',
      owedSince: '2026-03-31',
    });

    // Idempotent: run again, nothing more is billed, topped up or recorded.
    const run3 = (await ok(company, RUN, { a: areaId, m: '2026-03' })).runBilling;
    expect([run3.newlyBilled, run3.toppedUpHouseholds, run3.shortHouseholds, run3.subsidies]).toEqual([
      0,
      0,
      2,
      run2.subsidies,
    ]);
    expect(await marchFees()).toEqual(fees);
    expect(await adjustments()).toBe(adjustedBefore + billed.length - 2);
  });
});
