import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInChina } from '../../../kernel/clock';
import { NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { PAYMENT_REVERSED } from '../../../catalog';
import { keyReusedFor, transactionOnce } from '../../../platform/db/idempotency';
import { recordEvent } from '../../../platform/events/outbox';
import { assertPropertyCompany } from '../domain/access';
import { openTotal } from '../domain/charge';
import { arrearsError } from '../domain/errors';
import { reversePayment as reversal } from '../domain/payment';
import { paymentReversed } from '../events/publish/account-events';
import { addCredits } from '../persistence/account.repository';
import { addPaidAmounts, chargesOfAccount } from '../persistence/charge.repository';
import { applicationsOfPayment, markPaymentReversed, paymentToReverse } from '../persistence/ledger.repository';
import { loadAccount } from './account.lookup';
import { publishClaims } from './claims.publish';
import { publishCollection } from './collection.publish';

export interface PaymentReversalInput {
  paymentId: string;
  reason: string;
  /** The client's id of this reversal: a retry with it returns the account, the payment reversed once. */
  idempotencyKey?: string | null;
}

/**
 * Reverses a payment of the caller's company recorded in error (domain/payment.ts reversePayment): the charges it
 * paid are owed again, the credit it left is taken back, and the payment stays in the ledger marked reversed, with
 * its receipt number. Late fees run again from the charges' due dates, as if it had never been paid (the payment is
 * left out of the timeline). The account's status is left as it is: an account the payment had cleared stays
 * CURRENT, and the company takes collection up again as for any arrears. Returns the account id.
 */
export async function reversePayment(
  em: EntityManager,
  identity: Identity,
  input: PaymentReversalInput,
): Promise<string> {
  const companyId = assertPropertyCompany(identity, 'reverse payments');
  const today = todayInChina();
  const optionalKey = {
    scope: 'payment-reversal',
    ownerId: companyId,
    key: input.idempotencyKey,
    content: () => ({ paymentId: input.paymentId.toLowerCase(), reason: input.reason }),
    reused: keyReusedFor(arrearsError, 'payment reversal'),
  };
  return transactionOnce(em, optionalKey, async (tx) => {
    // The account first, as payments and credit runs lock it, then the payment's row.
    const found = await paymentToReverse(tx, input.paymentId, companyId, false);
    if (!found) throw new NotFoundError('Payment', input.paymentId);
    const account = await loadAccount(tx, identity, found.accountId, true);
    const payment = (await paymentToReverse(tx, input.paymentId, companyId, true))!;
    const { allocated, credited } = await applicationsOfPayment(tx, payment.paymentId);
    const taken = reversal(payment, allocated, credited, input.reason);
    const charges = await chargesOfAccount(tx, account.id);
    await addPaidAmounts(
      tx,
      taken.charges.map((c) => ({ chargeId: c.chargeId, fen: -c.fen })),
    );
    if (taken.heldCreditFen > 0) await addCredits(tx, new Map([[account.id, -taken.heldCreditFen]]));
    await markPaymentReversed(tx, payment.paymentId, { on: today, by: identity.subject, reason: taken.reason });
    const returned = new Map(taken.charges.map((c) => [c.chargeId, c.fen]));
    const after = charges.map((c) => ({ ...c, paidFen: c.paidFen - (returned.get(c.chargeId) ?? 0) }));
    recordEvent(tx, PAYMENT_REVERSED, {
      source: 'arrears',
      key: account.id,
      data: paymentReversed(
        account,
        payment,
        taken,
        today,
        new Map(charges.map((c) => [c.chargeId, c.month])),
        openTotal(after),
      ),
    });
    await publishClaims(tx, [account.id], today);
    await publishCollection(tx, { accountIds: [account.id] });
    return account.id;
  });
}
