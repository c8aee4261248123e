import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { addDays, addMonths } from '../kernel/calendar';
import { pinHubToday } from '../kernel/clock';
import { chargeFen } from '../kernel/money';
import { TestHub, identity, startTestHub, pinTestToday } from './support/hub-fixture';
import { GUANGWAI_OFFICE, HONGJU, gqlExpectations, hongjuTerms, scenario } from './support/scenario';
import { waitFor } from './support/wait-for';
import { connectedClient } from './support/db-client';
import { balanceMismatchesSql } from './support/balance-mismatches';

// The stored per-account arrears balance (issue 16): after billing, payments, waivers, corrections and a levy, and
// after the day moves past due dates, every account's stored balance equals the sum over its charges, and the list's
// order is the one the old computation (an aggregate over the open charges as of today) gave.
const companyA = identity('PROPERTY_COMPANY', '91110102MA0000BALA');
const companyB = identity('PROPERTY_COMPANY', '91110102MA0000BALB');
const today = pinTestToday('2026-12-01');
const thisMonth = today.slice(0, 7);
const firstMonth = addMonths(thisMonth, -5);
const SUBSIDY_PAYER = '广安门外街道办事处';

const LIST = `query($first: Int, $after: Key) { arrears(first: $first, after: $after) { endCursor items { accountId arrearsFen openCharges oldestDueOn } } }`;
const PAY = `mutation($p: PaymentInput!) { recordPayment(payment: $p) { paymentId } }`;
const ADJUST = `mutation($c: ID!, $k: AdjustmentKind!, $r: Note!, $fen: Fen, $amount: Fen) { adjustCharge(chargeId: $c, kind: $k, reason: $r, fen: $fen, amountFen: $amount) { id } }`;
const LEVY = `mutation($l: LevyInput!) { createLevy(levy: $l) { id households } }`;

/** Accounts whose stored balance differs from the sum over their charges as of the balance day: one SQL check. */
const MISMATCHES = balanceMismatchesSql();

/** The order the list had before the stored balance: aggregated over the company's open charges as of `$2`. */
const OLD_ORDER = `
  select a.id from arrears.account a join arrears.charge c on c.account_id = a.id
   where a.company_id = $1 and c.amount_fen > c.paid_fen + c.waived_fen and c.due_on < $2::date and not c.voluntary
   group by a.id having sum(c.amount_fen - c.paid_fen - c.waived_fen) > 0
   order by sum(c.amount_fen - c.paid_fen - c.waived_fen) desc, a.id`;

describe('arrears: the stored per-account balance equals the charges after every writer and every day', () => {
  let t: TestHub;
  let db: Client;
  let areaId: string;
  let accountIds: string[];
  const { ok } = gqlExpectations(() => t);

  /** The whole list through the gateway, 7 at a time by cursor. */
  const listed = async (who = companyA) => {
    const ids: string[] = [];
    let after: string | null = null;
    do {
      const page: { endCursor: string | null; items: { accountId: string }[] } = (
        await ok(who, LIST, { first: 7, after })
      ).arrears;
      ids.push(...page.items.map((i) => i.accountId));
      after = page.endCursor;
    } while (after);
    return ids;
  };
  const expectConsistent = async (asOf: string) => {
    const ids = await listed(); // rolls the balance day to today first
    expect((await db.query(`select as_of::text as d from arrears.balance_day`)).rows[0].d).toBe(asOf);
    expect((await db.query(MISMATCHES)).rows).toEqual([]);
    const old = (await db.query(OLD_ORDER, [companyA.organisationId, asOf])).rows.map((r) => r.id);
    expect(old.length).toBeGreaterThan(0);
    expect(ids).toEqual(old);
    return ids;
  };

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'contracts', 'arrears'] });
    db = await connectedClient(t.databaseUrl);
    const given = scenario(t);
    ({ areaId } = await given.compound(HONGJU, { knownTo: ['contracts', 'arrears'] }));
    // A street office pays 0.78 yuan per m² of the owners' fee for a year (as seed 003's subsidy).
    const feeSchedule = {
      classes: [
        {
          buildingClass: 'LOW_RISE',
          assessedRateFenPerM2Month: 178,
          ownerRateFenPerM2Month: 100,
          subsidies: [{ payer: SUBSIDY_PAYER, rateFenPerM2Month: 78, startMonth: firstMonth, months: 12 }],
        },
      ],
    };
    await given.acceptedFiling(
      companyA,
      areaId,
      hongjuTerms(companyA, firstMonth, { number: 'HJ6-BALANCE-01', feeSchedule }),
      { knownTo: ['arrears'] },
    );
  });

  afterAll(async () => {
    pinHubToday(today);
    await db?.end();
    await t?.stop();
  });

  it('billing, partial payments, a waiver, a correction and a levy each keep the stored balance equal to the recomputed sum', async () => {
    const given = scenario(t);
    await given.billedMonths(companyA, areaId, [
      firstMonth,
      addMonths(thisMonth, -3),
      addMonths(thisMonth, -1),
      thisMonth,
    ]);
    const { rows } = await db.query(
      `select id from arrears.account where area_id = $1 and company_id = $2 order by household_id`,
      [areaId, companyA.organisationId],
    );
    accountIds = rows.map((r) => r.id);
    const afterBilling = await expectConsistent(today);
    expect(afterBilling.length).toBe(accountIds.length);
    const balances = async () =>
      new Map(
        (await db.query(`select id, arrears_fen::int8::text as fen from arrears.account`)).rows.map((r) => [
          r.id,
          r.fen,
        ]),
      );
    const before = await balances();

    // Partial payments of different sizes reorder the list.
    for (const [i, accountId] of accountIds.slice(0, 6).entries())
      await ok(companyA, PAY, {
        p: { accountId, amountFen: 1000 * (i + 1), paidOn: today, method: 'CASH', idempotencyKey: randomUUID() },
      });
    const { rows: charges } = await db.query(
      `select id, amount_fen, paid_fen from arrears.charge where account_id = $1 order by due_on`,
      [accountIds[7]],
    );
    await ok(companyA, ADJUST, { c: charges[0].id, k: 'WAIVER', r: '调解减免', fen: 500 });
    await ok(companyA, ADJUST, {
      c: charges[1].id,
      k: 'CORRECTION',
      r: '面积更正',
      amount: Number(charges[1].amount_fen) - 300,
    });
    await expectConsistent(today);
    const after = await balances();
    expect(accountIds.slice(0, 8).filter((id) => after.get(id) !== before.get(id))).toHaveLength(7); // #6 unpaid

    // A levy owed under the owners' joint decision, due yesterday: arrears at once for the households of one building.
    const { recordJointDecision: decision } = await ok(
      GUANGWAI_OFFICE,
      `mutation($i: RecordJointDecisionInput!) { recordJointDecision(input: $i) { id valid } }`,
      {
        i: {
          areaId,
          matter: 'RAISE_MAINTENANCE_FUND',
          heldOn: addDays(today, -40),
          tally: {
            totalOwners: 72,
            totalArea: '5894.70', // the register's, as the hub checks
            participatingOwners: 60,
            participatingArea: '4200.00',
            consentingOwners: 50,
            consentingArea: '3500.00',
          },
        },
      },
    );
    expect(decision.valid).toBe(true);
    await waitFor(
      'arrears to hold the decision',
      async () =>
        (await db.query(`select 1 from arrears.joint_decision_view where decision_id = $1`, [decision.id])).rowCount ===
        1,
    );
    const building = (
      await db.query(`select building_id from arrears.account where id = $1`, [accountIds[accountIds.length - 1]])
    ).rows[0].building_id;
    const levy = (
      await ok(companyA, LEVY, {
        l: {
          areaId,
          title: '楼道改造集资',
          purpose: '楼道改造',
          accountName: '红居南街6号院专项账户',
          rateFenPerM2: 500,
          activationThresholdPercent: 50,
          decidedOn: addDays(today, -35),
          dueOn: addDays(today, -1),
          buildingIds: [building],
          jointDecisionId: decision.id,
        },
      })
    ).createLevy;
    expect(levy.households).toBeGreaterThan(0);
    const afterLevy = await balances();
    await expectConsistent(today);
    const inBuilding = (
      await db.query(`select id from arrears.account where building_id = $1 and company_id = $2`, [
        building,
        companyA.organisationId,
      ])
    ).rows.map((r) => r.id);
    expect(inBuilding.every((id) => BigInt(afterLevy.get(id)) > BigInt(after.get(id)))).toBe(true);

    // Another company sees none of these accounts.
    expect(await listed(companyB)).toEqual([]);
  });

  it('a month billed again after a household arrived raises only the new account, by its one fee', async () => {
    // A household the areas feed delivered after the month was billed, as arrears stores it.
    const { rows: sample } = await db.query(
      `select building_id, building_class from arrears.billable_household where area_id = $1 limit 1`,
      [areaId],
    );
    const householdId = randomUUID();
    await db.query(
      `insert into arrears.billable_household (household_id, building_id, area_id, building_class, unit, room, floor_area_centi_m2, owner_reference)
       values ($1, $2, $3, $4, '9', '9901', 8888, 'balance-late-arrival')`,
      [householdId, sample[0].building_id, areaId, sample[0].building_class],
    );
    const before = (await db.query(`select id, arrears_fen::text as fen from arrears.account`)).rows;
    const subsidy = async () =>
      (
        await db.query(
          `select households, floor_area_centi_m2::int8 as area, amount_fen::int8 as fen from arrears.subsidy_charge
            where area_id = $1 and month = $2 and payer = $3 and building_class = $4`,
          [areaId, firstMonth, SUBSIDY_PAYER, sample[0].building_class],
        )
      ).rows[0];
    const subsidyBefore = await subsidy();
    const run = await ok(
      companyA,
      `mutation($a: ID!, $m: Key!) { runBilling(areaId: $a, month: $m) { newlyBilled } }`,
      {
        a: areaId,
        m: firstMonth,
      },
    );
    expect(run.runBilling.newlyBilled).toBe(1);
    expect((await db.query(MISMATCHES)).rows).toEqual([]);
    const after = new Map(
      (await db.query(`select id, arrears_fen::text as fen from arrears.account`)).rows.map((r) => [r.id, r.fen]),
    );
    expect(before.filter((r) => after.get(r.id) !== r.fen)).toEqual([]);
    const { rows: added } = await db.query(
      `select a.arrears_fen::int8 as fen, a.arrears_charges as n, c.amount_fen::int8 as amount
         from arrears.account a join arrears.charge c on c.account_id = a.id where a.household_id = $1`,
      [householdId],
    );
    expect(added).toHaveLength(1);
    expect(added[0]).toEqual({ fen: added[0].amount, n: 1, amount: added[0].amount });
    expect(Number(added[0].amount)).toBeGreaterThan(0);
    // The subsidy's payer is billed for the newcomer too (its row was left as the first run wrote it).
    expect(await subsidy()).toEqual({
      households: subsidyBefore.households + 1,
      area: subsidyBefore.area + 8888,
      fen: subsidyBefore.fen + chargeFen(8888, 78),
    });
  });

  it('moving the day past due dates recomputes the accounts whose charges fell due, in one step, and back', async () => {
    const later = addDays(today, 45); // this month's fee (due on its last day) falls due in between
    const { rows: fallingDue } = await db.query(
      `select count(distinct account_id)::int as n from arrears.charge
        where due_on >= $1::date and due_on < $2::date and not voluntary and amount_fen > paid_fen + waived_fen`,
      [today, later],
    );
    expect(fallingDue[0].n).toBeGreaterThan(0);
    const sumBefore = (await db.query(`select sum(arrears_fen)::int8::text as s from arrears.account`)).rows[0].s;
    pinHubToday(later);
    await expectConsistent(later);
    const sumAfter = (await db.query(`select sum(arrears_fen)::int8::text as s from arrears.account`)).rows[0].s;
    expect(BigInt(sumAfter)).toBeGreaterThan(BigInt(sumBefore));
    // A payment after the move is as of the new day too.
    await ok(companyA, PAY, {
      p: { accountId: accountIds[9], amountFen: 777, paidOn: later, method: 'CASH', idempotencyKey: randomUUID() },
    });
    await expectConsistent(later);
    pinHubToday(today);
    await expectConsistent(today);
  });
});
