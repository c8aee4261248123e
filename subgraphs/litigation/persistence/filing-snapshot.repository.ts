import type { EntityManager } from '@mikro-orm/postgresql';
import { FilingTermsData } from '../../../catalog';
import { IsoDate } from '../../../kernel/calendar';
import { sqlArray, sqlRows } from '../../../platform/db/sql';
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
  terminatedOn: r.terminated_on,
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
            terminated_on::text as terminated_on, terms
       from litigation.filing_snapshot where company_id = ? and area_id = any(?::uuid[])`,
    [companyId, sqlArray(areaIds)],
  );
  return rows.map(filingOf);
}
