import type { EntityManager } from '@mikro-orm/postgresql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { Identity } from '../../../infra/auth/identity';
import { compareDates, isIsoDate } from '../../../infra/calendar';
import { canonicalJson, sha256Hex } from '../../../infra/canonical-json';
import { todayInChina } from '../../../infra/clock';
import { sqlRows, sqlRun } from '../../../infra/db/sql';
import { DomainError, InvalidInputError, NotFoundError } from '../../../infra/errors';
import { PAYMENT_RECORDED, PaymentRecordedData } from '../../../infra/events/catalog';
import { recordEvent } from '../../../infra/events/outbox';
import { Adjustment, adjustCharge, allocatePayment } from '../domain/allocation';
import { AccountRow, chargesOf, eventBase, loadAccount, moveAccount, openTotal } from './accounts';
import { assertCompany } from './billing';
import { announceActivatedBuilding } from './levies';

export const PAYMENT_METHODS = ['CASH', 'BANK_TRANSFER', 'WECHAT_PAY', 'ALIPAY', 'CARD', 'OTHER'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export type PaymentPurpose = 'SERVICE_FEE' | 'LEVY';

export interface PaymentInput {
  accountId: string;
  amountFen: number;
  paidOn: string;
  method: string;
  purpose: PaymentPurpose;
  levyId?: string | null;
  designatedChargeIds?: string[] | null;
  payerReference?: string | null;
  idempotencyKey: string;
}

export interface Receipt {
  paymentId: string;
  receiptNumber: string;
  accountId: string;
  purpose: PaymentPurpose;
  levyId: string | null;
  /** Where the money went: the company's fee account, or the levy's separate account (seed 002: the committee's). */
  paidInto: string;
  amountFen: number;
  creditFen: number;
  paidOn: string;
  method: string;
  allocations: { chargeId: string; month: string; fen: number }[];
  recordedAt: Date;
}

function checkPaymentInput(input: PaymentInput, today: string): void {
  const fields: Record<string, string> = {};
  if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0) fields.amountFen = 'a payment must be whole fen, more than 0';
  if (!isIsoDate(input.paidOn)) fields.paidOn = 'a YYYY-MM-DD calendar date';
  else if (compareDates(input.paidOn, today) > 0) fields.paidOn = `not after today (${today})`;
  if (!(PAYMENT_METHODS as readonly string[]).includes(input.method)) fields.method = `one of ${PAYMENT_METHODS.join(', ')}`;
  if (input.purpose === 'LEVY' && !input.levyId) fields.levyId = 'name the levy paid';
  if (input.purpose === 'SERVICE_FEE' && input.levyId) fields.levyId = 'a service-fee payment names no levy';
  if (typeof input.idempotencyKey !== 'string' || input.idempotencyKey.trim() === '' || input.idempotencyKey.length > 200) {
    fields.idempotencyKey = '1–200 characters, the same on every retry of this payment';
  }
  if (Object.keys(fields).length > 0) throw new InvalidInputError('The payment is invalid', { fields });
}

async function receiptOf(em: EntityManager, paymentId: string): Promise<Receipt> {
  const [p] = await sqlRows<Record<string, unknown>>(
    em,
    `select p.id, p.receipt_number, p.account_id, p.purpose, p.levy_id, p.amount_fen, p.credit_fen, p.paid_on::text as paid_on, p.method, p.recorded_at,
            l.account_name
       from arrears.payment p left join arrears.levy l on l.id = p.levy_id where p.id = ?`,
    [paymentId],
  );
  const allocations = await sqlRows<{ charge_id: string; month: string; fen: string }>(
    em,
    `select pa.charge_id, c.month, pa.fen from arrears.payment_allocation pa join arrears.charge c on c.id = pa.charge_id
      where pa.payment_id = ? order by c.due_on, c.month`,
    [paymentId],
  );
  return {
    paymentId: String(p.id),
    receiptNumber: String(p.receipt_number),
    accountId: String(p.account_id),
    purpose: p.purpose as PaymentPurpose,
    levyId: p.levy_id === null ? null : String(p.levy_id),
    paidInto: p.account_name === null ? 'PROPERTY_SERVICE_FEES' : String(p.account_name),
    amountFen: Number(p.amount_fen),
    creditFen: Number(p.credit_fen),
    paidOn: String(p.paid_on),
    method: String(p.method),
    allocations: allocations.map((a) => ({ chargeId: a.charge_id, month: a.month, fen: Number(a.fen) })),
    recordedAt: p.recorded_at as Date,
  };
}

/** A retry of a recorded payment: the same receipt, or IDEMPOTENCY_KEY_REUSED when the key came with another request. */
async function earlierPayment(em: EntityManager, companyId: string, key: string, digest: string): Promise<Receipt | null> {
  const [row] = await sqlRows<{ id: string; request_sha256: string }>(
    em.fork(),
    `select id, request_sha256 from arrears.payment where company_id = ? and idempotency_key = ?`,
    [companyId, key],
  );
  if (!row) return null;
  if (row.request_sha256 !== digest) {
    throw new DomainError('IDEMPOTENCY_KEY_REUSED', `Idempotency key ${key} was already used for a different payment`, { idempotencyKey: key });
  }
  return receiptOf(em.fork(), row.id);
}

/**
 * Records a payment on an account of the caller's company and applies it (allocation.ts): designated charges only,
 * or the earliest due first; what no charge takes becomes a credit. Levy payments go to that levy's charges and into
 * its separate account. A retry with the same idempotency key returns the same receipt.
 */
export async function recordPayment(em: EntityManager, identity: Identity, input: PaymentInput): Promise<Receipt> {
  const companyId = assertCompany(identity, 'record payments');
  const today = todayInChina();
  checkPaymentInput(input, today);
  const key = input.idempotencyKey.trim();
  const digest = sha256Hex(canonicalJson({ ...input, idempotencyKey: key, designatedChargeIds: input.designatedChargeIds ?? [], levyId: input.levyId ?? null, payerReference: input.payerReference ?? null }));
  const earlier = await earlierPayment(em, companyId, key, digest);
  if (earlier) return earlier;
  try {
    const paymentId = await em.transactional(async (tx) => {
      const account = await loadAccount(tx, identity, input.accountId, true);
      if (account.companyId !== companyId) throw new NotFoundError('Arrears account', input.accountId);
      const charges = await chargesOf(tx, account.id);
      const payable = charges.filter((c) => c.kind === input.purpose && (input.purpose === 'SERVICE_FEE' || c.levyId === input.levyId));
      if (input.purpose === 'LEVY' && payable.length === 0) throw new NotFoundError('Levy charge of this account', String(input.levyId));
      const allocation = allocatePayment(payable, input.amountFen, input.designatedChargeIds ?? []);
      const [{ seq }] = await sqlRows<{ seq: string }>(tx, `select nextval('arrears.receipt_number_seq') as seq`);
      const receiptNumber = `R${today.slice(0, 4)}-${seq.padStart(8, '0')}`;
      const [{ id }] = await sqlRows<{ id: string }>(
        tx,
        `insert into arrears.payment (id, account_id, company_id, purpose, levy_id, amount_fen, credit_fen, paid_on, method, payer_reference,
            receipt_number, idempotency_key, request_sha256, designated_charge_ids, recorded_by)
         values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?) returning id`,
        [account.id, companyId, input.purpose, input.levyId ?? null, input.amountFen, allocation.creditFen, input.paidOn, input.method,
          input.payerReference ?? null, receiptNumber, key, digest, JSON.stringify(input.designatedChargeIds ?? []), identity.subject],
      );
      if (allocation.applied.length > 0) {
        const applied = JSON.stringify(allocation.applied);
        await sqlRun(tx, `insert into arrears.payment_allocation (payment_id, charge_id, fen) select ?, x."chargeId", x.fen from json_to_recordset(?::json) as x("chargeId" uuid, fen bigint)`, [id, applied]);
        await sqlRun(tx, `update arrears.charge c set paid_fen = c.paid_fen + x.fen from json_to_recordset(?::json) as x("chargeId" uuid, fen bigint) where c.id = x."chargeId"`, [applied]);
      }
      if (allocation.creditFen > 0) await sqlRun(tx, `update arrears.account set credit_fen = credit_fen + ? where id = ?`, [allocation.creditFen, account.id]);

      const after = charges.map((c) => allocation.charges.find((a) => a.chargeId === c.chargeId) ?? c);
      const open = openTotal(after);
      await settleIfCleared(tx, identity, account, open, input.paidOn);
      const months = new Map(charges.map((c) => [c.chargeId, c.month]));
      recordEvent<PaymentRecordedData>(tx, PAYMENT_RECORDED, {
        source: 'arrears',
        key: account.id,
        data: {
          ...eventBase(account, open),
          paymentId: id,
          receiptNumber,
          purpose: input.purpose,
          levyId: input.levyId ?? null,
          amountFen: input.amountFen,
          creditFen: allocation.creditFen,
          paidOn: input.paidOn,
          allocations: allocation.applied.map((a) => ({ chargeId: a.chargeId, month: months.get(a.chargeId) ?? '', fen: a.fen })),
        },
      });
      if (input.purpose === 'LEVY' && input.levyId) await announceActivatedBuilding(tx, input.levyId, account.buildingId, input.paidOn);
      return id;
    });
    return receiptOf(em, paymentId);
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException && String(error.message).includes('idempotency_key')) {
      const raced = await earlierPayment(em, companyId, key, digest);
      if (raced) return raced;
    }
    throw error;
  }
}

/** Collection ends by itself once everything is paid, while the case has not gone to the court. */
async function settleIfCleared(em: EntityManager, identity: Identity, account: AccountRow, open: number, on: string): Promise<void> {
  if (open === 0 && (account.status === 'IN_COLLECTION' || account.status === 'MEDIATION')) {
    await moveAccount(em, identity, account, 'CURRENT', { reason: 'All charges paid', on, openFen: 0 });
  }
}

export interface AdjustmentInput {
  chargeId: string;
  kind: 'WAIVER' | 'CORRECTION';
  fen?: number | null;
  amountFen?: number | null;
  reason: string;
}

/** A waiver or correction of one charge of the caller's company, with its reason kept for the owner and the court. */
export async function adjustChargeOfAccount(em: EntityManager, identity: Identity, input: AdjustmentInput): Promise<string> {
  const companyId = assertCompany(identity, 'adjust charges');
  const today = todayInChina();
  return em.transactional(async (tx) => {
    const [ref] = await sqlRows<{ account_id: string }>(tx, `select account_id from arrears.charge where id::text = ? and company_id = ?`, [input.chargeId, companyId]);
    if (!ref) throw new NotFoundError('Charge', input.chargeId);
    const account = await loadAccount(tx, identity, ref.account_id, true);
    const charges = await chargesOf(tx, account.id);
    const charge = charges.find((c) => c.chargeId === input.chargeId)!;
    const adjustment: Adjustment =
      input.kind === 'WAIVER' ? { kind: 'WAIVER', fen: input.fen as number, reason: input.reason } : { kind: 'CORRECTION', amountFen: input.amountFen as number, reason: input.reason };
    const result = adjustCharge(charge, adjustment);
    await sqlRun(tx, `update arrears.charge set amount_fen = ?, waived_fen = ? where id = ?`, [result.charge.amountFen, result.charge.waivedFen, charge.chargeId]);
    await sqlRun(
      tx,
      `insert into arrears.adjustment (id, charge_id, account_id, kind, fen, amount_before_fen, amount_after_fen, waived_before_fen, waived_after_fen, reason, on_date, recorded_by)
       values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [charge.chargeId, account.id, input.kind, input.kind === 'WAIVER' ? input.fen : null, charge.amountFen, result.charge.amountFen,
        charge.waivedFen, result.charge.waivedFen, result.adjustment.reason, today, identity.subject],
    );
    const open = openTotal(charges.map((c) => (c.chargeId === charge.chargeId ? result.charge : c)));
    await settleIfCleared(tx, identity, account, open, today);
    return account.id;
  });
}
