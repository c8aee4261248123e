import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { PaymentInput, Receipt } from '../domain/payment';
import { importPayments } from './import-payments';

/** Records a payment on an account of the caller's company; a retry with the same idempotency key returns the same receipt. */
export async function recordPayment(em: EntityManager, identity: Identity, input: PaymentInput): Promise<Receipt> {
  const [receipt] = await importPayments(em, identity, [input]);
  return receipt;
}
