import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { IsoDate } from '../../../kernel/calendar';
import { sqlRows, sqlRun } from '../../../platform/db/sql';
import { NotFoundError } from '../../../kernel/errors';
import { ACCOUNT_STATUS_CHANGED, AccountEventBase } from '../../../catalog';
import { recordEvent } from '../../../platform/events/outbox';
import { AccountStatus, assertTransition } from '../domain/account-status';
import { Charge } from '../domain/charge';
import { AccountPlace, mayReadAccount } from '../domain/access';

/** An account row with the place it is in (for access rules) and what it owes in all. */
export interface AccountRow extends AccountPlace {
  id: string;
  householdId: string;
  areaId: string;
  buildingId: string;
  status: AccountStatus;
  creditFen: number;
  /** What the court awarded, or the settlement before it, once the referral ended so (from litigation). */
  judgedFen: number | null;
  settledFen: number | null;
  statusChangedOn: IsoDate;
}

export interface ChargeRow extends Charge {
  kind: 'SERVICE_FEE' | 'LEVY';
  levyId: string | null;
  filingId: string | null;
  floorAreaCentiM2: number;
  rateFen: number;
}

const ACCOUNT_COLUMNS = `a.id, a.company_id as "companyId", a.household_id as "householdId", a.area_id as "areaId", a.building_id as "buildingId",
  a.status, a.credit_fen::int8 as "creditFen", a.judged_fen::int8 as "judgedFen", a.settled_fen::int8 as "settledFen",
  a.status_changed_on::text as "statusChangedOn", ba.street_code as "streetCode", ba.district_code as "districtCode"`;

function accountOf(row: AccountRow): AccountRow {
  const amount = (v: number | null) => (v === null ? null : Number(v));
  return { ...row, creditFen: Number(row.creditFen), judgedFen: amount(row.judgedFen), settledFen: amount(row.settledFen) };
}

/**
 * The account, locked for the rest of the transaction when `lock` is set, if the caller may read it; NOT_FOUND
 * otherwise, the same answer as for an account that does not exist, so ids of other companies' accounts reveal nothing.
 */
export async function loadAccount(em: EntityManager, identity: Identity, accountId: string, lock = false): Promise<AccountRow> {
  const [row] = await sqlRows<AccountRow>(
    em,
    `select ${ACCOUNT_COLUMNS} from arrears.account a join arrears.billing_area ba on ba.area_id = a.area_id
      where a.id::text = ? ${lock ? 'for update of a' : ''}`,
    [accountId],
  );
  if (!row || !mayReadAccount(identity, row)) throw new NotFoundError('Arrears account', accountId);
  return accountOf(row);
}

/**
 * `column in ${UUID_LIST}` with the ids as one JSON array parameter. Each element is cast to uuid, rather than the
 * column to text, so lookups by account id keep using their indexes; the ids must be real uuids (from the database).
 */
export const UUID_LIST = `(select jsonb_array_elements_text(?::jsonb)::uuid)`;

/** The charges of each account, oldest due first, in one query whatever the number of accounts. */
export async function chargesOfAccounts(em: EntityManager, accountIds: readonly string[]): Promise<Map<string, ChargeRow[]>> {
  const rows = await sqlRows<Record<string, string | number | null>>(
    em,
    `select account_id, id, kind, month, levy_id, filing_id, due_on::text as due_on, amount_fen, paid_fen, waived_fen, floor_area_centi_m2, rate_fen
       from arrears.charge where account_id in ${UUID_LIST} order by account_id, due_on, month, id`,
    [JSON.stringify(accountIds)],
  );
  const byAccount = new Map<string, ChargeRow[]>(accountIds.map((id) => [id, []]));
  for (const r of rows) {
    byAccount.get(String(r.account_id))?.push({
      chargeId: String(r.id),
      kind: r.kind as ChargeRow['kind'],
      month: String(r.month),
      levyId: r.levy_id === null ? null : String(r.levy_id),
      filingId: r.filing_id === null ? null : String(r.filing_id),
      dueOn: String(r.due_on),
      amountFen: Number(r.amount_fen),
      paidFen: Number(r.paid_fen),
      waivedFen: Number(r.waived_fen),
      floorAreaCentiM2: Number(r.floor_area_centi_m2),
      rateFen: Number(r.rate_fen),
    });
  }
  return byAccount;
}

export async function chargesOf(em: EntityManager, accountId: string): Promise<ChargeRow[]> {
  return (await chargesOfAccounts(em, [accountId])).get(accountId) ?? [];
}

export const openTotal = (charges: readonly Charge[]): number => charges.reduce((sum, c) => sum + c.amountFen - c.paidFen - c.waivedFen, 0);

export function eventBase(account: AccountRow, openFen: number): AccountEventBase {
  return {
    accountId: account.id,
    companyId: account.companyId,
    householdId: account.householdId,
    areaId: account.areaId,
    buildingId: account.buildingId,
    status: account.status,
    openFen,
  };
}

/**
 * Moves the account to `to` under the status rules (account-status.ts), records who moved it and why, and
 * publishes the change; `account.status` is updated in place so later steps of the same use case see it.
 */
export async function moveAccount(
  em: EntityManager,
  identity: Identity,
  account: AccountRow,
  to: AccountStatus,
  args: { reason: string | null; on: IsoDate; openFen: number },
): Promise<void> {
  const from = account.status;
  assertTransition(from, to, { reason: args.reason, openFen: args.openFen });
  await sqlRun(em, `update arrears.account set status = ?, status_changed_on = ? where id = ?`, [to, args.on, account.id]);
  await sqlRun(
    em,
    `insert into arrears.account_transition (id, account_id, from_status, to_status, reason, on_date, by_subject, by_role) values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?)`,
    [account.id, from, to, args.reason, args.on, identity.subject, identity.role],
  );
  account.status = to;
  account.statusChangedOn = args.on;
  recordEvent(em, ACCOUNT_STATUS_CHANGED, {
    source: 'arrears',
    key: account.id,
    data: { ...eventBase(account, args.openFen), fromStatus: from, reason: args.reason, on: args.on },
  });
}
