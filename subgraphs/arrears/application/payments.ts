import type { EntityManager } from '@mikro-orm/postgresql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { Identity } from '../../../kernel/identity';
import { compareDates, isIsoDate } from '../../../kernel/calendar';
import { canonicalJson, sha256Hex } from '../../../kernel/canonical-json';
import { todayInChina } from '../../../kernel/clock';
import { sqlRows, sqlRun } from '../../../platform/db/sql';
import { DomainError, InvalidInputError, NotFoundError } from '../../../kernel/errors';
import { PAYMENT_RECORDED } from '../../../catalog';
import { recordEvent } from '../../../platform/events/outbox';
import { Adjustment, adjustCharge, allocatePayment } from '../domain/allocation';
import { AccountRow, chargesOf, eventBase, loadAccount, moveAccount, openTotal } from './accounts';
import { assertCompany } from './billing';
import { publishClaims } from './claims';
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

/** Receipts of the payments, in the order of the ids, in two queries whatever their number. */
async function receiptsOf(em: EntityManager, paymentIds: readonly string[]): Promise<Receipt[]> {
  const ids = JSON.stringify(paymentIds);
  const payments = await sqlRows<Record<string, unknown>>(
    em,
    `select p.id, p.receipt_number, p.account_id, p.purpose, p.levy_id, p.amount_fen, p.credit_fen, p.paid_on::text as paid_on, p.method, p.recorded_at,
            l.account_name
       from arrears.payment p left join arrears.levy l on l.id = p.levy_id where p.id::text in (select jsonb_array_elements_text(?::jsonb))`,
    [ids],
  );
  const allocations = await sqlRows<{ payment_id: string; charge_id: string; month: string; fen: string }>(
    em,
    `select pa.payment_id, pa.charge_id, c.month, pa.fen from arrears.payment_allocation pa join arrears.charge c on c.id = pa.charge_id
      where pa.payment_id::text in (select jsonb_array_elements_text(?::jsonb)) order by c.due_on, c.month`,
    [ids],
  );
  const byId = new Map(payments.map((p) => [String(p.id), p]));
  return paymentIds.map((id) => {
    const p = byId.get(id)!;
    return {
      paymentId: id,
      receiptNumber: String(p.receipt_number),
      accountId: String(p.account_id),
      purpose: p.purpose as PaymentPurpose,
      levyId: p.levy_id === null ? null : String(p.levy_id),
      paidInto: p.account_name === null ? 'PROPERTY_SERVICE_FEES' : String(p.account_name),
      amountFen: Number(p.amount_fen),
      creditFen: Number(p.credit_fen),
      paidOn: String(p.paid_on),
      method: String(p.method),
      allocations: allocations.filter((a) => a.payment_id === id).map((a) => ({ chargeId: a.charge_id, month: a.month, fen: Number(a.fen) })),
      recordedAt: p.recorded_at as Date,
    };
  });
}

interface PreparedPayment {
  input: PaymentInput;
  key: string;
  digest: string;
}

/** Checks the payment and fixes its idempotency key and the digest a retry must match. */
function preparePayment(input: PaymentInput, today: string): PreparedPayment {
  checkPaymentInput(input, today);
  const key = input.idempotencyKey.trim();
  const digest = sha256Hex(
    canonicalJson({ ...input, idempotencyKey: key, designatedChargeIds: input.designatedChargeIds ?? [], levyId: input.levyId ?? null, payerReference: input.payerReference ?? null }),
  );
  return { input, key, digest };
}

/** Payments already recorded under these keys: paymentId by key, or IDEMPOTENCY_KEY_REUSED when a key came with another request. */
async function recordedEarlier(em: EntityManager, companyId: string, prepared: readonly PreparedPayment[]): Promise<Map<string, string>> {
  const rows = await sqlRows<{ id: string; idempotency_key: string; request_sha256: string }>(
    em.fork(),
    `select id, idempotency_key, request_sha256 from arrears.payment where company_id = ? and idempotency_key in (select jsonb_array_elements_text(?::jsonb))`,
    [companyId, JSON.stringify(prepared.map((p) => p.key))],
  );
  const found = new Map(rows.map((r) => [r.idempotency_key, r]));
  for (const p of prepared) {
    const row = found.get(p.key);
    if (row && row.request_sha256 !== p.digest) {
      throw new DomainError('IDEMPOTENCY_KEY_REUSED', `Idempotency key ${p.key} was already used for a different payment`, { idempotencyKey: p.key });
    }
  }
  return new Map(rows.map((r) => [r.idempotency_key, r.id]));
}

/**
 * Applies one payment inside the caller's transaction (allocation.ts): designated charges only, or the earliest due
 * first; what no charge takes becomes a credit. Levy payments go to that levy's charges and into its own account.
 * Returns the payment id and, for a levy payment, the building whose activation must be checked.
 */
async function applyPayment(tx: EntityManager, identity: Identity, companyId: string, prepared: PreparedPayment, today: string) {
  const { input, key, digest } = prepared;
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
  recordEvent(tx, PAYMENT_RECORDED, {
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
  return { id, accountId: account.id, levyBuilding: input.purpose === 'LEVY' && input.levyId ? { levyId: input.levyId, buildingId: account.buildingId, on: input.paidOn } : null };
}

const isIdempotencyRace = (error: unknown) => error instanceof UniqueConstraintViolationException && String(error.message).includes('idempotency_key');

/** Records a payment on an account of the caller's company; a retry with the same idempotency key returns the same receipt. */
export async function recordPayment(em: EntityManager, identity: Identity, input: PaymentInput): Promise<Receipt> {
  const [receipt] = await importPayments(em, identity, [input]);
  return receipt;
}

export const MAX_PAYMENTS_PER_IMPORT = 1000;

/**
 * Records a batch of payments, such as a bank's or a payment platform's daily statement, all or nothing: one bad
 * line (its index in details) rolls back the whole batch. Lines whose idempotency key was recorded before return
 * their earlier receipt, so a statement imported twice records each payment once.
 */
export async function importPayments(em: EntityManager, identity: Identity, inputs: readonly PaymentInput[]): Promise<Receipt[]> {
  const companyId = assertCompany(identity, 'record payments');
  const today = todayInChina();
  if (inputs.length === 0 || inputs.length > MAX_PAYMENTS_PER_IMPORT) {
    throw new InvalidInputError(`An import holds 1–${MAX_PAYMENTS_PER_IMPORT} payments`, { fields: { payments: `1–${MAX_PAYMENTS_PER_IMPORT} payments` } });
  }
  const prepared = inputs.map((input, index) => {
    try {
      return preparePayment(input, today);
    } catch (error) {
      throw lineError(index, inputs.length, error);
    }
  });
  const keys = prepared.map((p) => p.key);
  const repeated = keys.filter((k, i) => keys.indexOf(k) !== i);
  if (repeated.length > 0) throw new InvalidInputError('An import names an idempotency key twice', { problems: repeated.map((idempotencyKey) => ({ code: 'DUPLICATE_IDEMPOTENCY_KEY', idempotencyKey })) });
  const write = async () => {
    const earlier = await recordedEarlier(em, companyId, prepared);
    const ids = await em.transactional(async (tx) => {
      const recorded = new Map(earlier);
      const buildings = new Map<string, { levyId: string; buildingId: string; on: string }>();
      const accounts = new Set<string>();
      for (const [index, p] of prepared.entries()) {
        if (recorded.has(p.key)) continue;
        try {
          const { id, accountId, levyBuilding } = await applyPayment(tx, identity, companyId, p, today);
          recorded.set(p.key, id);
          accounts.add(accountId);
          if (levyBuilding) buildings.set(`${levyBuilding.levyId}|${levyBuilding.buildingId}`, levyBuilding);
        } catch (error) {
          throw lineError(index, inputs.length, error);
        }
      }
      for (const b of buildings.values()) await announceActivatedBuilding(tx, b.levyId, b.buildingId, b.on);
      // One snapshot per account once the whole statement is applied, however many of its lines paid that account.
      await publishClaims(tx, [...accounts], today);
      return prepared.map((p) => recorded.get(p.key)!);
    });
    return receiptsOf(em, ids);
  };
  try {
    return await write();
  } catch (error) {
    // A retry racing the first attempt: the unique index let one in; the other now finds its receipts.
    if (isIdempotencyRace(error)) return write();
    throw error;
  }
}

/** The error of one line of an import, naming the line (index from 0) unless the import is a single payment. */
function lineError(index: number, lines: number, error: unknown): unknown {
  return lines > 1 && error instanceof DomainError ? new DomainError(error.code, `Payment ${index + 1}: ${error.message}`, { ...error.details, index }) : error;
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
    await publishClaims(tx, [account.id], today);
    return account.id;
  });
}
