import type { EntityManager } from '@mikro-orm/postgresql';
import { YearMonth } from '../../../kernel/calendar';
import { sqlArray, sqlRows } from '../../../platform/db/sql';
import type { FilingTermsData } from '../../../catalog';
import { monthSpan } from '../domain/billing';
import { LateFeeTerms } from '../domain/late-fee';

/** An accepted filing (contracts.filings.v1, kept in arrears.filing_snapshot): the fee schedule billed under it. */
export interface FilingInForce {
  filingId: string;
  recordNumber: string | null;
  terms: FilingTermsData;
}

interface FilingColumns {
  filing_id: string;
  record_number: string | null;
  terms: FilingTermsData;
}

const filingOf = (r: FilingColumns): FilingInForce => ({
  filingId: r.filing_id,
  recordNumber: r.record_number,
  terms: r.terms,
});

/**
 * The company's accepted filing covering the area during `month`, the latest accepted when several contracts do. A
 * terminated contract still covers the months up to its termination. Of one contract's versions, a month takes the
 * one in force on its first day: an amendment applies from the first month that begins once it is accepted, and the
 * version it superseded goes on covering the months before (before, the amendment's rate was billed for every month
 * not billed yet, those before it was accepted among them, and a superseded version for none).
 */
export async function findFilingInForce(
  em: EntityManager,
  companyId: string,
  areaId: string,
  month: YearMonth,
): Promise<FilingInForce | null> {
  const { first, last } = monthSpan(month);
  const [row] = await sqlRows<FilingColumns>(
    em,
    `select f.filing_id, f.record_number, f.terms from arrears.filing_snapshot f
      where f.area_id = ? and f.company_id = ? and f.starts_on <= ? and f.ends_on >= ?
        and (f.status = 'ACCEPTED' or (f.status = 'TERMINATED' and f.terminated_on >= ?)
             or (f.status = 'SUPERSEDED' and exists (select 1 from arrears.filing_snapshot n
                   where n.contract_id = f.contract_id and n.accepted_on > f.accepted_on)))
        -- no later version of the contract accepted by the month's first day
        and not exists (select 1 from arrears.filing_snapshot n
              where n.contract_id = f.contract_id and n.accepted_on > f.accepted_on and n.accepted_on <= ?::date)
        -- accepted by then, or the contract's first version (a contract filed after it began covers from its start)
        and (f.accepted_on <= ?::date or not exists (select 1 from arrears.filing_snapshot p
              where p.contract_id = f.contract_id and p.accepted_on < f.accepted_on))
      order by f.accepted_on desc nulls last limit 1`,
    [areaId, companyId, last, first, first, first, first],
  );
  return row ? filingOf(row) : null;
}

/** The late-fee terms of each filing (null where its contract has none). */
export async function lateFeeTermsOf(
  em: EntityManager,
  filingIds: readonly string[],
): Promise<Map<string, LateFeeTerms | null>> {
  const rows = await sqlRows<{ filing_id: string; late_fee: LateFeeTerms | null }>(
    em,
    `select filing_id, terms->'lateFee' as late_fee from arrears.filing_snapshot where filing_id = any(?::uuid[])`,
    [sqlArray(filingIds)],
  );
  return new Map(rows.map((f) => [f.filing_id, f.late_fee]));
}
