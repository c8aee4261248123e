import type { EntityManager } from '@mikro-orm/postgresql';
import { YearMonth } from '../../../kernel/calendar';
import { Fen } from '../../../kernel/money';
import { sqlRows, sqlRun } from '../../../platform/db/sql';
import { RunningSubsidyLine } from '../domain/billing';
import { chargeFenSql } from './charge-fen.sql';

/**
 * Billing runs of an area's month and the subsidies they bill to their payers. One run of an area's month at a
 * time: two racing runs would otherwise both count the same totals, so a run first takes the month's lock.
 */
export async function lockAreaMonth(em: EntityManager, areaId: string, month: YearMonth): Promise<void> {
  await sqlRun(em, `select pg_advisory_xact_lock(hashtext('arrears.billing'), hashtext(? || ?))`, [areaId, month]);
}

/** The other companies that ran the billing of the area's month (each run is recorded, saveBillingRun). */
export async function otherCompaniesBilling(
  em: EntityManager,
  month: { companyId: string; areaId: string; month: YearMonth },
): Promise<string[]> {
  const rows = await sqlRows<{ company_id: string }>(
    em,
    `select company_id from arrears.billing_run where area_id = ? and month = ? and company_id <> ? order by company_id`,
    [month.areaId, month.month, month.companyId],
  );
  return rows.map((r) => r.company_id);
}

/**
 * A subsidy running in the month: its payer's rate for one building class (the last part's), for a month billed in
 * parts its Σ rate × days over them (null otherwise), and the rate under each part's filing
 * (runningSubsidiesOfParts).
 */
export type RunningSubsidy = RunningSubsidyLine;

/**
 * A household's subsidy of `s` (a subsidy_charge row or a running subsidy: its rate `rate` and its rate under each
 * filing, `filingRates`, a jsonb object by filing id) for the fee `c`, following the fee as billed: a fee billed in
 * parts, floor area × Σ rate × days over its own parts ÷ the month's days, rounded once, as the fee; any other,
 * floor area × its filing's rate for the days it was billed (chargeFen's rule). A filing `s` has no rate for (a row
 * billed before the parts were kept, or a fee billed under a contract no longer serving the month) takes `rate`. Its
 * five `?` are the month's days. Before, a line billed in parts charged its Σ rate × days over every day of the month
 * to each fee, one billed for the first contract's 15 days (before the renewal was known) among them: the payer was
 * billed for days the owner's fee never covered.
 */
const subsidyFenSql = (s: { rate: string; filingRates: string }) => {
  const rateOf = (filingId: string) => `coalesce((${s.filingRates} ->> (${filingId}))::int, ${s.rate})`;
  return `(case when c.rate_parts is null then ${chargeFenSql('c.floor_area_centi_m2', rateOf('c.filing_id::text'), 'coalesce(c.served_days, ?::int)', '?::int')}
         else ${chargeFenSql('c.floor_area_centi_m2', `(select sum(${rateOf("p->>'filingId'")} * (p->>'days')::int) from jsonb_array_elements(c.rate_parts) p)`, '1', '?::int')} end)`;
};

/**
 * Bills each running subsidy to its payer for the company's month of the area, one row per payer and building class
 * over the households the company billed for that month (their service-fee charges: each household's floor area, and
 * the days served, as billed: a month served in part is subsidised for its days, chargeFen's rule, at its filing's rate;
 * a fee billed in parts at each of its parts' subsidy rates, subsidyFenSql), set-based. A
 * run again after households arrived bills them to the owners and raises the subsidy row by them too: it was left as
 * the first run wrote it, so the payer was never billed for the newcomers.
 */
export async function billSubsidies(
  em: EntityManager,
  month: { companyId: string; areaId: string; month: YearMonth; monthDays: number },
  running: readonly RunningSubsidy[],
): Promise<void> {
  await sqlRun(
    em,
    `insert into arrears.subsidy_charge as sc (id, area_id, company_id, month, payer, building_class, households, floor_area_centi_m2, rate_fen, rate_days, filing_rates, amount_fen)
     select gen_random_uuid(), ?, ?, ?, s.payer, c.building_class, count(*), sum(c.floor_area_centi_m2), s.rate, s."rateDays", s."filingRates",
            sum(${subsidyFenSql({ rate: 's.rate', filingRates: 's."filingRates"' })})
       from arrears.charge c
       join json_to_recordset(?::json) as s(payer text, "buildingClass" text, rate int, "rateDays" int, "filingRates" jsonb) on s."buildingClass" = c.building_class
      where c.area_id = ? and c.month = ? and c.kind = 'SERVICE_FEE' and c.company_id = ?
      group by s.payer, c.building_class, s.rate, s."rateDays", s."filingRates"
     on conflict (area_id, month, company_id, payer, building_class) do update
        set households = excluded.households, floor_area_centi_m2 = excluded.floor_area_centi_m2,
            rate_fen = excluded.rate_fen, rate_days = excluded.rate_days, filing_rates = excluded.filing_rates,
            amount_fen = excluded.amount_fen
      where (sc.households, sc.floor_area_centi_m2, sc.rate_fen, sc.rate_days, sc.filing_rates, sc.amount_fen)
            is distinct from (excluded.households, excluded.floor_area_centi_m2, excluded.rate_fen, excluded.rate_days, excluded.filing_rates, excluded.amount_fen)`,
    [
      month.areaId,
      month.companyId,
      month.month,
      month.monthDays,
      month.monthDays,
      month.monthDays,
      month.monthDays,
      month.monthDays,
      JSON.stringify(running),
      month.areaId,
      month.month,
      month.companyId,
    ],
  );
}

/**
 * Recomputes the company's subsidy rows of the area's month from its fees as they now stand (each row's own rates,
 * over the fees of its building class, each as billed: subsidyFenSql), after fees were corrected to the days served.
 */
export async function refreshSubsidies(
  em: EntityManager,
  month: { companyId: string; areaId: string; month: YearMonth; monthDays: number },
): Promise<void> {
  await sqlRun(
    em,
    `update arrears.subsidy_charge sc set households = t.households, floor_area_centi_m2 = t.area, amount_fen = t.amount
       from (select s.id, count(c.id) as households, coalesce(sum(c.floor_area_centi_m2), 0) as area,
                    coalesce(sum(${subsidyFenSql({ rate: 's.rate_fen', filingRates: 's.filing_rates' })}), 0) as amount
               from arrears.subsidy_charge s
               left join arrears.charge c on c.area_id = s.area_id and c.month = s.month and c.company_id = s.company_id
                    and c.kind = 'SERVICE_FEE' and c.building_class = s.building_class
              where s.area_id = ? and s.month = ? and s.company_id = ?
              group by s.id) t
      where sc.id = t.id`,
    [...Array<number>(5).fill(month.monthDays), month.areaId, month.month, month.companyId],
  );
}

/** A subsidy billed to its payer for a month, not to the owners. */
export interface BilledSubsidy {
  payer: string;
  buildingClass: string;
  households: number;
  amountFen: Fen;
}

interface SubsidyChargeColumns {
  payer: string;
  building_class: string;
  households: number;
  amount_fen: number;
}

const subsidyOf = (r: SubsidyChargeColumns): BilledSubsidy => ({
  payer: r.payer,
  buildingClass: r.building_class,
  households: r.households,
  amountFen: r.amount_fen,
});

/** The subsidies the company billed for its month of the area. */
export async function subsidiesOfMonth(
  em: EntityManager,
  month: { companyId: string; areaId: string; month: YearMonth },
): Promise<BilledSubsidy[]> {
  const rows = await sqlRows<SubsidyChargeColumns>(
    em,
    `select payer, building_class, households, amount_fen from arrears.subsidy_charge
      where area_id = ? and month = ? and company_id = ? order by payer, building_class`,
    [month.areaId, month.month, month.companyId],
  );
  return rows.map(subsidyOf);
}

/** What a company's billing run of an area's month came to, over every run of that month. */
export interface BillingRunTotals {
  areaId: string;
  companyId: string;
  filingId: string;
  month: YearMonth;
  households: number;
  chargedFen: Fen;
  subsidyFen: Fen;
  runBy: string;
}

/**
 * Records the company's run of the month, or updates its earlier run of the month with the new totals; returns the
 * run's id. Each company of a month handed over has its own.
 */
export async function saveBillingRun(em: EntityManager, run: BillingRunTotals): Promise<string> {
  const [{ id }] = await sqlRows<{ id: string }>(
    em,
    `insert into arrears.billing_run (id, area_id, company_id, filing_id, month, households, charged_fen, subsidy_fen, run_by)
     values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (area_id, month, company_id) do update set households = excluded.households, charged_fen = excluded.charged_fen,
        subsidy_fen = excluded.subsidy_fen, run_by = excluded.run_by, run_at = now()
     returning id`,
    [run.areaId, run.companyId, run.filingId, run.month, run.households, run.chargedFen, run.subsidyFen, run.runBy],
  );
  return id;
}
