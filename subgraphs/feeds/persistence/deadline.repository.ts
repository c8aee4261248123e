import type { EntityManager } from '@mikro-orm/postgresql';
import type { DeadlineChangedData } from '../../../catalog';
import type { IsoDate } from '../../../kernel/calendar';
import { latestVersions } from '../../../kernel/latest-version';
import { sqlArray, sqlRows, sqlRun } from '../../../platform/db/sql';
import type { DeadlineScope, RegisteredDeadline, ReminderLeads } from '../domain/deadlines';

const S = '"feeds"';
/** The key of the admin's default leads in deadline_reminder_leads. */
export const DEFAULT_LEADS_KEY = '*';

const isoDate = (value: unknown): IsoDate | null => {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
};

const COLUMNS =
  'deadline_key, kind, subject_id, owner_kind, owner_organisation_id, district_code, legal_basis, due_on::text as due_on, met_on::text as met_on, cancelled';
const deadlineOf = (r: Record<string, unknown>): RegisteredDeadline => ({
  deadlineKey: String(r.deadline_key),
  kind: String(r.kind),
  subjectId: String(r.subject_id),
  ownerKind: String(r.owner_kind),
  ownerOrganisationId: String(r.owner_organisation_id),
  districtCode: (r.district_code as string | null) ?? null,
  legalBasis: String(r.legal_basis),
  dueOn: isoDate(r.due_on),
  metOn: isoDate(r.met_on),
  cancelled: Boolean(r.cancelled),
});

/** Every organisation that owns a deadline here, with the kind it owns it as (a registration checks its id against them). */
export async function deadlineOwners(em: EntityManager): Promise<{ ownerKind: string; ownerOrganisationId: string }[]> {
  const rows = await sqlRows<{ owner_kind: string; owner_organisation_id: string }>(
    em,
    `select distinct owner_kind, owner_organisation_id from ${S}.deadline`,
  );
  return rows.map((r) => ({ ownerKind: r.owner_kind, ownerOrganisationId: r.owner_organisation_id }));
}

/**
 * Keeps each deadline as announced, unless the register holds a later announcement of it already. One statement for
 * any number of announcements (a fetched batch: a statement imported announces one per account paid); of several
 * announcements of one deadline, the first of the highest sequence is the one offered, as one by one would keep it.
 */
export async function upsertDeadlines(
  em: EntityManager,
  announced: readonly { deadline: DeadlineChangedData; source: string }[],
): Promise<void> {
  const latest = latestVersions(
    announced,
    (a) => a.deadline.deadlineKey,
    (a) => a.deadline.sequence,
  );
  if (latest.length === 0) return;
  await sqlRun(
    em,
    `insert into ${S}.deadline (deadline_key, kind, subject_id, owner_kind, owner_organisation_id, district_code, legal_basis, due_on, met_on, cancelled, sequence, source)
     select r.* from jsonb_to_recordset(?::jsonb) as r(deadline_key text, kind text, subject_id uuid, owner_kind text,
       owner_organisation_id text, district_code text, legal_basis text, due_on date, met_on date, cancelled boolean, sequence int, source text)
     on conflict (deadline_key) do update set kind = excluded.kind, subject_id = excluded.subject_id, owner_kind = excluded.owner_kind,
       owner_organisation_id = excluded.owner_organisation_id, district_code = excluded.district_code, legal_basis = excluded.legal_basis,
       due_on = excluded.due_on, met_on = excluded.met_on, cancelled = excluded.cancelled, sequence = excluded.sequence,
       source = excluded.source, updated_at = now()
     where ${S}.deadline.sequence < excluded.sequence`,
    [
      JSON.stringify(
        latest.map(({ deadline: d, source }) => ({
          deadline_key: d.deadlineKey,
          kind: d.kind,
          subject_id: d.subjectId,
          owner_kind: d.ownerKind,
          owner_organisation_id: d.ownerOrganisationId,
          district_code: d.districtCode,
          legal_basis: d.legalBasis,
          due_on: d.dueOn,
          met_on: d.metOn,
          cancelled: d.cancelled,
          sequence: d.sequence,
          source,
        })),
      ),
    ],
  );
}

const scopeFilter = (scope: DeadlineScope): { sql: string; params: unknown[] } => {
  if (scope.kind === 'ALL') return { sql: 'true', params: [] };
  if (scope.kind === 'OWNER') return { sql: 'owner_organisation_id = ?', params: [scope.organisationId] };
  return {
    sql: '((district_code like any(?::text[]) and kind = any(?::text[])) or owner_organisation_id = ?)',
    params: [sqlArray(scope.prefixes.map((p) => `${p}%`)), sqlArray([...scope.deadlineKinds]), scope.organisationId],
  };
};

/**
 * The deadlines in scope due up to `until`: those not met yet (overdue ones too) and those met whose due date is
 * still ahead of `asOf`, earliest first; cancelled and undated ones are not listed.
 */
export async function deadlinesDueBy(
  em: EntityManager,
  scope: DeadlineScope,
  asOf: IsoDate,
  until: IsoDate,
  limit: number,
): Promise<RegisteredDeadline[]> {
  const filter = scopeFilter(scope);
  const rows = await sqlRows<Record<string, unknown>>(
    em,
    `select ${COLUMNS} from ${S}.deadline
     where not cancelled and due_on is not null and due_on <= ?::date and (met_on is null or due_on >= ?::date) and ${filter.sql}
     order by due_on, deadline_key limit ?`,
    [until, asOf, ...filter.params, limit],
  );
  return rows.map(deadlineOf);
}

/** Open deadlines (not met, not cancelled, dated) due by `until`: those a reminder may be due for. */
export async function openDeadlinesDueBy(em: EntityManager, until: IsoDate): Promise<RegisteredDeadline[]> {
  const rows = await sqlRows<Record<string, unknown>>(
    em,
    `select ${COLUMNS} from ${S}.deadline where met_on is null and not cancelled and due_on is not null and due_on <= ?::date
     order by due_on, deadline_key`,
    [until],
  );
  return rows.map(deadlineOf);
}

/** One recipient's reminder of a deadline at a lead for its due date: the key that makes it go out once. */
export interface ReminderClaim {
  deadlineKey: string;
  recipient: string;
  lead: string;
  dueOn: IsoDate;
}

/** The claim's key as one string, to look a claimed reminder up. */
export const reminderClaimKey = (c: ReminderClaim): string =>
  [c.deadlineKey, c.recipient, c.lead, c.dueOn].join('\u0000');

/**
 * Claims the reminders of a run, in one statement: each is claimed the first time, never after (the unique key); a
 * deadline moved to another date (an account's next charge) is reminded afresh. A row claimed before reminders were
 * per recipient (`*`: it went to every recipient of its time) holds the key for all of them. Returns the keys
 * (reminderClaimKey) of the reminders claimed now. Before, one statement per recipient and deadline.
 */
export async function claimReminders(
  em: EntityManager,
  claims: readonly ReminderClaim[],
  remindedOn: IsoDate,
): Promise<Set<string>> {
  if (claims.length === 0) return new Set();
  const rows = await sqlRows<{ deadline_key: string; recipient: string; lead: string; due_on: string }>(
    em,
    `insert into ${S}.deadline_reminder (deadline_key, recipient, lead, due_on, reminded_on)
     select c.deadline_key, c.recipient, c.lead, c.due_on, ?::date
       from jsonb_to_recordset(?::jsonb) as c(deadline_key text, recipient text, lead text, due_on date)
      where not exists (select 1 from ${S}.deadline_reminder r
                         where r.deadline_key = c.deadline_key and r.recipient = '*' and r.lead = c.lead and r.due_on = c.due_on)
      order by c.deadline_key, c.recipient, c.lead, c.due_on
     on conflict (deadline_key, recipient, lead, due_on) do nothing
     returning deadline_key, recipient, lead, due_on::text as due_on`,
    [
      remindedOn,
      JSON.stringify(
        claims.map((c) => ({ deadline_key: c.deadlineKey, recipient: c.recipient, lead: c.lead, due_on: c.dueOn })),
      ),
    ],
  );
  return new Set(
    rows.map((r) =>
      reminderClaimKey({
        deadlineKey: r.deadline_key,
        recipient: r.recipient,
        lead: r.lead,
        dueOn: isoDate(r.due_on)!,
      }),
    ),
  );
}

/** The event that carried the claimed reminders of a deadline, lead and due date to these recipients. */
export interface ReminderEvent {
  deadlineKey: string;
  lead: string;
  dueOn: IsoDate;
  recipients: readonly string[];
  eventId: string;
}

/** Records the events that carried the run's claimed reminders, in one statement. */
export async function setReminderEvents(em: EntityManager, carried: readonly ReminderEvent[]): Promise<void> {
  if (carried.length === 0) return;
  await sqlRun(
    em,
    `update ${S}.deadline_reminder r set event_id = e.event_id
       from jsonb_to_recordset(?::jsonb) as e(deadline_key text, lead text, due_on date, recipients text[], event_id uuid)
      where r.deadline_key = e.deadline_key and r.lead = e.lead and r.due_on = e.due_on and r.recipient = any(e.recipients)`,
    [
      JSON.stringify(
        carried.map((c) => ({
          deadline_key: c.deadlineKey,
          lead: c.lead,
          due_on: c.dueOn,
          recipients: c.recipients,
          event_id: c.eventId,
        })),
      ),
    ],
  );
}

/** Serialises reminder runs across hub instances for the rest of the transaction; false when another runs. */
export async function tryLockReminderRun(em: EntityManager): Promise<boolean> {
  const rows = await sqlRows<{ locked: boolean }>(
    em,
    `select pg_try_advisory_xact_lock(hashtext('feeds.deadline_reminders')) as locked`,
  );
  return rows[0].locked === true;
}

/** Every leads setting by organisation (`*` the default): small, read once per run. */
export async function allReminderLeads(em: EntityManager): Promise<Map<string, ReminderLeads>> {
  const rows = await sqlRows<{ organisation_id: string; lead_days: number[]; overdue: boolean }>(
    em,
    `select organisation_id, lead_days, overdue from ${S}.deadline_reminder_leads`,
  );
  return new Map(rows.map((r) => [r.organisation_id, { leadDays: r.lead_days.map(Number), overdue: r.overdue }]));
}

export async function saveReminderLeads(
  em: EntityManager,
  organisationId: string,
  leads: ReminderLeads,
  changedBy: string,
): Promise<void> {
  await sqlRun(
    em,
    `insert into ${S}.deadline_reminder_leads (organisation_id, lead_days, overdue, changed_by) values (?, ?::int[], ?, ?)
     on conflict (organisation_id) do update set lead_days = excluded.lead_days, overdue = excluded.overdue,
       changed_by = excluded.changed_by, changed_at = now()`,
    [organisationId, `{${leads.leadDays.join(',')}}`, leads.overdue, changedBy],
  );
}

/**
 * Of these subscriptions, those whose retry window the register holds open (not met): their windows are looked at
 * again after each batch of attempts, as are those of subscriptions with a failed attempt in the batch.
 */
export async function openRetryWindows(em: EntityManager, deadlineKeys: readonly string[]): Promise<Set<string>> {
  if (deadlineKeys.length === 0) return new Set();
  const rows = await sqlRows<{ subject_id: string }>(
    em,
    `select subject_id::text from ${S}.deadline where deadline_key = any(?::text[]) and met_on is null and not cancelled`,
    [sqlArray(deadlineKeys)],
  );
  return new Set(rows.map((r) => r.subject_id));
}

/**
 * Each subscription with, for the window, the first failed attempt of its deliveries still pending (null when none is
 * failing): PENDING deliveries that have been tried (`first_attempt_at`) failed at least once.
 */
export async function failingSince(
  em: EntityManager,
  subscriptionIds: readonly string[],
): Promise<{ id: string; organisationId: string; role: string; firstFailedAt: Date | null }[]> {
  const rows = await sqlRows<{ id: string; organisation_id: string; role: string; first_failed: string | null }>(
    em,
    `select s.id, s.organisation_id, s.role,
       (select min(d.first_attempt_at) from ${S}.webhook_delivery d
         where d.subscription_id = s.id and d.status = 'PENDING' and d.first_attempt_at is not null)::text as first_failed
     from ${S}.webhook_subscription s where s.id = any(?::uuid[])`,
    [sqlArray(subscriptionIds)],
  );
  return rows.map((r) => ({
    id: r.id,
    organisationId: r.organisation_id,
    role: r.role,
    firstFailedAt: r.first_failed === null ? null : new Date(r.first_failed),
  }));
}

/** Cancels a deadline the feeds subgraph set itself (the retry window of a subscription deleted). */
export async function cancelOwnDeadline(em: EntityManager, deadlineKey: string): Promise<void> {
  await sqlRun(
    em,
    `update ${S}.deadline set cancelled = true, sequence = sequence + 1, updated_at = now()
      where deadline_key = ? and source = 'feeds' and not cancelled`,
    [deadlineKey],
  );
}

/**
 * Keeps a deadline the feeds subgraph sets itself (a retry window): no topic orders it, so each change takes the
 * next sequence in the statement. An open window is written when it is new or its due date moved (its first failing
 * delivery is now another one, e.g. after a resume), and opens a met one again; a met window is written only where an
 * open one is held.
 */
export async function keepOwnDeadline(em: EntityManager, d: RegisteredDeadline): Promise<void> {
  await sqlRun(
    em,
    `insert into ${S}.deadline (deadline_key, kind, subject_id, owner_kind, owner_organisation_id, district_code, legal_basis, due_on, met_on, cancelled, sequence, source)
     select ?, ?, ?::uuid, ?, ?, ?, ?, ?::date, ?::date, ?, 1, 'feeds' where ?::date is null
     on conflict (deadline_key) do update set owner_kind = excluded.owner_kind, legal_basis = excluded.legal_basis,
       due_on = excluded.due_on, met_on = null, sequence = ${S}.deadline.sequence + 1, updated_at = now()
     where ${S}.deadline.met_on is not null or ${S}.deadline.due_on is distinct from excluded.due_on`,
    [
      d.deadlineKey,
      d.kind,
      d.subjectId,
      d.ownerKind,
      d.ownerOrganisationId,
      d.districtCode,
      d.legalBasis,
      d.dueOn,
      d.metOn,
      d.cancelled,
      d.metOn,
    ],
  );
  if (d.metOn !== null)
    await sqlRun(
      em,
      `update ${S}.deadline set met_on = ?::date, sequence = sequence + 1, updated_at = now()
        where deadline_key = ? and met_on is null and not cancelled`,
      [d.metOn, d.deadlineKey],
    );
}
