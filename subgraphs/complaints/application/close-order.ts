import type { EntityManager } from '@mikro-orm/postgresql';
import { SatisfactionLevel } from '../../../catalog';
import { NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { assertStreetOfficeRole, mayManageOrder } from '../domain/order';
import { ComplaintOrder } from '../persistence/order.repository';
import { readableOrderForUpdate, takeStep } from './order-step';

/** The street office closes a resolved order with the caller's verdict: resolved or not, and satisfaction. */
export async function closeOrder(
  em: EntityManager,
  identity: Identity,
  input: { orderId: string; resolvedByCaller: boolean; satisfaction: SatisfactionLevel; note?: string | null },
): Promise<ComplaintOrder> {
  assertStreetOfficeRole(identity);
  return em.transactional(async (tx) => {
    const order = await readableOrderForUpdate(tx, identity, input.orderId);
    if (!mayManageOrder(identity, order)) throw new NotFoundError('Hotline order', input.orderId);
    const now = new Date();
    return takeStep(
      tx,
      identity,
      order,
      'CLOSE',
      { closedAt: now, resolvedByCaller: input.resolvedByCaller, satisfaction: input.satisfaction },
      { note: input.note ?? null, at: now },
    );
  });
}
