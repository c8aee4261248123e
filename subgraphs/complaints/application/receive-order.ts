import { createHmac } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { HotlineOrderData } from '../../../catalog';
import { Identity, coversDivision } from '../../../kernel/identity';
import { ownerDataKey } from '../../../platform/config';
import { complaintsError } from '../domain/errors';
import { callerDigits, maskCaller, matchCompound } from '../domain/order';
import { ComplaintOrder, insertOrder } from '../persistence/order.repository';
import { compoundsOfStreet } from '../persistence/read-model.repository';
import { findSender } from '../persistence/sender.repository';
import { itemInForceOn } from '../persistence/taxonomy.repository';
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
  const caller = maskCaller(data.callerName, data.callerPhone);
  const order = await insertOrder(tx, {
    orderNumber: data.orderNumber,
    senderId: actor.organisationId,
    receivedAt,
    callerNameMasked: caller.name,
    callerPhoneMasked: caller.phone,
    callerKey: callerKey(data.callerPhone),
    addressText: data.addressText,
    streetCode: data.streetCode,
    compoundId: compound?.compoundId ?? null,
    categoryCode: data.categoryCode,
    itemCode: data.itemCode,
    text: data.text,
    respondBy: new Date(data.respondBy),
    resolveBy: new Date(data.resolveBy),
    status: compound ? 'MATCHED' : 'AWAITING_MATCH',
    demo: options.demo ?? false,
  });
  if (!order) return undefined;
  return recordStep(tx, actor, null, 'RECEIVE', order, {
    at: receivedAt,
    note: compound ? 'matched by address' : 'address not matched: queued for the street office',
  });
}
