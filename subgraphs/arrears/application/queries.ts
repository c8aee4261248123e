import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { IsoDate, isYearMonth } from '../../../kernel/calendar';
import { todayInChina } from '../../../kernel/clock';
import { sqlRows } from '../../../platform/db/sql';
import { Page, checkPage } from '../../../kernel/pagination';
import { InvalidInputError } from '../../../kernel/errors';
import { scopeCondition } from '../domain/access';
import { AccountStatus } from '../domain/account-status';
import { AgingLine, agingBucket, agingSummary, daysOverdue } from '../domain/aging';
import { CollectionAction } from '../domain/collection-action';
import { CollectionGrouping, CollectionRow, CollectionTotals, summarizeCollection } from '../domain/collection-rate';
import { AGING_BUCKETS, AgingBucket } from '../domain/statutes';
import { AccountRow, loadAccount, openTotal } from './accounts';
import { ClaimCharge, claimLinesOf } from './claims';


export interface ArrearsFilter {
  areaId?: string | null;
  buildingId?: string | null;
  statuses?: AccountStatus[] | null;
  /** The bucket of the account's oldest open charge. */
  agingBucket?: AgingBucket | null;
  minOpenFen?: number | null;
  maxOpenFen?: number | null;
  /** Accounts of these households, whatever they owe (the Household entity's field). */
  householdIds?: string[] | null;
}

export interface ArrearsListItem {
  accountId: string;
  companyId: string;
  householdId: string;
  areaId: string;
  buildingId: string;
  unit: string | null;
  room: string | null;
  status: AccountStatus;
  openFen: number;
  openCharges: number;
  oldestDueOn: IsoDate | null;
  daysOverdue: number;
  agingBucket: AgingBucket | null;
}

export interface ArrearsList {
  items: ArrearsListItem[];
  totalCount: number;
  openFen: number;
  aging: AgingLine[];
}

/**
 * The accounts the caller may read with something open (or of the statuses asked for), filtered, largest arrears
 * first, with totals and the aging of every open charge of the whole filtered set: one query for the page, one
 * for the totals, whatever the number of accounts.
 */
export async function listArrears(em: EntityManager, identity: Identity, filter: ArrearsFilter, page: Page): Promise<ArrearsList> {
  checkPage(page);
  const fields: Record<string, string> = {};
  for (const name of ['minOpenFen', 'maxOpenFen'] as const) {
    const value = filter[name];
    if (value !== null && value !== undefined && (!Number.isSafeInteger(value) || value < 0)) fields[name] = 'whole fen, 0 or more';
  }
  if (Object.keys(fields).length > 0) throw new InvalidInputError('The arrears filter is invalid', { fields });
  const scope = scopeCondition(identity, 'ACCOUNTS');
  const empty = { items: [], totalCount: 0, openFen: 0, aging: agingSummary([], todayInChina()) };
  if (!scope) return empty;
  const today = todayInChina();
  const bucket = filter.agingBucket ? AGING_BUCKETS.find((b) => b.bucket === filter.agingBucket) : undefined;
  const filtered = `
    with p as (select a.*, ba.street_code, ba.district_code from arrears.account a join arrears.billing_area ba on ba.area_id = a.area_id),
    acc as (
      select p.id, p.company_id, p.household_id, p.area_id, p.building_id, p.status,
             coalesce(sum(c.amount_fen - c.paid_fen - c.waived_fen), 0)::int8 as open_fen,
             count(c.id) filter (where c.amount_fen > c.paid_fen + c.waived_fen) as open_charges,
             min(c.due_on) filter (where c.amount_fen > c.paid_fen + c.waived_fen) as oldest_due_on
        from p left join arrears.charge c on c.account_id = p.id
       where ${scope.sql} and (?::text is null or p.area_id::text = ?) and (?::text is null or p.building_id::text = ?)
         and (?::jsonb is null or p.status in (select jsonb_array_elements_text(?::jsonb)))
         and (?::jsonb is null or p.household_id::text in (select jsonb_array_elements_text(?::jsonb)))
       group by p.id, p.company_id, p.household_id, p.area_id, p.building_id, p.status),
    f as (
      select * from acc
       where (?::jsonb is not null or ?::jsonb is not null or open_fen > 0)
         and (?::int8 is null or open_fen >= ?::int8) and (?::int8 is null or open_fen <= ?::int8)
         and (?::int is null or (oldest_due_on is not null and greatest(0, ?::date - oldest_due_on) >= ?::int
              and (?::int is null or greatest(0, ?::date - oldest_due_on) <= ?::int))))`;
  const statuses = filter.statuses && filter.statuses.length > 0 ? JSON.stringify(filter.statuses) : null;
  const households = filter.householdIds ? JSON.stringify(filter.householdIds) : null;
  const params = [
    ...scope.params,
    filter.areaId ?? null, filter.areaId ?? null, filter.buildingId ?? null, filter.buildingId ?? null, statuses, statuses, households, households,
    statuses, households, filter.minOpenFen ?? null, filter.minOpenFen ?? null, filter.maxOpenFen ?? null, filter.maxOpenFen ?? null,
    bucket?.minDays ?? null, today, bucket?.minDays ?? null, bucket?.maxDays ?? null, today, bucket?.maxDays ?? null,
  ];
  const rows = await sqlRows<Record<string, string | number | null>>(
    em,
    `${filtered}
     select f.*, f.oldest_due_on::text as oldest, h.unit, h.room, count(*) over () as total_count, sum(f.open_fen) over () as total_open
       from f left join arrears.billable_household h on h.household_id = f.household_id
      order by f.open_fen desc, f.id limit ? offset ?`,
    [...params, page.first, page.offset],
  );
  const charges = await sqlRows<{ id: string; due_on: string; amount_fen: string; paid_fen: string; waived_fen: string }>(
    em,
    `${filtered}
     select c.id, c.due_on::text as due_on, c.amount_fen, c.paid_fen, c.waived_fen
       from f join arrears.charge c on c.account_id = f.id where c.amount_fen > c.paid_fen + c.waived_fen`,
    params,
  );
  const aging = agingSummary(
    charges.map((c) => ({ chargeId: c.id, month: '', dueOn: c.due_on, amountFen: Number(c.amount_fen), paidFen: Number(c.paid_fen), waivedFen: Number(c.waived_fen) })),
    today,
  );
  if (rows.length === 0) {
    const totalOpen = aging.reduce((sum, line) => sum + line.openFen, 0);
    const [{ n }] = await sqlRows<{ n: string }>(em, `${filtered} select count(*) as n from f`, params);
    return { ...empty, totalCount: Number(n), openFen: totalOpen, aging };
  }
  return {
    items: rows.map((r) => {
      const oldest = r.oldest === null ? null : String(r.oldest);
      const days = oldest === null ? 0 : daysOverdue(oldest, today);
      return {
        accountId: String(r.id),
        companyId: String(r.company_id),
        householdId: String(r.household_id),
        areaId: String(r.area_id),
        buildingId: String(r.building_id),
        unit: r.unit === null ? null : String(r.unit),
        room: r.room === null ? null : String(r.room),
        status: r.status as AccountStatus,
        openFen: Number(r.open_fen),
        openCharges: Number(r.open_charges),
        oldestDueOn: oldest,
        daysOverdue: days,
        agingBucket: oldest === null ? null : agingBucket(days),
      };
    }),
    totalCount: Number(rows[0].total_count),
    openFen: Number(rows[0].total_open),
    aging,
  };
}

export interface StatementCharge extends ClaimCharge {
  daysOverdue: number;
  agingBucket: AgingBucket;
}

export interface Statement {
  account: AccountRow & { unit: string | null; room: string | null; floorAreaCentiM2: number | null };
  asOf: IsoDate;
  charges: StatementCharge[];
  aging: AgingLine[];
  billedFen: number;
  paidFen: number;
  waivedFen: number;
  openFen: number;
  lateFeeFen: number;
  payments: { paymentId: string; receiptNumber: string; purpose: string; amountFen: number; creditFen: number; paidOn: string; method: string }[];
  adjustments: { chargeId: string; kind: string; fen: number | null; amountBeforeFen: number; amountAfterFen: number; reason: string; on: string }[];
  actions: { actionId: string; kind: string; on: string; chargeIds: string[]; note: string | null; details: CollectionAction; recordedByRole: string }[];
  transitions: { from: string; to: string; reason: string | null; on: string; byRole: string }[];
}

/**
 * An account's statement as of today: every charge with what is open, its age, the last day of its limitation
 * period (restarted by the steps and part payments naming it) and the late fee the contract's terms give; then the
 * payments, adjustments, collection steps and status history behind those figures.
 */
export async function accountStatement(em: EntityManager, identity: Identity, accountId: string): Promise<Statement> {
  const account = await loadAccount(em, identity, accountId);
  const asOf = todayInChina();
  const [household] = await sqlRows<{ unit: string; room: string; floor_area_centi_m2: number }>(
    em,
    `select unit, room, floor_area_centi_m2 from arrears.billable_household where household_id = ?`,
    [account.householdId],
  );
  const payments = await sqlRows<Record<string, string | number | null>>(
    em,
    `select id, receipt_number, purpose, amount_fen, credit_fen, paid_on::text as paid_on, method from arrears.payment where account_id = ? order by paid_on, recorded_at`,
    [account.id],
  );
  const transitions = await sqlRows<{ from_status: string; to_status: string; reason: string | null; on_date: string; by_role: string }>(
    em,
    `select from_status, to_status, reason, on_date::text as on_date, by_role from arrears.account_transition where account_id = ? order by at`,
    [account.id],
  );
  // The figures of each charge are the claim's (claims.ts), so the statement and what litigation receives agree.
  const { charges, actions, adjustments } = (await claimLinesOf(em, [account.id], asOf)).get(account.id)!;
  const statementCharges = charges.map((c) => {
    const days = daysOverdue(c.dueOn, asOf);
    return { ...c, daysOverdue: days, agingBucket: agingBucket(days) };
  });
  return {
    account: { ...account, unit: household?.unit ?? null, room: household?.room ?? null, floorAreaCentiM2: household?.floor_area_centi_m2 ?? null },
    asOf,
    charges: statementCharges,
    aging: agingSummary(charges, asOf),
    billedFen: charges.reduce((s, c) => s + c.amountFen, 0),
    paidFen: charges.reduce((s, c) => s + c.paidFen, 0),
    waivedFen: charges.reduce((s, c) => s + c.waivedFen, 0),
    openFen: openTotal(charges),
    lateFeeFen: statementCharges.reduce((s, c) => s + c.lateFeeFen, 0),
    payments: payments.map((p) => ({
      paymentId: String(p.id),
      receiptNumber: String(p.receipt_number),
      purpose: String(p.purpose),
      amountFen: Number(p.amount_fen),
      creditFen: Number(p.credit_fen),
      paidOn: String(p.paid_on),
      method: String(p.method),
    })),
    adjustments,
    actions: actions.map((a) => ({ actionId: a.actionId, kind: a.kind, on: a.on, chargeIds: a.chargeIds, note: a.action.note, details: a.action, recordedByRole: a.recordedByRole })),
    transitions: transitions.map((t) => ({ from: t.from_status, to: t.to_status, reason: t.reason, on: t.on_date, byRole: t.by_role })),
  };
}

export type RateGrouping = CollectionGrouping | 'AREA';

export interface RateFilter {
  areaId?: string | null;
  levyId?: string | null;
  fromMonth?: string | null;
  toMonth?: string | null;
  groupBy: RateGrouping;
}

/**
 * Collection rates of the monthly fees (or of one levy) in the caller's scope: by households (charges settled of
 * charges billed; household-months when summed over months) and by amount (collected of billed), grouped by area,
 * building, month or overall. Counts and amounts only: nothing names a household.
 */
export async function collectionRates(em: EntityManager, identity: Identity, filter: RateFilter): Promise<CollectionTotals[]> {
  const fields: Record<string, string> = {};
  if (filter.fromMonth && !isYearMonth(filter.fromMonth)) fields.fromMonth = 'a YYYY-MM month';
  if (filter.toMonth && !isYearMonth(filter.toMonth)) fields.toMonth = 'a YYYY-MM month';
  if (Object.keys(fields).length > 0) throw new InvalidInputError('The collection-rate filter is invalid', { fields });
  const scope = scopeCondition(identity, 'STATISTICS');
  if (!scope) return [];
  const rows = await sqlRows<{ area_id: string; building_id: string; month: string; households: string; paid: string; billed: string; collected: string }>(
    em,
    `with p as (select c.*, ba.street_code, ba.district_code from arrears.charge c join arrears.billing_area ba on ba.area_id = c.area_id)
     select p.area_id, p.building_id, p.month, count(*) as households,
            count(*) filter (where p.paid_fen + p.waived_fen >= p.amount_fen and p.paid_fen > 0) as paid,
            sum(p.amount_fen) as billed, sum(p.paid_fen) as collected
       from p
      where ${scope.sql} and (?::text is null or p.area_id::text = ?)
        and (case when ?::text is null then p.kind = 'SERVICE_FEE' else p.levy_id::text = ? end)
        and (?::text is null or p.month >= ?) and (?::text is null or p.month <= ?)
      group by p.area_id, p.building_id, p.month order by p.area_id, p.building_id, p.month`,
    [...scope.params, filter.areaId ?? null, filter.areaId ?? null, filter.levyId ?? null, filter.levyId ?? null,
      filter.fromMonth ?? null, filter.fromMonth ?? null, filter.toMonth ?? null, filter.toMonth ?? null],
  );
  const collectionRows: CollectionRow[] = rows.map((r) => ({
    // Grouping by area reuses the building grouping with the area as the key.
    buildingId: filter.groupBy === 'AREA' ? r.area_id : r.building_id,
    month: r.month,
    households: Number(r.households),
    paidHouseholds: Number(r.paid),
    billedFen: Number(r.billed),
    collectedFen: Number(r.collected),
  }));
  return summarizeCollection(collectionRows, filter.groupBy === 'AREA' ? 'BUILDING' : filter.groupBy);
}
