import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { addDays, addMonths, addYears } from '../kernel/calendar';
import { TestHub, identity, pinTestToday, startTestHub } from './support/hub-fixture';
import { HONGJU, gqlExpectations, hongjuTerms, scenario } from './support/scenario';
import { balanceMismatchesSql } from './support/balance-mismatches';
import { connectedClient } from './support/db-client';

const companyA = identity('PROPERTY_COMPANY', '91110102MA0000CRDA');
// Pinned as arrears-ledger.it is: periods counted from today stay within the holiday data the hub holds.
const today = pinTestToday('2026-12-01');
const [first, second, third] = [-3, -2, -1].map((n) => addMonths(today.slice(0, 7), n));

const RUN = `mutation($a: ID!, $m: Key!) { runBilling(areaId: $a, month: $m) { newlyBilled } }`;
const PAY = `mutation($p: PaymentInput!) { recordPayment(payment: $p) { receiptNumber amountFen creditFen allocations { month fen } } }`;
const STATEMENT = `query($id: ID!) { arrearsAccount(id: $id) { status creditFen openFen lateFeeFen
  charges { month amountFen paidFen openFen lateFeeFen } transitions { from to reason } } }`;
const ACTION = `mutation($a: ID!, $x: CollectionActionInput!) { recordCollectionAction(accountId: $a, action: $x) { status } }`;

/**
 * An owner who pays in advance leaves a credit (no charge is open to take it). Before 2026-12-05 the credit was only
 * held: the months billed after it were open, went into arrears and collection, and could be referred to a court
 * while the company held the owner's money. Billing now sets held credits against the open fees.
 */
describe('arrears: credits paid in advance are set against the fees billed later', () => {
  let t: TestHub;
  let db: Client;
  let areaId: string;
  let accounts: string[];
  const { ok } = gqlExpectations(() => t);
  const statement = async (id: string) => (await ok(companyA, STATEMENT, { id })).arrearsAccount;
  const monthly = async (id: string) => (await statement(id)).charges[0].amountFen as number;
  const pay = (accountId: string, amountFen: number, extra: Record<string, unknown> = {}) => ({
    accountId,
    amountFen,
    paidOn: `${first}-15`, // before the first month fell due
    method: 'BANK_TRANSFER',
    idempotencyKey: randomUUID(),
    ...extra,
  });

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'contracts', 'arrears'] });
    db = await connectedClient(t.databaseUrl);
    const given = scenario(t);
    ({ areaId } = await given.compound(HONGJU, { knownTo: ['contracts', 'arrears'] }));
    const terms = hongjuTerms(companyA, first, {
      number: 'HJ6-CREDITS-01',
      endsOn: addDays(addYears(`${first}-01`, 3), -1),
    });
    await given.acceptedFiling(companyA, areaId, terms, { knownTo: ['arrears'] });
    await given.billedMonths(companyA, areaId, [first]);
    const { rows } = await db.query(`select id from arrears.account where area_id = $1 order by household_id`, [
      areaId,
    ]);
    accounts = rows.map((r) => r.id);
  });

  afterAll(async () => {
    await db?.end();
    await t?.stop();
  });

  it('pays the months billed after an advance payment out of its credit, never a designated payment’s rest, and leaves the receipt as issued', async () => {
    const [prepaid, designated] = accounts;
    const fee = await monthly(prepaid);
    // Three months at once: the first month's fee, and two months' credit.
    const payment = pay(prepaid, fee * 3);
    const receipt = (await ok(companyA, PAY, { p: payment })).recordPayment;
    expect(receipt).toMatchObject({ creditFen: fee * 2, allocations: [{ month: first, fen: fee }] });
    const designatedFee = await monthly(designated);
    const chargeId = (
      await db.query(`select id from arrears.charge where account_id = $1 and month = $2`, [designated, first])
    ).rows[0].id;
    await ok(companyA, PAY, { p: pay(designated, designatedFee * 2, { designatedChargeIds: [chargeId] }) });

    await ok(companyA, RUN, { a: areaId, m: second });
    const after = await statement(prepaid);
    expect(after.charges.map((c: { month: string; openFen: number }) => [c.month, c.openFen])).toEqual([
      [first, 0],
      [second, 0],
    ]);
    expect(after).toMatchObject({ creditFen: fee, openFen: 0, lateFeeFen: 0 });
    // The designated payment's rest stays held: its payer chose what it was for.
    const kept = await statement(designated);
    expect(kept).toMatchObject({ creditFen: designatedFee });
    expect(kept.charges[1]).toMatchObject({ month: second, openFen: designatedFee });

    // Re-running the month changes nothing; the next month takes the last of the credit.
    await ok(companyA, RUN, { a: areaId, m: second });
    expect((await statement(prepaid)).creditFen).toBe(fee);
    await ok(companyA, RUN, { a: areaId, m: third });
    const spent = await statement(prepaid);
    expect(spent).toMatchObject({ creditFen: 0, openFen: 0 });
    const applications = await db.query(
      `select c.month, ca.fen, ca.applied_on::text as applied_on from arrears.credit_application ca join arrears.charge c on c.id = ca.charge_id
        where c.account_id = $1 order by c.month`,
      [prepaid],
    );
    expect(applications.rows).toEqual([
      { month: second, fen: fee, applied_on: today },
      { month: third, fen: fee, applied_on: today },
    ]);
    // The receipt is a document as issued: a retry under its key returns it unchanged.
    expect((await ok(companyA, PAY, { p: payment })).recordPayment).toEqual(receipt);
    expect((await db.query(balanceMismatchesSql())).rows).toEqual([]);
  });

  it('clears an account that went into collection while it held a credit (as before this change), at the next run', async () => {
    const held = accounts[2];
    const fee = await monthly(held);
    const { receiptNumber } = (await ok(companyA, PAY, { p: pay(held, fee * 3) })).recordPayment;
    // The state an older hub left when the payment came before the later months were billed: the payment went to the
    // first month and left two months' credit, and the months billed after it stayed open.
    await db.query('begin');
    await db.query(
      `delete from arrears.payment_allocation pa using arrears.payment p, arrears.charge c
        where p.id = pa.payment_id and c.id = pa.charge_id and p.receipt_number = $1 and p.company_id = $2 and c.month <> $3`,
      [receiptNumber, companyA.organisationId, first],
    );
    await db.query(`update arrears.payment set credit_fen = $1 where receipt_number = $2 and company_id = $3`, [
      fee * 2,
      receiptNumber,
      companyA.organisationId,
    ]);
    await db.query(`update arrears.charge set paid_fen = 0 where account_id = $1 and month <> $2`, [held, first]);
    await db.query(`update arrears.account set credit_fen = $1 where id = $2`, [fee * 2, held]);
    await db.query('commit');
    const before = await statement(held);
    expect(before).toMatchObject({ creditFen: fee * 2 });
    const open = before.charges.filter((c: { openFen: number }) => c.openFen > 0);
    expect(open.map((c: { month: string }) => c.month)).toEqual([second, third]);
    const chargeIds = (
      await db.query(`select id from arrears.charge where account_id = $1 and month = $2`, [held, second])
    ).rows.map((r) => r.id);
    expect(
      (await ok(companyA, ACTION, { a: held, x: { kind: 'LETTER', on: today, deliveredOn: today, chargeIds } }))
        .recordCollectionAction.status,
    ).toBe('IN_COLLECTION');

    await ok(companyA, RUN, { a: areaId, m: third });
    const cleared = await statement(held);
    expect(cleared).toMatchObject({ status: 'CURRENT', creditFen: 0, openFen: 0, lateFeeFen: 0 });
    expect(cleared.transitions.at(-1)).toMatchObject({
      from: 'IN_COLLECTION',
      to: 'CURRENT',
      reason: 'All charges paid',
    });
    expect((await db.query(balanceMismatchesSql())).rows).toEqual([]);
  });

  it('sets a held credit against the due months carrying a late fee first (Civil Code art. 560 para. 2), as of the day billed', async () => {
    const held = accounts[3];
    await ok(companyA, RUN, { a: areaId, m: second });
    const chargeOf = async (month: string) =>
      (await db.query(`select id from arrears.charge where account_id = $1 and month = $2`, [held, month])).rows[0]
        .id as string;
    // The first month's late fee waived: it now weighs lighter on the owner than the second, which still runs one.
    await ok(
      companyA,
      `mutation($c: ID!) { adjustCharge(chargeId: $c, kind: LATE_FEE_WAIVER, reason: "业主补缴本金，免收滞纳金") { id } }`,
      { c: await chargeOf(first) },
    );
    const fee = await monthly(held);
    const { receiptNumber } = (await ok(companyA, PAY, { p: pay(held, fee, { paidOn: today }) })).recordPayment;
    // The state an older hub left: the payment held as a credit while the months stayed open.
    await db.query('begin');
    await db.query(
      `delete from arrears.payment_allocation pa using arrears.payment p where p.id = pa.payment_id and p.receipt_number = $1 and p.company_id = $2`,
      [receiptNumber, companyA.organisationId],
    );
    await db.query(`update arrears.payment set credit_fen = $1 where receipt_number = $2 and company_id = $3`, [
      fee,
      receiptNumber,
      companyA.organisationId,
    ]);
    await db.query(`update arrears.charge set paid_fen = 0 where account_id = $1`, [held]);
    await db.query(`update arrears.account set credit_fen = $1 where id = $2`, [fee, held]);
    await db.query('commit');

    // This month's run sets the credit off today: the second month, not the first (before, the oldest by due date).
    await ok(companyA, RUN, { a: areaId, m: today.slice(0, 7) });
    const applications = await db.query(
      `select c.month, ca.fen from arrears.credit_application ca join arrears.charge c on c.id = ca.charge_id where c.account_id = $1`,
      [held],
    );
    expect(applications.rows).toEqual([{ month: second, fen: fee }]);
    expect((await db.query(balanceMismatchesSql())).rows).toEqual([]);
  });
});
