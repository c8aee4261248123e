import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { orderReach, transitionSeenBy } from '../domain/order';
import {
  ComplaintOrder,
  OrderFilter,
  OrderTransition,
  listOrders,
  transitionsOf,
} from '../persistence/order.repository';

/** The orders the caller may read (street office: its street, with the unmatched queue; bureau: its jurisdiction; a party: its own). */
export function listReadableOrders(
  em: EntityManager,
  identity: Identity,
  filter: OrderFilter,
): Promise<{ total: number; orders: ComplaintOrder[] }> {
  return listOrders(em, orderReach(identity), filter);
}

/** The transitions of orders the caller has already read, as it may see them (transitionSeenBy). */
export const orderTransitions = async (
  em: EntityManager,
  identity: Identity,
  orderIds: readonly string[],
): Promise<OrderTransition[]> => (await transitionsOf(em, orderIds)).map((t) => transitionSeenBy(identity, t));
