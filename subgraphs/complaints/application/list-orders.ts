import type { EntityManager } from '@mikro-orm/postgresql';
import { DivisionCode } from '../../../catalog';
import { InvalidInputError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { orderReach, transitionSeenBy } from '../domain/order';
import {
  ComplaintOrder,
  OrderFilter,
  OrderTransition,
  listOrders,
  transitionsOf,
} from '../persistence/order.repository';

/**
 * The orders the caller may read (street office: its street, with the unmatched queue; bureau: its jurisdiction; a
 * party: its own). A street code filter is a division code's digits, matched as a prefix (before, `%` or `_` in it
 * were LIKE's wildcards: `_` matched every order the caller reads, `11_1` codes it never named).
 */
export function listReadableOrders(
  em: EntityManager,
  identity: Identity,
  filter: OrderFilter,
): Promise<{ total: number; orders: ComplaintOrder[] }> {
  if (filter.streetCode != null && !DIVISION_CODE.test(filter.streetCode))
    throw new InvalidInputError('The street code is a division code: 2 to 12 digits', {
      fields: { streetCode: '2 to 12 digits' },
    });
  return listOrders(em, orderReach(identity), filter);
}

/** The catalog's division code (GB/T 2260 and the street codes extending it). */
const DIVISION_CODE = new RegExp(DivisionCode.pattern!);

/** The transitions of orders the caller has already read, as it may see them (transitionSeenBy). */
export const orderTransitions = async (
  em: EntityManager,
  identity: Identity,
  orderIds: readonly string[],
): Promise<OrderTransition[]> =>
  (await transitionsOf(em, orderIds)).map(({ streetCode, ...t }) => transitionSeenBy(identity, t, streetCode));
