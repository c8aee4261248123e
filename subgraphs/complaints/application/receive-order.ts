import { createHmac } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { COMPLAINT_ORDER_CHANGED, HotlineOrderData } from '../../../catalog';
import { Identity, coversDivision } from '../../../kernel/identity';
import { ownerDataKey } from '../../../platform/config';
import { timeOrderedUuid } from '../../../platform/db/time-ordered-uuid';
import { complaintsError } from '../domain/errors';
import { outboxInsertSelect } from '../../../platform/events/outbox';
import { CsvLineProblem } from '../domain/order-csv';
import { callerDigits, compoundMatcher, maskCaller, matchCompound, orderTimes, sentBack } from '../domain/order';
import { InvalidInputError } from '../../../kernel/errors';
import { todayInChina } from '../../../kernel/clock';
import { COMPLAINTS_EVENT_SOURCE, orderChangedSql } from '../events/publish/order-events';
import {
  ComplaintOrder,
  NewOrder,
  createOrderStaging,
  insertOrder,
  insertStagedOrders,
  lockOwnCopy,
  openCopiesElsewhere,
  saveSentBackOrder,
  stageOrders,
  stagedOrderLine,
} from '../persistence/order.repository';
import { compoundsOfStreet, compoundsOfStreets } from '../persistence/read-model.repository';
import { findSender } from '../persistence/sender.repository';
import { itemInForceOn, taxonomyValidity } from '../persistence/taxonomy.repository';
import { recordStep, recordTransition, takeStep } from './order-step';

let callerKeySecret: Buffer | undefined;
/** A keyed hash of the caller's number: repeats are counted without keeping the number (HMAC-SHA256, the owner-data key). */
function callerKey(phone: string | null, known?: Map<string, string>): string | null {
  const digits = callerDigits(phone);
  if (!digits) return null;
  const key = known?.get(digits);
  if (key) return key;
  callerKeySecret ??= ownerDataKey();
  const computed = createHmac('sha256', callerKeySecret).update(`hotline-caller:${digits}`).digest('hex');
  known?.set(digits, computed);
  return computed;
}

const MATCHED_NOTE = 'matched by address';
const UNMATCHED_NOTE = 'address not matched: queued for the street office';

export interface ReceiveOptions {
  demo?: boolean;
}

/**
 * The row of a received order, the caller masked at once; matched when the address named a compound of the street;
 * under the division whose taxonomy holds its item.
 */
function newOrder(
  actor: Identity,
  data: HotlineOrderData,
  taxonomyDivision: string,
  compoundId: string | null,
  options: ReceiveOptions,
  /** A backfill's keys of the numbers it has seen (repeat callers are hashed once per file). */
  callerKeys?: Map<string, string>,
): NewOrder {
  const caller = maskCaller(data.callerName, data.callerPhone);
  return {
    orderNumber: data.orderNumber,
    senderId: actor.organisationId,
    receivedAt: new Date(data.receivedAt),
    callerNameMasked: caller.name,
    callerPhoneMasked: caller.phone,
    callerKey: callerKey(data.callerPhone, callerKeys),
    addressText: data.addressText,
    streetCode: data.streetCode,
    compoundId,
    categoryCode: data.categoryCode,
    itemCode: data.itemCode,
    taxonomyDivision,
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
 * queue. An order the same system already sent (its street and number) is applied once: undefined is returned and
 * nothing changes. Another sender's order under the number, a street office's backfill, makes it no duplicate: both are
 * kept (insertOrder), so a backdated import can no longer take the number of an order the hotline is yet to send.
 */
export async function receiveOrder(
  em: EntityManager,
  data: HotlineOrderData,
  options: ReceiveOptions = {},
): Promise<ComplaintOrder | undefined> {
  // The catalog's schema takes any date-time: one in year 10000 (after UTC) or 30 February is refused here, before
  // it could be stored and fail every consumer of the order's own events.
  const { times, problems } = orderTimes(data, new Date());
  if (problems) throw new InvalidInputError('The order holds an instant the hub cannot keep', { fields: problems });
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
    const received = await receivedOrder(tx, senderIdentity, { ...data, ...times }, options);
    const order = await insertReceived(tx, senderIdentity, received);
    if (order) {
      await rerouteCopiesElsewhere(tx, senderIdentity, order);
      return order;
    }
    // The number again for this street: a duplicate, or the order re-routed away and now sent back.
    const own = await lockOwnCopy(tx, {
      senderId: senderIdentity.organisationId,
      orderNumber: data.orderNumber,
      streetCode: data.streetCode,
    });
    if (own?.status !== 'REROUTED') return undefined;
    // The copy takes the message sending it back (its times, caller, address, text and item), as a new copy would,
    // written with its new state in one update.
    const back = sentBack(own, received);
    await saveSentBackOrder(tx, back, received.callerKey);
    await recordTransition(tx, senderIdentity, own, 'REROUTE_BACK', back, { note: 'sent back to this street' });
    await rerouteCopiesElsewhere(tx, senderIdentity, back);
    return back;
  });
}

/**
 * The hotline re-routes an order to another street under its number (派单至其他街道): its copy in the street it was sent
 * to first, still open, becomes REROUTED (a step by the hotline system, with the street it went to), so it leaves that
 * street's queue and every count, and the new street's copy is the order. Before, the first copy could take no step
 * that ended it, stayed due for good and the call counted twice (a helper's audit). A closed copy stays as it is.
 */
async function rerouteCopiesElsewhere(tx: EntityManager, sender: Identity, order: ComplaintOrder): Promise<void> {
  for (const copy of await openCopiesElsewhere(tx, order)) {
    await takeStep(tx, sender, copy, 'REROUTE', {}, { note: `re-routed to street ${order.streetCode}` });
  }
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
  return insertReceived(tx, actor, await receivedOrder(tx, actor, data, options));
}

/**
 * The order a message describes, as admitted (a new copy, or a re-routed copy sent back to its street): its item must
 * be in force on the day received (UNKNOWN_COMPLAINT_ITEM), the caller is masked, the address matched.
 */
async function receivedOrder(
  tx: EntityManager,
  actor: Identity,
  data: HotlineOrderData,
  options: ReceiveOptions,
): Promise<NewOrder> {
  const receivedAt = new Date(data.receivedAt);
  // The taxonomy's items are in force by China's calendar day (an order at 07:00 on 1 March is March's).
  const day = todayInChina(receivedAt);
  const item = await itemInForceOn(tx, data.streetCode, data.categoryCode, data.itemCode, day);
  if (!item) {
    throw complaintsError(
      'UNKNOWN_COMPLAINT_ITEM',
      `The taxonomy of street ${data.streetCode} holds no item ${data.categoryCode}/${data.itemCode} on ${day}`,
      {
        categoryCode: data.categoryCode,
        itemCode: data.itemCode,
      },
    );
  }
  const compound = matchCompound(data.addressText, await compoundsOfStreet(tx, data.streetCode));
  return newOrder(actor, data, item.division, compound?.compoundId ?? null, options);
}

/** Inserts a received order with its RECEIVE step; undefined when its sender already sent its number for the street. */
async function insertReceived(
  tx: EntityManager,
  actor: Identity,
  received: NewOrder,
): Promise<ComplaintOrder | undefined> {
  const order = await insertOrder(tx, received);
  if (!order) return undefined;
  return recordStep(tx, actor, null, 'RECEIVE', order, {
    at: received.receivedAt,
    note: received.compoundId ? MATCHED_NOTE : UNMATCHED_NOTE,
  });
}

/**
 * A backfill's lines against their streets' taxonomy on the day received (the taxonomy read once): the division each
 * line's item is of, and the lines whose item is in none (their orders cannot be admitted). admitOrders takes the
 * divisions so found: read again, a version committed meanwhile could tell it another.
 */
export async function lineTaxonomy(
  tx: EntityManager,
  lines: readonly { line: number; data: HotlineOrderData }[],
): Promise<{ problems: CsvLineProblem[]; divisions: Map<number, string> }> {
  const taxonomy = await taxonomyValidity(tx);
  const problems: CsvLineProblem[] = [];
  const divisions = new Map<number, string>();
  for (const { line, data } of lines) {
    const day = todayInChina(new Date(data.receivedAt));
    const division = taxonomy.divisionOfItem(data.streetCode, data.categoryCode, data.itemCode, day);
    if (division === undefined)
      problems.push({ line, fields: { item_code: 'not in the taxonomy on the day received' } });
    else divisions.set(line, division);
  }
  return { problems, divisions };
}

/**
 * Orders written a batch: each batch is copied into the staging table and written from it in one statement while Node
 * prepares the next; large enough that a batch's cost is its rows, not its round trips.
 */
const BATCH_ROWS = 20_000;
/** Rows prepared between two turns of the event loop, so the driver can move the last batch along meanwhile. */
const PREPARE_SLICE = 1_000;

/**
 * admitOrder for a whole backfill in the caller's transaction, set-based; every line's item must be in force, of
 * the division lineTaxonomy found (`divisions`, by line). Each address is matched against its street's compounds read once and the caller masked in Node;
 * the orders go in batches: a batch is copied into a staging table, then one statement writes its orders whose
 * numbers their streets do not hold yet (from any sender), their RECEIVE transitions and their events (the outbox rows selected from the inserted orders),
 * while Node prepares the next batch, a slice at a time, so that PostgreSQL and Node work side by side. A file's
 * order numbers are distinct (readOrderCsv), so a batch never holds a number an earlier one inserted.
 */
export async function admitOrders(
  tx: EntityManager,
  actor: Identity,
  lines: readonly { line: number; data: HotlineOrderData }[],
  divisions: ReadonlyMap<number, string>,
  options: ReceiveOptions = {},
): Promise<OrderImportCounts> {
  const divisionOf = (line: number) => {
    const division = divisions.get(line);
    if (division === undefined) throw new Error(`line ${line} was admitted without its taxonomy's division`);
    return division;
  };
  const streets = [...new Set(lines.map((l) => l.data.streetCode))];
  const compounds = await compoundsOfStreets(tx, streets);
  const matchers = new Map(
    streets.map((street) => [street, compoundMatcher(compounds.filter((c) => c.streetCode === street))]),
  );
  // A file names the same compound and building many times: each street's address is matched once.
  const matched = new Map<string, string | null>();
  const compoundOf = (street: string, address: string) => {
    const key = `${street}\u0000${address}`;
    let compoundId = matched.get(key);
    if (compoundId === undefined) {
      compoundId = matchers.get(street)!(address)?.compoundId ?? null;
      matched.set(key, compoundId);
    }
    return compoundId;
  };
  const callerKeys = new Map<string, string>();
  const receipt = {
    actorSubject: actor.subject,
    actorRole: actor.role,
    actorOrganisation: actor.organisationId,
    matchedNote: MATCHED_NOTE,
    unmatchedNote: UNMATCHED_NOTE,
  };
  const events = (from: string) =>
    outboxInsertSelect(tx, COMPLAINT_ORDER_CHANGED, {
      source: COMPLAINTS_EVENT_SOURCE,
      key: `${from}.id::text`,
      subject: `${from}.id::text`,
      occurredAt: `${from}.received_at`,
      payload: orderChangedSql(from),
      from,
    });
  const written = { received: 0, unmatched: 0 };
  const write = async (batch: string) => {
    await stageOrders(tx, batch);
    const counts = await insertStagedOrders(tx, receipt, events);
    written.received += counts.received;
    written.unmatched += counts.unmatched;
  };
  await createOrderStaging(tx);
  let writing: Promise<void> = Promise.resolve();
  for (let i = 0; i < lines.length; i += BATCH_ROWS) {
    const batch: string[] = [];
    for (let j = i; j < Math.min(i + BATCH_ROWS, lines.length); j++) {
      const { line, data } = lines[j];
      batch.push(
        stagedOrderLine({
          line,
          id: timeOrderedUuid(),
          ...newOrder(
            actor,
            data,
            divisionOf(line),
            compoundOf(data.streetCode, data.addressText),
            options,
            callerKeys,
          ),
        }),
      );
      // Let the driver take the last batch's next step (its COPY done, its write to send) meanwhile.
      if ((j + 1) % PREPARE_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await writing;
    writing = write(batch.join(''));
    // Awaited before the next batch or the end; a failure meanwhile is not an unhandled rejection.
    writing.catch(() => undefined);
  }
  await writing;
  return { received: written.received, duplicates: lines.length - written.received, unmatched: written.unmatched };
}

export interface OrderImportCounts {
  received: number;
  duplicates: number;
  unmatched: number;
}
