import type { EntityManager } from '@mikro-orm/postgresql';
import { IsoDate } from '../../../kernel/calendar';
import { todayInChina } from '../../../kernel/clock';
import { NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { PAYMENT_RECORDED } from '../../../catalog';
import { claimIdempotencyKeys, storeIdempotentResults } from '../../../platform/db/idempotency';
import { retryAfterLostRace } from '../../../platform/db/sql';
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
import { insertPayment, receiptsOf, reserveReceiptNumbers } from '../persistence/ledger.repository';
import { loadAccount } from './account.lookup';
import { settleIfCleared } from './account.moves';
import { publishClaims } from './claims.publish';
import { publishCollection } from './collection.publish';
import { announceActivatedBuilding } from './levy.activation';

/**
 * Records a batch of payments, such as a bank's or a payment platform's daily statement, all or nothing: one bad
 * line (its index in details) rolls back the whole batch. Lines whose idempotency key was recorded before return
 * their earlier receipt, so a statement imported twice records each payment once.
 */
export async function importPayments(
  em: EntityManager,
  identity: Identity,
  inputs: readonly PaymentInput[],
): Promise<Receipt[]> {
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
  // A transaction that lost a race (a deadlock with another statement's allocation, a unique index) runs again and
  // answers from what the winner committed.
  const ids = await retryAfterLostRace(() =>
    em.transactional(async (tx) => {
      // Each key is claimed first: a line recorded earlier, or by a retry racing this one, returns that receipt.
      const earlier = await claimIdempotencyKeys(tx, PAYMENT_KEYS, companyId, prepared);
      const recorded = new Map<string, string>();
      for (const p of prepared) {
        const row = earlier.get(p.key);
        if (!row) continue;
        assertSameRequest(p, row.digest);
        recorded.set(p.key, row.result as string);
      }
      const fresh = prepared.filter((p) => !recorded.has(p.key)).length;
      let receipt = fresh > 0 ? await reserveReceiptNumbers(tx, fresh) : 0;
      const stored = new Map<string, string>();
      const buildings = new Map<string, { levyId: string; buildingId: string; on: IsoDate }>();
      const accounts = new Set<string>();
      for (const [index, p] of prepared.entries()) {
        if (recorded.has(p.key)) continue;
        try {
          const { id, accountId, levyBuilding } = await applyPayment(
            tx,
            identity,
            companyId,
            p,
            receiptNumber(today, receipt++),
          );
          recorded.set(p.key, id);
          stored.set(p.key, id);
          accounts.add(accountId);
          if (levyBuilding) buildings.set(`${levyBuilding.levyId}|${levyBuilding.buildingId}`, levyBuilding);
        } catch (error) {
          throw paymentLineError(index, inputs.length, error);
        }
      }
      await storeIdempotentResults(tx, PAYMENT_KEYS, companyId, stored);
      for (const b of buildings.values()) await announceActivatedBuilding(tx, b.levyId, b.buildingId, b.on);
      // One snapshot per account once the whole statement is applied, however many of its lines paid that account.
      await publishClaims(tx, [...accounts], today);
      await publishCollection(tx, { accountIds: [...accounts] });
      return prepared.map((p) => recorded.get(p.key)!);
    }),
  );
  return receiptsOf(em, ids);
}

/** The key space of payments: recordPayment and importPayments share it, per company. */
const PAYMENT_KEYS = 'payment';

/**
 * Applies one payment inside the caller's transaction (allocation.ts): designated charges only, or the earliest due
 * first; what no charge takes becomes a credit. Levy payments go to that levy's charges and into its own account.
 * Returns the payment id and, for a levy payment, the building whose activation must be checked. `receipt` is the
 * number reserved for it.
 */
async function applyPayment(
  tx: EntityManager,
  identity: Identity,
  companyId: string,
  prepared: PreparedPayment,
  receipt: string,
) {
  const { input, key, digest } = prepared;
  const account = await loadAccount(tx, identity, input.accountId, true);
  if (account.companyId !== companyId) throw new NotFoundError('Arrears account', input.accountId);
  const charges = await chargesOfAccount(tx, account.id);
  const payable = charges.filter(
    (c) => c.kind === input.purpose && (input.purpose === 'SERVICE_FEE' || c.levyId === input.levyId),
  );
  if (input.purpose === 'LEVY' && payable.length === 0)
    throw new NotFoundError('Levy charge of this account', String(input.levyId));
  const allocation = allocatePayment(payable, input.amountFen, input.designatedChargeIds ?? []);
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
  await settleIfCleared(
    tx,
    identity,
    account,
    { openFen: open, arrearsFen: arrearsTotal(after, todayInChina()) },
    input.paidOn,
  );
  const payment = {
    paymentId: id,
    receiptNumber: receipt,
    purpose: input.purpose,
    levyId,
    amountFen: input.amountFen,
    creditFen: allocation.creditFen,
    paidOn: input.paidOn,
  };
  const months = new Map(charges.map((c) => [c.chargeId, c.month]));
  recordEvent(tx, PAYMENT_RECORDED, {
    source: 'arrears',
    key: account.id,
    data: paymentRecorded(account, payment, allocation.applied, months, open),
  });
  return {
    id,
    accountId: account.id,
    levyBuilding:
      input.purpose === 'LEVY' && input.levyId
        ? { levyId: input.levyId, buildingId: account.buildingId, on: input.paidOn }
        : null,
  };
}
