import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { assertStreetOfficeRole, mayManageOrder } from '../domain/order';
import { ComplaintOrder } from '../persistence/order.repository';
import { findCompound } from '../persistence/read-model.repository';
import { readableOrderForUpdate, takeStep } from './order-step';

/** The street office matches a queued order to a compound of the order's street by hand. */
export async function matchOrder(
  em: EntityManager,
  identity: Identity,
  orderId: string,
  compoundId: string,
): Promise<ComplaintOrder> {
  assertStreetOfficeRole(identity);
  return em.transactional(async (tx) => {
    const order = await readableOrderForUpdate(tx, identity, orderId);
    if (!mayManageOrder(identity, order)) throw new NotFoundError('Hotline order', orderId);
    const compound = await findCompound(tx, compoundId);
    if (!compound || compound.streetCode !== order.streetCode) throw new NotFoundError('Compound', compoundId);
    return takeStep(
      tx,
      identity,
      order,
      'MATCH',
      { compoundId: compound.compoundId },
      { note: `matched by hand to ${compound.name}` },
    );
  });
}
