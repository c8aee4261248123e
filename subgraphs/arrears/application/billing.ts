import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { IsoDate, YearMonth } from '../../../kernel/calendar';
import { todayInChina } from '../../../kernel/clock';
import { sqlRows, sqlRun } from '../../../platform/db/sql';
import { DomainError, ForbiddenError } from '../../../kernel/errors';
import { checkBillingMonth, dueOnForMonth, monthSpan, subsidyRunsIn } from '../domain/billing';
import { FilingTermsData } from '../../../catalog';
import { publishClaims } from './claims';

export interface FilingInForce {
  filingId: string;
  recordNumber: string | null;
  terms: FilingTermsData;
}

/**
 * The company's accepted filing covering the area during `month` (from contracts.filings.v1): the fee schedule
 * billed. A terminated contract still covers the months up to its termination.
 */
export async function filingInForce(em: EntityManager, companyId: string, areaId: string, month: YearMonth): Promise<FilingInForce | null> {
  const { first, last } = monthSpan(month);
  const [row] = await sqlRows<{ filing_id: string; record_number: string | null; terms: FilingTermsData }>(
    em,
    `select filing_id, record_number, terms from arrears.filing_snapshot
      where area_id = ? and company_id = ? and starts_on <= ? and ends_on >= ?
        and (status = 'ACCEPTED' or (status = 'TERMINATED' and terminated_on >= ?))
      order by accepted_on desc nulls last limit 1`,
    [areaId, companyId, last, first, first],
  );
  return row ? { filingId: row.filing_id, recordNumber: row.record_number, terms: row.terms } : null;
}

export function assertCompany(identity: Identity, what: string): string {
  if (identity.role !== 'PROPERTY_COMPANY') throw new ForbiddenError(`Only a property service company may ${what}`);
  return identity.organisationId;
}

/** Opens a CURRENT account for every household of the area the company has none for yet, in one statement. */
export async function openAccounts(em: EntityManager, companyId: string, areaId: string, today: IsoDate, buildingIds: string[] | null = null): Promise<void> {
  await sqlRun(
    em,
    `insert into arrears.account (id, company_id, household_id, area_id, building_id, status, status_changed_on)
     select gen_random_uuid(), ?, h.household_id, h.area_id, h.building_id, 'CURRENT', ?::date
       from arrears.billable_household h
      where h.area_id = ? and (?::jsonb is null or h.building_id::text in (select jsonb_array_elements_text(?::jsonb)))
        and not exists (select 1 from arrears.account a where a.company_id = ? and a.household_id = h.household_id)
     on conflict (company_id, household_id) do nothing`,
    [companyId, today, areaId, buildingIds && JSON.stringify(buildingIds), buildingIds && JSON.stringify(buildingIds), companyId],
  );
}

export interface BillingRunResult {
  id: string;
  areaId: string;
  month: YearMonth;
  filingId: string;
  recordNumber: string | null;
  households: number;
  chargedFen: number;
  newlyBilled: number;
  unbilledHouseholds: number;
  dueOn: IsoDate;
  subsidies: { payer: string; buildingClass: string; households: number; amountFen: number }[];
}

/**
 * Bills one month of one area: one SERVICE_FEE charge per household at the owner rate of its building class, and
 * each subsidy running that month to its payer. Set-based (a handful of statements whatever the size), and
 * idempotent: a household already billed for the month is skipped, so a re-run only bills households that joined
 * since, and returns the same totals when nothing changed.
 */
export async function runBilling(em: EntityManager, identity: Identity, input: { areaId: string; month: string }): Promise<BillingRunResult> {
  const companyId = assertCompany(identity, 'run billing');
  const today = todayInChina();
  const month = checkBillingMonth(input.month, today);
  return em.transactional(async (tx) => {
    const filing = await filingInForce(tx, companyId, input.areaId, month);
    if (!filing) {
      throw new DomainError('NO_CONTRACT_IN_FORCE', `You have no accepted contract filing covering area ${input.areaId} in ${month}`, { areaId: input.areaId, month });
    }
    // One run of an area's month at a time: two racing runs would otherwise both count the same totals.
    await sqlRun(tx, `select pg_advisory_xact_lock(hashtext('arrears.billing'), hashtext(? || ?))`, [input.areaId, month]);
    await openAccounts(tx, companyId, input.areaId, today);
    const classes = filing.terms.feeSchedule.classes;
    const dueOn = dueOnForMonth(month);
    const newlyBilled = await sqlRun(
      tx,
      `insert into arrears.charge (id, account_id, company_id, household_id, area_id, building_id, kind, month, filing_id, building_class,
          floor_area_centi_m2, rate_fen, amount_fen, due_on)
       select gen_random_uuid(), a.id, a.company_id, h.household_id, h.area_id, h.building_id, 'SERVICE_FEE', ?, ?::uuid, h.building_class,
          h.floor_area_centi_m2, r.rate, (h.floor_area_centi_m2::bigint * r.rate + 50) / 100, ?::date
         from arrears.billable_household h
         join arrears.account a on a.company_id = ? and a.household_id = h.household_id and a.area_id = h.area_id
         join json_to_recordset(?::json) as r("buildingClass" text, rate int) on r."buildingClass" = h.building_class
        where h.area_id = ?
          and not exists (select 1 from arrears.charge c where c.household_id = h.household_id and c.month = ? and c.kind = 'SERVICE_FEE')
       on conflict do nothing`,
      [month, filing.filingId, dueOn, companyId, JSON.stringify(classes.map((c) => ({ buildingClass: c.buildingClass, rate: c.ownerRateFenPerM2Month }))), input.areaId, month],
    );
    const running = classes.flatMap((c) =>
      c.subsidies.filter((s) => subsidyRunsIn(s, month)).map((s) => ({ payer: s.payer, buildingClass: c.buildingClass, rate: s.rateFenPerM2Month })),
    );
    if (running.length > 0) {
      await sqlRun(
        tx,
        `insert into arrears.subsidy_charge (id, area_id, company_id, month, payer, building_class, households, floor_area_centi_m2, rate_fen, amount_fen)
         select gen_random_uuid(), ?, ?, ?, s.payer, h.building_class, count(*), sum(h.floor_area_centi_m2), s.rate,
                sum((h.floor_area_centi_m2::bigint * s.rate + 50) / 100)
           from arrears.billable_household h
           join json_to_recordset(?::json) as s(payer text, "buildingClass" text, rate int) on s."buildingClass" = h.building_class
          where h.area_id = ?
          group by s.payer, h.building_class, s.rate
         on conflict (area_id, month, payer, building_class) do nothing`,
        [input.areaId, companyId, month, JSON.stringify(running), input.areaId],
      );
    }
    const [totals] = await sqlRows<{ households: string; charged: string | null; unbilled: string }>(
      tx,
      `select c.households, c.charged,
              (select count(*) from arrears.billable_household h where h.area_id = ?
                  and h.building_class not in (select jsonb_array_elements_text(?::jsonb))) as unbilled
         from (select count(*) as households, sum(amount_fen) as charged from arrears.charge
                where area_id = ? and month = ? and kind = 'SERVICE_FEE' and company_id = ?) c`,
      [input.areaId, JSON.stringify(classes.map((c) => c.buildingClass)), input.areaId, month, companyId],
    );
    const subsidies = await sqlRows<{ payer: string; building_class: string; households: number; amount_fen: string }>(
      tx,
      `select payer, building_class, households, amount_fen from arrears.subsidy_charge where area_id = ? and month = ? order by payer, building_class`,
      [input.areaId, month],
    );
    const subsidyFen = subsidies.reduce((sum, s) => sum + Number(s.amount_fen), 0);
    const [run] = await sqlRows<{ id: string }>(
      tx,
      `insert into arrears.billing_run (id, area_id, company_id, filing_id, month, households, charged_fen, subsidy_fen, run_by)
       values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (area_id, month) do update set households = excluded.households, charged_fen = excluded.charged_fen,
          subsidy_fen = excluded.subsidy_fen, run_by = excluded.run_by, run_at = now()
       returning id`,
      [input.areaId, companyId, filing.filingId, month, Number(totals.households), Number(totals.charged ?? 0), subsidyFen, identity.subject],
    );
    // Only accounts in collection or beyond can be referred to a court, so only their claims go to litigation; the
    // CURRENT accounts, nearly all of a large area, are not published and the run stays set-based. The others are
    // found through a partial index of the non-CURRENT accounts (Migration20261122040000_claim_version).
    const referable = await sqlRows<{ id: string }>(
      tx,
      `select id from arrears.account where area_id = ? and company_id = ? and status <> 'CURRENT'`,
      [input.areaId, companyId],
    );
    await publishClaims(tx, referable.map((r) => r.id), today);
    return {
      id: run.id,
      areaId: input.areaId,
      month,
      filingId: filing.filingId,
      recordNumber: filing.recordNumber,
      households: Number(totals.households),
      chargedFen: Number(totals.charged ?? 0),
      newlyBilled,
      unbilledHouseholds: Number(totals.unbilled),
      dueOn,
      subsidies: subsidies.map((s) => ({ payer: s.payer, buildingClass: s.building_class, households: s.households, amountFen: Number(s.amount_fen) })),
    };
  });
}
