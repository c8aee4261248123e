import type { EntityManager } from '@mikro-orm/postgresql';
import { IsoDate, YearMonth, laterDate } from '../../../kernel/calendar';
import { ServedDays } from '../../../kernel/money';
import { sqlArray, sqlRows } from '../../../platform/db/sql';
import type { FilingTermsData } from '../../../catalog';
import { laterVersionSql, servedToSql } from '../../../platform/read-models/filing-snapshot';
import { ServedPart, ServiceSpan, monthSpan, servedDaysOf, servedPartsOf } from '../domain/billing';
import { LateFeeTerms } from '../domain/late-fee';

/** An accepted filing (contracts.filings.v1, kept in arrears.filing_snapshot): the fee schedule billed under it. */
export interface FilingInForce {
  filingId: string;
  recordNumber: string | null;
  terms: FilingTermsData;
  /** The days of the month the company's contracts serve the area (servedDaysOf). */
  served: ServedDays;
  /** Each of those contracts from its start to its last day served (servedToSql), which days of the month it serves. */
  spans: ServiceSpan[];
  /** The last day the company's contracts covering the month serve the area (servedToSql): its service ends then. */
  servedTo: IsoDate;
  /**
   * The days each of those contracts serves, in the order they serve them (servedPartsOf), with its filing: one part
   * but where a contract ends within the month and the company's renewal begins. The month's fees are billed under
   * the last (`filingId`, `terms`), each part at its own filing's rates.
   */
  parts: (ServedPart & { recordNumber: string | null; terms: FilingTermsData })[];
}

interface FilingColumns {
  filing_id: string;
  record_number: string | null;
  terms: FilingTermsData;
  starts_on: IsoDate;
  served_to: IsoDate;
}

const SERVED_TO_SQL = servedToSql('arrears');

/**
 * The company's accepted filing covering the area during `month`, the latest accepted when several contracts do,
 * and the days of the month its contracts serve (each day at least once; null when none serves a day of it), each
 * contract to the last day it serves (servedToSql: a termination, or a preliminary contract's end by the area's
 * regular one). Before, a preliminary contract so ended billed no month at all, not even those it served. Two
 * contracts of the company within one month (one ending, its renewal beginning) are the month's parts, each day at
 * the rates of the contract serving it (servedPartsOf; a day both serve, the latest accepted's); before, every day
 * was billed at the latest accepted one's rates (either's, when both were accepted the same day). A filing never accepted (one terminated or superseded while under review) bills nothing.
 * Of one contract's versions, a month takes the one in force on its first day: an amendment applies from the first
 * month that begins once it is accepted, and the version it superseded goes on covering the months before (before,
 * the amendment's rate was billed for every month not billed yet, those before it was accepted among them, and a
 * superseded version for none). An amendment accepted the day the version it amends was is the later of the two
 * (laterVersionSql; before, the two tied on `accepted_on desc`, and a month was billed at either's rates).
 */
export async function findFilingInForce(
  em: EntityManager,
  companyId: string,
  areaId: string,
  month: YearMonth,
): Promise<FilingInForce | null> {
  const { first, last } = monthSpan(month);
  const rows = await sqlRows<FilingColumns>(
    em,
    `select * from (
       select f.filing_id, f.record_number, f.terms, f.accepted_on, f.starts_on::text as starts_on, (${SERVED_TO_SQL})::text as served_to
         from arrears.filing_snapshot f
        where f.area_id = ? and f.company_id = ? and f.starts_on <= ? and f.accepted_on is not null
          and f.status in ('ACCEPTED', 'TERMINATED', 'SUPERSEDED')
          -- no later version of the contract accepted by the month's first day (laterVersionSql: one of the same day
          -- that amends it included)
          and not exists (select 1 from arrears.filing_snapshot n
                where ${laterVersionSql('n', 'f')} and n.accepted_on <= ?::date)
          -- accepted by then, or the contract's first version (a contract filed after it began covers from its start)
          and (f.accepted_on <= ?::date or not exists (select 1 from arrears.filing_snapshot p
                where ${laterVersionSql('f', 'p')}))) v
      where v.served_to >= ? and v.served_to >= v.starts_on
      order by v.accepted_on desc, v.starts_on desc, v.filing_id`,
    [areaId, companyId, last, first, first, first],
  );
  if (rows.length === 0) return null;
  const spans = rows.map((r) => ({ startsOn: r.starts_on, endsOn: r.served_to }));
  const byFiling = new Map(rows.map((r) => [r.filing_id, r]));
  const parts = servedPartsOf(
    month,
    rows.map((r) => ({ filingId: r.filing_id, startsOn: r.starts_on, endsOn: r.served_to })),
  ).map((p) => ({
    ...p,
    recordNumber: byFiling.get(p.filingId)!.record_number,
    terms: byFiling.get(p.filingId)!.terms,
  }));
  // The month is billed under the contract serving its last day served: the renewal, where one begins within it.
  const billedUnder = byFiling.get(parts[parts.length - 1]?.filingId ?? rows[0].filing_id)!;
  return {
    filingId: billedUnder.filing_id,
    recordNumber: billedUnder.record_number,
    terms: billedUnder.terms,
    served: servedDaysOf(month, spans),
    spans,
    servedTo: rows.map((r) => r.served_to).reduce(laterDate),
    parts,
  };
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
