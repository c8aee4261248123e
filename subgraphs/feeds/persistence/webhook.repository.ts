import type { EntityManager } from '@mikro-orm/postgresql';
import { FieldDecryptionError } from '../../../platform/crypto/field-cipher';
import { webhookSecretCipher } from '../../../platform/crypto/webhook-secret-cipher';
import { pruneAgedRows } from '../../../platform/db/retention';
import type { HubEvent } from '../../../platform/events/cloudevent';
import { sqlArray, sqlRows, sqlRun } from '../../../platform/db/sql';

/** Raw SQL hands timestamps back as text (platform/db/orm.ts): the row mappers below turn them into Dates. */
const date = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));
const dateOrNull = (value: unknown): Date | null => (value === null || value === undefined ? null : date(value));
const S = '"feeds"';

export type SubscriptionStatus = 'ACTIVE' | 'PAUSED';

export interface WebhookSubscription {
  id: string;
  organisationId: string;
  role: string;
  jurisdictions: string[];
  eventTypes: string[];
  url: string;
  status: SubscriptionStatus;
  pausedAt: Date | null;
  pausedReason: string | null;
  createdBy: string;
  createdAt: Date;
  /** When its secret was last rotated (null: never). */
  secretRotatedAt: Date | null;
  /** Until when the secret the last rotation replaced signs beside the current one (past: erased since). */
  previousSecretExpiresAt: Date | null;
}

type SubscriptionRow = Record<string, unknown>;
const subscriptionOf = (r: SubscriptionRow): WebhookSubscription => ({
  id: String(r.id),
  organisationId: String(r.organisation_id),
  role: String(r.role),
  jurisdictions: r.jurisdictions as string[],
  eventTypes: r.event_types as string[],
  url: String(r.url),
  status: r.status as SubscriptionStatus,
  pausedAt: dateOrNull(r.paused_at),
  pausedReason: (r.paused_reason as string | null) ?? null,
  createdBy: String(r.created_by),
  createdAt: date(r.created_at),
  secretRotatedAt: dateOrNull(r.secret_rotated_at),
  previousSecretExpiresAt: dateOrNull(r.previous_secret_expires_at),
});
const SUBSCRIPTION_COLUMNS =
  'id, organisation_id, role, jurisdictions, event_types, url, status, paused_at, paused_reason, created_by, created_at, secret_rotated_at, previous_secret_expires_at';

/**
 * A signing secret is stored sealed (AES-256-GCM under `WEBHOOK_SECRET_KEY`, platform/crypto), bound to its
 * subscription: a copy of the database, a backup or a read replica gives nobody a secret with which to sign events
 * that a court's or bureau's receiver would take for the hub's. Rows written before sealing hold the plaintext
 * (`whsec_…`) until a sender's `sealPlaintextSecrets` seals them (it looks at each order repair).
 */
const secretBinding = (subscriptionId: string) => `feeds.webhook_subscription.secret:${subscriptionId}`;
/**
 * The secret a rotation replaced (`previous_secret`) is sealed under a binding of its own column as well: a value
 * copied from one column to the other does not open, so nobody writing to the table can bring a rotated-out secret
 * back as the current one.
 */
const previousSecretBinding = (subscriptionId: string) =>
  `feeds.webhook_subscription.previous_secret:${subscriptionId}`;
const PLAINTEXT_SECRET = 'whsec_';
const sealSecret = (subscriptionId: string, secret: string) =>
  webhookSecretCipher().encrypt(secret, secretBinding(subscriptionId));

/** The stored secret opened, or null when it does not open (altered, moved to another row, or another key's). */
function openSecret(subscriptionId: string, stored: string, binding = secretBinding): string | null {
  if (binding === secretBinding && stored.startsWith(PLAINTEXT_SECRET)) return stored;
  try {
    return webhookSecretCipher().decrypt(stored, binding(subscriptionId));
  } catch (error) {
    if (error instanceof FieldDecryptionError) return null;
    throw error;
  }
}

/**
 * Rotates a subscription's secret (its row locked by the caller): the new one is sealed as the current secret, and
 * the one it replaces is sealed again as `previous_secret`, signing beside it until now + `overlapMs` (the database's
 * clock, which the claim reads too). A current secret that does not open (altered, or another key's) signs nothing,
 * so it is dropped, with no overlap. Nothing changes while an earlier rotation's overlap runs, judged by that same
 * clock (before, by the process's: one running ahead let a second rotation drop the old secret before its overlap's
 * end). Returns whether the secret was rotated.
 */
export async function rotateSecret(
  tx: EntityManager,
  subscriptionId: string,
  secret: string,
  overlapMs: number,
): Promise<boolean> {
  const [row] = await sqlRows<{ secret: string }>(tx, `select secret from ${S}.webhook_subscription where id = ?`, [
    subscriptionId,
  ]);
  const replaced = row ? openSecret(subscriptionId, row.secret) : null;
  const rotated = await sqlRows<{ id: string }>(
    tx,
    `update ${S}.webhook_subscription set secret = ?, previous_secret = ?, secret_rotated_at = now(),
       previous_secret_expires_at = case when ?::boolean then now() + ? * interval '1 millisecond' end
     where id = ? and (previous_secret_expires_at is null or previous_secret_expires_at <= now())
     returning id`,
    [
      sealSecret(subscriptionId, secret),
      replaced === null ? null : webhookSecretCipher().encrypt(replaced, previousSecretBinding(subscriptionId)),
      replaced !== null,
      overlapMs,
      subscriptionId,
    ],
  );
  return rotated.length > 0;
}

/**
 * Erases the rotated-out secrets whose overlap has ended, 500 a statement; returns how many. The claim stops using
 * one at its end already (it reads `previous_secret_expires_at`); this takes it off the disk, within a poll interval.
 */
export async function erasePreviousSecrets(em: EntityManager): Promise<number> {
  let erased = 0;
  for (;;) {
    const rows = await sqlRows<{ id: string }>(
      em,
      `select id from ${S}.webhook_subscription where previous_secret is not null and previous_secret_expires_at <= now()
       order by id limit 500`,
    );
    if (rows.length === 0) return erased;
    const ids = rows.map((r) => r.id);
    // Locked in id order first, as the sender's batches lock them (lockSubscriptions), like sealPlaintextSecrets.
    erased += await em.transactional(async (tx) => {
      await lockSubscriptions(tx, ids);
      return sqlRun(
        tx,
        `update ${S}.webhook_subscription set previous_secret = null
         where id = any(?::uuid[]) and previous_secret is not null and previous_secret_expires_at <= now()`,
        [sqlArray(ids)],
      );
    });
  }
}

/** Seals the secrets still stored in plain text, 500 a statement; returns how many. */
export async function sealPlaintextSecrets(em: EntityManager): Promise<number> {
  let sealed = 0;
  for (;;) {
    const rows = await sqlRows<{ id: string; secret: string }>(
      em,
      `select id, secret from ${S}.webhook_subscription where starts_with(secret, ?) order by id limit 500`,
      [PLAINTEXT_SECRET],
    );
    if (rows.length === 0) return sealed;
    // Only a row still holding the secret read is changed: one another instance sealed meanwhile is left as it is. The
    // rows are locked in id order first, as the sender's batches lock them (lockSubscriptions): the update alone took
    // them in its plan's order and could deadlock with a batch.
    sealed += await em.transactional(async (tx) => {
      await lockSubscriptions(
        tx,
        rows.map((r) => r.id),
      );
      return sqlRun(
        tx,
        `update ${S}.webhook_subscription s set secret = v.sealed
         from unnest(?::uuid[], ?::text[], ?::text[]) as v(id, plaintext, sealed)
         where s.id = v.id and s.secret = v.plaintext`,
        [
          sqlArray(rows.map((r) => r.id)),
          sqlArray(rows.map((r) => r.secret)),
          sqlArray(rows.map((r) => sealSecret(r.id, r.secret))),
        ],
      );
    });
  }
}

export async function insertSubscription(
  em: EntityManager,
  s: Omit<WebhookSubscription, 'secretRotatedAt' | 'previousSecretExpiresAt'> & { secret: string },
): Promise<void> {
  await sqlRun(
    em,
    `insert into ${S}.webhook_subscription (id, organisation_id, role, jurisdictions, event_types, url, secret, status, created_by, created_at)
     values (?, ?, ?, ?::text[], ?::text[], ?, ?, 'ACTIVE', ?, ?)`,
    [
      s.id,
      s.organisationId,
      s.role,
      sqlArray(s.jurisdictions),
      sqlArray(s.eventTypes),
      s.url,
      sealSecret(s.id, s.secret),
      s.createdBy,
      s.createdAt,
    ],
  );
}

/**
 * Holds the organisation's subscriptions until the transaction ends, so that counting them and adding one is not
 * raced by its other requests (30 made at once left 22, over the 20 allowed).
 */
export async function lockSubscriptionsOf(tx: EntityManager, organisationId: string): Promise<void> {
  await sqlRun(tx, `select pg_advisory_xact_lock(hashtext('feeds.webhook_subscription'), hashtext(?))`, [
    organisationId,
  ]);
}

export const countSubscriptionsOf = async (em: EntityManager, organisationId: string): Promise<number> =>
  (
    await sqlRows<{ n: number }>(
      em,
      `select count(*)::int as n from ${S}.webhook_subscription where organisation_id = ?`,
      [organisationId],
    )
  )[0].n;

export const subscriptionsOf = async (em: EntityManager, organisationId: string): Promise<WebhookSubscription[]> =>
  (
    await sqlRows<SubscriptionRow>(
      em,
      `select ${SUBSCRIPTION_COLUMNS} from ${S}.webhook_subscription where organisation_id = ? order by created_at, id`,
      [organisationId],
    )
  ).map(subscriptionOf);

/**
 * The subscription with this id if it belongs to the organisation (any organisation's with null, for the admin);
 * another's is as absent as a missing one.
 */
export async function findOwnSubscription(
  em: EntityManager,
  id: string,
  organisationId: string | null,
  { lock = false } = {},
): Promise<WebhookSubscription | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const rows = await sqlRows<SubscriptionRow>(
    em,
    `select ${SUBSCRIPTION_COLUMNS} from ${S}.webhook_subscription where id = ? and (?::text is null or organisation_id = ?)${lock ? ' for update' : ''}`,
    [id, organisationId, organisationId],
  );
  return rows[0] ? subscriptionOf(rows[0]) : null;
}

/** Subscriptions that asked for any of these event types (one query for a batch of events). */
export const subscriptionsForEventTypes = async (
  em: EntityManager,
  eventTypes: readonly string[],
): Promise<WebhookSubscription[]> =>
  (
    await sqlRows<SubscriptionRow>(
      em,
      `select ${SUBSCRIPTION_COLUMNS} from ${S}.webhook_subscription where event_types && ?::text[]`,
      [sqlArray([...eventTypes])],
    )
  ).map(subscriptionOf);

/**
 * Locks the subscriptions, in id order, as a deletion (FOR UPDATE) and a pause (an update) would: the sender takes
 * them before its deliveries, in the order a deletion takes them, so neither waits for the other holding what it needs.
 */
export async function lockSubscriptions(em: EntityManager, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await sqlRows(
    em,
    `select id from ${S}.webhook_subscription where id = any(?::uuid[]) order by id for no key update`,
    [sqlArray([...ids])],
  );
}

export async function pauseSubscriptions(em: EntityManager, ids: readonly string[], reason: string): Promise<void> {
  if (ids.length === 0) return;
  await sqlRun(
    em,
    `update ${S}.webhook_subscription set status = 'PAUSED', paused_at = now(), paused_reason = ? where id = any(?::uuid[]) and status = 'ACTIVE'`,
    [reason.slice(0, 500), sqlArray([...ids])],
  );
}

/** Resumes a subscription: its waiting deliveries are due at once, with a fresh retry window. */
export async function resumeSubscription(em: EntityManager, id: string): Promise<void> {
  await sqlRun(
    em,
    `update ${S}.webhook_subscription set status = 'ACTIVE', paused_at = null, paused_reason = null where id = ?`,
    [id],
  );
  await sqlRun(
    em,
    `update ${S}.webhook_delivery set next_attempt_at = now(), first_attempt_at = null where subscription_id = ? and status = 'PENDING'`,
    [id],
  );
}

export const deleteSubscription = (em: EntityManager, id: string): Promise<number> =>
  sqlRun(em, `delete from ${S}.webhook_subscription where id = ?`, [id]);

export async function upsertArea(
  em: EntityManager,
  area: { areaId: string; districtCode: string; streetCode: string; registeredAt: Date },
): Promise<void> {
  await sqlRun(
    em,
    `insert into ${S}.webhook_area (area_id, district_code, street_code, registered_at) values (?, ?, ?, ?)
     on conflict (area_id) do update set district_code = excluded.district_code, street_code = excluded.street_code, registered_at = excluded.registered_at`,
    [area.areaId, area.districtCode, area.streetCode, area.registeredAt],
  );
}

/** The districts of the areas known, by area id (one query for a batch of filings). */
export async function districtsOfAreas(em: EntityManager, areaIds: readonly string[]): Promise<Map<string, string>> {
  if (areaIds.length === 0) return new Map();
  const rows = await sqlRows<{ area_id: string; district_code: string }>(
    em,
    `select area_id, district_code from ${S}.webhook_area where area_id = any(?::uuid[])`,
    [sqlArray([...areaIds])],
  );
  return new Map(rows.map((r) => [r.area_id, r.district_code]));
}

/** Keeps events whose area is not known yet, in the order given; an event kept before stays as it is. */
export async function keepWaitingEvents(
  em: EntityManager,
  waiting: readonly { areaId: string; event: HubEvent }[],
): Promise<void> {
  if (waiting.length === 0) return;
  await sqlRun(
    em,
    `insert into ${S}.webhook_waiting_event (event_id, area_id, event)
     select w.value -> 'event' ->> 'id', (w.value ->> 'areaId')::uuid, w.value -> 'event'
       from jsonb_array_elements(?::jsonb) with ordinality as w(value, n) order by w.n
     on conflict (event_id) do nothing`,
    [JSON.stringify(waiting)],
  );
}

/** How many events wait for their area's registration, and how long the oldest has waited. */
export async function waitingEventsState(em: EntityManager): Promise<{ count: number; oldestAgeSeconds: number }> {
  const [row] = await sqlRows<{ count: string; age: number | null }>(
    em,
    `select count(*) as count, extract(epoch from now() - min(received_at))::float8 as age from ${S}.webhook_waiting_event`,
  );
  return { count: Number(row.count), oldestAgeSeconds: Math.max(0, Math.round(Number(row.age ?? 0))) };
}

/** Takes (deletes and returns) the events that waited for the area, in the order they were kept. */
export async function takeWaitingEvents(em: EntityManager, areaId: string): Promise<HubEvent[]> {
  const rows = await sqlRows<{ sequence: string; event: HubEvent }>(
    em,
    `delete from ${S}.webhook_waiting_event where area_id = ? returning sequence, event`,
    [areaId],
  );
  return rows.sort((a, b) => Number(a.sequence) - Number(b.sequence)).map((r) => r.event);
}

export interface NewDelivery {
  subscriptionId: string;
  messageId: string;
  eventId: string;
  eventType: string;
  eventSource: string;
  eventSubject: string | null;
  eventTime: string;
  aggregateKey: string;
  payload: unknown;
}

/** One statement for all the subscriptions an event goes to; a message id already written is left as it is. */
export async function insertDeliveries(em: EntityManager, deliveries: readonly NewDelivery[]): Promise<void> {
  if (deliveries.length === 0) return;
  await sqlRun(
    em,
    `insert into ${S}.webhook_delivery (subscription_id, message_id, event_id, event_type, event_source, event_subject, event_time, aggregate_key, payload)
     select d.subscription_id, d.message_id, d.event_id, d.event_type, d.event_source, d.event_subject, d.event_time, d.aggregate_key, d.payload
     from jsonb_array_elements(?::jsonb) with ordinality as e(value, n),
          jsonb_to_record(e.value) as d(subscription_id uuid, message_id text, event_id text, event_type text, event_source text,
            event_subject text, event_time timestamptz, aggregate_key text, payload jsonb)
     order by e.n
     on conflict (message_id) do nothing`,
    [
      JSON.stringify(
        deliveries.map((d) => ({
          subscription_id: d.subscriptionId,
          message_id: d.messageId,
          event_id: d.eventId,
          event_type: d.eventType,
          event_source: d.eventSource,
          event_subject: d.eventSubject,
          event_time: d.eventTime,
          aggregate_key: d.aggregateKey,
          payload: d.payload,
        })),
      ),
    ],
  );
  await promoteHeads(
    em,
    deliveries.map((d) => ({ subscriptionId: d.subscriptionId, aggregateKey: d.aggregateKey })),
  );
}

/**
 * Marks the oldest pending delivery of each of these (subscription, aggregate key) its key's head, the only one the
 * sender may claim: one aggregate's events go one after the other. Index probes per key, so the claim needs no
 * scan of the waiting rows.
 */
export async function promoteHeads(
  em: EntityManager,
  keys: readonly { subscriptionId: string; aggregateKey: string }[],
): Promise<void> {
  if (keys.length === 0) return;
  const distinct = [...new Map(keys.map((k) => [`${k.subscriptionId}\u0000${k.aggregateKey}`, k])).values()];
  await sqlRun(
    em,
    `update ${S}.webhook_delivery d set head = true
     from (select (select e.id from ${S}.webhook_delivery e
                   where e.subscription_id = k.subscription_id and e.aggregate_key = k.aggregate_key and e.status = 'PENDING'
                   order by e.id limit 1) as id
           from jsonb_to_recordset(?::jsonb) as k(subscription_id uuid, aggregate_key text)) h
     where d.id = h.id and not d.head`,
    [JSON.stringify(distinct.map((k) => ({ subscription_id: k.subscriptionId, aggregate_key: k.aggregateKey })))],
  );
}

/**
 * Gives every key with pending deliveries and no head its head (all subscriptions, or one): after a replay, and
 * as the sender's periodic repair. A dispatcher committing a key's next delivery while a sender records the key's
 * head as delivered can leave that delivery without a head (neither saw the other's rows); the repair finds it.
 */
export const repairHeads = (em: EntityManager, subscriptionId?: string): Promise<number> =>
  sqlRun(
    em,
    `update ${S}.webhook_delivery d set head = true
     from (select distinct on (subscription_id, aggregate_key) id, head from ${S}.webhook_delivery
           where status = 'PENDING'${subscriptionId ? ' and subscription_id = ?' : ''}
           order by subscription_id, aggregate_key, id) h
     where d.id = h.id and not h.head`,
    subscriptionId ? [subscriptionId] : [],
  );

/** The channel new deliveries are announced on (LISTEN/NOTIFY), so idle senders of every instance wake at once. */
export const WEBHOOK_DELIVERY_CHANNEL = 'feeds_webhook_delivery';

/** A statement-level trigger: one notification per committed transaction that queued deliveries. */
export const webhookDeliveryNotifyDdl = (): string[] => [
  `create or replace function ${S}."webhook_delivery_notify"() returns trigger language plpgsql as $$
    begin perform pg_notify('${WEBHOOK_DELIVERY_CHANNEL}', ''); return null; end $$`,
  `drop trigger if exists "webhook_delivery_notify" on ${S}.webhook_delivery`,
  `create trigger "webhook_delivery_notify" after insert on ${S}.webhook_delivery for each statement execute function ${S}."webhook_delivery_notify"()`,
];

/** A delivery claimed for sending, with what signing and sending it needs. */
export interface DueDelivery {
  id: number;
  /** The claim that leased it: only that claim records its attempt. */
  claimToken: string;
  subscriptionId: string;
  url: string;
  /** The signing secret, or null when it could not be opened: such a delivery is not sent (it could not be signed). */
  secret: string | null;
  /**
   * The secret the last rotation replaced, while its overlap runs: the delivery is signed under it as well. Null
   * outside an overlap (or when it does not open: then the current secret alone signs).
   */
  previousSecret: string | null;
  messageId: string;
  eventId: string;
  eventType: string;
  eventSource: string;
  eventSubject: string | null;
  eventTime: Date;
  /** The body exactly as it was stored (jsonb text): what is signed is what is sent. */
  body: string;
  attempts: number;
  firstAttemptAt: Date | null;
}

export interface ClaimLimits {
  /** At most this many rows. */
  limit: number;
  /** At most this many rows of one subscription in flight, counting those other claims (any instance) hold. */
  perSubscription: number;
  /** At most this many rows of one organisation's subscriptions in flight, counted the same way. */
  perOrganisation: number;
  /** How long a claim holds its rows: a sender that has not recorded by then is presumed dead. */
  leaseMs: number;
  token: string;
}

/** The lock every instance's claim takes (claimDueDeliveries). */
export const CLAIM_LOCK = 'feeds.webhook-claim';

/**
 * Leases up to `limit` due deliveries of active subscriptions, in one statement (its own short transaction): the
 * rows are locked only while the statement runs (FOR UPDATE SKIP LOCKED, so concurrent claims of other instances
 * take other rows) and leave it marked in flight until `claimed_until`. Only the head of each (subscription,
 * aggregate key), its oldest pending delivery (promoteHeads), is due: a later event waits while an earlier one is in
 * flight or being retried, so order holds across loops and instances. The conditions on the row itself are repeated
 * where it is locked, so a row another claim leased after this statement's snapshot is re-checked and skipped.
 *
 * Shared fairly: each active subscription offers its oldest due heads (an index probe each, up to its room under
 * `perSubscription`), every subscription's first before any one's second, and one organisation's subscriptions
 * together stay under `perOrganisation`. Taken oldest first over all subscriptions, the heads of one organisation
 * whose receivers hang (each request held for the 10 s timeout) filled every request of the instance, and every other
 * party's events waited for them to time out.
 */
export async function claimDueDeliveries(em: EntityManager, claim: ClaimLimits): Promise<DueDelivery[]> {
  // Through knex, not em.transactional: a claim is no commit the sender should be woken by (the ORM's commit hook).
  // Its commit is not waited for on disk: a claim lost in a crash only lets the row be claimed again.
  const rows = await em.getKnex().transaction(async (trx) => {
    await trx.raw('set local synchronous_commit = off');
    // One claim at a time over all instances: each counted the rows in flight as of its own start, so two claiming at
    // once each took up to the organisation's 64 (the caps held per instance, not over all as they say). A claim is
    // one short statement; the lock is the transaction's.
    await trx.raw(`select pg_advisory_xact_lock(hashtext('${CLAIM_LOCK}'))`);
    const result = await trx.raw<{ rows: Record<string, unknown>[] }>(
      `with in_flight as (
       select subscription_id, count(*)::int as n from ${S}.webhook_delivery
       where status = 'PENDING' and claimed_until > now() group by subscription_id),
     subscriptions as (
       select s.id, s.organisation_id, coalesce(f.n, 0) as n,
              sum(coalesce(f.n, 0)) over (partition by s.organisation_id) as organisation_n
       from ${S}.webhook_subscription s left join in_flight f on f.subscription_id = s.id
       where s.status = 'ACTIVE'),
     offered as (
       select c.id, c.next_attempt_at, s.organisation_id, s.organisation_n,
              s.n + row_number() over (partition by s.id order by c.next_attempt_at, c.id) as slot
       from subscriptions s cross join lateral (
         select d.id, d.next_attempt_at from ${S}.webhook_delivery d
         where d.subscription_id = s.id and d.status = 'PENDING' and d.head and d.next_attempt_at <= now()
           and (d.claimed_until is null or d.claimed_until <= now())
         order by d.next_attempt_at, d.id
         limit greatest(? - s.n, 0)) c),
     ranked as (
       select id, next_attempt_at, slot,
              organisation_n + row_number() over (partition by organisation_id order by slot, next_attempt_at, id) as organisation_slot
       from offered),
     picked as (
       select d.id from ${S}.webhook_delivery d join ranked r on r.id = d.id
       where r.organisation_slot <= ? and d.status = 'PENDING' and (d.claimed_until is null or d.claimed_until <= now())
       order by r.slot, r.next_attempt_at, r.id
       limit ?
       for update of d skip locked)
     update ${S}.webhook_delivery d set claimed_until = now() + ? * interval '1 millisecond', claim_token = ?
     from picked p, ${S}.webhook_subscription s
     where d.id = p.id and s.id = d.subscription_id
     returning d.id, d.subscription_id, s.url, s.secret,
               case when s.previous_secret_expires_at > now() then s.previous_secret end as previous_secret, d.message_id, d.event_id, d.event_type, d.event_source, d.event_subject,
               d.event_time, d.payload::text as body, d.attempts, d.first_attempt_at`,
      [claim.perSubscription, claim.perOrganisation, claim.limit, claim.leaseMs, claim.token],
    );
    return result.rows;
  });
  return rows
    .map((r) => ({
      id: Number(r.id),
      claimToken: claim.token,
      subscriptionId: String(r.subscription_id),
      url: String(r.url),
      secret: openSecret(String(r.subscription_id), String(r.secret)),
      previousSecret:
        r.previous_secret === null || r.previous_secret === undefined
          ? null
          : openSecret(String(r.subscription_id), String(r.previous_secret), previousSecretBinding),
      messageId: String(r.message_id),
      eventId: String(r.event_id),
      eventType: String(r.event_type),
      eventSource: String(r.event_source),
      eventSubject: (r.event_subject as string | null) ?? null,
      eventTime: date(r.event_time),
      body: String(r.body),
      attempts: Number(r.attempts),
      firstAttemptAt: dateOrNull(r.first_attempt_at),
    }))
    .sort((a, b) => a.id - b.id);
}

/** One attempt as the sender records it: the attempt itself and the delivery's state after it. */
export interface AttemptRecord extends WebhookAttempt {
  claimToken: string;
  /** DELIVERED, or PENDING again at `nextAttemptAt` (a paused subscription's row keeps waiting). */
  delivered: boolean;
  nextAttemptAt: Date | null;
  firstAttemptAt: Date;
}

/**
 * Writes attempts and the deliveries' new state in one statement, releasing their lease, and wakes the senders of
 * every instance at commit (the next delivery of each aggregate is due now). An attempt whose lease
 * was taken over by another claim (this sender overran it) is not recorded: the other claim's attempt counts.
 * Returns the attempts recorded.
 */
export async function recordAttempts(em: EntityManager, records: readonly AttemptRecord[]): Promise<number> {
  if (records.length === 0) return 0;
  // Not waited for on disk either: an attempt lost in a crash is sent again under the same webhook-id (receivers
  // dedupe by it; Standard Webhooks is at-least-once).
  await sqlRun(em, 'set local synchronous_commit = off');
  const json = JSON.stringify(
    records.map((r) => ({
      delivery_id: r.deliveryId,
      claim_token: r.claimToken,
      attempt: r.attempt,
      attempted_at: r.attemptedAt.toISOString(),
      status_code: r.statusCode,
      latency_ms: r.latencyMs,
      error: r.error,
      response_body: r.responseBody,
      delivered: r.delivered,
      next_attempt_at: r.nextAttemptAt?.toISOString() ?? null,
      first_attempt_at: r.firstAttemptAt.toISOString(),
    })),
  );
  const rows = await sqlRows<{ n: number; delivered: { subscription_id: string; aggregate_key: string }[] | null }>(
    em,
    `with a as (
       select * from jsonb_to_recordset(?::jsonb) as a(delivery_id bigint, claim_token uuid, attempt int, attempted_at timestamptz, status_code int,
         latency_ms int, error text, response_body text, delivered boolean, next_attempt_at timestamptz, first_attempt_at timestamptz)),
     updated as (
       update ${S}.webhook_delivery d set
         attempts = a.attempt,
         status = case when a.delivered then 'DELIVERED' else 'PENDING' end,
         delivered_at = case when a.delivered then a.attempted_at end,
         next_attempt_at = coalesce(a.next_attempt_at, d.next_attempt_at),
         first_attempt_at = a.first_attempt_at,
         last_status_code = a.status_code,
         last_error = a.error,
         claimed_until = null,
         claim_token = null,
         head = not a.delivered
       from a where d.id = a.delivery_id and d.claim_token = a.claim_token
       returning d.id, d.subscription_id, d.aggregate_key, d.status),
     attempts as (
       insert into ${S}.webhook_attempt (delivery_id, attempt, attempted_at, status_code, latency_ms, error, response_body)
       select a.delivery_id, a.attempt, a.attempted_at, a.status_code, a.latency_ms, a.error, a.response_body
       from a join updated u on u.id = a.delivery_id
       returning 1)
     select (select count(*)::int from attempts) as n,
            (select jsonb_agg(jsonb_build_object('subscription_id', subscription_id, 'aggregate_key', aggregate_key))
             from updated where status = 'DELIVERED') as delivered,
            pg_notify('${WEBHOOK_DELIVERY_CHANNEL}', '')`,
    [json],
  );
  // The next delivery of each key delivered, in a statement of its own: it sees deliveries committed meanwhile.
  await promoteHeads(
    em,
    (rows[0].delivered ?? []).map((k) => ({ subscriptionId: k.subscription_id, aggregateKey: k.aggregate_key })),
  );
  return rows[0].n;
}

export interface DeliveryFilter {
  status?: 'PENDING' | 'DELIVERED' | null;
  eventType?: string | null;
  from?: Date | null;
  to?: Date | null;
}

export interface WebhookDelivery {
  id: number;
  messageId: string;
  eventId: string;
  eventType: string;
  eventTime: Date;
  aggregateKey: string;
  replay: boolean;
  status: 'PENDING' | 'DELIVERED';
  attemptCount: number;
  nextAttemptAt: Date | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

export async function deliveriesOf(
  em: EntityManager,
  subscriptionId: string,
  filter: DeliveryFilter,
  page: { first: number; offset: number },
): Promise<{ items: WebhookDelivery[]; totalCount: number }> {
  const conditions: [string, unknown][] = [['subscription_id = ?', subscriptionId]];
  if (filter.status) conditions.push(['status = ?', filter.status]);
  if (filter.eventType) conditions.push(['event_type = ?', filter.eventType]);
  if (filter.from) conditions.push(['event_time >= ?', filter.from]);
  if (filter.to) conditions.push(['event_time < ?', filter.to]);
  const where = conditions.map(([sql]) => sql);
  const params = conditions.map(([, value]) => value);
  const rows = await sqlRows<Record<string, unknown>>(
    em,
    `select id, message_id, event_id, event_type, event_time, aggregate_key, replay, status, attempts, next_attempt_at, created_at, delivered_at,
            count(*) over () as total
     from ${S}.webhook_delivery where ${where.join(' and ')} order by id limit ? offset ?`,
    [...params, page.first, page.offset],
  );
  return {
    totalCount: rows[0] ? Number(rows[0].total) : 0,
    items: rows.map((r) => ({
      id: Number(r.id),
      messageId: String(r.message_id),
      eventId: String(r.event_id),
      eventType: String(r.event_type),
      eventTime: date(r.event_time),
      aggregateKey: String(r.aggregate_key),
      replay: Boolean(r.replay),
      status: r.status as 'PENDING' | 'DELIVERED',
      attemptCount: Number(r.attempts),
      nextAttemptAt: r.status === 'PENDING' ? dateOrNull(r.next_attempt_at) : null,
      createdAt: date(r.created_at),
      deliveredAt: dateOrNull(r.delivered_at),
    })),
  };
}

export interface WebhookAttempt {
  deliveryId: number;
  attempt: number;
  attemptedAt: Date;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  responseBody: string | null;
}

/** The attempts of several deliveries in one query (a page's loader). */
export const attemptsOfDeliveries = async (
  em: EntityManager,
  deliveryIds: readonly number[],
): Promise<WebhookAttempt[]> =>
  (
    await sqlRows<Record<string, unknown>>(
      em,
      `select delivery_id, attempt, attempted_at, status_code, latency_ms, error, response_body from ${S}.webhook_attempt
       where delivery_id = any(?::bigint[]) order by delivery_id, attempt`,
      [`{${deliveryIds.map(Number).join(',')}}`],
    )
  ).map((r) => ({
    deliveryId: Number(r.delivery_id),
    attempt: Number(r.attempt),
    attemptedAt: date(r.attempted_at),
    statusCode: r.status_code === null ? null : Number(r.status_code),
    latencyMs: Number(r.latency_ms),
    error: (r.error as string | null) ?? null,
    responseBody: (r.response_body as string | null) ?? null,
  }));

/**
 * Queues the subscription's events from `from` on again, each once, oldest first, as new deliveries (new message
 * ids: a receiver that deduplicates by webhook-id takes them; ce-id is still the event's id). At most `limit`.
 */
/** Whether a replay of the subscription still waits to be delivered (the order index holds its pending rows). */
export const replayPending = async (em: EntityManager, subscriptionId: string): Promise<boolean> =>
  (
    await sqlRows<{ pending: boolean }>(
      em,
      `select exists (select 1 from ${S}.webhook_delivery where subscription_id = ? and status = 'PENDING' and replay) as pending`,
      [subscriptionId],
    )
  )[0].pending;

export const replayDeliveries = (
  em: EntityManager,
  subscriptionId: string,
  from: Date,
  limit: number,
): Promise<number> =>
  sqlRun(
    em,
    `insert into ${S}.webhook_delivery (subscription_id, message_id, event_id, event_type, event_source, event_subject, event_time, aggregate_key, payload, replay)
     select subscription_id, 'msg_' || replace(gen_random_uuid()::text, '-', ''), event_id, event_type, event_source, event_subject, event_time, aggregate_key, payload, true
     from (select distinct on (event_id) * from ${S}.webhook_delivery
           where subscription_id = ? and event_time >= ? and not replay order by event_id, id) originals
     order by id
     limit ?`,
    [subscriptionId, from, limit],
  );

/** Deletes the deliveries delivered more than `days` ago, with their attempts (cascade); pending ones stay. */
export const pruneDeliveredWebhooks = (em: EntityManager, days: number): Promise<number> =>
  pruneAgedRows(
    em,
    {
      table: `${S}.webhook_delivery`,
      prunable: `status = 'DELIVERED' and delivered_at < cutoff`,
      recent: 'created_at >= cutoff',
    },
    days,
  );
