import type { EntityManager } from '@mikro-orm/postgresql';
import { IsoDate } from '../../../kernel/calendar';
import { Fen } from '../../../kernel/money';
import { sqlArray, sqlBulk, sqlRows, sqlRun } from '../../../platform/db/sql';
import { AdjustmentKind, AppliedAmount, AppliedCredit, HeldCredit } from '../domain/allocation';
import { Charge } from '../domain/charge';
import { AppliedPayment, RecordedAdjustment } from '../domain/claim';
import { PaymentPurpose, Receipt, RecordedPayment, paidInto } from '../domain/payment';
import { StatementPayment } from '../domain/statement';
import { groupRows } from './group-rows';

/**
 * The ledger beside the charges: payments with their receipts and what each paid of which charge (allocations),
 * and adjustments (waivers and corrections) with their reasons.
 */

/**
 * Reserves the company's next `count` receipt numbers of `year` and returns the first, from the company's counter row
 * in the payments' transaction: a transaction rolled back gives its numbers back, so a company's receipts of a year
 * have no gaps. The row stays locked until the transaction ends (a company's payments number one transaction at a
 * time; other companies' do not wait); take it before any account lock, so a payment holding an account never waits
 * for the counter held by one waiting for that account.
 */
export async function reserveReceiptNumbers(
  tx: EntityManager,
  companyId: string,
  year: number,
  count: number,
): Promise<number> {
  const [{ last }] = await sqlRows<{ last: string }>(
    tx,
    `insert into arrears.company_receipt_counter as c (company_id, year, last_number) values (?, ?, ?)
     on conflict (company_id, year) do update set last_number = c.last_number + excluded.last_number
     returning c.last_number as last`,
    [companyId, year, count],
  );
  return Number(last) - count + 1;
}

export interface NewPayment {
  /** Chosen by the caller (randomUUID), so the payment's event can name it before the row is written. */
  id: string;
  accountId: string;
  companyId: string;
  purpose: PaymentPurpose;
  levyId: string | null;
  amountFen: Fen;
  creditFen: Fen;
  paidOn: IsoDate;
  method: string;
  payerReference: string | null;
  receiptNumber: string;
  idempotencyKey: string;
  requestSha256: string;
  designatedChargeIds: readonly string[];
  recordedBy: string;
  /** What it paid of each charge. */
  applied: readonly AppliedAmount[];
}

/** Records the payments and what each paid of which charge: two statements whatever their number. */
export async function insertPayments(em: EntityManager, payments: readonly NewPayment[]): Promise<void> {
  if (payments.length === 0) return;
  await sqlBulk(
    em,
    `insert into arrears.payment (id, account_id, company_id, purpose, levy_id, amount_fen, credit_fen, paid_on, method, payer_reference,
        receipt_number, idempotency_key, request_sha256, designated_charge_ids, recorded_by)
     select x.id, x."accountId", x."companyId", x.purpose, x."levyId", x."amountFen", x."creditFen", x."paidOn", x.method, x."payerReference",
        x."receiptNumber", x."idempotencyKey", x."requestSha256", x."designatedChargeIds", x."recordedBy"
       from json_to_recordset(?::json) as x(id uuid, "accountId" uuid, "companyId" text, purpose text, "levyId" uuid, "amountFen" bigint,
        "creditFen" bigint, "paidOn" date, method text, "payerReference" text, "receiptNumber" text, "idempotencyKey" text,
        "requestSha256" text, "designatedChargeIds" jsonb, "recordedBy" text)`,
    payments, // json_to_recordset reads the columns it names and leaves `applied` aside
  );
  const allocations = payments.flatMap((p) => p.applied.map((a) => ({ paymentId: p.id, ...a })));
  if (allocations.length > 0) {
    await sqlBulk(
      em,
      `insert into arrears.payment_allocation (payment_id, charge_id, fen)
       select x."paymentId", x."chargeId", x.fen from json_to_recordset(?::json) as x("paymentId" uuid, "chargeId" uuid, fen bigint)`,
      allocations,
    );
  }
}

/** arrears.payment with the name of the levy's account it went into, as the database returns it. */
interface PaymentColumns {
  id: string;
  receipt_number: string;
  account_id: string;
  purpose: PaymentPurpose;
  levy_id: string | null;
  amount_fen: number;
  credit_fen: number;
  paid_on: IsoDate;
  method: string;
  /** timestamptz arrives as text in raw queries (MikroORM's pg type overrides). */
  recorded_at: string;
  account_name: string | null;
  reversed_on: IsoDate | null;
}

interface AllocationColumns {
  payment_id: string;
  charge_id: string;
  month: string;
  fen: number;
}

const receiptOf = (p: PaymentColumns, allocations: Receipt['allocations']): Receipt => ({
  paymentId: p.id,
  receiptNumber: p.receipt_number,
  accountId: p.account_id,
  purpose: p.purpose,
  levyId: p.levy_id,
  paidInto: paidInto(p.account_name),
  amountFen: p.amount_fen,
  creditFen: p.credit_fen,
  paidOn: p.paid_on,
  method: p.method,
  allocations,
  recordedAt: new Date(p.recorded_at),
  reversedOn: p.reversed_on,
});

/** Receipts of the payments, in the order of the ids, in two queries whatever their number. */
export async function receiptsOf(em: EntityManager, paymentIds: readonly string[]): Promise<Receipt[]> {
  const ids = sqlArray(paymentIds);
  const payments = await sqlRows<PaymentColumns>(
    em,
    `select p.id, p.receipt_number, p.account_id, p.purpose, p.levy_id, p.amount_fen, p.credit_fen, p.paid_on::text as paid_on, p.method, p.recorded_at,
            l.account_name, p.reversed_on::text as reversed_on
       from arrears.payment p left join arrears.levy l on l.id = p.levy_id where p.id = any(?::uuid[])`,
    [ids],
  );
  const allocations = await sqlRows<AllocationColumns>(
    em,
    `select pa.payment_id, pa.charge_id, c.month, pa.fen from arrears.payment_allocation pa join arrears.charge c on c.id = pa.charge_id
      where pa.payment_id = any(?::uuid[]) order by c.due_on, c.month`,
    [ids],
  );
  const byId = new Map(payments.map((p) => [p.id, p]));
  const allocationsOf = groupRows(
    allocations,
    (a) => a.payment_id,
    (a) => ({ chargeId: a.charge_id, month: a.month, fen: a.fen }),
  );
  return paymentIds.map((id) => receiptOf(byId.get(id)!, allocationsOf.get(id) ?? []));
}

type StatementPaymentColumns = Pick<
  PaymentColumns,
  'id' | 'receipt_number' | 'purpose' | 'amount_fen' | 'credit_fen' | 'paid_on' | 'method'
> & { reversed_on: IsoDate | null; reversal_reason: string | null };

const statementPaymentOf = (p: StatementPaymentColumns): StatementPayment => ({
  paymentId: p.id,
  receiptNumber: p.receipt_number,
  purpose: p.purpose,
  amountFen: p.amount_fen,
  creditFen: p.credit_fen,
  paidOn: p.paid_on,
  method: p.method,
  reversedOn: p.reversed_on,
  reversalReason: p.reversal_reason,
});

/** The account's payments in the order paid, a reversed one with its day and reason. */
export async function paymentsOfAccount(em: EntityManager, accountId: string): Promise<StatementPayment[]> {
  const rows = await sqlRows<StatementPaymentColumns>(
    em,
    `select id, receipt_number, purpose, amount_fen, credit_fen, paid_on::text as paid_on, method,
            reversed_on::text as reversed_on, reversal_reason
       from arrears.payment where account_id = ? order by paid_on, recorded_at`,
    [accountId],
  );
  return rows.map(statementPaymentOf);
}

/** The company's payment, its row locked when asked; undefined when unknown or another company's. */
export async function paymentToReverse(
  em: EntityManager,
  paymentId: string,
  companyId: string,
  lock: boolean,
): Promise<(RecordedPayment & { purpose: PaymentPurpose; levyId: string | null; paidOn: IsoDate }) | undefined> {
  const [row] = await sqlRows<{
    id: string;
    account_id: string;
    receipt_number: string;
    purpose: PaymentPurpose;
    levy_id: string | null;
    amount_fen: number;
    credit_fen: number;
    paid_on: IsoDate;
    reversed_on: IsoDate | null;
  }>(
    em,
    `select id, account_id, receipt_number, purpose, levy_id, amount_fen, credit_fen, paid_on::text as paid_on,
            reversed_on::text as reversed_on
       from arrears.payment where id = ? and company_id = ?${lock ? ' for update' : ''}`,
    [paymentId, companyId],
  );
  return (
    row && {
      paymentId: row.id,
      accountId: row.account_id,
      receiptNumber: row.receipt_number,
      purpose: row.purpose,
      levyId: row.levy_id,
      amountFen: Number(row.amount_fen),
      creditFen: Number(row.credit_fen),
      paidOn: row.paid_on,
      reversedOn: row.reversed_on,
    }
  );
}

/** What the payment paid of each charge when recorded (allocated) and later through its credit (credited). */
export async function applicationsOfPayment(
  em: EntityManager,
  paymentId: string,
): Promise<{ allocated: AppliedAmount[]; credited: AppliedAmount[] }> {
  const rows = await sqlRows<{ via: 'ALLOCATION' | 'CREDIT'; charge_id: string; fen: number }>(
    em,
    `select 'ALLOCATION' as via, charge_id, fen from arrears.payment_allocation where payment_id = ?
     union all select 'CREDIT', charge_id, fen from arrears.credit_application where payment_id = ?`,
    [paymentId, paymentId],
  );
  const of = (via: string) =>
    rows.filter((r) => r.via === via).map((r) => ({ chargeId: r.charge_id, fen: Number(r.fen) }));
  return { allocated: of('ALLOCATION'), credited: of('CREDIT') };
}

/** Marks the payment reversed on `on`, by whom and why; its row, receipt and allocations stay. */
export async function markPaymentReversed(
  em: EntityManager,
  paymentId: string,
  reversal: { on: IsoDate; by: string; reason: string },
): Promise<void> {
  await sqlRun(
    em,
    `update arrears.payment set reversed_on = ?, reversed_by = ?, reversal_reason = ? where id = ? and reversed_on is null`,
    [reversal.on, reversal.by, reversal.reason, paymentId],
  );
}

/** What each payment of each account paid of which charge, on the day paid: at once, or later as a credit set against it. */
export async function appliedPaymentsOfAccounts(
  em: EntityManager,
  accountIds: readonly string[],
): Promise<Map<string, AppliedPayment[]>> {
  const rows = await sqlRows<{ account_id: string; charge_id: string; fen: number; paid_on: IsoDate }>(
    em,
    // A credit set against a later charge paid it with the money received on the payment's day.
    `select p.account_id, pa.charge_id, pa.fen, p.paid_on::text as paid_on
       from (select payment_id, charge_id, fen from arrears.payment_allocation
             union all select payment_id, charge_id, fen from arrears.credit_application) pa
       join arrears.payment p on p.id = pa.payment_id where p.account_id = any(?::uuid[]) and p.reversed_on is null`,
    [sqlArray(accountIds)],
  );
  return groupRows(
    rows,
    (r) => r.account_id,
    (r) => ({ chargeId: r.charge_id, fen: r.fen, paidOn: r.paid_on }),
  );
}

/**
 * The service-fee credits that the company's accounts of the area still hold from undesignated payments (a payer who
 * designated charges chose what the money is for), earliest paid first, by account; the accounts holding a credit are
 * locked first, in id order, so a payment recorded meanwhile waits. Few accounts: found through account_credit_index.
 */
export async function heldServiceFeeCredits(
  em: EntityManager,
  scope: { companyId: string; areaId: string },
): Promise<Map<string, HeldCredit[]>> {
  const holders = await sqlRows<{ id: string }>(
    em,
    `select id from arrears.account where company_id = ? and area_id = ? and credit_fen > 0 order by id for update`,
    [scope.companyId, scope.areaId],
  );
  if (holders.length === 0) return new Map();
  const rows = await sqlRows<{ account_id: string; payment_id: string; fen: number; paid_on: IsoDate }>(
    em,
    `select p.account_id, p.id as payment_id, (p.credit_fen - coalesce(sum(ca.fen), 0))::int8 as fen,
            to_char(p.paid_on, 'YYYY-MM-DD') as paid_on
       from arrears.payment p left join arrears.credit_application ca on ca.payment_id = p.id
      where p.account_id = any(?::uuid[]) and p.purpose = 'SERVICE_FEE' and p.credit_fen > 0 and p.designated_charge_ids = '[]'::jsonb
        and p.reversed_on is null
      group by p.id
     having p.credit_fen > coalesce(sum(ca.fen), 0)
      order by p.paid_on, p.recorded_at, p.id`,
    [sqlArray(holders.map((h) => h.id))],
  );
  return groupRows(
    rows,
    (r) => r.account_id,
    (r) => ({ paymentId: r.payment_id, fen: Number(r.fen), paidOn: r.paid_on }),
  );
}

/** Records credits set against charges on `on` (a payment's rest reaching the same charge twice adds up). */
export async function insertCreditApplications(
  em: EntityManager,
  applied: readonly AppliedCredit[],
  on: IsoDate,
): Promise<void> {
  if (applied.length === 0) return;
  await sqlRun(
    em,
    `insert into arrears.credit_application (payment_id, charge_id, fen, applied_on)
     select x."paymentId", x."chargeId", x.fen, ?::date from json_to_recordset(?::json) as x("paymentId" uuid, "chargeId" uuid, fen bigint)
     on conflict (payment_id, charge_id) do update set fen = credit_application.fen + excluded.fen, applied_on = excluded.applied_on`,
    [on, JSON.stringify(applied)],
  );
}

/** Records a waiver or correction of one charge with the amounts before and after and its reason. */
export async function insertAdjustment(
  em: EntityManager,
  adjustment: {
    accountId: string;
    before: Charge;
    after: Charge;
    kind: AdjustmentKind;
    fen: Fen | null;
    reason: string;
    on: IsoDate;
    recordedBy: string;
  },
): Promise<void> {
  await sqlRun(
    em,
    `insert into arrears.adjustment (id, charge_id, account_id, kind, fen, amount_before_fen, amount_after_fen, waived_before_fen, waived_after_fen, reason, on_date, recorded_by)
     values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      adjustment.before.chargeId,
      adjustment.accountId,
      adjustment.kind,
      adjustment.fen,
      adjustment.before.amountFen,
      adjustment.after.amountFen,
      adjustment.before.waivedFen,
      adjustment.after.waivedFen,
      adjustment.reason,
      adjustment.on,
      adjustment.recordedBy,
    ],
  );
}

interface AdjustmentColumns {
  account_id: string;
  charge_id: string;
  kind: AdjustmentKind;
  fen: number | null;
  amount_before_fen: number;
  amount_after_fen: number;
  reason: string;
  on_date: IsoDate;
}

const adjustmentOf = (a: AdjustmentColumns): RecordedAdjustment => ({
  chargeId: a.charge_id,
  kind: a.kind,
  fen: a.fen,
  amountBeforeFen: a.amount_before_fen,
  amountAfterFen: a.amount_after_fen,
  reason: a.reason,
  on: a.on_date,
});

/** Each account's adjustments in the order recorded. */
export async function adjustmentsOfAccounts(
  em: EntityManager,
  accountIds: readonly string[],
): Promise<Map<string, RecordedAdjustment[]>> {
  const rows = await sqlRows<AdjustmentColumns>(
    em,
    `select account_id, charge_id, kind, fen, amount_before_fen, amount_after_fen, reason, on_date::text as on_date
       from arrears.adjustment where account_id = any(?::uuid[]) order by recorded_at`,
    [sqlArray(accountIds)],
  );
  return groupRows(rows, (r) => r.account_id, adjustmentOf);
}

/** The charges of the accounts whose late fee was waived (an adjustment LATE_FEE_WAIVER). */
export async function lateFeeWaivedCharges(em: EntityManager, accountIds: readonly string[]): Promise<Set<string>> {
  if (accountIds.length === 0) return new Set();
  const rows = await sqlRows<{ charge_id: string }>(
    em,
    `select distinct charge_id from arrears.adjustment where account_id = any(?::uuid[]) and kind = 'LATE_FEE_WAIVER'`,
    [sqlArray(accountIds)],
  );
  return new Set(rows.map((r) => r.charge_id));
}
