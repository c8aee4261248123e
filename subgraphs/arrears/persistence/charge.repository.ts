import type { EntityManager } from '@mikro-orm/postgresql';
import { IsoDate, YearMonth } from '../../../kernel/calendar';
import { Fen, ServedDays } from '../../../kernel/money';
import { refreshBalances } from './arrears-balance.repository';
import { sqlArray, sqlBulk, sqlRows, sqlRun, withoutNestedLoops } from '../../../platform/db/sql';
import { TIME_ORDERED_UUID_SQL } from '../../../platform/db/time-ordered-uuid';
import type { ChargeKind } from '../../../catalog';
import { ReadScope } from '../domain/access';
import { AppliedAmount } from '../domain/allocation';
import { COURT_HELD_STATUSES } from '../domain/account-status';
import { BilledCharge, Charge, ChargePart } from '../domain/charge';
import { CollectionRow } from '../domain/collection-rate';
import { ClassRate } from '../domain/billing';
import { PAST_DUE_SQL } from './in-arrears.sql';
import { scopeCondition } from './read-scope.sql';
import { chargeFenSql, feeForDaysSql } from './charge-fen.sql';

/** arrears.charge as the database returns it. */
interface ChargeColumns {
  account_id: string;
  id: string;
  kind: ChargeKind;
  month: YearMonth;
  levy_id: string | null;
  filing_id: string | null;
  due_on: IsoDate;
  amount_fen: number;
  paid_fen: number;
  waived_fen: number;
  floor_area_centi_m2: number;
  rate_fen: number;
  served_days: number | null;
  rate_parts: ChargePart[] | null;
  voluntary: boolean;
}

const chargeOf = (r: ChargeColumns): BilledCharge => ({
  chargeId: r.id,
  kind: r.kind,
  month: r.month,
  levyId: r.levy_id,
  filingId: r.filing_id,
  dueOn: r.due_on,
  amountFen: r.amount_fen,
  paidFen: r.paid_fen,
  waivedFen: r.waived_fen,
  floorAreaCentiM2: r.floor_area_centi_m2,
  rateFen: r.rate_fen,
  servedDays: r.served_days,
  parts: r.rate_parts,
  voluntary: r.voluntary,
});

/** The charges of each account, oldest due first, in one query whatever the number of accounts. */
export async function chargesOfAccounts(
  em: EntityManager,
  accountIds: readonly string[],
): Promise<Map<string, BilledCharge[]>> {
  const rows = await sqlRows<ChargeColumns>(
    em,
    `select account_id, id, kind, month, levy_id, filing_id, due_on::text as due_on, amount_fen, paid_fen, waived_fen, floor_area_centi_m2, rate_fen, served_days, rate_parts, voluntary
       from arrears.charge where account_id = any(?::uuid[]) order by account_id, due_on, month, id`,
    [sqlArray(accountIds)],
  );
  const byAccount = new Map<string, BilledCharge[]>(accountIds.map((id) => [id, []]));
  for (const r of rows) byAccount.get(r.account_id)?.push(chargeOf(r));
  return byAccount;
}

export async function chargesOfAccount(em: EntityManager, accountId: string): Promise<BilledCharge[]> {
  return (await chargesOfAccounts(em, [accountId])).get(accountId) ?? [];
}

/** The account a charge of the company is on; null for a charge of another company, or none. */
export async function accountIdOfCharge(
  em: EntityManager,
  chargeId: string,
  companyId: string,
): Promise<string | null> {
  const [row] = await sqlRows<{ account_id: string }>(
    em,
    `select account_id from arrears.charge where id = ?::uuid and company_id = ?`,
    [chargeId, companyId],
  );
  return row?.account_id ?? null;
}

/** What one month's billing of an area bills: the filing whose schedule applies and the owner rate of each building class. */
export interface ServiceFeeBilling {
  companyId: string;
  areaId: string;
  month: YearMonth;
  dueOn: IsoDate;
  /** Each building class's rates over the month's parts, and the filing its fees are billed under (classRatesOf). */
  rates: readonly ClassRate[];
  /** The days of the month the company serves (servedDaysOf): fewer than the month's, a fee by the day. */
  served: ServedDays;
  /** The other companies that billed the area's month, with the days of it their contracts serve (0: none). */
  others: readonly OtherCompanyDays[];
}

/** Another company that billed a month, and the days of it its contracts serve. */
export interface OtherCompanyDays {
  companyId: string;
  days: number;
}

/**
 * Whether a monthly fee `c` of another company (its days served in `o.days`, 0 when none) charges more than floor
 * area × rate for those days: a fee billed before that company's contract was known to end (or begin) within or
 * before the month, which covers days another company serves (feeForDaysSql: one billed in parts for fewer days than
 * its own, all of it). Judged by the amount,
 * whatever the fee's own `served_days` says, so a fee corrected by hand counts as it now stands.
 */
/** The statuses of an account whose claim a court holds (COURT_HELD_STATUSES), as an SQL list. */
const COURT_HELD_SQL = [...COURT_HELD_STATUSES].map((status) => `'${status}'`).join(', ');

/** The classes' rates of the month as SQL reads them (classRatesOf: a json_to_recordset row `r`). */
const CLASS_RATES_JSON = `json_to_recordset(?::json) as r("buildingClass" text, "filingId" uuid, rate int, "rateDays" int, days int, parts jsonb)`;

/** The other companies as beyondDaysServedSql's `o` reads them (json_to_recordset: company, days). */
const othersJson = (others: readonly OtherCompanyDays[]) =>
  JSON.stringify(others.map((o) => ({ company: o.companyId, days: o.days })));

const beyondDaysServedSql = (monthDays: number) =>
  `c.amount_fen > ${feeForDaysSql('c', 'coalesce(o.days, 0)', monthDays)}`;

/**
 * One SERVICE_FEE charge for every household of the area at its building class's rate, floor area × rate rounded
 * half up to the fen (chargeFen, in the same integer form: × days ÷ the month's days for a month served in part,
 * which for every day is the same figure), skipping households the company already billed for the month: one
 * statement whatever the size of the area. Returns the households it billed. Another company's fee for the month
 * (the other side of a handover) is its own, but a household whose fee from another company charges more than the
 * days that company's contracts serve (beyondDaysServedSql: billed, say for the whole month, before its contract
 * was known to end) is skipped: that fee covers days this company serves. A later run bills it once that fee is
 * corrected (correctFeesToServedDays, or adjustCharge). Before, the owner was charged those days twice.
 *
 * A household already billed is skipped by a `not exists` anti-join on the area's month, run without nested loops
 * (withoutNestedLoops): a hash or merge anti-join reads the month's charges of the area once. With nested loops, on a
 * freshly loaded area whose statistics were never analysed, the planner expected one household and probed the
 * unique index by month alone once per household, reading every charge of the month the statement had inserted so
 * far (the demo's 1,412-household months took 2.5–9.8 s each); the unique index's own skip (`on conflict`, a probe
 * per household) avoided that but was slower at scale (an idempotent re-run of 1,000,000 households 229 s vs 112 s).
 * `on conflict` stays as the guard against a concurrent run (and a household the company billed the month in another
 * area: its account is the same).
 *
 * The charges are inserted in account order with time-ordered ids (TIME_ORDERED_UUID_SQL), so the indexes keyed by
 * account (`charge_account_index`, `charge_open_index`), the foreign key's probes of the accounts' primary key and
 * the primary key itself are written in one sweep; with random ids in the hash join's order each charge dirtied
 * pages anywhere in indexes larger than PostgreSQL's buffers, which were written out and read back again and again:
 * a bare insert of a month of 200,000 households after four dirtied about 350,000 buffers (EXPLAIN BUFFERS), in
 * account order about 50,000 (README › Performance › billing).
 */
export async function billServiceFees(em: EntityManager, billing: ServiceFeeBilling): Promise<number> {
  const billed = await withoutNestedLoops(em, () =>
    sqlRun(
      em,
      `insert into arrears.charge (id, account_id, company_id, household_id, area_id, building_id, kind, month, filing_id, building_class,
        floor_area_centi_m2, rate_fen, amount_fen, due_on, served_days, rate_parts)
     select ${TIME_ORDERED_UUID_SQL}, a.id, a.company_id, h.household_id, h.area_id, h.building_id, 'SERVICE_FEE', ?, r."filingId", h.building_class,
        h.floor_area_centi_m2, r.rate, ${chargeFenSql('h.floor_area_centi_m2', 'r."rateDays"', '1', '?::int')}, ?::date,
        nullif(r.days, ?::int), r.parts
       from arrears.billable_household h
       join arrears.account a on a.company_id = ? and a.household_id = h.household_id and a.area_id = h.area_id
       join ${CLASS_RATES_JSON} on r."buildingClass" = h.building_class and r.days > 0
      where h.area_id = ?
        and not exists (select 1 from arrears.charge c
                          left join json_to_recordset(?::json) as o(company text, days int) on o.company = c.company_id
                         where c.area_id = ? and c.month = ? and c.kind = 'SERVICE_FEE' and c.household_id = h.household_id
                           and (c.company_id = ? or ${beyondDaysServedSql(billing.served.monthDays)}))
      order by a.id
     on conflict (account_id, month) where kind = 'SERVICE_FEE' do nothing`,
      [
        billing.month,
        billing.served.monthDays,
        billing.served.monthDays,
        billing.dueOn,
        billing.served.monthDays,
        billing.companyId,
        JSON.stringify(billing.rates),
        billing.areaId,
        othersJson(billing.others),
        billing.areaId,
        billing.month,
        billing.companyId,
      ],
    ),
  );
  // A run that billed nobody (the month re-run) wrote no charge, so no balance changed: every writer of charges
  // refreshed its accounts when it wrote them (refreshBalances). At 1,000,000 households this was 31.5 s of a 38.7 s
  // re-run, recomputing the month's accounts to the same figures.
  if (billed === 0) return 0;
  await refreshBalances(
    em,
    // Fees due on or after the balance day change no balance: the one-time filter skips the scan (a month's run).
    `select account_id from arrears.charge
      where ?::date < ?::date and area_id = ? and month = ? and kind = 'SERVICE_FEE' and company_id = ? and due_on < ?::date`,
    (day) => [billing.dueOn, day, billing.areaId, billing.month, billing.companyId, day],
  );
  return billed;
}

/** The accounts whose fee of the area's month the company billed for more days than its contracts now serve. */
export async function overbilledAccountIds(
  em: EntityManager,
  month: { companyId: string; areaId: string; month: YearMonth; served: ServedDays },
): Promise<string[]> {
  const rows = await sqlRows<{ account_id: string }>(
    em,
    `select account_id from arrears.charge
      where area_id = ? and month = ? and kind = 'SERVICE_FEE' and company_id = ? and coalesce(served_days, ?::int) > ?::int
      order by account_id`,
    [month.areaId, month.month, month.companyId, month.served.monthDays, month.served.days],
  );
  return rows.map((r) => r.account_id);
}

/** What correcting the company's fees of a month to the days served did (correctFeesToServedDays). */
export interface ServedDaysCorrection {
  /** The accounts whose fee was corrected. */
  accountIds: string[];
  /** Fees billed for more days than served and left as they are: adjusted by hand since, or paid beyond the days. */
  left: number;
}

/**
 * Corrects the company's fees of the area's month billed for more days than its contracts now serve to the days
 * served (a contract's end or start within the month became known after the month was billed), recorded as a
 * CORRECTION of each fee with its reason, as adjustCharge records one; a waiver shrinks to what is left to forgive.
 * Only a fee still as billed (no correction since), paid no more than the days served and of an account not referred
 * to a court (a claim or judgment stands as the court has it) is corrected: the others are counted in `left` for the
 * company to correct by hand, since money paid beyond the days is a refund, not a correction. So is a fee billed in
 * parts (two of the company's contracts within the month, `rate_parts`): which part's days went unserved is for the
 * company to say. The caller locks the
 * accounts first (the order payments and adjustments take); the fees are read for update, so a payment or waiver
 * committed meanwhile is seen, not overwritten. One statement; the balances of the accounts corrected are refreshed.
 */
export async function correctFeesToServedDays(
  em: EntityManager,
  month: { companyId: string; areaId: string; month: YearMonth; served: ServedDays },
  record: { reason: string; on: IsoDate; recordedBy: string },
): Promise<ServedDaysCorrection> {
  const { days, monthDays } = month.served;
  const [row] = await sqlRows<{ account_ids: string[]; left: number }>(
    em,
    `with billed as (
       select c.id, c.account_id, c.amount_fen, c.paid_fen, c.waived_fen, c.rate_parts, a.status,
              ${chargeFenSql('c.floor_area_centi_m2', 'c.rate_fen', 'coalesce(c.served_days, ?::int)', '?::int')} as as_billed,
              ${chargeFenSql('c.floor_area_centi_m2', 'c.rate_fen', '?::int', '?::int')} as served_fen
         from arrears.charge c join arrears.account a on a.id = c.account_id
        where c.area_id = ? and c.month = ? and c.kind = 'SERVICE_FEE' and c.company_id = ?
          and coalesce(c.served_days, ?::int) > ?::int
          for update of c),
     corrected as (
       update arrears.charge c set amount_fen = b.served_fen, served_days = ?::int,
              waived_fen = least(b.waived_fen, b.served_fen - b.paid_fen)
         from billed b
        where c.id = b.id and b.rate_parts is null and b.amount_fen = b.as_billed and b.paid_fen <= b.served_fen
          and b.status not in (${COURT_HELD_SQL})
       returning c.id, c.account_id, b.amount_fen as before_fen, b.served_fen as after_fen, b.waived_fen as waived_before_fen,
                 c.waived_fen as waived_after_fen),
     logged as (
       insert into arrears.adjustment (id, charge_id, account_id, kind, fen, amount_before_fen, amount_after_fen, waived_before_fen,
           waived_after_fen, reason, on_date, recorded_by)
       select gen_random_uuid(), id, account_id, 'CORRECTION', null, before_fen, after_fen, waived_before_fen, waived_after_fen,
              ?, ?::date, ?
         from corrected)
     select coalesce((select array_agg(distinct account_id::text) from corrected), '{}') as account_ids,
            (select count(*) from billed) - (select count(*) from corrected) as left`,
    [
      monthDays,
      monthDays,
      monthDays,
      days,
      monthDays,
      monthDays,
      month.areaId,
      month.month,
      month.companyId,
      monthDays,
      days,
      days,
      record.reason,
      record.on,
      record.recordedBy,
    ],
  );
  const accountIds = row.account_ids;
  if (accountIds.length > 0) await refreshBalances(em, `select unnest(?::uuid[])`, () => [sqlArray(accountIds)]);
  return { accountIds, left: Number(row.left) };
}

/** What topping up the company's fees of a month to the days its contracts now serve did (topUpShortFees). */
export interface ShortFeesTopUp {
  /** Fees raised to the month's parts this run. */
  toppedUp: number;
  /** Fees still billed for fewer days than served and left as they are: adjusted since, or held by a court. */
  left: number;
}

/**
 * The company's fees of the month that fall short of the days its contracts now serve (domain/billing.ts
 * fallsShortOf, in SQL): billed for fewer days than the class's parts now have, each part as billed (a fee of one
 * rate: its filing, rate and days) a part of the month now, same filing and rate, no more days. `r` is the class's
 * rates (classRatesOf, a json_to_recordset row), `c` the fee. The cheap test on the fee's own columns comes first, so a
 * re-run of a month of one contract reads each fee once and builds no json.
 */
const billedPartsSql = (c: string) =>
  `coalesce(${c}.rate_parts, jsonb_build_array(jsonb_build_object('filingId', ${c}.filing_id::text, 'rateFen', ${c}.rate_fen, 'days', coalesce(${c}.served_days, ?::int))))`;
const shortFeesSql = `
  select c.id, c.account_id, c.household_id, c.amount_fen, c.waived_fen, c.due_on, c.floor_area_centi_m2, r."filingId", r.rate,
         r."rateDays", r.days, r.parts, ${billedPartsSql('c')} as billed
    from arrears.charge c
    join ${CLASS_RATES_JSON} on r."buildingClass" = c.building_class
   where c.area_id = ? and c.month = ? and c.kind = 'SERVICE_FEE' and c.company_id = ?
     and (c.rate_parts is not null or coalesce(c.served_days, ?::int) < r.days)`;
const fallsShortSql = (
  f: string,
) => `(select sum((p->>'days')::int) from jsonb_array_elements(${f}.billed) p) < ${f}.days
     and not exists (select 1 from jsonb_array_elements(${f}.billed) p
          where not exists (select 1 from jsonb_array_elements(coalesce(${f}.parts,
                  jsonb_build_array(jsonb_build_object('filingId', ${f}."filingId"::text, 'rateFen', ${f}.rate, 'days', ${f}.days)))) n
                 where n->>'filingId' = p->>'filingId' and (n->>'rateFen')::int = (p->>'rateFen')::int
                   and (n->>'days')::int >= (p->>'days')::int))`;
const shortFeesParams = (billing: TopUpBilling) => [
  billing.served.monthDays,
  JSON.stringify(billing.rates),
  billing.areaId,
  billing.month,
  billing.companyId,
  billing.served.monthDays,
];

/** The company's month as topUpShortFees tops it up: the classes' rates now (classRatesOf) and the days served. */
export type TopUpBilling = Pick<ServiceFeeBilling, 'companyId' | 'areaId' | 'month' | 'rates' | 'served' | 'others'>;

/**
 * Tops up the company's fees of the area's month that fall short of the days its contracts now serve (billed for the
 * first contract's 15 days before its renewal from the 16th was known, say: shortFeesSql) to the month as it is now
 * billed: floor area × Σ rate × days over the class's parts ÷ the month's days, rounded once, with the parts, rate and
 * filing a fee billed now would have, so its subsidy follows it (billSubsidies, run after) and the statement, the claim
 * and the court package show it as any fee of the month. Each is a CORRECTION with its reason, as adjustCharge records
 * one, so the raise is a part of the fee due on its own day (due-parts.ts raisedPartDueOn: the end of this month), with
 * its own late fee and limitation period; what was billed first keeps its due date, and what was paid or waived of it
 * stays so. Left as they are (counted in `left`): a fee not as billed (a correction by hand since: the company said
 * what it is), and one the court holds, on an account REFERRED, IN_LITIGATION or JUDGED and in arrears on the day of
 * its referral (adjustCharge's CLAIM_BEFORE_COURT rule): the claim stands as the court has it; and one whose household
 * another company's fee of the month charges beyond the days that company serves (billServiceFees's skip: until that
 * fee is corrected, it covers days this company serves, and no day is charged twice). The accounts are locked
 * first in id order (as payments and adjustments take them), then the fees updated in one statement; the balances of
 * the month's accounts are refreshed when any was topped up. Idempotent: a fee topped up has the month's parts and
 * days, so it falls short no more.
 */
export async function topUpShortFees(
  em: EntityManager,
  billing: TopUpBilling,
  record: { reason: string; on: IsoDate; recordedBy: string },
): Promise<ShortFeesTopUp> {
  const [candidates] = await sqlRows<{ n: number }>(
    em,
    `select count(*)::int as n from (
       select a.id from arrears.account a
        where a.id in (select f.account_id from (${shortFeesSql}) f where ${fallsShortSql('f')})
        order by a.id for update) locked`,
    shortFeesParams(billing),
  );
  if (candidates.n === 0) return { toppedUp: 0, left: 0 };
  const { monthDays } = billing.served;
  const [row] = await sqlRows<{ topped_up: number; left: number }>(
    em,
    `with short as (
       select f.*, ${chargeFenSql('f.floor_area_centi_m2', 'f."rateDays"', '1', '?::int')} as topped_fen,
              ${chargeFenSql('f.floor_area_centi_m2', "(select sum((p->>'rateFen')::int * (p->>'days')::int) from jsonb_array_elements(f.billed) p)", '1', '?::int')} as as_billed,
              a.status in (${COURT_HELD_SQL}) and (ref.on_date is null or f.due_on < ref.on_date) as court_held,
              exists (select 1 from arrears.charge c
                        left join json_to_recordset(?::json) as o(company text, days int) on o.company = c.company_id
                       where c.area_id = ? and c.month = ? and c.kind = 'SERVICE_FEE' and c.household_id = f.household_id
                         and c.company_id <> ? and ${beyondDaysServedSql(billing.served.monthDays)}) as billed_by_another
         from (${shortFeesSql} for update of c) f
         join arrears.account a on a.id = f.account_id
         left join lateral (select t.on_date from arrears.account_transition t
                             where t.account_id = f.account_id and t.to_status = 'REFERRED' order by t.at desc limit 1) ref
                on a.status in (${COURT_HELD_SQL})
        where ${fallsShortSql('f')}),
     topped as (
       update arrears.charge c set amount_fen = s.topped_fen, filing_id = s."filingId", rate_fen = s.rate,
              served_days = nullif(s.days, ?::int), rate_parts = s.parts
         from short s
        where c.id = s.id and s.amount_fen = s.as_billed and not s.court_held and not s.billed_by_another
       returning c.id, c.account_id, s.amount_fen as before_fen, s.topped_fen as after_fen, s.waived_fen),
     logged as (
       insert into arrears.adjustment (id, charge_id, account_id, kind, fen, amount_before_fen, amount_after_fen, waived_before_fen,
           waived_after_fen, reason, on_date, recorded_by)
       select gen_random_uuid(), id, account_id, 'CORRECTION', null, before_fen, after_fen, waived_fen, waived_fen, ?, ?::date, ?
         from topped)
     select (select count(*) from topped)::int as topped_up, ((select count(*) from short) - (select count(*) from topped))::int as left`,
    [
      monthDays,
      monthDays,
      monthDays,
      monthDays,
      othersJson(billing.others),
      billing.areaId,
      billing.month,
      billing.companyId,
      ...shortFeesParams(billing),
      monthDays,
      record.reason,
      record.on,
      record.recordedBy,
    ],
  );
  if (row.topped_up > 0)
    await refreshBalances(
      em,
      `select account_id from arrears.charge
        where area_id = ? and month = ? and kind = 'SERVICE_FEE' and company_id = ? and due_on < ?::date`,
      (day) => [billing.areaId, billing.month, billing.companyId, day],
    );
  return { toppedUp: row.topped_up, left: row.left };
}

/** A company's month of an area, with the other companies that billed it and the days each serves. */
export interface FeeMonth {
  companyId: string;
  areaId: string;
  month: YearMonth;
  monthDays: number;
  others: readonly OtherCompanyDays[];
}

/**
 * The month's fees of the area over every run: households billed and the amount, the households the schedule has no
 * rate for (their building class is not among `billedClasses`), and those another company billed for the month and
 * this one did not (billServiceFees skipped them: that fee covers days this company's contract serves).
 */
export async function serviceFeeTotals(
  em: EntityManager,
  month: FeeMonth & { billedClasses: readonly string[] },
): Promise<{ households: number; chargedFen: Fen; unbilledHouseholds: number; billedByAnother: number }> {
  const [totals] = await sqlRows<{ households: number; charged: number; unbilled: number }>(
    em,
    `select c.households, c.charged,
            (select count(*) from arrears.billable_household h where h.area_id = ?
                and h.building_class <> all(?::text[])) as unbilled
       from (select count(*) as households, coalesce(sum(amount_fen), 0)::int8 as charged from arrears.charge
              where area_id = ? and month = ? and kind = 'SERVICE_FEE' and company_id = ?) c`,
    [month.areaId, sqlArray(month.billedClasses), month.areaId, month.month, month.companyId],
  );
  return {
    households: totals.households,
    chargedFen: totals.charged,
    unbilledHouseholds: totals.unbilled,
    billedByAnother: month.others.length === 0 ? 0 : await householdsBilledBeyondDays(em, month),
  };
}

/** The area's households of the month with another company's fee beyond its days served and none of this company. */
async function householdsBilledBeyondDays(em: EntityManager, month: FeeMonth): Promise<number> {
  const [row] = await sqlRows<{ n: number }>(
    em,
    `select count(distinct c.household_id)::int as n from arrears.charge c
       left join json_to_recordset(?::json) as o(company text, days int) on o.company = c.company_id
      where c.area_id = ? and c.month = ? and c.kind = 'SERVICE_FEE' and c.company_id <> ? and ${beyondDaysServedSql(month.monthDays)}
        and not exists (select 1 from arrears.charge m where m.area_id = c.area_id and m.month = c.month
                          and m.kind = 'SERVICE_FEE' and m.household_id = c.household_id and m.company_id = ?)`,
    [othersJson(month.others), month.areaId, month.month, month.companyId, month.companyId],
  );
  return row.n;
}

/** What a levy bills: its rate per m² to every household of its buildings, due on its due date. */
export interface LevyBilling {
  levyId: string;
  companyId: string;
  areaId: string;
  month: YearMonth;
  rateFenPerM2: number;
  dueOn: IsoDate;
  buildingIds: readonly string[];
  /** A voluntary levy's contributions are marked on each charge (never arrears). */
  voluntary: boolean;
}

/** One LEVY charge per household of the levy's buildings, floor area × rate rounded half up, in one statement. */
export async function billLevy(em: EntityManager, levy: LevyBilling): Promise<void> {
  await sqlRun(
    em,
    `insert into arrears.charge (id, account_id, company_id, household_id, area_id, building_id, kind, month, levy_id, building_class,
        floor_area_centi_m2, rate_fen, amount_fen, due_on, voluntary)
     select ${TIME_ORDERED_UUID_SQL}, a.id, a.company_id, h.household_id, h.area_id, h.building_id, 'LEVY', ?, ?, h.building_class,
        h.floor_area_centi_m2, ?, (h.floor_area_centi_m2::bigint * ? + 50) / 100, ?::date, ?
       from arrears.billable_household h
       join arrears.account a on a.company_id = ? and a.household_id = h.household_id
      where h.area_id = ? and h.building_id = any(?::uuid[])
      order by a.id`,
    [
      levy.month,
      levy.levyId,
      levy.rateFenPerM2,
      levy.rateFenPerM2,
      levy.dueOn,
      levy.voluntary,
      levy.companyId,
      levy.areaId,
      sqlArray(levy.buildingIds),
    ],
  );
  if (!levy.voluntary)
    await refreshBalances(em, `select account_id from arrears.charge where levy_id = ? and due_on < ?::date`, (day) => [
      levy.levyId,
      day,
    ]);
}

/** The households a levy billed and the amount. */
export async function levyTotals(em: EntityManager, levyId: string): Promise<{ households: number; billedFen: Fen }> {
  const [totals] = await sqlRows<{ households: number; billed: number }>(
    em,
    `select count(*) as households, coalesce(sum(amount_fen), 0)::int8 as billed from arrears.charge where levy_id = ?`,
    [levyId],
  );
  return { households: totals.households, billedFen: totals.billed };
}

/**
 * Raises each charge's paid amount by what payments applied to it (a charge named twice gets both), in one statement,
 * and recomputes the balances of their accounts.
 */
export async function addPaidAmounts(em: EntityManager, applied: readonly AppliedAmount[]): Promise<void> {
  if (applied.length === 0) return;
  const byCharge = new Map<string, Fen>();
  for (const a of applied) byCharge.set(a.chargeId, (byCharge.get(a.chargeId) ?? 0) + a.fen);
  await sqlBulk(
    em,
    `update arrears.charge c set paid_fen = c.paid_fen + x.fen from json_to_recordset(?::json) as x("chargeId" uuid, fen bigint) where c.id = x."chargeId"`,
    [...byCharge].map(([chargeId, fen]) => ({ chargeId, fen })),
  );
  await refreshBalances(em, `select account_id from arrears.charge where id = any(?::uuid[])`, () => [
    sqlArray([...byCharge.keys()]),
  ]);
}

/** The charge's billed and waived amounts after an adjustment. */
export async function saveChargeAmounts(em: EntityManager, charge: Charge): Promise<void> {
  await sqlRun(em, `update arrears.charge set amount_fen = ?, waived_fen = ? where id = ?`, [
    charge.amountFen,
    charge.waivedFen,
    charge.chargeId,
  ]);
  await refreshBalances(em, `select account_id from arrears.charge where id = ?::uuid`, () => [charge.chargeId]);
}

/** One area's building in one month: charges billed and settled, amounts billed and collected. */
export interface BuildingMonthCollection extends CollectionRow {
  areaId: string;
}

interface CollectionColumns {
  area_id: string;
  building_id: string;
  month: YearMonth;
  households: number;
  paid: number;
  billed: number;
  collected: number;
}

const collectionOf = (r: CollectionColumns): BuildingMonthCollection => ({
  areaId: r.area_id,
  buildingId: r.building_id,
  month: r.month,
  households: r.households,
  paidHouseholds: r.paid,
  billedFen: r.billed,
  collectedFen: r.collected,
});

/**
 * The monthly fees (or one levy's charges) in the scope that fell due before `asOf` (PAST_DUE_SQL: a charge not yet
 * due is neither collected nor in arrears, so it is no part of a collection rate), by area, building and month. A
 * household counts once in a month, though a month handed over between two companies bills it once for each company's
 * days (a regulator's scope sees both): paid once paid and waived cover each of its charges with something paid. Counts
 * and amounts only, in one grouped query.
 */
export async function collectionByBuildingMonth(
  em: EntityManager,
  scope: ReadScope,
  filter: {
    areaId: string | null;
    levyId: string | null;
    fromMonth: YearMonth | null;
    toMonth: YearMonth | null;
    asOf: IsoDate;
  },
): Promise<BuildingMonthCollection[]> {
  const condition = scopeCondition(scope);
  const rows = await sqlRows<CollectionColumns>(
    em,
    `with p as (select c.*, ba.street_code, ba.district_code from arrears.charge c join arrears.billing_area ba on ba.area_id = c.area_id),
     h as (select p.area_id, p.building_id, p.month,
                  bool_and(p.paid_fen + p.waived_fen >= p.amount_fen) and sum(p.paid_fen) > 0 as paid,
                  sum(p.amount_fen) as billed, sum(p.paid_fen) as collected
             from p
            where ${condition.sql} and ${PAST_DUE_SQL('p')} and (?::uuid is null or p.area_id = ?::uuid)
              and (case when ?::uuid is null then p.kind = 'SERVICE_FEE' else p.levy_id = ?::uuid end)
              and (?::text is null or p.month >= ?) and (?::text is null or p.month <= ?)
            group by p.area_id, p.building_id, p.month, p.household_id)
     select area_id, building_id, month, count(*) as households, count(*) filter (where paid) as paid,
            sum(billed)::int8 as billed, sum(collected)::int8 as collected
       from h group by area_id, building_id, month order by area_id, building_id, month`,
    [
      ...condition.params,
      filter.asOf,
      filter.areaId,
      filter.areaId,
      filter.levyId,
      filter.levyId,
      filter.fromMonth,
      filter.fromMonth,
      filter.toMonth,
      filter.toMonth,
    ],
  );
  return rows.map(collectionOf);
}

/** One area's service fees of one month as they stand: households billed and paid up, amounts billed and collected. */
export interface AreaMonthCollection {
  areaId: string;
  companyId: string;
  month: YearMonth;
  dueOn: IsoDate;
  households: number;
  paidHouseholds: number;
  billedFen: Fen;
  collectedFen: Fen;
}

/** The areas of the given accounts and area, in id order (publishCollection locks them in that order). */
export async function areasOfTouched(
  em: EntityManager,
  touched: { accountIds: readonly string[]; areaId?: string },
): Promise<string[]> {
  const rows = await sqlRows<{ area_id: string }>(
    em,
    `select area_id from arrears.account where id = any(?::uuid[])
     union select ?::uuid where ?::uuid is not null
     order by 1`,
    [sqlArray(touched.accountIds), touched.areaId ?? null, touched.areaId ?? null],
  );
  return rows.map((r) => r.area_id);
}

/**
 * The collection of every (area, month) whose service fees the given accounts, or the given area's month, were
 * billed in: whole months of whole areas, counted as collectionByBuildingMonth counts them. One query.
 */
export async function collectionOfTouchedMonths(
  em: EntityManager,
  touched: { accountIds: readonly string[]; areaId?: string; month?: YearMonth },
): Promise<AreaMonthCollection[]> {
  const rows = await sqlRows<{
    area_id: string;
    company_id: string;
    month: string;
    due_on: string;
    households: string;
    paid: string;
    billed: string;
    collected: string;
  }>(
    em,
    `with touched as (
       select distinct area_id, month from arrears.charge
        where kind = 'SERVICE_FEE' and (account_id = any(?::uuid[]) or (area_id = ?::uuid and month = ?)))
     select c.area_id, c.company_id, c.month, min(c.due_on)::text as due_on, count(*) as households,
            count(*) filter (where c.paid_fen + c.waived_fen >= c.amount_fen and c.paid_fen > 0) as paid,
            sum(c.amount_fen)::int8 as billed, sum(c.paid_fen)::int8 as collected
       from arrears.charge c join touched t on t.area_id = c.area_id and t.month = c.month
      where c.kind = 'SERVICE_FEE'
      group by c.area_id, c.company_id, c.month order by c.area_id, c.month`,
    [sqlArray(touched.accountIds), touched.areaId ?? null, touched.month ?? null],
  );
  return rows.map((r) => ({
    areaId: r.area_id,
    companyId: r.company_id,
    month: r.month,
    dueOn: r.due_on,
    households: Number(r.households),
    paidHouseholds: Number(r.paid),
    billedFen: Number(r.billed),
    collectedFen: Number(r.collected),
  }));
}
