import type { EntityManager } from '@mikro-orm/postgresql';
import { IsoDate } from '../../../kernel/calendar';
import { Identity } from '../../../kernel/identity';
import { Page, cursorOf, invalidCursor, keyOfCursor } from '../../../kernel/pagination';
import { sqlArray, sqlRows, sqlRun } from '../../../platform/db/sql';
import { ReadScope } from '../domain/access';
import { RecordedAction } from '../domain/claim';
import { CollectionAction, MediationSession } from '../domain/collection-action';
import { AccountPlace } from '../domain/arrears-list';
import { accountPlaceOf } from './account.repository';
import { groupRows } from './group-rows';
import { scopeCondition } from './read-scope.sql';
import { isUuid } from '../../../kernel/uuid';

/** Records a validated collection step on the account, with who recorded it; returns its id. */
export async function insertCollectionAction(
  em: EntityManager,
  accountId: string,
  action: CollectionAction,
  by: Identity,
): Promise<string> {
  const [{ id }] = await sqlRows<{ id: string }>(
    em,
    `insert into arrears.collection_action (id, account_id, kind, on_date, charge_ids, action, recorded_by, recorded_by_role, organisation_id)
     values (gen_random_uuid(), ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?) returning id`,
    [
      accountId,
      action.kind,
      action.on,
      JSON.stringify(action.chargeIds),
      JSON.stringify(action),
      by.subject,
      by.role,
      by.organisationId,
    ],
  );
  return id;
}

/** A recorded step of that kind, locked for the rest of the transaction, with its account's id; null when there is none. */
export async function findActionForUpdate<K extends CollectionAction['kind']>(
  em: EntityManager,
  actionId: string,
  kind: K,
): Promise<{ accountId: string; action: Extract<CollectionAction, { kind: K }> } | null> {
  const [row] = await sqlRows<{ account_id: string; action: Extract<CollectionAction, { kind: K }> }>(
    em,
    `select account_id, action from arrears.collection_action where id = ?::uuid and kind = ? for update`,
    [actionId, kind],
  );
  return row ? { accountId: row.account_id, action: row.action } : null;
}

export async function saveCollectionAction(
  em: EntityManager,
  actionId: string,
  action: CollectionAction,
): Promise<void> {
  await sqlRun(em, `update arrears.collection_action set action = ?::jsonb where id = ?::uuid`, [
    JSON.stringify(action),
    actionId,
  ]);
}

/** arrears.collection_action as the database returns it. */
interface CollectionActionColumns {
  account_id: string;
  id: string;
  kind: CollectionAction['kind'];
  on_date: IsoDate;
  charge_ids: string[];
  action: CollectionAction;
  recorded_by_role: string;
}

const recordedActionOf = (a: CollectionActionColumns): RecordedAction => ({
  actionId: a.id,
  kind: a.kind,
  on: a.on_date,
  chargeIds: a.charge_ids,
  action: a.action,
  recordedByRole: a.recorded_by_role,
});

/** Each account's collection steps, oldest first (by day, then by recording). */
export async function actionsOfAccounts(
  em: EntityManager,
  accountIds: readonly string[],
): Promise<Map<string, RecordedAction[]>> {
  const rows = await sqlRows<CollectionActionColumns>(
    em,
    `select account_id, id, kind, on_date::text as on_date, charge_ids, action, recorded_by_role
       from arrears.collection_action where account_id = any(?::uuid[]) order by on_date, recorded_at`,
    [sqlArray(accountIds)],
  );
  return groupRows(rows, (r) => r.account_id, recordedActionOf);
}

/** A mediation session in a list, with the account it was held on (no owner: the household is a reference). */
export interface MediationSessionRow extends AccountPlace {
  actionId: string;
  accountStatus: string;
  session: MediationSession;
}

interface MediationSessionColumns {
  id: string;
  account_id: string;
  company_id: string;
  household_id: string;
  area_id: string;
  building_id: string;
  unit: string | null;
  room: string | null;
  status: string;
  action: MediationSession;
  on_text: IsoDate;
  ended: number;
}

/** The `(ended, on_date, id)` a mediation cursor names; BAD_USER_INPUT unless it is one this list gave. */
function mediationKeyOf(cursor: string): [number, string, string] {
  const [ended, on, id] = keyOfCursor(cursor, 3);
  if (!/^[01]$/.test(ended) || !/^\d{4}-\d{2}-\d{2}$/.test(on) || !isUuid(id)) throw invalidCursor();
  return [Number(ended), on, id];
}

/**
 * The mediation sessions on accounts in scope (scopeCondition over the account's company and its area's street),
 * pending or ended when asked. Pending sessions first (`ended` 0), then the latest session first, then by id.
 */
function mediationSessionsIn(scope: ReadScope, pending: boolean | null): { sql: string; params: unknown[] } {
  const condition = scopeCondition(scope);
  return {
    sql: `
    with p as (select a.*, ba.street_code, ba.district_code from arrears.account a join arrears.billing_area ba on ba.area_id = a.area_id),
    s as (
      select ca.id, ca.account_id, ca.on_date, ca.action, p.company_id, p.household_id, p.area_id, p.building_id, p.status,
             case when ca.action->>'outcome' = 'PENDING' then 0 else 1 end as ended
        from arrears.collection_action ca join p on p.id = ca.account_id
       where ca.kind = 'MEDIATION_SESSION' and ${condition.sql}
         and (?::boolean is null or (ca.action->>'outcome' = 'PENDING') = ?::boolean))`,
    params: [...condition.params, pending, pending],
  };
}

/**
 * One page of the mediation sessions in scope, pending first, from an offset or after a cursor naming the last
 * row's `(ended, on_date, id)`. `endCursor`: null on the last page.
 */
export async function pageMediationSessions(
  em: EntityManager,
  scope: ReadScope,
  pending: boolean | null,
  page: Page,
): Promise<{ items: MediationSessionRow[]; endCursor: string | null }> {
  const { sql, params } = mediationSessionsIn(scope, pending);
  const [afterEnded, afterOn, afterId] = page.after != null ? mediationKeyOf(page.after) : [null, null, null];
  const rows = await sqlRows<MediationSessionColumns>(
    em,
    `${sql}
     select s.*, s.on_date::text as on_text, h.unit, h.room
       from s left join arrears.billable_household h on h.household_id = s.household_id
      where (?::int is null or s.ended > ?::int
             or (s.ended = ?::int and (s.on_date < ?::date or (s.on_date = ?::date and s.id > ?::uuid))))
      order by s.ended, s.on_date desc, s.id limit ? offset ?`,
    [...params, afterEnded, afterEnded, afterEnded, afterOn, afterOn, afterId, page.first + 1, page.offset],
  );
  const items = rows.slice(0, page.first);
  const last = items[items.length - 1];
  return {
    items: items.map((r) => ({
      ...accountPlaceOf(r.account_id, r),
      actionId: r.id,
      accountStatus: r.status,
      session: r.action,
    })),
    endCursor: rows.length > page.first ? cursorOf([String(last.ended), last.on_text, last.id]) : null,
  };
}

/** How many mediation sessions in scope (pending or ended when asked): read only when `totalCount` is selected. */
export async function countMediationSessions(
  em: EntityManager,
  scope: ReadScope,
  pending: boolean | null,
): Promise<number> {
  const { sql, params } = mediationSessionsIn(scope, pending);
  const [row] = await sqlRows<{ n: number }>(em, `${sql} select count(*)::int as n from s`, params);
  return row.n;
}
