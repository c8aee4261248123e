import type { EntityManager } from '@mikro-orm/postgresql';
import { COMPLAINT_ORDER_CHANGED } from '../../../catalog';
import { NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { recordEvent } from '../../../platform/events/outbox';
import { OrderStep, companyHold, mayReadOrder, nextStatus } from '../domain/order';
import { COMPLAINTS_EVENT_SOURCE, orderChanged } from '../events/publish/order-events';
import { ComplaintOrder, appendTransition, lockOrder, saveOrder } from '../persistence/order.repository';

/** The order the caller may read, locked for a step; NOT_FOUND by the id given otherwise. */
export async function readableOrderForUpdate(
  tx: EntityManager,
  identity: Identity,
  orderId: string,
): Promise<ComplaintOrder> {
  const order = await lockOrder(tx, orderId);
  if (!order || !mayReadOrder(identity, order)) throw new NotFoundError('Hotline order', orderId);
  return order;
}

/**
 * Takes one step: the new status, the changed fields, when the order's company got or lost it (companyHold, so that
 * no step forgets it), an immutable transition with the actor and the time, and the order's event for bureaus, in
 * the caller's transaction.
 */
export function takeStep(
  tx: EntityManager,
  identity: Identity,
  order: ComplaintOrder,
  step: OrderStep,
  changes: Partial<ComplaintOrder>,
  detail: { note?: string | null; evidenceSha256?: string[]; at?: Date } = {},
): Promise<ComplaintOrder> {
  const at = detail.at ?? new Date();
  const after = { ...order, ...changes, status: nextStatus(order.status, step), sequence: order.sequence + 1 };
  return recordStep(tx, identity, order, step, { ...after, ...companyHold(order, after, at) }, { ...detail, at });
}

/** Writes the order's new state (saveOrder; a new order is inserted already) and records the step (recordTransition). */
export async function recordStep(
  tx: EntityManager,
  identity: Identity,
  before: ComplaintOrder | null,
  step: string,
  after: ComplaintOrder,
  detail: { note?: string | null; evidenceSha256?: string[]; at?: Date },
): Promise<ComplaintOrder> {
  if (before) await saveOrder(tx, after);
  return recordTransition(tx, identity, before, step, after, detail);
}

/**
 * A step of an order whose row the caller wrote already: its immutable transition with the actor and the time, and
 * the order's event for bureaus, in the caller's transaction.
 */
export async function recordTransition(
  tx: EntityManager,
  identity: Identity,
  before: ComplaintOrder | null,
  step: string,
  after: ComplaintOrder,
  detail: { note?: string | null; evidenceSha256?: string[]; at?: Date },
): Promise<ComplaintOrder> {
  const at = detail.at ?? new Date();
  await appendTransition(tx, {
    orderId: after.id,
    sequence: after.sequence,
    step,
    fromStatus: before?.status ?? null,
    toStatus: after.status,
    actorSubject: identity.subject,
    actorRole: identity.role,
    actorOrganisation: identity.organisationId,
    at,
    note: detail.note ?? null,
    evidenceSha256: detail.evidenceSha256 ?? [],
    partyKind: after.responsiblePartyKind,
    partyOrganisationId: after.partyOrganisationId,
  });
  recordEvent(tx, COMPLAINT_ORDER_CHANGED, {
    source: COMPLAINTS_EVENT_SOURCE,
    key: after.id,
    subject: after.id,
    occurredAt: at,
    data: orderChanged(after),
  });
  return after;
}
