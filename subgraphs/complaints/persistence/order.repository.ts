import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ComplaintStatus, ResponsiblePartyKind, SatisfactionLevel } from '../../../catalog';
import { chinaDayStart, copyField, sqlArray, sqlCopyFrom, sqlRows, sqlRun } from '../../../platform/db/sql';
import { ComplaintOrder, ENDED_STATUSES, NewOrder, OrderReach, OrderTransition } from '../domain/order';

export type { ComplaintOrder, NewOrder, OrderReach, OrderTransition };

type OrderRow = Record<string, unknown>;
/** Raw SQL hands timestamps back as text or Date depending on the driver path: one conversion for every column. */
const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const dateOrNull = (v: unknown): Date | null => (v == null ? null : date(v));
const orderOf = (r: OrderRow): ComplaintOrder => ({
  id: r.id as string,
  orderNumber: r.order_number as string,
  senderId: r.sender_id as string,
  receivedAt: date(r.received_at),
  callerNameMasked: r.caller_name_masked as string | null,
  callerPhoneMasked: r.caller_phone_masked as string | null,
  addressText: r.address_text as string,
  streetCode: r.street_code as string,
  compoundId: r.compound_id as string | null,
  categoryCode: r.category_code as string,
  itemCode: r.item_code as string,
  taxonomyDivision: r.taxonomy_division as string,
  text: r.text as string,
  respondBy: date(r.respond_by),
  resolveBy: date(r.resolve_by),
  status: r.status as ComplaintStatus,
  responsiblePartyKind: r.responsible_party_kind as ResponsiblePartyKind | null,
  partyOrganisationId: r.party_organisation_id as string | null,
  companyOrganisationId: r.company_organisation_id as string | null,
  respondedAt: dateOrNull(r.responded_at),
  companyRespondedAt: dateOrNull(r.company_responded_at),
  companyDispatchedAt: dateOrNull(r.company_dispatched_at),
  companyReleasedAt: dateOrNull(r.company_released_at),
  resolvedAt: dateOrNull(r.resolved_at),
  closedAt: dateOrNull(r.closed_at),
  resolvedByCaller: r.resolved_by_caller as boolean | null,
  satisfaction: r.satisfaction as SatisfactionLevel | null,
  sequence: Number(r.sequence),
  demo: r.demo as boolean,
});

const ORDER_COLUMNS = `id, order_number, sender_id, received_at, caller_name_masked, caller_phone_masked, address_text, street_code, compound_id,
  category_code, item_code, taxonomy_division, text, respond_by, resolve_by, status, responsible_party_kind, party_organisation_id, company_organisation_id,
  responded_at, company_responded_at, company_dispatched_at, company_released_at, resolved_at, closed_at, resolved_by_caller, satisfaction,
  sequence, demo`;

/**
 * A new order's columns from order_number to taxonomy_division, in the order both writers list them (insertOrder's
 * statement and the staging table's COPY lines).
 */
const newOrderFields = (o: NewOrder) =>
  [
    o.orderNumber,
    o.senderId,
    o.receivedAt,
    o.callerNameMasked,
    o.callerPhoneMasked,
    o.callerKey,
    o.addressText,
    o.streetCode,
    o.compoundId,
    o.categoryCode,
    o.itemCode,
    o.text,
    o.respondBy,
    o.resolveBy,
    o.status,
    o.taxonomyDivision,
  ] as const;

/**
 * Inserts the order unless its sender already sent its number for the street; returns it, or undefined for a duplicate
 * (the sender's own copy, applied once). Another sender's order under that number, a street office's backfill, is no
 * copy of it and both stand: before, a backdated line imported under a number the hotline was yet to send had the
 * hotline's own order dropped for good, without a dead letter.
 */
export async function insertOrder(em: EntityManager, o: NewOrder): Promise<ComplaintOrder | undefined> {
  const [row] = await sqlRows<OrderRow>(
    em,
    `insert into complaints.complaint_order (id, order_number, sender_id, received_at, caller_name_masked, caller_phone_masked, caller_key, address_text,
        street_code, compound_id, category_code, item_code, text, respond_by, resolve_by, status, taxonomy_division, sequence, demo)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
     on conflict (street_code, order_number, sender_id) do nothing returning ${ORDER_COLUMNS}`,
    [randomUUID(), ...newOrderFields(o), o.demo],
  );
  return row && orderOf(row);
}

/** The columns of an order its event (orderChangedSql) reads: not the caller, address or text. */
const EVENT_COLUMNS = `id, order_number, sequence, status, received_at, street_code, compound_id, category_code, item_code, taxonomy_division,
  responsible_party_kind, party_organisation_id, company_organisation_id, respond_by, resolve_by, responded_at, company_responded_at,
  resolved_at, closed_at, satisfaction, demo`;

/** A bulk import's order as admitOrder would write it, with its id and its line of the file. */
export type StagedOrder = NewOrder & { id: string; line: number };

/**
 * A bulk import's staging table, private to its transaction and dropped at its end (temporary: no WAL, no index): each
 * batch of the file's orders is copied into it (stageOrders) and written from it (insertStagedOrders) while Node
 * prepares the next.
 */
export async function createOrderStaging(em: EntityManager): Promise<void> {
  await sqlRun(
    em,
    `create temp table complaint_order_import (line int not null, id uuid not null, order_number text not null, sender_id text not null,
        received_at timestamptz not null, caller_name_masked text, caller_phone_masked text, caller_key text, address_text text not null,
        street_code text not null, compound_id uuid, category_code text not null, item_code text not null, text text not null,
        respond_by timestamptz not null, resolve_by timestamptz not null, status text not null, taxonomy_division text not null,
        demo boolean not null) on commit drop`,
  );
}

/** The staging table's columns, in the order of stagedOrderLine's fields. */
const STAGED_COLUMNS = `line, id, order_number, sender_id, received_at, caller_name_masked, caller_phone_masked, caller_key, address_text,
  street_code, compound_id, category_code, item_code, text, respond_by, resolve_by, status, taxonomy_division, demo`;

/** A staged order as one line of COPY's text format (stageOrders). */
export function stagedOrderLine(o: StagedOrder): string {
  const fields = newOrderFields(o).map((v) => (v instanceof Date ? v.toISOString() : v));
  return `${[o.line, o.id, ...fields, o.demo].map(copyField).join('\t')}\n`;
}

/**
 * Loads orders (stagedOrderLine's lines, joined) into the emptied staging table with COPY: cheaper for PostgreSQL than
 * a statement over a JSON document of the same rows, which it parses and converts field by field.
 */
export async function stageOrders(em: EntityManager, lines: string): Promise<void> {
  await sqlRun(em, `truncate pg_temp.complaint_order_import`);
  await sqlCopyFrom(em, `copy pg_temp.complaint_order_import (${STAGED_COLUMNS}) from stdin`, lines);
}

/**
 * Writes the staged orders (a batch) in one statement: each order whose number its street does not hold yet from any
 * sender (a number held, by the hotline's own order or an earlier import, is skipped: that order is in already), marked
 * as backfilled now (complaint-measures.sql.ts: what was past due then has no known answer), with its RECEIVE
 * transition by `receipt`'s actor and note, and the events `events` selects from the relation `received` (the orders
 * inserted, as complaint_order rows).
 */
export async function insertStagedOrders(
  em: EntityManager,
  receipt: Pick<OrderTransition, 'actorSubject' | 'actorRole' | 'actorOrganisation'> & {
    matchedNote: string;
    unmatchedNote: string;
  },
  events: (from: string) => { sql: string; params: unknown[] },
): Promise<{ received: number; unmatched: number }> {
  const published = events('received');
  const [counts] = await sqlRows<{ received: number; unmatched: number }>(
    em,
    `with received as (
       insert into complaints.complaint_order (id, order_number, sender_id, received_at, caller_name_masked, caller_phone_masked, caller_key,
           address_text, street_code, compound_id, category_code, item_code, taxonomy_division, text, respond_by, resolve_by, status, sequence,
           demo, backfilled_at)
       select id, order_number, sender_id, received_at, caller_name_masked, caller_phone_masked, caller_key, address_text, street_code,
              compound_id, category_code, item_code, taxonomy_division, text, respond_by, resolve_by, status, 1, demo, now()
         from pg_temp.complaint_order_import i
        where not exists (select 1 from complaints.complaint_order o where o.street_code = i.street_code and o.order_number = i.order_number)
       -- Any conflict: the sender's own copy, or another sender's backfill of the number committed meanwhile (two imports
       -- of one line at once each passed the check above; complaint_order_backfilled_number_key takes the second).
       on conflict do nothing
       returning ${EVENT_COLUMNS}),
     receipts as (
       insert into complaints.order_transition (order_id, sequence, step, from_status, to_status, actor_subject, actor_role, actor_organisation,
           at, note, evidence_sha256, party_kind, party_organisation_id)
       select id, 1, 'RECEIVE', null, status, ?, ?, ?, received_at, case when compound_id is null then ? else ? end, '{}', null, null
         from received),
     events as (${published.sql})
     select count(*)::int as received, (count(*) filter (where compound_id is null))::int as unmatched from received`,
    [
      receipt.actorSubject,
      receipt.actorRole,
      receipt.actorOrganisation,
      receipt.unmatchedNote,
      receipt.matchedNote,
      ...published.params,
    ],
  );
  return counts;
}

/** The order, locked for the step the caller's transaction takes. */
export async function lockOrder(em: EntityManager, id: string): Promise<ComplaintOrder | undefined> {
  const [row] = await sqlRows<OrderRow>(
    em,
    `select ${ORDER_COLUMNS} from complaints.complaint_order where id = ?::uuid for update`,
    [id],
  );
  return row && orderOf(row);
}

/** The sender's own order under the number in the street, locked for the step the caller's transaction takes. */
export async function lockOwnCopy(
  em: EntityManager,
  o: { senderId: string; orderNumber: string; streetCode: string },
): Promise<ComplaintOrder | undefined> {
  const [row] = await sqlRows<OrderRow>(
    em,
    `select ${ORDER_COLUMNS} from complaints.complaint_order
      where street_code = ? and order_number = ? and sender_id = ? for update`,
    [o.streetCode, o.orderNumber, o.senderId],
  );
  return row && orderOf(row);
}

/**
 * The sender's orders under `orderNumber` in other streets than `streetCode`, still open (not closed, not re-routed
 * already), locked for the step the caller's transaction takes: the copies a re-route to `streetCode` replaces.
 */
export async function openCopiesElsewhere(
  em: EntityManager,
  o: { senderId: string; orderNumber: string; streetCode: string },
): Promise<ComplaintOrder[]> {
  const rows = await sqlRows<OrderRow>(
    em,
    `select ${ORDER_COLUMNS} from complaints.complaint_order
      where sender_id = ? and order_number = ? and street_code <> ? and status <> all(?::text[])
      order by id for update`,
    [o.senderId, o.orderNumber, o.streetCode, sqlArray(ENDED_STATUSES)],
  );
  return rows.map(orderOf);
}

/** The columns a step changes (saveOrder), with the order's values. */
const stateColumns = (o: ComplaintOrder): [string, unknown][] => [
  ['compound_id', o.compoundId],
  ['status', o.status],
  ['responsible_party_kind', o.responsiblePartyKind],
  ['party_organisation_id', o.partyOrganisationId],
  ['company_organisation_id', o.companyOrganisationId],
  ['responded_at', o.respondedAt],
  ['company_responded_at', o.companyRespondedAt],
  ['company_dispatched_at', o.companyDispatchedAt],
  ['company_released_at', o.companyReleasedAt],
  ['resolved_at', o.resolvedAt],
  ['closed_at', o.closedAt],
  ['resolved_by_caller', o.resolvedByCaller],
  ['satisfaction', o.satisfaction],
  ['sequence', o.sequence],
];

/** Sets `columns` (names from this file, never input) of the order `id` in one statement. */
async function updateOrder(em: EntityManager, id: string, columns: [string, unknown][]): Promise<void> {
  await sqlRun(
    em,
    `update complaints.complaint_order set ${columns.map(([column]) => `${column} = ?`).join(', ')} where id = ?::uuid`,
    [...columns.map(([, value]) => value), id],
  );
}

/** Writes an order's new state (its sequence one up). */
export async function saveOrder(em: EntityManager, o: ComplaintOrder): Promise<void> {
  await updateOrder(em, o.id, stateColumns(o));
}

/**
 * Writes a re-routed order sent back to its street (sentBack) in one statement: the message it was sent back with (its
 * time received, caller, the caller's keyed hash `callerKey`, address, text, item and deadlines) and its new state, as
 * saveOrder writes it. Before, the message and the state were two updates of the row.
 */
export async function saveSentBackOrder(em: EntityManager, o: ComplaintOrder, callerKey: string | null): Promise<void> {
  await updateOrder(em, o.id, [
    ['received_at', o.receivedAt],
    ['caller_name_masked', o.callerNameMasked],
    ['caller_phone_masked', o.callerPhoneMasked],
    ['caller_key', callerKey],
    ['address_text', o.addressText],
    ['category_code', o.categoryCode],
    ['item_code', o.itemCode],
    ['taxonomy_division', o.taxonomyDivision],
    ['text', o.text],
    ['respond_by', o.respondBy],
    ['resolve_by', o.resolveBy],
    ...stateColumns(o),
  ]);
}

export async function appendTransition(em: EntityManager, t: OrderTransition): Promise<void> {
  await sqlRun(
    em,
    `insert into complaints.order_transition (order_id, sequence, step, from_status, to_status, actor_subject, actor_role, actor_organisation, at, note,
        evidence_sha256, party_kind, party_organisation_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?)`,
    [
      t.orderId,
      t.sequence,
      t.step,
      t.fromStatus,
      t.toStatus,
      t.actorSubject,
      t.actorRole,
      t.actorOrganisation,
      t.at,
      t.note,
      `{${t.evidenceSha256.join(',')}}`,
      t.partyKind,
      t.partyOrganisationId,
    ],
  );
}

/** The orders' transitions in order, each with its order's street (who reads its notes depends on it). */
export async function transitionsOf(
  em: EntityManager,
  orderIds: readonly string[],
): Promise<(OrderTransition & { streetCode: string })[]> {
  if (orderIds.length === 0) return [];
  const rows = await sqlRows<Record<string, unknown>>(
    em,
    `select t.*, o.street_code from complaints.order_transition t join complaints.complaint_order o on o.id = t.order_id
      where t.order_id = any(?::uuid[]) order by t.order_id, t.sequence`,
    [`{${orderIds.join(',')}}`],
  );
  return rows.map((r) => ({
    orderId: r.order_id as string,
    sequence: Number(r.sequence),
    step: r.step as string,
    fromStatus: r.from_status as ComplaintStatus | null,
    toStatus: r.to_status as ComplaintStatus,
    actorSubject: r.actor_subject as string,
    actorRole: r.actor_role as string,
    actorOrganisation: r.actor_organisation as string,
    at: date(r.at),
    note: r.note as string | null,
    evidenceSha256: r.evidence_sha256 as string[],
    partyKind: r.party_kind as ResponsiblePartyKind | null,
    partyOrganisationId: r.party_organisation_id as string | null,
    streetCode: r.street_code as string,
  }));
}

export interface OrderFilter {
  status?: ComplaintStatus | null;
  compoundIds?: string[] | null;
  streetCode?: string | null;
  unmatchedOnly?: boolean | null;
  receivedFrom?: string | null;
  receivedTo?: string | null;
  first: number;
  offset: number;
}

/** The reach's divisions as `like any(?::text[])` patterns: each a prefix of street codes, quoted as one element. */
export const divisionPatterns = (reach: OrderReach): string => sqlArray(reach.divisions.map((d) => `${d}%`));

/** The reach (domain/order.ts orderReach) as one SQL condition over orders, aliased `alias` if given, and its parameters. */
export function orderReachSql(reach: OrderReach, alias?: string): [string, unknown[]] {
  if (reach.all) return ['true', []];
  const o = alias ? `${alias}.` : '';
  const party = reach.partyOrganisationId ?? '';
  return [
    `(${o}street_code like any(?::text[]) or ${o}party_organisation_id = ? or ${o}company_organisation_id = ?)`,
    [divisionPatterns(reach), party, party],
  ];
}

export async function listOrders(
  em: EntityManager,
  reach: OrderReach,
  f: OrderFilter,
): Promise<{ total: number; orders: ComplaintOrder[] }> {
  const [reachWhere, reachParams] = orderReachSql(reach);
  const where = `${reachWhere}
     and (?::text is null or status = ?) and (?::uuid[] is null or compound_id = any(?::uuid[])) and (?::text is null or street_code like ? || '%')
     and (not ?::boolean or status = 'AWAITING_MATCH') and (?::date is null or received_at >= ${chinaDayStart()}) and (?::date is null or received_at < ${chinaDayStart('next')})`;
  const compounds = f.compoundIds ? sqlArray(f.compoundIds) : null;
  const params = [
    ...reachParams,
    f.status ?? null,
    f.status ?? null,
    compounds,
    compounds,
    f.streetCode ?? null,
    f.streetCode ?? null,
    f.unmatchedOnly ?? false,
    f.receivedFrom ?? null,
    f.receivedFrom ?? null,
    f.receivedTo ?? null,
    f.receivedTo ?? null,
  ];
  const [{ total }] = await sqlRows<{ total: number }>(
    em,
    `select count(*)::int as total from complaints.complaint_order where ${where}`,
    params,
  );
  const rows = await sqlRows<OrderRow>(
    em,
    `select ${ORDER_COLUMNS} from complaints.complaint_order where ${where} order by received_at desc, order_number limit ? offset ?`,
    [...params, f.first, f.offset],
  );
  return { total, orders: rows.map(orderOf) };
}
