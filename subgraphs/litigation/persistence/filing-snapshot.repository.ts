import type { EntityManager } from '@mikro-orm/postgresql';
import { FilingTermsData } from '../../../catalog';
import { IsoDate } from '../../../kernel/calendar';
import { sqlArray, sqlRows } from '../../../platform/db/sql';
import { servedToSql } from '../../../platform/read-models/filing-snapshot';
import { FilingRecord } from '../domain/referral';

/** A filing of a company's contract for an area, as the contracts feed published it. */
export type AreaFiling = FilingRecord & { areaId: string };

interface FilingSnapshotColumns {
  filing_id: string;
  contract_id: string;
  area_id: string;
  status: string;
  record_number: string | null;
  starts_on: IsoDate;
  ends_on: IsoDate;
  terminated_on: IsoDate | null;
  served_to: IsoDate;
  terms: FilingTermsData;
}

const filingOf = (r: FilingSnapshotColumns): AreaFiling => ({
  filingId: r.filing_id,
  contractId: r.contract_id,
  areaId: r.area_id,
  status: r.status,
  recordNumber: r.record_number,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  // A contract ended before its term ends on its last day served: terminated, or a preliminary contract ended by the
  // area's regular contract (servedToSql), which the complaint's service term and the months in force follow (before,
  // such a contract was stated to run to its term's end, years past the handover).
  terminatedOn: r.served_to < r.ends_on ? r.served_to : r.terminated_on,
  // A contract continuing after its term (Civil Code art. 948) serves past it: its months are in force to then.
  servedTo: r.served_to,
  terms: r.terms,
});

/** The company's contract filings for these areas, every status (a superseded filing still proves its months). */
export async function companyFilings(
  tx: EntityManager,
  companyId: string,
  areaIds: readonly string[],
): Promise<AreaFiling[]> {
  const rows = await sqlRows<FilingSnapshotColumns>(
    tx,
    `select filing_id, contract_id, area_id, status, record_number, starts_on::text as starts_on, ends_on::text as ends_on,
            terminated_on::text as terminated_on, (${servedToSql('litigation')})::text as served_to, terms
       from litigation.filing_snapshot f where company_id = ? and area_id = any(?::uuid[])`,
    [companyId, sqlArray(areaIds)],
  );
  return rows.map(filingOf);
}
