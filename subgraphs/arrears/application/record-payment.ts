import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { IssuedReceipt, PaymentInput } from '../domain/payment';
import { importPayments } from './import-payments';

/** Records a payment on an account of the caller's company; a retry with the same idempotency key returns the same receipt. */
export async function recordPayment(
  em: EntityManager,
  identity: Identity,
  input: PaymentInput,
): Promise<IssuedReceipt> {
  const [receipt] = await importPayments(em, identity, [input]);
  return receipt;
}
