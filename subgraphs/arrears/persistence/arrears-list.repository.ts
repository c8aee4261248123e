import type { EntityManager } from '@mikro-orm/postgresql';
import { IsoDate } from '../../../kernel/calendar';
import { Page, cursorOf, invalidCursor, keyOfCursor } from '../../../kernel/pagination';
import { sqlArray, sqlRows } from '../../../platform/db/sql';
import { ReadScope } from '../domain/access';
import { AccountStatus } from '../domain/account-status';
import { ArrearsSummary } from '../domain/arrears-list';
import { Charge } from '../domain/charge';
import { AccountKeyColumns, accountPlaceOf } from './account.repository';
import { IN_ARREARS_SQL } from './in-arrears.sql';
import { accountScopeCondition } from './read-scope.sql';
import { isUuid } from '../../../kernel/uuid';

/** Which accounts a list shows: the caller's scope, the filter as plain values, and the day the ages count to. */
export interface ArrearsQuery {
  scope: ReadScope;
  areaId: string | null;
  buildingId: string | null;
  statuses: readonly AccountStatus[] | null;
  householdIds: readonly string[] | null;
  minOpenFen: number | null;
  maxOpenFen: number | null;
  /** The days overdue of the oldest open charge (an aging bucket); null: any. */
  overdueDays: { minDays: number; maxDays: number | null } | null;
  today: IsoDate;
}

/**
 * The accounts in scope, filtered: accounts with arrears, or of the statuses or households asked for whatever they
 * owe. The arrears (open_fen: what is open on the charges in arrears, IN_ARREARS_SQL), their count and the oldest
 * one's due date are the account's stored balance (arrears-balance.repository.ts), as of the balance day the caller
 * rolled to `today` first (listArrears): a company's list is a read of `account_arrears_list_index`, never an
 * aggregation over its charges. One CTE `f` shared by the page, the aging of its charges and the count, so the three
 * always agree. A street's or district's scope reads the areas of its codes from billing_area.
 */
function filtered(query: ArrearsQuery): { sql: string; params: unknown[] } {
  const scope = accountScopeCondition(query.scope, { account: 'a' });
  // Each status once: a caller may repeat one as often as the body holds (90,000 times in 1 MiB).
  const statuses = query.statuses && query.statuses.length > 0 ? sqlArray([...new Set(query.statuses)]) : null;
  const households = query.householdIds ? sqlArray(query.householdIds) : null;
  const { overdueDays: days, today } = query;
  const sql = `
    with f as (
      select a.id, a.company_id, a.household_id, a.area_id, a.building_id, a.status,
             a.arrears_fen as open_fen, a.arrears_charges as open_charges, a.oldest_due_on
        from arrears.account a
       where ${scope.sql} and (?::uuid is null or a.area_id = ?::uuid) and (?::uuid is null or a.building_id = ?::uuid)
         and (?::text[] is null or a.status = any(?::text[]))
         and (?::uuid[] is null or a.household_id = any(?::uuid[]))
         and (?::text[] is not null or ?::uuid[] is not null or a.arrears_fen > 0)
         and (?::int8 is null or a.arrears_fen >= ?::int8) and (?::int8 is null or a.arrears_fen <= ?::int8)
         and (?::int is null or (a.oldest_due_on is not null and a.oldest_due_on <= ?::date - ?::int
              and (?::int is null or a.oldest_due_on >= ?::date - ?::int))))`;
  const params = [
    ...scope.params,
    query.areaId,
    query.areaId,
    query.buildingId,
    query.buildingId,
    statuses,
    statuses,
    households,
    households,
    statuses,
    households,
    query.minOpenFen,
    query.minOpenFen,
    query.maxOpenFen,
    query.maxOpenFen,
    days?.minDays ?? null,
    today,
    days?.minDays ?? null,
    days?.maxDays ?? null,
    today,
    days?.maxDays ?? null,
  ];
  return { sql, params };
}

interface SummaryColumns extends AccountKeyColumns {
  all_open_fen: number;
  open_fen: number;
  open_charges: number;
  oldest: IsoDate | null;
  unit: string | null;
  room: string | null;
  balance_day: IsoDate;
}

const summaryOf = (r: SummaryColumns): ArrearsSummary => ({
  ...accountPlaceOf(r.id, r),
  status: r.status,
  openFen: r.all_open_fen,
  arrearsFen: r.open_fen,
  openCharges: r.open_charges,
  oldestDueOn: r.oldest,
});

/** The `(open_fen, id)` an arrears cursor names; BAD_USER_INPUT unless it is one this list gave. */
function arrearsKeyOf(cursor: string): [string, string] {
  const [openFen, id] = keyOfCursor(cursor, 2);
  if (!/^\d{1,18}$/.test(openFen) || !isUuid(id)) throw invalidCursor();
  return [openFen, id];
}

/**
 * One page of the accounts, largest arrears first (then by id), from an offset or after a cursor naming the last
 * row's `(open_fen, id)`: with the stored balance, an index range (`open_fen <= ?` bounds it; an OR alone would
 * scan from the top). What is open on each account in all (due or
 * not) is summed for the page's rows only. `endCursor`: null on the last page. `balanceDay`: the day the balances
 * read are as of (arrears.balance_day in the same snapshot), null when the page is empty, so the caller can tell a
 * page read before the day was rolled without a statement of its own (listArrears).
 */
export async function pageArrears(
  em: EntityManager,
  query: ArrearsQuery,
  page: Page,
): Promise<{ items: ArrearsSummary[]; endCursor: string | null; balanceDay: IsoDate | null }> {
  const { sql, params } = filtered(query);
  const [afterFen, afterId] = page.after != null ? arrearsKeyOf(page.after) : [null, null];
  const rows = await sqlRows<SummaryColumns>(
    em,
    `${sql},
     pg as (select f.* from f
             where (?::int8 is null or (f.open_fen <= ?::int8 and (f.open_fen < ?::int8 or f.id > ?::uuid)))
             order by f.open_fen desc, f.id limit ? offset ?)
     select pg.*, pg.oldest_due_on::text as oldest, h.unit, h.room,
            (select d.as_of::text from arrears.balance_day d) as balance_day,
            (select coalesce(sum(c.amount_fen - c.paid_fen - c.waived_fen), 0)::int8 from arrears.charge c
              where c.account_id = pg.id and c.amount_fen > c.paid_fen + c.waived_fen) as all_open_fen
       from pg left join arrears.billable_household h on h.household_id = pg.household_id
      order by pg.open_fen desc, pg.id`,
    [...params, afterFen, afterFen, afterFen, afterId, page.first + 1, page.offset],
  );
  const items = rows.slice(0, page.first);
  const last = items[items.length - 1];
  return {
    items: items.map(summaryOf),
    endCursor: rows.length > page.first ? cursorOf([String(last.open_fen), last.id]) : null,
    balanceDay: rows[0]?.balance_day ?? null,
  };
}

/** How many accounts match and their arrears in all: read only when `totalCount` or `openFen` is selected. */
export async function totalsOfArrears(
  em: EntityManager,
  query: ArrearsQuery,
): Promise<{ totalCount: number; openFen: number }> {
  const { sql, params } = filtered(query);
  const [row] = await sqlRows<{ n: number; open: number }>(
    em,
    `${sql} select count(*) as n, coalesce(sum(open_fen), 0)::int8 as open from f`,
    params,
  );
  return { totalCount: row.n, openFen: row.open };
}

interface OpenChargeColumns {
  id: string;
  due_on: IsoDate;
  amount_fen: number;
  paid_fen: number;
  waived_fen: number;
}

const openChargeOf = (c: OpenChargeColumns): Charge => ({
  chargeId: c.id,
  month: '',
  dueOn: c.due_on,
  amountFen: c.amount_fen,
  paidFen: c.paid_fen,
  waivedFen: c.waived_fen,
});

/** Every open charge of every matching account (for their aging), whatever the page. */
export async function openChargesOfArrears(em: EntityManager, query: ArrearsQuery): Promise<Charge[]> {
  const { sql, params } = filtered(query);
  const rows = await sqlRows<OpenChargeColumns>(
    em,
    `${sql}
     select c.id, c.due_on::text as due_on, c.amount_fen, c.paid_fen, c.waived_fen
       from f join arrears.charge c on c.account_id = f.id where c.amount_fen > c.paid_fen + c.waived_fen and ${IN_ARREARS_SQL('c')}`,
    [...params, query.today],
  );
  return rows.map(openChargeOf);
}
