import type { EntityManager } from '@mikro-orm/postgresql';
import { IsoDate } from '../../../kernel/calendar';
import { Identity } from '../../../kernel/identity';
import { sqlArray, sqlRows, sqlRun } from '../../../platform/db/sql';
import { RecordedAction } from '../domain/claim';
import { CollectionAction, MediationSession } from '../domain/collection-action';
import { groupRows } from './group-rows';

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

/** A mediation session and its account, locked for the rest of the transaction; null when there is none. */
export async function findMediationSessionForUpdate(
  em: EntityManager,
  actionId: string,
): Promise<{ accountId: string; session: MediationSession } | null> {
  const [row] = await sqlRows<{ account_id: string; action: MediationSession }>(
    em,
    `select account_id, action from arrears.collection_action where id = ?::uuid and kind = 'MEDIATION_SESSION' for update`,
    [actionId],
  );
  return row ? { accountId: row.account_id, session: row.action } : null;
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
