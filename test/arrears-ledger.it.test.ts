import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { addDays, addMonths, addYears } from '../kernel/calendar';
import { Charge } from '../subgraphs/arrears/domain/charge';
import { TestHub, identity, startTestHub, pinTestToday } from './support/hub-fixture';
import { probeTopics } from './support/kafka-probe';
import { hubQuiet } from './support/hub-quiet';
import { GUANGWAI_OFFICE, HONGJU, gqlExpectations, hongjuTerms, scenario } from './support/scenario';
import { expectValidEvent } from './support/event-schema';
import { connectedClient } from './support/db-client';
import { waitFor } from './support/wait-for';
import { importPayments } from '../subgraphs/arrears/application/import-payments';
import { loadAccounts } from '../subgraphs/arrears/application/account.lookup';

// Company A files a contract at 红居南街6号院 (no contract in the demo data), starting 13 months ago.
const guangwai = GUANGWAI_OFFICE;
const desheng = identity('STREET_OFFICE', 'street-office-desheng', ['110102011']);
const xichengBureau = identity('CITY_BUREAU', 'bureau-xicheng', ['110102']);
const haidianBureau = identity('CITY_BUREAU', 'bureau-haidian', ['110108']);
const companyA = identity('PROPERTY_COMPANY', '91110102MA0000ARRA');
const companyB = identity('PROPERTY_COMPANY', '91110102MA0000ARRB');
const court = identity('COURT', 'bj-xicheng-court');

// Periods counted from "today" (filing deadlines, grace days, demand periods) would run past the holiday data the hub
// holds (2026-12-24) from mid-December 2026: the scenario is pinned to a day it is dated against.
const today = pinTestToday('2026-12-01');
const thisMonth = today.slice(0, 7);
const firstMonth = addMonths(thisMonth, -13);
// Worked by hand, not by the code under test: the first month (2025-11) falls due on its last day, 30 November 2025;
// its 30 grace days end on Tuesday 30 December 2025, and 3/10,000 a day runs on each of the 336 days from then to
// 1 December 2026. Three years' limitation (Civil Code art. 188) from a day ends on that day three years on.
const FIRST_DUE_ON = '2025-11-30';
const FIRST_LATE_FEE_DAYS = 336;
// Whole fen, half up, of fen × N / d (amounts here are positive, so Math.round is half up).
const fenOf = (fen: number, n: number, d: number) => Math.round((fen * n) / d);
const LATE_FEE = { dailyRatePerTenThousand: 3, graceDays: 30, capPercentOfPrincipal: null };
const SUBSIDY_PAYER = '广安门外街道办事处';

const terms = () =>
  hongjuTerms(companyA, firstMonth, {
    number: 'HJ6-ARREARS-01',
    endsOn: addDays(addYears(`${firstMonth}-01`, 3), -1),
    feeSchedule: {
      classes: [
        {
          buildingClass: 'LOW_RISE',
          assessedRateFenPerM2Month: 178,
          ownerRateFenPerM2Month: 100,
          // Seed 003's ¥0.78 as two grants of one payer, billed as one line of 78: before, two lines of one payer and
          // class failed the area's whole billing run.
          subsidies: [
            { payer: SUBSIDY_PAYER, rateFenPerM2Month: 50, startMonth: firstMonth, months: 12 },
            { payer: SUBSIDY_PAYER, rateFenPerM2Month: 28, startMonth: firstMonth, months: 12 },
          ],
        },
      ],
    },
    lateFee: LATE_FEE,
  });

const RUN = `mutation($a: ID!, $m: Key!) { runBilling(areaId: $a, month: $m) { id month households chargedFen newlyBilled unbilledHouseholds dueOn recordNumber subsidies { payer buildingClass households amountFen } } }`;
const LIST = `query($f: ArrearsFilter, $first: Int) { arrears(filter: $f, first: $first) { totalCount openFen aging { bucket count openFen } items { accountId buildingId unit room status openFen arrearsFen openCharges oldestDueOn daysOverdue agingBucket } } }`;
const STATEMENT_FIELDS = `id status creditFen openFen billedFen paidFen waivedFen lateFeeFen asOf
  charges { chargeId kind month dueOn amountFen paidFen waivedFen openFen daysOverdue agingBucket limitationEndsOn lateFeeFen lateFeeWaived floorAreaCentiM2 rateFen }
  aging { bucket count openFen } payments { receiptNumber amountFen paidOn } adjustments { kind fen reason }
  actions { actionId kind on chargeIds mediator outcome outcomeOn deliveredOn recordedByRole } transitions { from to reason on byRole }`;
const STATEMENT = `query($id: ID!) { arrearsAccount(id: $id) { ${STATEMENT_FIELDS} } }`;
const PAY = `mutation($p: PaymentInput!) { recordPayment(payment: $p) { paymentId receiptNumber amountFen creditFen paidInto purpose allocations { chargeId month fen } } }`;
const ACTION = `mutation($a: ID!, $x: CollectionActionInput!) { recordCollectionAction(accountId: $a, action: $x) { ${STATEMENT_FIELDS} } }`;
const DELIVERED = `mutation($id: ID!, $on: LocalDate!) { recordLetterDelivery(actionId: $id, deliveredOn: $on) { ${STATEMENT_FIELDS} } }`;
const OUTCOME = `mutation($id: ID!, $o: MediationOutcome!, $on: LocalDate!) { recordMediationOutcome(actionId: $id, outcome: $o, outcomeOn: $on) { status transitions { from to } } }`;
const ADJUST = `mutation($c: ID!, $k: AdjustmentKind!, $r: Note!, $fen: Fen, $amount: Fen, $key: Key) { adjustCharge(chargeId: $c, kind: $k, reason: $r, fen: $fen, amountFen: $amount, idempotencyKey: $key) { ${STATEMENT_FIELDS} } }`;
const RATES = `query($g: CollectionRateGrouping!, $a: ID, $l: ID) { collectionRates(groupBy: $g, areaId: $a, levyId: $l) { key households paidHouseholds billedFen collectedFen byHouseholds { numerator denominator percent } byAmount { percent } } }`;
const LEVY = `mutation($l: LevyInput!) { createLevy(levy: $l) { id households billedFen paidHouseholds buildings { buildingId households quota activated } byHouseholds { percent } } }`;

interface Household {
  id: string;
  building_id: string;
  floor_area_centi_m2: number;
}

describe('arrears: billing, payments, collection and rates, through the gateway and the feed', () => {
  let t: TestHub;
  let db: Client;
  let areaId: string;
  let households: Household[];
  let accountIds: string[];
  let probe: Awaited<ReturnType<typeof probeTopics>>;

  const { ok, fails } = gqlExpectations(() => t);
  const count = async (table: string) =>
    Number((await db.query(`select count(*)::int as n from arrears.${table}`)).rows[0].n);
  const statement = async (who: Parameters<TestHub['gql']>[0], id: string) =>
    (await ok(who, STATEMENT, { id })).arrearsAccount;

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'contracts', 'arrears'] });
    db = await connectedClient(t.databaseUrl);
    const given = scenario(t);
    ({ areaId } = await given.compound(HONGJU, { knownTo: ['contracts', 'arrears'] }));
    await given.acceptedFiling(companyA, areaId, terms(), { knownTo: ['arrears'] });
    households = (
      await db.query(
        `select household_id as id, building_id, floor_area_centi_m2 from arrears.billable_household where area_id = $1 order by household_id`,
        [areaId],
      )
    ).rows;
    probe = await probeTopics(t.brokers, [`${t.topicPrefix}arrears.accounts.v1`, `${t.topicPrefix}arrears.levies.v1`]);
    await given.billedMonths(companyA, areaId, [firstMonth, addMonths(thisMonth, -2), thisMonth]);
    const { rows } = await db.query(
      `select id from arrears.account where area_id = $1 and company_id = $2 order by household_id`,
      [areaId, companyA.organisationId],
    );
    accountIds = rows.map((r) => r.id);
  });

  afterAll(async () => {
    await probe?.stop();
    await db?.end();
    await t?.stop();
  });

  it('bills each household its floor area × the owner rate, bills the subsidy to its payer, and bills a month only once', async () => {
    // ¥1.00 per m² a month is one fen per hundredth of a m²; the subsidy's ¥0.78, 78 fen per 100 hundredths.
    const expected = households.reduce((sum, h) => sum + h.floor_area_centi_m2, 0);
    const subsidy = households.reduce((sum, h) => sum + fenOf(h.floor_area_centi_m2, 78, 100), 0);
    const first = (await ok(companyA, RUN, { a: areaId, m: firstMonth })).runBilling;
    expect(first).toMatchObject({
      month: firstMonth,
      households: households.length,
      chargedFen: expected,
      newlyBilled: 0,
      unbilledHouseholds: 0,
      dueOn: FIRST_DUE_ON,
    });
    expect(first.recordNumber).toMatch(/^110102-/);
    expect(first.subsidies).toEqual([
      { payer: SUBSIDY_PAYER, buildingClass: 'LOW_RISE', households: households.length, amountFen: subsidy },
    ]);
    const charges = await count('charge');
    // Accounts and charges get time-ordered ids (UUID v7), so a large area's month is written in one sweep of each
    // index rather than at random pages (billServiceFees).
    const versions = await db.query(
      `select (select array_agg(distinct substr(id::text, 15, 1)) from arrears.account where area_id = $1) as accounts,
              (select array_agg(distinct substr(id::text, 15, 1)) from arrears.charge where area_id = $1) as charges`,
      [areaId],
    );
    expect(versions.rows[0]).toEqual({ accounts: ['7'], charges: ['7'] });

    // Last month is billed for the first time; the subsidy's 12 months have run out, so only owners are billed.
    const lastMonth = addMonths(thisMonth, -1);
    const current = (await ok(companyA, RUN, { a: areaId, m: lastMonth })).runBilling;
    expect(current).toMatchObject({
      households: households.length,
      newlyBilled: households.length,
      chargedFen: expected,
      subsidies: [],
    });
    const again = (await ok(companyA, RUN, { a: areaId, m: lastMonth })).runBilling;
    expect(again).toMatchObject({
      id: current.id,
      households: households.length,
      newlyBilled: 0,
      chargedFen: expected,
    });
    expect(await count('charge')).toBe(charges + households.length);

    // Each bad request is refused with its code, and writes nothing.
    const before = [await count('charge'), await count('billing_run'), await count('account')];
    expect((await fails(companyA, RUN, { a: areaId, m: addMonths(thisMonth, 1) })).extensions.code).toBe(
      'BAD_USER_INPUT',
    );
    expect((await fails(companyA, RUN, { a: areaId, m: '2024-13' })).extensions.details?.problems).toEqual([
      { code: 'UNKNOWN_MONTH', month: '2024-13' },
    ]);
    expect((await fails(companyA, RUN, { a: areaId, m: addMonths(firstMonth, -1) })).extensions.code).toBe(
      'NO_CONTRACT_IN_FORCE',
    );
    expect((await fails(companyB, RUN, { a: areaId, m: thisMonth })).extensions.code).toBe('NO_CONTRACT_IN_FORCE');
    expect((await fails(guangwai, RUN, { a: areaId, m: thisMonth })).extensions.code).toBe('FORBIDDEN');
    expect([await count('charge'), await count('billing_run'), await count('account')]).toEqual(before);
  });

  it('applies a payment to the oldest charge first, issues one receipt per idempotency key, and refuses bad payments without a trace', async () => {
    const accountId = accountIds[0];
    const account = await statement(companyA, accountId);
    const [oldest, later] = account.charges;
    expect(oldest.month).toBe(firstMonth);
    const payment = {
      accountId,
      amountFen: oldest.amountFen + 1,
      paidOn: today,
      method: 'WECHAT_PAY',
      idempotencyKey: randomUUID(),
    };
    const receipt = (await ok(companyA, PAY, { p: payment })).recordPayment;
    expect(receipt).toMatchObject({
      amountFen: oldest.amountFen + 1,
      creditFen: 0,
      paidInto: 'PROPERTY_SERVICE_FEES',
      purpose: 'SERVICE_FEE',
    });
    expect(receipt.allocations).toEqual([
      { chargeId: oldest.chargeId, month: firstMonth, fen: oldest.amountFen },
      { chargeId: later.chargeId, month: later.month, fen: 1 },
    ]);
    expect(receipt.receiptNumber).toMatch(/^R\d{4}-\d{8}$/);
    const retry = (await ok(companyA, PAY, { p: payment })).recordPayment;
    expect(retry.receiptNumber).toBe(receipt.receiptNumber);
    expect((await fails(companyA, PAY, { p: { ...payment, amountFen: 5 } })).extensions.code).toBe(
      'IDEMPOTENCY_KEY_REUSED',
    );

    const before = [
      await count('payment'),
      await count('payment_allocation'),
      (await statement(companyA, accountId)).paidFen,
    ];
    const negative = await fails(companyA, PAY, { p: { ...payment, amountFen: -100, idempotencyKey: randomUUID() } });
    expect(negative.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { amountFen: expect.any(String) } },
    });
    expect(
      (await fails(companyA, PAY, { p: { ...payment, paidOn: addDays(today, 1), idempotencyKey: randomUUID() } }))
        .extensions.code,
    ).toBe('BAD_USER_INPUT');
    expect(
      (
        await fails(companyA, PAY, {
          p: { ...payment, designatedChargeIds: [randomUUID()], idempotencyKey: randomUUID() },
        })
      ).extensions.details?.problems,
    ).toEqual([{ code: 'UNKNOWN_CHARGE', chargeId: expect.any(String) }]);
    // Another company's payment on this account: the account does not exist for it.
    expect((await fails(companyB, PAY, { p: { ...payment, idempotencyKey: randomUUID() } })).extensions.code).toBe(
      'NOT_FOUND',
    );
    expect([
      await count('payment'),
      await count('payment_allocation'),
      (await statement(companyA, accountId)).paidFen,
    ]).toEqual(before);

    const events = await probe.waitForCount(
      'the payment event',
      (m) => m.headers.ce_type === 'hub.arrears.account.payment-recorded' && String(m.message.key) === accountId,
      1,
    );
    expect(events).toHaveLength(1);
    expect(expectValidEvent(events[0], 'hub.arrears.account.payment-recorded')).toMatchObject({
      receiptNumber: receipt.receiptNumber,
      amountFen: oldest.amountFen + 1,
      status: 'CURRENT',
    });
    // A reminder naming only the charge now paid is recorded but demands no arrears: the account stays CURRENT.
    // Before, it went IN_COLLECTION with nothing named in arrears.
    const reminded = (
      await ok(companyA, ACTION, {
        a: accountId,
        x: { kind: 'NOTICE_POSTED', reached: true, on: today, chargeIds: [oldest.chargeId] },
      })
    ).recordCollectionAction;
    expect(reminded).toMatchObject({ status: 'CURRENT', transitions: [] });
    expect(reminded.actions.map((a: { kind: string }) => a.kind)).toEqual(['NOTICE_POSTED']);
  });

  /** The account's household sold through the register on `soldOn`, once arrears holds the day: its building. */
  const sold = async (accountId: string, soldOn: string) => {
    const [{ household_id: householdId, building_id: building }] = (
      await db.query(`select household_id, building_id from arrears.account where id = $1`, [accountId])
    ).rows;
    await ok(guangwai, `mutation($h: ID!, $i: UpdateHouseholdInput!) { updateHousehold(id: $h, input: $i) { id } }`, {
      h: householdId,
      i: { ownerReference: `o-sold-${accountId}`, ownerName: '新业主', ownerSince: soldOn },
    });
    await waitFor('arrears to hold the day the new owner became the owner', async () => {
      const { rows } = await db.query(
        `select to_char(owner_since, 'YYYY-MM-DD') as since from arrears.billable_household where household_id = $1`,
        [householdId],
      );
      return rows[0]?.since === soldOn;
    });
    return { building: building as string };
  };

  it('applies a new owner’s payment without designation to their own months, never the former owner’s (Civil Code arts. 560, 944)', async () => {
    const accountId = accountIds[40];
    const soldOn = `${addMonths(thisMonth, -2)}-01`;
    await sold(accountId, soldOn);
    const charges = (
      await db.query(
        `select id, month, amount_fen::int as fen from arrears.charge where account_id = $1 and kind = 'SERVICE_FEE' order by month`,
        [accountId],
      )
    ).rows as { id: string; month: string; fen: number }[];
    const [former, own] = charges;
    expect([former.month, own.month]).toEqual([firstMonth, addMonths(thisMonth, -2)]);
    const IMPORT = `mutation($p: [PaymentInput!]!) { importPayments(payments: $p) { receiptNumber } }`;
    const pay = (extra: Record<string, unknown>) =>
      ok(companyA, IMPORT, {
        p: [
          {
            accountId,
            amountFen: own.fen,
            paidOn: today,
            method: 'BANK_TRANSFER',
            idempotencyKey: randomUUID(),
            ...extra,
          },
        ],
      });
    const allocated = async () =>
      (
        await db.query(
          `select a.charge_id, a.fen::int as fen from arrears.payment_allocation a join arrears.payment p on p.id = a.payment_id
            where p.account_id = $1 order by p.recorded_at, a.charge_id`,
          [accountId],
        )
      ).rows;
    await pay({});
    // Before, it paid the former owner's oldest month, and the new owner's own month stayed in arrears.
    expect(await allocated()).toEqual([{ charge_id: own.id, fen: own.fen }]);
    // Paid before the sale (a bank file imported late), it pays the former owner's months: it was their money.
    await pay({ amountFen: 100, paidOn: addDays(soldOn, -1) });
    // Named, a payment still pays the former owner's month (the former owner paying, or the buyer taking it on).
    await pay({ amountFen: former.fen - 100, designatedChargeIds: [former.id] });
    expect(await allocated()).toEqual([
      { charge_id: own.id, fen: own.fen },
      { charge_id: former.id, fen: 100 },
      { charge_id: former.id, fen: former.fen - 100 },
    ]);
  });

  it("restarts the former owner's limitation period with their own part payment, never with the new owner's (SPC provisions on limitation art. 14)", async () => {
    const accountId = accountIds[42];
    const soldOn = `${addMonths(thisMonth, -2)}-01`;
    await sold(accountId, soldOn);
    const [former] = (
      await db.query(
        `select id, month from arrears.charge where account_id = $1 and kind = 'SERVICE_FEE' order by month limit 1`,
        [accountId],
      )
    ).rows as { id: string; month: string }[];
    expect(former.month).toBe(firstMonth);
    const pay = (paidOn: string) =>
      ok(companyA, PAY, {
        p: {
          accountId,
          amountFen: 100,
          paidOn,
          method: 'BANK_TRANSFER',
          designatedChargeIds: [former.id],
          idempotencyKey: randomUUID(),
        },
      });
    const endsOn = async () =>
      (await statement(companyA, accountId)).charges.find((c: { chargeId: string }) => c.chargeId === former.id)
        .limitationEndsOn;
    // The seller's 100 the day before the sale is their part payment: three years from it.
    await pay(addDays(soldOn, -1));
    expect(await endsOn()).toBe('2029-09-30');
    // The buyer's 100 toward the same month pays it but is not the seller's act. Before, the period ran from today.
    await pay(today);
    expect(await endsOn()).toBe('2029-09-30');
  });

  it('imports a payment statement all or nothing, naming the bad line, and records each line once however often it is imported', async () => {
    const IMPORT = `mutation($p: [PaymentInput!]!) { importPayments(payments: $p) { receiptNumber accountId amountFen replayed } }`;
    const line = (i: number, key: string = randomUUID()) => ({
      accountId: accountIds[10 + i],
      amountFen: 100 + i,
      paidOn: today,
      method: 'ALIPAY',
      idempotencyKey: key,
    });
    const lines = [line(0, `stmt-${areaId}-0`), line(1, `stmt-${areaId}-1`)];
    const before = [await count('payment'), await count('payment_allocation')];
    const bad = await fails(companyA, IMPORT, { p: [...lines, { ...line(2), accountId: randomUUID() }] });
    expect(bad.extensions).toMatchObject({ code: 'NOT_FOUND', details: { index: 2 } });
    expect(bad.message).toMatch(/^Payment 3: /);
    const negative = await fails(companyA, IMPORT, { p: [lines[0], { ...line(1), amountFen: 0 }] });
    expect(negative.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { index: 1, fields: { amountFen: expect.any(String) } },
    });
    expect((await fails(companyA, IMPORT, { p: [lines[0], lines[0]] })).extensions.code).toBe('BAD_USER_INPUT');
    expect([await count('payment'), await count('payment_allocation')]).toEqual(before);

    const receipts = (await ok(companyA, IMPORT, { p: lines })).importPayments;
    expect(receipts.map((r: { accountId: string; amountFen: number }) => [r.accountId, r.amountFen])).toEqual([
      [accountIds[10], 100],
      [accountIds[11], 101],
    ]);
    expect(receipts.map((r: { replayed: boolean }) => r.replayed)).toEqual([false, false]);
    // Imported again with a new line: the earlier lines return their receipts marked replayed, so the clerk sees that
    // they were recorded before (before, nothing told a second identical payment from a repeat of the first).
    const again = (await ok(companyA, IMPORT, { p: [...lines, line(4, `stmt-${areaId}-4`)] })).importPayments;
    expect(again.slice(0, 2).map((r: { receiptNumber: string }) => r.receiptNumber)).toEqual(
      receipts.map((r: { receiptNumber: string }) => r.receiptNumber),
    );
    expect(again.map((r: { replayed: boolean }) => r.replayed)).toEqual([true, true, false]);
    expect(await count('payment')).toBe(before[0] + 3);
    expect((await fails(companyB, IMPORT, { p: [line(3)] })).extensions.code).toBe('NOT_FOUND');
  });

  it('applies the lines of one statement in order, each to the charges the lines before it left, and moves a cleared account once', async () => {
    const IMPORT = `mutation($p: [PaymentInput!]!) { importPayments(payments: $p) { receiptNumber accountId amountFen creditFen allocations { chargeId month fen } } }`;
    const [accountId, other] = [accountIds[20], accountIds[21]];
    const billed = (await statement(companyA, accountId)).charges;
    await ok(companyA, ACTION, {
      a: accountId,
      x: { kind: 'CALL', on: today, chargeIds: [billed[0].chargeId], reached: true },
    });
    const [oldest, latest] = [billed[0], billed[billed.length - 1]];
    const between = billed.slice(1, -1).reduce((sum: number, c: Charge) => sum + c.amountFen, 0);
    const line = (id: string, amountFen: number, designatedChargeIds: string[] = []) => ({
      accountId: id,
      amountFen,
      paidOn: today,
      method: 'BANK_TRANSFER',
      designatedChargeIds,
      idempotencyKey: randomUUID(),
    });
    const lines = [
      line(accountId, oldest.amountFen - 10), // most of the oldest fee
      line(other.toUpperCase(), 7), // an id in upper case names the same account
      line(accountId, latest.amountFen + 5, [latest.chargeId]), // the designated latest fee, 5 fen left as credit
      line(accountId, 10 + between), // the rest of the oldest, then the fees between: all paid
    ];
    const receipts = (await ok(companyA, IMPORT, { p: lines })).importPayments;

    // Each line applied to the charges the account's lines before it left: the first to the oldest fee, the second
    // to the fee it designates with 5 fen over, the third to the oldest fee's last 10 fen and then the fees between.
    const byCharge = (a: { chargeId: string }, b: { chargeId: string }) => (a.chargeId < b.chargeId ? -1 : 1);
    const expected = [
      { creditFen: 0, allocations: [{ chargeId: oldest.chargeId, fen: oldest.amountFen - 10 }] },
      { creditFen: 5, allocations: [{ chargeId: latest.chargeId, fen: latest.amountFen }] },
      {
        creditFen: 0,
        allocations: [
          { chargeId: oldest.chargeId, fen: 10 },
          ...billed.slice(1, -1).map((c: Charge) => ({ chargeId: c.chargeId, fen: c.amountFen })),
        ].sort(byCharge),
      },
    ];
    const mine = [receipts[0], receipts[2], receipts[3]].map(
      (r: { creditFen: number; allocations: { chargeId: string; fen: number }[] }) => ({
        creditFen: r.creditFen,
        allocations: r.allocations.map((a) => ({ chargeId: a.chargeId, fen: a.fen })).sort(byCharge),
      }),
    );
    expect(mine).toEqual(expected);
    const numbers = receipts.map((r: { receiptNumber: string }) => Number(r.receiptNumber.slice(6)));
    expect(numbers).toEqual(numbers.map((_: number, i: number) => numbers[0] + i));

    const paid = await statement(companyA, accountId);
    expect(paid).toMatchObject({ status: 'CURRENT', openFen: 0, creditFen: 5 });
    expect(paid.transitions.map((x: { to: string; reason: string }) => [x.to, x.reason])).toEqual([
      ['IN_COLLECTION', expect.any(String)],
      ['CURRENT', 'All charges paid'],
    ]);
    expect(receipts[1].accountId).toBe(other);
    expect((await statement(companyA, other)).paidFen).toBe(7);
    const { rows } = await db.query(`select arrears_fen from arrears.account where id = $1`, [accountId]);
    expect(Number(rows[0].arrears_fen)).toBe(0);

    // One event per line, in line order, each with the account as that line left it; the move's event before the last.
    const events = await probe.waitForCount(
      "the account's payment and status events",
      (m) =>
        String(m.message.key) === accountId &&
        ['hub.arrears.account.payment-recorded', 'hub.arrears.account.status-changed'].includes(
          String(m.headers.ce_type),
        ),
      5,
    );
    const total = billed.reduce((sum: number, c: Charge) => sum + c.amountFen, 0);
    expect(
      events.map((m) => {
        const data = expectValidEvent(m, String(m.headers.ce_type)) as { status: string; openFen: number };
        return [String(m.headers.ce_type).split('.').pop(), data.status, data.openFen];
      }),
    ).toEqual([
      ['status-changed', 'IN_COLLECTION', total],
      ['payment-recorded', 'IN_COLLECTION', total - lines[0].amountFen],
      ['payment-recorded', 'IN_COLLECTION', total - lines[0].amountFen - latest.amountFen],
      ['status-changed', 'CURRENT', 0],
      ['payment-recorded', 'CURRENT', 0],
    ]);
  });

  it("applies a statement's lines by payment day: the money that came first pays the earliest fee", async () => {
    const IMPORT = `mutation($p: [PaymentInput!]!) { importPayments(payments: $p) { paidOn allocations { chargeId fen } } }`;
    const accountId = accountIds[22];
    const [oldest, next] = (await statement(companyA, accountId)).charges;
    const line = (paidOn: string, amountFen: number) => ({
      accountId,
      amountFen,
      paidOn,
      method: 'BANK_TRANSFER',
      idempotencyKey: randomUUID(),
    });
    // The file lists the later payment first. Before, it took the oldest fee, which then ran its late fee until that
    // later day though money enough had come in earlier.
    const receipts = (
      await ok(companyA, IMPORT, { p: [line(today, next.amountFen), line(addDays(today, -10), oldest.amountFen)] })
    ).importPayments;
    expect(receipts).toEqual([
      { paidOn: today, allocations: [{ chargeId: next.chargeId, fen: next.amountFen }] },
      { paidOn: addDays(today, -10), allocations: [{ chargeId: oldest.chargeId, fen: oldest.amountFen }] },
    ]);
  });

  it('shows a statement with aging, late fees on the contract terms, and limitation dates restarted by the demands that name a charge', async () => {
    const accountId = accountIds[1];
    const account = await statement(companyA, accountId);
    type Line = { month: string; amountFen: number; chargeId: string; dueOn: string };
    const inMonth = (month: string) => account.charges.find((c: Line) => c.month === month);
    const [old, recent, current] = [inMonth(firstMonth), inMonth(addMonths(thisMonth, -2)), inMonth(thisMonth)];
    expect(account.charges[0]).toEqual(old);
    expect(old.agingBucket).toBe('OVER_365');
    // This month's fee falls due on its last day: open, but not arrears and not aged (Civil Code art. 944 para. 2).
    expect(current.agingBucket).toBeNull();
    expect(old.dueOn).toBe(FIRST_DUE_ON);
    expect(old.limitationEndsOn).toBe('2028-11-30');
    expect(old.lateFeeFen).toBe(fenOf(old.amountFen, 3 * FIRST_LATE_FEE_DAYS, 10_000));
    expect(old.lateFeeFen).toBeGreaterThan(0);
    expect(account.openFen).toBe(account.charges.reduce((sum: number, c: Line) => sum + c.amountFen, 0));
    expect(account.aging.find((l: { bucket: string }) => l.bucket === 'OVER_365')).toEqual({
      bucket: 'OVER_365',
      count: 1,
      openFen: old.amountFen,
    });

    const letterOn = addDays(today, -3);
    const afterLetter = (
      await ok(companyA, ACTION, {
        a: accountId,
        x: { kind: 'LETTER', on: letterOn, chargeIds: [old.chargeId], note: '催缴函（第一次）' },
      })
    ).recordCollectionAction;
    expect(afterLetter.status).toBe('IN_COLLECTION');
    type Ends = { chargeId: string; limitationEndsOn: string };
    const endOf = (a: { charges: Ends[] }, c: Line) =>
      a.charges.find((x) => x.chargeId === c.chargeId)!.limitationEndsOn;
    // A letter demands payment once it reaches the owner (法释〔2020〕17号 art. 8 item 2): its arrival not yet
    // recorded, it has interrupted nothing.
    expect(endOf(afterLetter, old)).toBe('2028-11-30');
    expect(afterLetter.transitions).toEqual([
      { from: 'CURRENT', to: 'IN_COLLECTION', reason: 'LETTER recorded', on: today, byRole: 'PROPERTY_COMPANY' },
    ]);
    const [{ actionId: letterId, deliveredOn }] = afterLetter.actions;
    expect(deliveredOn).toBeNull();
    // Another company's letter is not found to it, whatever it sends; an arrival before the sending, or after today,
    // is refused; nothing changes.
    const refused = (as: typeof companyA, on: string) => fails(as, DELIVERED, { id: letterId, on });
    expect((await refused(companyB, addDays(today, -1))).extensions.code).toBe('NOT_FOUND');
    expect((await refused(companyA, addDays(letterOn, -1))).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { deliveredOn: expect.any(String) } },
    });
    expect((await refused(companyA, addDays(today, 1))).extensions.code).toBe('BAD_USER_INPUT');
    // Nor with the letter itself: an arrival ahead would switch the interruption on later, unseen and uncorrectable.
    const ahead = await fails(companyA, ACTION, {
      a: accountId,
      x: { kind: 'LETTER', on: today, deliveredOn: addDays(today, 1), chargeIds: [old.chargeId] },
    });
    expect(ahead.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { deliveredOn: expect.any(String) } },
    });
    expect((await statement(companyA, accountId)).actions[0].deliveredOn).toBeNull();
    // Recorded: the period of the charge it named runs afresh from the arrival; the other charge's does not move.
    const arrivedOn = addDays(today, -1);
    const delivered = (await ok(companyA, DELIVERED, { id: letterId, on: arrivedOn })).recordLetterDelivery;
    expect(delivered.actions[0]).toMatchObject({ actionId: letterId, on: letterOn, deliveredOn: arrivedOn });
    expect(endOf(delivered, old)).toBe('2029-11-30'); // three years from the arrival, 30 November 2026
    expect(endOf(delivered, recent)).toBe('2029-10-31'); // October 2026's fee, due 31 October
    expect((await refused(companyA, today)).extensions).toMatchObject({
      code: 'LETTER_DELIVERY_ALREADY_RECORDED',
      details: { deliveredOn: arrivedOn },
    });

    // Art. 944: no cutting of water, power, heating or gas, however it is phrased; nothing is recorded.
    const actions = await count('collection_action');
    const cutOff = await fails(companyA, ACTION, {
      a: accountId,
      x: { kind: 'NOTICE_POSTED', on: today, chargeIds: [old.chargeId], note: '欠费将停水' },
    });
    expect(cutOff.extensions).toMatchObject({ code: 'PROHIBITED_COLLECTION_MEASURE', details: { utility: 'WATER' } });
    expect(
      (await fails(companyA, ACTION, { a: accountId, x: { kind: 'LETTER', on: today, chargeIds: [randomUUID()] } }))
        .extensions.code,
    ).toBe('BAD_USER_INPUT');
    expect(
      (await fails(companyB, ACTION, { a: accountId, x: { kind: 'LETTER', on: today, chargeIds: [old.chargeId] } }))
        .extensions.code,
    ).toBe('NOT_FOUND');
    expect(await count('collection_action')).toBe(actions);

    const events = await probe.waitForCount(
      'the action, status and arrival events',
      (m) => String(m.message.key) === accountId,
      3,
    );
    expect(events.map((m) => m.headers.ce_type).sort()).toEqual([
      'hub.arrears.account.action-recorded',
      'hub.arrears.account.letter-delivered',
      'hub.arrears.account.status-changed',
    ]);
    for (const e of events) expect(JSON.stringify(expectValidEvent(e))).not.toContain('催缴函');
    // The feed says a letter's arrival: not recorded with it, then the day recorded after.
    const ofType = (type: string) => expectValidEvent(events.find((m) => m.headers.ce_type === type)!);
    expect(ofType('hub.arrears.account.action-recorded')).toMatchObject({ actionId: letterId, deliveredOn: null });
    expect(ofType('hub.arrears.account.letter-delivered')).toMatchObject({
      actionId: letterId,
      on: letterOn,
      deliveredOn: arrivedOn,
      chargeIds: [old.chargeId],
    });
  });

  it('lets the street office mediate in its street only, and moves the account through mediation', async () => {
    const accountId = accountIds[2];
    const { charges } = await statement(companyA, accountId);
    const session = {
      kind: 'MEDIATION_SESSION',
      on: addDays(today, -1),
      chargeIds: [charges[0].chargeId],
      mediator: '广安门外街道人民调解委员会',
      outcome: 'PENDING',
    };
    expect((await fails(companyA, ACTION, { a: accountId, x: session })).extensions.code).toBe('FORBIDDEN');
    expect((await fails(desheng, ACTION, { a: accountId, x: session })).extensions.code).toBe('NOT_FOUND');
    const mediated = (await ok(guangwai, ACTION, { a: accountId, x: session })).recordCollectionAction;
    expect(mediated.status).toBe('MEDIATION');
    expect(mediated.transitions.map((x: { to: string }) => x.to)).toEqual(['IN_COLLECTION', 'MEDIATION']);
    const actionId = mediated.actions[0].actionId;
    expect((await fails(desheng, OUTCOME, { id: actionId, o: 'FAILED', on: today })).extensions.code).toBe('NOT_FOUND');
    const failed = (await ok(guangwai, OUTCOME, { id: actionId, o: 'FAILED', on: today })).recordMediationOutcome;
    expect(failed.status).toBe('IN_COLLECTION');
    expect((await fails(guangwai, OUTCOME, { id: actionId, o: 'AGREED', on: today })).extensions.code).toBe(
      'MEDIATION_ALREADY_ENDED',
    );
    // The street office reads the account it mediates, with the owner's name from the areas register.
    const withHousehold = await ok(
      guangwai,
      `query($id: ID!) { arrearsAccount(id: $id) { status household { id unit floorAreaM2 arrearsAccounts { accountId status } } } }`,
      { id: accountId },
    );
    expect(withHousehold.arrearsAccount.household.arrearsAccounts).toEqual([{ accountId, status: 'IN_COLLECTION' }]);
    expect(withHousehold.arrearsAccount.household.unit).toEqual(expect.any(String));
  });

  it('waives and corrects with a reason, never below what was paid, and returns a cleared account to CURRENT', async () => {
    const accountId = accountIds[3];
    const { charges } = await statement(companyA, accountId);
    await ok(companyA, ACTION, {
      a: accountId,
      x: { kind: 'CALL', on: today, chargeIds: [charges[0].chargeId], reached: true },
    });
    const tooMuch = await fails(companyA, ADJUST, {
      c: charges[0].chargeId,
      k: 'WAIVER',
      r: '调解减免',
      fen: charges[0].amountFen + 1,
    });
    expect(tooMuch.extensions.details?.problems).toEqual([expect.objectContaining({ code: 'WAIVER_EXCEEDS_OPEN' })]);
    expect(
      (await fails(companyA, ADJUST, { c: charges[0].chargeId, k: 'WAIVER', r: ' ', fen: 1 })).extensions.code,
    ).toBe('BAD_USER_INPUT');
    expect(
      (await fails(companyB, ADJUST, { c: charges[0].chargeId, k: 'WAIVER', r: '减免', fen: 1 })).extensions.code,
    ).toBe('NOT_FOUND');
    // With a key, a waiver retried (its answer lost) is applied once; other content under the key is refused.
    const waiver = { c: charges[0].chargeId, k: 'WAIVER', r: '调解减免', fen: 100, key: `waiver-${accountId}` };
    const waived = (await ok(companyA, ADJUST, waiver)).adjustCharge;
    expect(waived.charges[0]).toMatchObject({ waivedFen: 100, openFen: charges[0].amountFen - 100 });
    expect((await ok(companyA, ADJUST, waiver)).adjustCharge.charges[0]).toMatchObject({ waivedFen: 100 });
    expect((await fails(companyA, ADJUST, { ...waiver, fen: 101 })).extensions.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const corrected = (
      await ok(companyA, ADJUST, {
        c: charges[1].chargeId,
        k: 'CORRECTION',
        r: '面积更正',
        amount: charges[1].amountFen - 50,
      })
    ).adjustCharge;
    expect(corrected.charges[1].amountFen).toBe(charges[1].amountFen - 50);
    expect(corrected.adjustments.map((a: { kind: string }) => a.kind)).toEqual(['WAIVER', 'CORRECTION']);
    // A correction below what a waiver forgave shrinks the waiver: it was refused (BAD_USER_INPUT), the claim's late
    // fee counting the waiver in full against the corrected principal.
    await ok(companyA, ADJUST, { c: charges[0].chargeId, k: 'WAIVER', r: '调解减免', fen: 200 });
    const shrunk = (await ok(companyA, ADJUST, { c: charges[0].chargeId, k: 'CORRECTION', r: '面积更正', amount: 250 }))
      .adjustCharge;
    expect(shrunk.charges[0]).toMatchObject({ amountFen: 250, waivedFen: 250, openFen: 0 });

    const paid = (
      await ok(companyA, PAY, {
        p: {
          accountId,
          amountFen: shrunk.openFen + 300,
          paidOn: addDays(today, -3), // paid before the account went into collection today, recorded after
          method: 'BANK_TRANSFER',
          idempotencyKey: randomUUID(),
        },
      })
    ).recordPayment;
    expect(paid.creditFen).toBe(300);
    const cleared = await statement(companyA, accountId);
    expect(cleared).toMatchObject({ status: 'CURRENT', openFen: 0, creditFen: 300 });
    expect(cleared.transitions.map((x: { to: string; on: string }) => [x.to, x.on])).toEqual([
      ['IN_COLLECTION', today],
      ['CURRENT', today], // not dated before the move in
    ]);
  });

  it("waives a charge's late fee with a reason, once, by the company alone: the statement and the claim for court show none", async () => {
    const accountId = accountIds[30];
    const before = await statement(companyA, accountId);
    type Line = { chargeId: string; lateFeeFen: number; openFen: number; amountFen: number };
    const [old, next] = before.charges as Line[];
    expect(old.lateFeeFen).toBeGreaterThan(0);
    expect(next.lateFeeFen).toBeGreaterThan(0);
    const waive = { c: old.chargeId, k: 'LATE_FEE_WAIVER', r: '业主补缴本金，免收滞纳金' };
    expect((await fails(companyB, ADJUST, waive)).extensions.code).toBe('NOT_FOUND');
    // Before, a late fee could be neither paid nor waived: a court claim kept asking for one the company forgave.
    const waived = (await ok(companyA, ADJUST, waive)).adjustCharge;
    expect(waived.charges[0]).toMatchObject({
      chargeId: old.chargeId,
      lateFeeFen: 0,
      lateFeeWaived: true,
      amountFen: old.amountFen,
      openFen: old.openFen,
    });
    expect(waived.charges[1]).toMatchObject({ lateFeeFen: next.lateFeeFen, lateFeeWaived: false });
    expect(waived.lateFeeFen).toBe(before.lateFeeFen - old.lateFeeFen);
    expect(waived.adjustments).toEqual([{ kind: 'LATE_FEE_WAIVER', fen: old.lateFeeFen, reason: waive.r }]);
    const again = await fails(companyA, ADJUST, waive);
    expect(again.extensions.details?.problems).toEqual([{ code: 'LATE_FEE_ALREADY_WAIVED', chargeId: old.chargeId }]);
    // This month's charge, not yet due, runs the contract's late fee all the same: a waiver of the fee to come is taken
    // (test/arrears-late-fee-waiver-grace.it.test.ts); NO_LATE_FEE is for a charge whose terms run none (the levy's, below).
    const { rows } = await db.query(
      `select payload from arrears.outbox where event_type = 'hub.arrears.claim.updated' and message_key = $1 order by id desc limit 1`,
      [accountId],
    );
    const claimed = rows[0].payload.charges as { chargeId: string; lateFeeFen: number }[];
    expect(claimed.find((c) => c.chargeId === old.chargeId)!.lateFeeFen).toBe(0);
    expect(claimed.find((c) => c.chargeId === next.chargeId)!.lateFeeFen).toBe(next.lateFeeFen);

    // Civil Code art. 560 para. 2: the oldest month, its late fee waived, now weighs lighter on the owner than the
    // next, which still carries one, so a payment naming no month pays the next first (before, the oldest by due date).
    const paid = (
      await ok(companyA, PAY, {
        p: { accountId, amountFen: next.openFen, paidOn: today, method: 'BANK_TRANSFER', idempotencyKey: randomUUID() },
      })
    ).recordPayment;
    expect(paid.allocations.map((a: { chargeId: string; fen: number }) => [a.chargeId, a.fen])).toEqual([
      [next.chargeId, next.openFen],
    ]);
    const after = await statement(companyA, accountId);
    expect(after.charges.slice(0, 2).map((c: Line) => c.openFen)).toEqual([old.openFen, 0]);
  });

  it('bills a raise by correction on its own day: no late fee on money never billed, in the statement and the claim (helper-243)', async () => {
    const accountId = accountIds[32];
    const [oldest] = (await statement(companyA, accountId)).charges;
    // The owner paid every fen billed, on the due date.
    await ok(companyA, PAY, {
      p: {
        accountId,
        amountFen: oldest.amountFen,
        paidOn: oldest.dueOn,
        method: 'BANK_TRANSFER',
        idempotencyKey: randomUUID(),
      },
    });
    expect((await statement(companyA, accountId)).charges[0]).toMatchObject({ openFen: 0, lateFeeFen: 0 });
    const raised = (
      await ok(companyA, ADJUST, {
        c: oldest.chargeId,
        k: 'CORRECTION',
        r: '面积更正',
        amount: oldest.amountFen + 5_000,
      })
    ).adjustCharge;
    // The raise falls due at the end of this month, its 30 grace days after that: before, ¥50 ran from the charge's
    // due date, 336 days at 万分之3 after the grace days (¥5.04).
    expect(raised.charges[0]).toMatchObject({ chargeId: oldest.chargeId, openFen: 5_000, lateFeeFen: 0 });
    const { rows } = await db.query(
      `select payload from arrears.outbox where event_type = 'hub.arrears.claim.updated' and message_key = $1 order by id desc limit 1`,
      [accountId],
    );
    expect(rows[0].payload.charges.find((c: { chargeId: string }) => c.chargeId === oldest.chargeId)).toMatchObject({
      openFen: 5_000,
      lateFeeFen: 0,
    });
  });

  it("locks only the caller's own accounts: ids of another company's are neither read nor locked", async () => {
    const [own, others] = [accountIds[33], accountIds[34]];
    const lockedElsewhere = async (id: string) => {
      const other = await connectedClient(t.databaseUrl);
      try {
        await other.query('begin');
        await other.query(`select 1 from arrears.account where id = $1 for update nowait`, [id]);
        return false;
      } catch (error) {
        if ((error as { code?: string }).code === '55P03') return true; // lock_not_available
        throw error;
      } finally {
        await other.query('rollback');
        await other.end();
      }
    };
    const orm = t.hub.subgraphs.arrears!.orm;
    await orm.em.fork().transactional(async (tx) => {
      // Company B names company A's account: before, the row was locked until B's NOT_FOUND rolled back.
      expect((await loadAccounts(tx, companyB, [others], true)).size).toBe(0);
      expect(await lockedElsewhere(others)).toBe(false);
      expect([...(await loadAccounts(tx, companyA, [own], true)).keys()]).toEqual([own]);
      expect(await lockedElsewhere(own)).toBe(true);
    });
    const IMPORT = `mutation($p: [PaymentInput!]!) { importPayments(payments: $p) { receiptNumber } }`;
    const line = {
      accountId: others,
      amountFen: 100,
      paidOn: today,
      method: 'BANK_TRANSFER',
      idempotencyKey: randomUUID(),
    };
    expect((await fails(companyB, IMPORT, { p: [line] })).extensions.code).toBe('NOT_FOUND');
  });

  it('reverses a payment recorded in error, once, by its company alone: the charges are owed again, late fees as if never paid, the credit taken back', async () => {
    const accountId = accountIds[31];
    const before = await statement(companyA, accountId);
    const balance = async () =>
      (await db.query(`select arrears_fen, credit_fen from arrears.account where id = $1`, [accountId])).rows[0];
    const balanceBefore = await balance();
    const REVERSE = `mutation($p: ID!, $r: Note!, $k: Key) { reversePayment(paymentId: $p, reason: $r, idempotencyKey: $k) {
      creditFen openFen paidFen lateFeeFen charges { chargeId openFen paidFen lateFeeFen }
      payments { receiptNumber amountFen reversedOn reversalReason } } }`;
    const payment = {
      accountId,
      amountFen: before.openFen + 5_000,
      // paid 40 days ago (a bank's statement recorded late): the late fees stopped running then
      paidOn: addDays(today, -40),
      method: 'BANK_TRANSFER',
      purpose: 'SERVICE_FEE',
      idempotencyKey: `reversal-${randomUUID()}`,
    };
    const receipt = (await ok(companyA, PAY, { p: payment })).recordPayment;
    expect(receipt.creditFen).toBe(5_000);
    const paid = await statement(companyA, accountId);
    expect([paid.openFen, paid.creditFen]).toEqual([0, before.creditFen + 5_000]);
    expect(paid.lateFeeFen).toBeLessThan(before.lateFeeFen);

    const reversal = { p: receipt.paymentId, r: '银行退票：付款账户已销户', k: `reverse-${randomUUID()}` };
    expect((await fails(companyB, REVERSE, reversal)).extensions.code).toBe('NOT_FOUND');
    expect((await fails(court, REVERSE, reversal)).extensions.code).toBe('FORBIDDEN');
    expect((await fails(companyA, REVERSE, { ...reversal, r: '   ' })).extensions.code).toBe('BAD_USER_INPUT');
    // Before, a payment recorded in error stayed for good: the charges showed paid and the credit held.
    const reversed = (await ok(companyA, REVERSE, reversal)).reversePayment;
    expect(reversed.openFen).toBe(before.openFen);
    expect(reversed.creditFen).toBe(before.creditFen);
    expect(reversed.paidFen).toBe(before.paidFen);
    expect(reversed.lateFeeFen).toBe(before.lateFeeFen); // the timeline leaves the reversed payment out
    expect(reversed.charges).toEqual(
      before.charges.map((c: { chargeId: string; openFen: number; paidFen: number; lateFeeFen: number }) => ({
        chargeId: c.chargeId,
        openFen: c.openFen,
        paidFen: c.paidFen,
        lateFeeFen: c.lateFeeFen,
      })),
    );
    expect(reversed.payments).toContainEqual({
      receiptNumber: receipt.receiptNumber,
      amountFen: receipt.amountFen,
      reversedOn: today,
      reversalReason: reversal.r,
    });
    expect(await balance()).toEqual(balanceBefore);
    // The payment's own retry (its idempotency key) returns its receipt, which says it was reversed.
    const retried = await ok(
      companyA,
      `mutation($p: PaymentInput!) { recordPayment(payment: $p) { receiptNumber reversedOn } }`,
      { p: payment },
    );
    expect(retried.recordPayment).toEqual({ receiptNumber: receipt.receiptNumber, reversedOn: today });
    // A retry under the key answers the same; another reversal is refused.
    expect((await ok(companyA, REVERSE, reversal)).reversePayment).toEqual(reversed);
    const again = await fails(companyA, REVERSE, { ...reversal, k: null });
    expect(again.extensions).toMatchObject({ code: 'PAYMENT_ALREADY_REVERSED', details: { reversedOn: today } });
    const { rows } = await db.query(
      `select payload from arrears.outbox where event_type = 'hub.arrears.account.payment-reversed' and message_key = $1`,
      [accountId],
    );
    expect(rows.map((r) => r.payload)).toEqual([
      expect.objectContaining({
        paymentId: receipt.paymentId,
        receiptNumber: receipt.receiptNumber,
        amountFen: receipt.amountFen,
        reversedOn: today,
        creditTakenBackFen: 5_000,
        charges: receipt.allocations,
      }),
    ]);
    const [event] = await probe.waitForCount(
      'the reversal on the accounts feed',
      (m) => m.headers.ce_type === 'hub.arrears.account.payment-reversed' && String(m.message.key) === accountId,
      1,
    );
    expect(expectValidEvent(event)).toMatchObject({ paymentId: receipt.paymentId, openFen: before.openFen });
  });

  it('lists arrears with filters and totals for the company, the street office in its street, and nobody else', async () => {
    const all = (await ok(companyA, LIST, { first: 500 })).arrears;
    expect(all.totalCount).toBeGreaterThan(households.length - 5);
    // The page's total is the arrears (past due); each item also shows everything open on it, this month's fee included.
    expect(all.openFen).toBe(all.items.reduce((s: number, i: { arrearsFen: number }) => s + i.arrearsFen, 0));
    expect(all.items.every((i: { openFen: number; arrearsFen: number }) => i.openFen >= i.arrearsFen)).toBe(true);
    expect(all.items.some((i: { openFen: number; arrearsFen: number }) => i.openFen > i.arrearsFen)).toBe(true);
    expect(all.aging.reduce((s: number, l: { openFen: number }) => s + l.openFen, 0)).toBe(all.openFen);
    const old = (await ok(companyA, LIST, { f: { agingBucket: 'OVER_365', areaId } })).arrears;
    expect(old.items.every((i: { agingBucket: string }) => i.agingBucket === 'OVER_365')).toBe(true);
    const building = households[0].building_id;
    const inBuilding = (await ok(companyA, LIST, { f: { buildingId: building, minOpenFen: 1 }, first: 500 })).arrears;
    expect(inBuilding.items.every((i: { buildingId: string }) => i.buildingId === building)).toBe(true);
    const { charges } = await statement(companyA, accountIds[4]);
    await ok(companyA, ACTION, {
      a: accountIds[4],
      x: { kind: 'MESSAGE', channel: 'WECHAT', on: today, chargeIds: [charges[0].chargeId] },
    });
    const inCollection = (await ok(companyA, LIST, { f: { statuses: ['IN_COLLECTION'] }, first: 500 })).arrears;
    expect(inCollection.items.map((i: { accountId: string }) => i.accountId)).toContain(accountIds[4]);
    expect(inCollection.items.every((i: { status: string }) => i.status === 'IN_COLLECTION')).toBe(true);
    expect((await fails(companyA, LIST, { f: { minOpenFen: -1 } })).extensions.code).toBe('BAD_USER_INPUT');
    // Ids are compared as uuids: one that is not a uuid is the caller's mistake, not an unknown account.
    expect((await fails(companyA, STATEMENT, { id: 'not-a-uuid' })).extensions.code).toBe('BAD_USER_INPUT');
    expect((await fails(companyA, LIST, { f: { areaId: 'not-a-uuid' } })).extensions.code).toBe('BAD_USER_INPUT');

    expect((await ok(guangwai, LIST, { first: 500 })).arrears.totalCount).toBe(all.totalCount);
    for (const outsider of [companyB, desheng, xichengBureau, court]) {
      expect((await ok(outsider, LIST, {})).arrears).toMatchObject({ totalCount: 0, openFen: 0, items: [] });
      expect((await fails(outsider, STATEMENT, { id: accountIds[0] })).extensions.code).toBe('NOT_FOUND');
    }
  });

  it('reports collection rates by building and month without personal data, to the bureaus of the jurisdiction only', async () => {
    const byBuilding = (await ok(companyA, RATES, { g: 'BUILDING', a: areaId })).collectionRates;
    expect(byBuilding.map((r: { key: string }) => r.key).sort()).toEqual(
      [...new Set(households.map((h) => h.building_id))].sort(),
    );
    const overall = (await ok(xichengBureau, RATES, { g: 'ALL', a: areaId })).collectionRates;
    expect(overall).toHaveLength(1);
    const { rows } = await db.query(
      `select count(*)::int as n, count(*) filter (where paid_fen + waived_fen >= amount_fen and paid_fen > 0)::int as paid from arrears.charge
        where area_id = $1 and kind = 'SERVICE_FEE' and due_on < $2::date`,
      [areaId, today],
    );
    expect(overall[0]).toMatchObject({ key: 'ALL', households: rows[0].n, paidHouseholds: rows[0].paid });
    expect(overall[0].byHouseholds.numerator).toBe(rows[0].paid);
    const byMonth = (await ok(guangwai, RATES, { g: 'MONTH', a: areaId })).collectionRates;
    const months = byMonth.map((r: { key: string }) => r.key);
    expect(months).toEqual(expect.arrayContaining([firstMonth, addMonths(thisMonth, -2)]));
    expect(months).not.toContain(thisMonth);
    expect(months).toEqual([...months].sort());
    expect(
      (await ok(xichengBureau, RATES, { g: 'AREA' })).collectionRates.map((r: { key: string }) => r.key),
    ).toContain(areaId);
    for (const outsider of [haidianBureau, companyB, court, desheng])
      expect((await ok(outsider, RATES, { g: 'ALL', a: areaId })).collectionRates).toEqual([]);
  });

  it('bills a levy per m², keeps it in its own account, and announces each building once when half of it has paid', async () => {
    const building = households[households.length - 1].building_id;
    const inBuilding = households.filter((h) => h.building_id === building);
    const input = {
      areaId,
      title: '电梯大修集资',
      purpose: '电梯大修',
      accountName: '物管会专项账户',
      rateFenPerM2: 1793,
      activationThresholdPercent: 50,
      advanceFen: 42_000_000,
      decidedOn: addDays(today, -5),
      dueOn: addDays(today, 30),
      buildingIds: [building],
      voluntary: true,
    };
    expect(
      (await fails(companyA, LEVY, { l: { ...input, buildingIds: [randomUUID()] } })).extensions.details?.problems,
    ).toEqual([{ code: 'UNKNOWN_BUILDING', buildingId: expect.any(String) }]);
    expect((await fails(companyB, LEVY, { l: input })).extensions.code).toBe('NO_CONTRACT_IN_FORCE');
    const levy = (await ok(companyA, LEVY, { l: input })).createLevy;
    const quota = Math.ceil(inBuilding.length / 2);
    expect(levy).toMatchObject({
      households: inBuilding.length,
      paidHouseholds: 0,
      billedFen: inBuilding.reduce((s, h) => s + fenOf(h.floor_area_centi_m2, 1793, 100), 0),
    });
    expect(levy.buildings).toEqual([{ buildingId: building, households: inBuilding.length, quota, activated: false }]);

    const { rows } = await db.query(
      `select c.id, c.account_id, c.amount_fen from arrears.charge c where c.levy_id = $1 order by c.household_id`,
      [levy.id],
    );
    for (const [i, charge] of rows.slice(0, quota + 1).entries()) {
      const receipt = (
        await ok(companyA, PAY, {
          p: {
            accountId: charge.account_id,
            amountFen: Number(charge.amount_fen),
            paidOn: today,
            method: 'CASH',
            purpose: 'LEVY',
            levyId: levy.id,
            idempotencyKey: `levy-${levy.id}-${i}`,
          },
        })
      ).recordPayment;
      expect(receipt).toMatchObject({
        paidInto: '物管会专项账户',
        purpose: 'LEVY',
        allocations: [{ chargeId: charge.id, fen: Number(charge.amount_fen) }],
      });
    }
    // A voluntary levy runs no late fee at all: there is none to waive.
    const unpaid = rows.at(-1)!;
    const none = await fails(companyA, ADJUST, { c: unpaid.id, k: 'LATE_FEE_WAIVER', r: '免收滞纳金' });
    expect(none.extensions.details?.problems).toEqual([{ code: 'NO_LATE_FEE', chargeId: unpaid.id }]);
    // Due in 30 days: not yet owed, so in no collection rate; its progress to the quota is the levy's own.
    expect((await ok(companyA, RATES, { g: 'ALL', l: levy.id })).collectionRates).toEqual([]);
    const activated = await probe.waitForCount(
      'the activation event',
      (m) => m.headers.ce_type === 'hub.arrears.levy.building-activated' && String(m.message.key) === levy.id,
      1,
    );
    expect(expectValidEvent(activated[0], 'hub.arrears.levy.building-activated')).toMatchObject({
      buildingId: building,
      households: inBuilding.length,
      paidHouseholds: quota,
      activationThresholdPercent: 50,
    });
    const decided = await probe.waitForCount(
      'the levy event',
      (m) => m.headers.ce_type === 'hub.arrears.levy.decided' && String(m.message.key) === levy.id,
      1,
    );
    expect(expectValidEvent(decided[0], 'hub.arrears.levy.decided')).toMatchObject({
      advanceFen: 42_000_000,
      households: inBuilding.length,
    });
    // The (quota + 1)th payment does not announce the building again: counted once every outbox is published and the
    // probe has read the topic to its end, so an announcement it made would be among what the probe holds.
    const quiet = hubQuiet(t);
    try {
      await quiet.wait();
    } finally {
      await quiet.stop();
    }
    await probe.readToEnd([`${t.topicPrefix}arrears.levies.v1`]);
    expect(
      probe.received.filter(
        (m) => m.headers.ce_type === 'hub.arrears.levy.building-activated' && String(m.message.key) === levy.id,
      ),
    ).toHaveLength(1);
  });

  /**
   * A voluntary levy of `purpose` on one building, decided 5 days ago and due in 30, with its charges by household and
   * a payment line of the i-th (its whole charge unless `amountFen` says otherwise), each with its own idempotency key.
   */
  const buildingLevy = async (building: string, purpose: string, rateFenPerM2: number, advanceFen: number) => {
    const levy = (
      await ok(companyA, LEVY, {
        l: {
          areaId,
          title: `${purpose}集资`,
          purpose,
          accountName: '物管会专项账户',
          rateFenPerM2,
          activationThresholdPercent: 50,
          advanceFen,
          decidedOn: addDays(today, -5),
          dueOn: addDays(today, 30),
          buildingIds: [building],
          voluntary: true,
        },
      })
    ).createLevy;
    const { rows } = await db.query<{ id: string; account_id: string; amount_fen: string }>(
      `select c.id, c.account_id, c.amount_fen from arrears.charge c where c.levy_id = $1 order by c.household_id`,
      [levy.id],
    );
    const line = (i: number, amountFen = Number(rows[i].amount_fen)) => ({
      accountId: rows[i].account_id,
      amountFen,
      paidOn: today,
      method: 'CASH' as const,
      purpose: 'LEVY' as const,
      levyId: levy.id,
      idempotencyKey: `levy-${levy.id}-${i}`,
    });
    return { levy, quota: levy.buildings[0].quota as number, rows, line };
  };

  it('activates a building when its last two qualifying payments are recorded at once', async () => {
    // Were each payment to count the building's paid households without the other's (neither committed), each would
    // see one short of the quota and the building would never be activated. The company's receipt counter serialises its
    // payments (ledger.repository.ts reserveReceiptNumbers; a levy's payments are all its company's), so the second
    // counts after the first commits: this keeps it so.
    const building = households[0].building_id;
    const { levy, quota, line } = await buildingLevy(building, '屋面防水', 500, 1_000_000);
    const orm = t.hub.subgraphs.arrears!.orm;
    if (quota > 2)
      await importPayments(
        orm.em.fork(),
        companyA,
        [...Array(quota - 2).keys()].map((i) => line(i)),
      );
    // The first of the last two is recorded and held uncommitted while the second is recorded.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let first!: Promise<unknown>;
    const recorded = new Promise<void>((resolve) => {
      first = orm.em.fork().transactional(async (tx) => {
        await importPayments(tx, companyA, [line(quota - 2)]);
        resolve();
        await held;
      });
    });
    await recorded;
    const second = importPayments(orm.em.fork(), companyA, [line(quota - 1)]);
    const secondDone = second.then(() => 'done');
    await waitFor('the second payment to wait for the first or to finish', async () => {
      if ((await Promise.race([secondDone, Promise.resolve('pending')])) === 'done') return true;
      const { rows: waiting } = await db.query(
        `select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query not like '%pg_stat_activity%'`,
      );
      return waiting.length > 0;
    });
    release();
    await Promise.all([first, second]);
    const { rows: activation } = await db.query(
      `select paid_households from arrears.levy_building_activation where levy_id = $1 and building_id = $2`,
      [levy.id, building],
    );
    expect(activation).toEqual([{ paid_households: quota }]);
    await probe.waitForCount(
      'the activation event',
      (m) => m.headers.ce_type === 'hub.arrears.levy.building-activated' && String(m.message.key) === levy.id,
      1,
    );
  });

  it('activates and announces a building when a waiver completes the quota-th household’s levy', async () => {
    // Before, only a payment announced activation: a waiver completing a partly paid household's levy counted it as
    // paid (paid and waived cover the charge) in the building's progress, but nothing was recorded or announced.
    const { levy, quota, rows, line } = await buildingLevy(households[0].building_id, '单元门禁', 200, 100_000);
    const orm = t.hub.subgraphs.arrears!.orm;
    const lines = [...Array(quota).keys()].map((i) =>
      line(i, Number(rows[i].amount_fen) - (i === quota - 1 ? 100 : 0)),
    );
    await importPayments(orm.em.fork(), companyA, lines);
    const activations = () =>
      db.query(`select paid_households from arrears.levy_building_activation where levy_id = $1`, [levy.id]);
    expect((await activations()).rows).toEqual([]);
    await ok(companyA, ADJUST, { c: rows[quota - 1].id, k: 'WAIVER', r: '困难户减免', fen: 100 });
    expect((await activations()).rows).toEqual([{ paid_households: quota }]);
    await probe.waitForCount(
      'the activation event',
      (m) => m.headers.ce_type === 'hub.arrears.levy.building-activated' && String(m.message.key) === levy.id,
      1,
    );
  });

  it('lets a new owner pay, without naming charges, a levy decided before they became the owner: the levy is named', async () => {
    const accountId = accountIds[41];
    const soldOn = addDays(today, -1);
    const { building } = await sold(accountId, soldOn);
    const levy = (
      await ok(companyA, LEVY, {
        l: {
          areaId,
          title: '外墙修缮集资',
          purpose: '外墙修缮',
          accountName: '物管会专项账户',
          rateFenPerM2: 300,
          activationThresholdPercent: 50,
          advanceFen: 100_000,
          decidedOn: addDays(today, -40),
          dueOn: addDays(today, 30),
          buildingIds: [building],
          voluntary: true,
        },
      })
    ).createLevy;
    const [charge] = (
      await db.query(
        `select id, month, amount_fen::int as fen from arrears.charge where levy_id = $1 and account_id = $2`,
        [levy.id, accountId],
      )
    ).rows;
    // The levy's month began before the sale: a service fee of that month would be the former owner's.
    expect(charge.month < soldOn.slice(0, 7)).toBe(true);
    const receipt = (
      await ok(companyA, PAY, {
        p: {
          accountId,
          amountFen: charge.fen,
          paidOn: today,
          method: 'CASH',
          purpose: 'LEVY',
          levyId: levy.id,
          idempotencyKey: randomUUID(),
        },
      })
    ).recordPayment;
    // A levy payment names its levy: it is not held back as the former owner's (it would have become a credit no levy
    // could use).
    expect(receipt).toMatchObject({ creditFen: 0, allocations: [{ chargeId: charge.id, fen: charge.fen }] });
  });
});
