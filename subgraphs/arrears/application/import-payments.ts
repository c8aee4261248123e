import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { IsoDate, compareDates } from '../../../kernel/calendar';
import { todayInChina } from '../../../kernel/clock';
import { NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { Fen } from '../../../kernel/money';
import { PAYMENT_RECORDED } from '../../../catalog';
import { claimIdempotencyKeys, storeIdempotentResults } from '../../../platform/db/idempotency';
import { retryAfterLostRace } from '../../../platform/db/sql';
import { recordEvent } from '../../../platform/events/outbox';
import { Account } from '../domain/account';
import { assertPropertyCompany } from '../domain/access';
import { allocatePayment, payersCharges } from '../domain/allocation';
import { chargesCarryingLateFee } from './payment-priority.lookup';
import { BilledCharge, openTotal } from '../domain/charge';
import {
  PaymentInput,
  IssuedReceipt,
  PreparedPayment,
  assertSameRequest,
  checkDistinctKeys,
  checkImportSize,
  paymentLineError,
  preparePayment,
  receiptNumber,
  receiptYear,
} from '../domain/payment';
import { paymentRecorded } from '../events/publish/account-events';
import { addCredits } from '../persistence/account.repository';
import { addPaidAmounts, chargesOfAccounts } from '../persistence/charge.repository';
import { ownersSince } from '../persistence/billable-household.repository';
import { NewPayment, insertPayments, receiptsOf, reserveReceiptNumbers } from '../persistence/ledger.repository';
import { loadAccounts } from './account.lookup';
import { collectedMoves, settleIfCleared } from './account.moves';
import { publishClaims } from './claims.publish';
import { publishCollection } from './collection.publish';
import { announceActivatedBuilding } from './levy.activation';

/**
 * Records a batch of payments, such as a bank's or a payment platform's daily statement, all or nothing: one bad
 * line (its index in details) rolls back the whole batch. Lines whose idempotency key was recorded before return
 * their earlier receipt, marked `replayed`, so a statement imported twice records each payment once, and a clerk
 * sees which lines of a file an earlier one had already recorded (a second cash payment identical to one of an
 * earlier file, with no payer reference, was taken for it and dropped without a sign: a console audit, 2026-12-06).
 */
export async function importPayments(
  em: EntityManager,
  identity: Identity,
  inputs: readonly PaymentInput[],
): Promise<IssuedReceipt[]> {
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
  const answers = await retryAfterLostRace(() =>
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
      const fresh = [...prepared.entries()].filter(([, p]) => !recorded.has(p.key));
      const first = fresh.length > 0 ? await reserveReceiptNumbers(tx, companyId, receiptYear(today), fresh.length) : 0;
      const lines = fresh.map(([index, p], n) => ({ index, prepared: p, receipt: receiptNumber(today, first + n) }));
      const applied = await applyPayments(tx, identity, companyId, lines, inputs.length);
      const stored = new Map(applied.payments.map((p) => [p.idempotencyKey, p.id]));
      for (const [key, id] of stored) recorded.set(key, id);
      await storeIdempotentResults(tx, PAYMENT_KEYS, companyId, stored);
      // In one order for every writer: each takes its building's lock (a statement naming B then A beside one naming
      // A then B deadlocked, per a review).
      const buildings = [...applied.buildings.values()].sort(
        (a, b) => a.levyId.localeCompare(b.levyId) || a.buildingId.localeCompare(b.buildingId),
      );
      for (const b of buildings) await announceActivatedBuilding(tx, b.levyId, b.buildingId, b.on);
      // One snapshot per account once the whole statement is applied, however many of its lines paid that account.
      await publishClaims(tx, applied.accountIds, today);
      await publishCollection(tx, { accountIds: applied.accountIds });
      return prepared.map((p) => ({ id: recorded.get(p.key)!, replayed: earlier.has(p.key) }));
    }),
  );
  const receipts = await receiptsOf(
    em,
    answers.map((a) => a.id),
  );
  return receipts.map((r, i) => ({ ...r, replayed: answers[i].replayed }));
}

/** The key space of payments: recordPayment and importPayments share it, per company. */
const PAYMENT_KEYS = 'payment';

/** A building paid a levy in: its activation is checked once the statement is applied (levy.activation.ts). */
interface LevyBuilding {
  levyId: string;
  buildingId: string;
  on: IsoDate;
}

/** An account being paid, with its charges as the lines applied so far left them. */
interface PayingAccount {
  account: Account;
  charges: BilledCharge[];
}

/**
 * Applies the payments by payment day, then line order, inside the caller's transaction, set-based: the accounts are locked and their
 * charges read in one query each, every line is allocated in memory against the charges as the lines before it left
 * them (allocation.ts: designated charges only, or by art. 560 para. 2's order, PaymentPriority; what no charge takes becomes a credit;
 * levy payments go to that levy's charges and into its own account), its status move (settleIfCleared) decided and
 * its events recorded in line order; then the moves, the payments, their allocations, the paid amounts and the
 * credits are written in one or two statements each. `receipt` is the number reserved for each line. Returns the
 * payments, the accounts paid (in the order first paid) and, for levy payments, the buildings whose activation must
 * be checked.
 */
async function applyPayments(
  tx: EntityManager,
  identity: Identity,
  companyId: string,
  lines: readonly { index: number; prepared: PreparedPayment; receipt: string }[],
  lineCount: number,
) {
  const today = todayInChina();
  if (lines.length === 0) return { payments: [], accountIds: [], buildings: new Map<string, LevyBuilding>() };
  // Ids as the ID scalar leaves them (lower case), however a direct caller spelled them.
  const idOf = (line: (typeof lines)[number]) => line.prepared.input.accountId.toLowerCase();
  const locked = await loadAccounts(tx, identity, [...new Set(lines.map(idOf))], true);
  const chargesOf = await chargesOfAccounts(tx, [...locked.keys()]);
  const since = await ownersSince(tx, [...new Set([...locked.values()].map((a) => a.householdId))]);
  const carryingLateFee = await chargesCarryingLateFee(tx, [...locked.keys()], [...chargesOf.values()].flat());
  const paying = new Map<string, PayingAccount>(
    [...locked].map(([id, account]) => [id, { account, charges: chargesOf.get(id) ?? [] }]),
  );

  const payments: NewPayment[] = [];
  const credits = new Map<string, Fen>();
  const moves = collectedMoves(tx);
  const accountIds = new Set<string>();
  const buildings = new Map<string, LevyBuilding>();
  // By payment day, then line order: money that arrived first pays the earliest fees, whatever order the bank's file
  // lists it in (before, a later payment listed first took the oldest fee, which ran its late fee meanwhile).
  const byDay = [...lines].sort(
    (a, b) => compareDates(a.prepared.input.paidOn, b.prepared.input.paidOn) || a.index - b.index,
  );
  for (const line of byDay) {
    const { index, prepared, receipt } = line;
    const { input, key, digest } = prepared;
    try {
      const state = paying.get(idOf(line));
      if (!state || state.account.companyId !== companyId) throw new NotFoundError('Arrears account', input.accountId);
      const { account, charges } = state;
      const payable = charges.filter(
        (c) => c.kind === input.purpose && (input.purpose === 'SERVICE_FEE' || c.levyId === input.levyId),
      );
      if (input.purpose === 'LEVY' && payable.length === 0)
        throw new NotFoundError('Levy charge of this account', String(input.levyId));
      // Without a designation, a service fee pays the months of whoever owned the flat the day it was paid
      // (payersCharges), in art. 560 para. 2's order (PaymentPriority); a levy payment names its levy.
      const designated = input.designatedChargeIds ?? [];
      const allocation = allocatePayment(
        designated.length > 0 || input.purpose === 'LEVY'
          ? payable
          : payersCharges(payable, since.get(account.householdId) ?? null, input.paidOn),
        input.amountFen,
        designated,
        { paidOn: input.paidOn, carryingLateFee },
      );
      const levyId = input.levyId ?? null;
      const payment: NewPayment = {
        id: randomUUID(),
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
        applied: allocation.applied,
      };
      payments.push(payment);
      if (allocation.creditFen > 0) credits.set(account.id, (credits.get(account.id) ?? 0) + allocation.creditFen);

      const received = new Map(allocation.charges.map((c) => [c.chargeId, c]));
      const after = charges.map((c) => ({ ...c, ...received.get(c.chargeId) }));
      state.charges = after;
      const open = openTotal(after);
      await settleIfCleared(tx, identity, account, after, today, moves.write, input.paidOn);
      const months = new Map(charges.map((c) => [c.chargeId, c.month]));
      recordEvent(tx, PAYMENT_RECORDED, {
        source: 'arrears',
        key: account.id,
        data: paymentRecorded(
          account,
          {
            paymentId: payment.id,
            receiptNumber: receipt,
            purpose: input.purpose,
            levyId,
            amountFen: input.amountFen,
            creditFen: allocation.creditFen,
            paidOn: input.paidOn,
          },
          allocation.applied,
          months,
          open,
        ),
      });
      accountIds.add(account.id);
      if (input.purpose === 'LEVY' && input.levyId)
        buildings.set(`${input.levyId}|${account.buildingId}`, {
          levyId: input.levyId,
          buildingId: account.buildingId,
          on: input.paidOn,
        });
    } catch (error) {
      throw paymentLineError(index, lineCount, error);
    }
  }
  await moves.save();
  await insertPayments(tx, payments);
  await addPaidAmounts(
    tx,
    payments.flatMap((p) => p.applied),
  );
  await addCredits(tx, credits);
  return { payments, accountIds: [...accountIds], buildings };
}
