import { createHmac, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { COMPLAINT_ORDER_CHANGED, HotlineOrderData } from '../../../catalog';
import { Identity, coversDivision } from '../../../kernel/identity';
import { ownerDataKey } from '../../../platform/config';
import { complaintsError } from '../domain/errors';
import { recordEvents } from '../../../platform/events/outbox';
import { CsvLineProblem } from '../domain/order-csv';
import { callerDigits, compoundMatcher, maskCaller, matchCompound, newOrderState } from '../domain/order';
import { COMPLAINTS_EVENT_SOURCE, orderChanged } from '../events/publish/order-events';
import { ComplaintOrder, NewOrder, insertOrder, insertOrdersWithReceipt } from '../persistence/order.repository';
import { compoundsOfStreet, compoundsOfStreets } from '../persistence/read-model.repository';
import { findSender } from '../persistence/sender.repository';
import { itemInForceOn, itemValidity } from '../persistence/taxonomy.repository';
import { recordStep } from './order-step';

let callerKeySecret: Buffer | undefined;
/** A keyed hash of the caller's number: repeats are counted without keeping the number (HMAC-SHA256, the owner-data key). */
function callerKey(phone: string | null): string | null {
  const digits = callerDigits(phone);
  if (!digits) return null;
  callerKeySecret ??= ownerDataKey();
  return createHmac('sha256', callerKeySecret).update(`hotline-caller:${digits}`).digest('hex');
}

export interface ReceiveOptions {
  demo?: boolean;
}

/** The row of a received order, the caller masked at once; matched when the address named a compound of the street. */
function newOrder(
  actor: Identity,
  data: HotlineOrderData,
  compoundId: string | null,
  options: ReceiveOptions,
): NewOrder {
  const caller = maskCaller(data.callerName, data.callerPhone);
  return {
    orderNumber: data.orderNumber,
    senderId: actor.organisationId,
    receivedAt: new Date(data.receivedAt),
    callerNameMasked: caller.name,
    callerPhoneMasked: caller.phone,
    callerKey: callerKey(data.callerPhone),
    addressText: data.addressText,
    streetCode: data.streetCode,
    compoundId,
    categoryCode: data.categoryCode,
    itemCode: data.itemCode,
    text: data.text,
    respondBy: new Date(data.respondBy),
    resolveBy: new Date(data.resolveBy),
    status: compoundId ? 'MATCHED' : 'AWAITING_MATCH',
    demo: options.demo ?? false,
  };
}

/**
 * Takes a work order from a registered hotline system: the sender must be registered for the order's street
 * (UNAUTHORISED_SENDER), the item must be in the taxonomy on the day received (UNKNOWN_COMPLAINT_ITEM); the caller is
 * masked at once; the address is matched to a compound of the street, else the order waits in the street office's
 * queue. An order number already received is applied once: undefined is returned and nothing changes.
 */
export async function receiveOrder(
  em: EntityManager,
  data: HotlineOrderData,
  options: ReceiveOptions = {},
): Promise<ComplaintOrder | undefined> {
  return em.transactional(async (tx) => {
    const sender = await findSender(tx, data.senderOrganisationId);
    const senderIdentity: Identity | undefined = sender && {
      subject: `system:${sender.organisationId}`,
      role: 'SYSTEM',
      organisationId: sender.organisationId,
      jurisdictions: sender.jurisdictions,
    };
    if (!senderIdentity || !coversDivision(senderIdentity, data.streetCode)) {
      throw complaintsError(
        'UNAUTHORISED_SENDER',
        `${data.senderOrganisationId.slice(0, 100)} is not registered to send orders for street ${data.streetCode}`,
      );
    }
    return admitOrder(tx, senderIdentity, data, options);
  });
}

/**
 * Admits one order in the caller's transaction as `actor` (the hotline system, or the clerk importing a backfill):
 * the item must be in force on the day received, the caller is masked, the address matched.
 */
export async function admitOrder(
  tx: EntityManager,
  actor: Identity,
  data: HotlineOrderData,
  options: ReceiveOptions = {},
): Promise<ComplaintOrder | undefined> {
  const receivedAt = new Date(data.receivedAt);
  const day = receivedAt.toISOString().slice(0, 10);
  if (!(await itemInForceOn(tx, data.categoryCode, data.itemCode, day))) {
    throw complaintsError(
      'UNKNOWN_COMPLAINT_ITEM',
      `The taxonomy holds no item ${data.categoryCode}/${data.itemCode} on ${day}`,
      {
        categoryCode: data.categoryCode,
        itemCode: data.itemCode,
      },
    );
  }
  const compound = matchCompound(data.addressText, await compoundsOfStreet(tx, data.streetCode));
  const order = await insertOrder(tx, newOrder(actor, data, compound?.compoundId ?? null, options));
  if (!order) return undefined;
  return recordStep(tx, actor, null, 'RECEIVE', order, {
    at: receivedAt,
    note: compound ? 'matched by address' : 'address not matched: queued for the street office',
  });
}

/**
 * admitOrder for a whole backfill in the caller's transaction, set-based: every line's item checked against the
 * taxonomy read once (the lines that fail are returned, nothing is written), each address matched against its
 * street's compounds read once, then the orders, their RECEIVE transitions and their events in a few statements.
 */
export async function admitOrders(
  tx: EntityManager,
  actor: Identity,
  lines: readonly { line: number; data: HotlineOrderData }[],
  options: ReceiveOptions = {},
): Promise<OrderImportCounts | { problems: CsvLineProblem[] }> {
  const validity = await itemValidity(tx);
  const problems: CsvLineProblem[] = [];
  for (const { line, data } of lines) {
    const day = new Date(data.receivedAt).toISOString().slice(0, 10);
    const inForce = (validity.get(`${data.categoryCode}/${data.itemCode}`) ?? []).some(
      (v) => v.from <= day && (v.to === null || v.to >= day),
    );
    if (!inForce) problems.push({ line, fields: { item_code: 'not in the taxonomy on the day received' } });
  }
  if (problems.length > 0) return { problems };

  const streets = [...new Set(lines.map((l) => l.data.streetCode))];
  const compounds = await compoundsOfStreets(tx, streets);
  const matchers = new Map(
    streets.map((street) => [street, compoundMatcher(compounds.filter((c) => c.streetCode === street))]),
  );
  const orders = lines.map(({ data }) => {
    const compound = matchers.get(data.streetCode)!(data.addressText);
    return { id: randomUUID(), ...newOrder(actor, data, compound?.compoundId ?? null, options) };
  });
  const inserted = await insertOrdersWithReceipt(tx, orders, (o) => ({
    orderId: o.id,
    sequence: 1,
    step: 'RECEIVE',
    fromStatus: null,
    toStatus: o.status,
    actorSubject: actor.subject,
    actorRole: actor.role,
    actorOrganisation: actor.organisationId,
    at: o.receivedAt,
    note: o.compoundId ? 'matched by address' : 'address not matched: queued for the street office',
    evidenceSha256: [],
    partyKind: null,
    partyOrganisationId: null,
  }));
  const received = orders.filter((o) => inserted.has(o.id));
  await recordEvents(
    tx,
    COMPLAINT_ORDER_CHANGED,
    received.map((o) => ({
      source: COMPLAINTS_EVENT_SOURCE,
      key: o.id,
      subject: o.id,
      occurredAt: o.receivedAt,
      data: orderChanged(newOrderState(o)),
    })),
  );
  return {
    received: received.length,
    duplicates: orders.length - received.length,
    unmatched: received.filter((o) => !o.compoundId).length,
  };
}

export interface OrderImportCounts {
  received: number;
  duplicates: number;
  unmatched: number;
}
