import type { EventSubscriber, TransactionEventArgs } from '@mikro-orm/core';

/** What knex hands the ORM as a transaction: its state and the promise that settles with BEGIN … COMMIT. */
interface KnexTransaction {
  isCompleted?: () => boolean;
  executionPromise?: Promise<unknown>;
}

/**
 * Surfaces a BEGIN that failed. knex hands over a transaction whose BEGIN failed (its connection dropped just then: a
 * restart, a failover, a terminated backend) as if it had begun, already completed; its first statement then failed
 * with "Transaction query already complete", which names no cause, and the request answered INTERNAL_SERVER_ERROR (a
 * CI run of test/db-transient.it.test.ts). BEGIN's own failure (57P01, a lost connection: transient, so
 * TEMPORARILY_UNAVAILABLE) is thrown instead, before the transaction's work runs; nothing was written.
 */
export class BeginFailureCheck implements EventSubscriber {
  async afterTransactionStart({ transaction }: TransactionEventArgs): Promise<void> {
    const trx = transaction as KnexTransaction | undefined;
    if (!trx?.isCompleted?.()) return;
    await trx.executionPromise;
    throw new Error('The transaction ended before its first statement');
  }
}
