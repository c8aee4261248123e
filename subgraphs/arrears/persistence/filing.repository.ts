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
 * The company's accepted filing covering the area during `month`, the latest accepted when several do. A
 * terminated contract still covers the months up to its termination.
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
    `select filing_id, record_number, terms from arrears.filing_snapshot
      where area_id = ? and company_id = ? and starts_on <= ? and ends_on >= ?
        and (status = 'ACCEPTED' or (status = 'TERMINATED' and terminated_on >= ?))
      order by accepted_on desc nulls last limit 1`,
    [areaId, companyId, last, first, first],
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
