import type { EntityManager } from '@mikro-orm/postgresql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { IsoDate } from '../../../kernel/calendar';
import { todayInChina } from '../../../kernel/clock';
import { NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { PAYMENT_RECORDED } from '../../../catalog';
import { recordEvent } from '../../../platform/events/outbox';
import { assertPropertyCompany } from '../domain/access';
import { allocatePayment } from '../domain/allocation';
import { arrearsTotal, openTotal } from '../domain/charge';
import {
  PaymentInput,
  PreparedPayment,
  Receipt,
  assertSameRequest,
  checkDistinctKeys,
  checkImportSize,
  paymentLineError,
  preparePayment,
  receiptNumber,
} from '../domain/payment';
import { paymentRecorded } from '../events/publish/account-events';
import { addCredit } from '../persistence/account.repository';
import { addPaidAmounts, chargesOfAccount } from '../persistence/charge.repository';
import { insertPayment, nextReceiptSequence, paymentsByKeys, receiptsOf } from '../persistence/ledger.repository';
import { loadAccount } from './account.lookup';
import { settleIfCleared } from './account.moves';
import { publishClaims } from './claims.publish';
import { announceActivatedBuilding } from './levy.activation';

/**
 * Records a batch of payments, such as a bank's or a payment platform's daily statement, all or nothing: one bad
 * line (its index in details) rolls back the whole batch. Lines whose idempotency key was recorded before return
 * their earlier receipt, so a statement imported twice records each payment once.
 */
export async function importPayments(em: EntityManager, identity: Identity, inputs: readonly PaymentInput[]): Promise<Receipt[]> {
  const companyId = assertPropertyCompany(identity, 'record payments');
  const today = todayInChina();
  checkImportSize(inputs.length);
  const prepared = inputs.map((input, index) => {
    try {
      return preparePayment(input, today);
    } catch (error) {
      throw paymentLineError(index, inputs.length, error);
    }
  });
  checkDistinctKeys(prepared);
  const write = async () => {
    const earlier = await recordedEarlier(em, companyId, prepared);
    const ids = await em.transactional(async (tx) => {
      const recorded = new Map(earlier);
      const buildings = new Map<string, { levyId: string; buildingId: string; on: IsoDate }>();
      const accounts = new Set<string>();
      for (const [index, p] of prepared.entries()) {
        if (recorded.has(p.key)) continue;
        try {
          const { id, accountId, levyBuilding } = await applyPayment(tx, identity, companyId, p, today);
          recorded.set(p.key, id);
          accounts.add(accountId);
          if (levyBuilding) buildings.set(`${levyBuilding.levyId}|${levyBuilding.buildingId}`, levyBuilding);
        } catch (error) {
          throw paymentLineError(index, inputs.length, error);
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

const isIdempotencyRace = (error: unknown) => error instanceof UniqueConstraintViolationException && String(error.message).includes('idempotency_key');

/** Payments already recorded under these keys: paymentId by key, or IDEMPOTENCY_KEY_REUSED when a key came with another request. */
async function recordedEarlier(em: EntityManager, companyId: string, prepared: readonly PreparedPayment[]): Promise<Map<string, string>> {
  const rows = await paymentsByKeys(em.fork(), companyId, prepared.map((p) => p.key));
  const found = new Map(rows.map((r) => [r.key, r]));
  for (const p of prepared) {
    const row = found.get(p.key);
    if (row) assertSameRequest(p, row.digest);
  }
  return new Map(rows.map((r) => [r.key, r.id]));
}

/**
 * Applies one payment inside the caller's transaction (allocation.ts): designated charges only, or the earliest due
 * first; what no charge takes becomes a credit. Levy payments go to that levy's charges and into its own account.
 * Returns the payment id and, for a levy payment, the building whose activation must be checked.
 */
async function applyPayment(tx: EntityManager, identity: Identity, companyId: string, prepared: PreparedPayment, today: IsoDate) {
  const { input, key, digest } = prepared;
  const account = await loadAccount(tx, identity, input.accountId, true);
  if (account.companyId !== companyId) throw new NotFoundError('Arrears account', input.accountId);
  const charges = await chargesOfAccount(tx, account.id);
  const payable = charges.filter((c) => c.kind === input.purpose && (input.purpose === 'SERVICE_FEE' || c.levyId === input.levyId));
  if (input.purpose === 'LEVY' && payable.length === 0) throw new NotFoundError('Levy charge of this account', String(input.levyId));
  const allocation = allocatePayment(payable, input.amountFen, input.designatedChargeIds ?? []);
  const receipt = receiptNumber(today, await nextReceiptSequence(tx));
  const levyId = input.levyId ?? null;
  const id = await insertPayment(
    tx,
    {
      accountId: account.id,
      companyId,
      purpose: input.purpose,
      levyId,
      amountFen: input.amountFen,
      creditFen: allocation.creditFen,
      paidOn: input.paidOn,
      method: input.method,
      payerReference: input.payerReference ?? null,
      receiptNumber: receipt,
      idempotencyKey: key,
      requestSha256: digest,
      designatedChargeIds: input.designatedChargeIds ?? [],
      recordedBy: identity.subject,
    },
    allocation.applied,
  );
  if (allocation.applied.length > 0) await addPaidAmounts(tx, allocation.applied);
  if (allocation.creditFen > 0) await addCredit(tx, account.id, allocation.creditFen);

  const after = charges.map((c) => ({ ...c, ...allocation.charges.find((a) => a.chargeId === c.chargeId) }));
  const open = openTotal(after);
  await settleIfCleared(tx, identity, account, { openFen: open, arrearsFen: arrearsTotal(after, todayInChina()) }, input.paidOn);
  const payment = { paymentId: id, receiptNumber: receipt, purpose: input.purpose, levyId, amountFen: input.amountFen, creditFen: allocation.creditFen, paidOn: input.paidOn };
  const months = new Map(charges.map((c) => [c.chargeId, c.month]));
  recordEvent(tx, PAYMENT_RECORDED, { source: 'arrears', key: account.id, data: paymentRecorded(account, payment, allocation.applied, months, open) });
  return { id, accountId: account.id, levyBuilding: input.purpose === 'LEVY' && input.levyId ? { levyId: input.levyId, buildingId: account.buildingId, on: input.paidOn } : null };
}
