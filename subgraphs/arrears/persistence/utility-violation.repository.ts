import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { IsoDate } from '../../../kernel/calendar';
import { Page } from '../../../kernel/pagination';
import { advisoryLock, sqlRows, sqlRun } from '../../../platform/db/sql';
import { ReadScope } from '../domain/access';
import { UTILITY_CUT_OFF_BAN, Utility } from '../domain/statutes';
import { UtilityViolation } from '../domain/utility-violation';
import { scopeCondition } from './read-scope.sql';

interface ViolationColumns {
  id: string;
  company_id: string;
  area_id: string;
  street_code: string;
  district_code: string;
  occurred_on: IsoDate;
  utility: Utility;
  evidence_sha256: string;
  note: string | null;
  reported_by_role: string;
  reported_by: string;
  recorded_at: string | Date;
  total_count: number;
}

const violationOf = (r: ViolationColumns): UtilityViolation => ({
  id: r.id,
  companyId: r.company_id,
  areaId: r.area_id,
  streetCode: r.street_code,
  districtCode: r.district_code,
  occurredOn: r.occurred_on,
  utility: r.utility,
  evidenceSha256: r.evidence_sha256,
  note: r.note,
  reportedByRole: r.reported_by_role,
  reportedBy: r.reported_by,
  recordedAt: new Date(r.recorded_at),
  source: UTILITY_CUT_OFF_BAN.source,
});

/**
 * The cut-off the same reporter already recorded against the company in the area on that day, of that utility, with
 * the same evidence file: the same report sent again (a retry after a timeout, a double click). Takes the report's
 * advisory lock first, so two at the same moment record one. Another reporter's record of it is not answered (a
 * committee does not read the street office's).
 */
export async function sameViolation(
  tx: EntityManager,
  v: Pick<UtilityViolation, 'companyId' | 'areaId' | 'occurredOn' | 'utility' | 'evidenceSha256' | 'reportedBy'>,
): Promise<UtilityViolation | null> {
  const key = [v.companyId, v.areaId, v.occurredOn, v.utility, v.evidenceSha256, v.reportedBy];
  await advisoryLock(tx, `arrears.utility_violation/${key.join('/')}`);
  const rows = await sqlRows<ViolationColumns>(
    tx,
    `select p.*, 0 as total_count from arrears.utility_violation p
      where p.company_id = ? and p.area_id = ?::uuid and p.occurred_on = ?::date and p.utility = ? and p.evidence_sha256 = ?
        and p.reported_by = ?
      order by p.recorded_at limit 1`,
    key,
  );
  return rows.length ? violationOf(rows[0]) : null;
}

export async function insertViolation(
  tx: EntityManager,
  v: Omit<UtilityViolation, 'id' | 'recordedAt' | 'source'> & { recordedBy: string },
): Promise<string> {
  const id = randomUUID();
  await sqlRun(
    tx,
    `insert into arrears.utility_violation (id, company_id, area_id, street_code, district_code, occurred_on, utility, evidence_sha256, note, reported_by_role, reported_by, recorded_by)
     values (?::uuid, ?, ?::uuid, ?, ?, ?::date, ?, ?, ?, ?, ?, ?)`,
    [
      id,
      v.companyId,
      v.areaId,
      v.streetCode,
      v.districtCode,
      v.occurredOn,
      v.utility,
      v.evidenceSha256,
      v.note,
      v.reportedByRole,
      v.reportedBy,
      v.recordedBy,
    ],
  );
  return id;
}

/** The violations in the scope (of one company when given), latest first, with the count of all that match. */
export async function pageViolations(
  em: EntityManager,
  scope: ReadScope,
  companyId: string | null,
  page: Page,
): Promise<{ items: UtilityViolation[]; totalCount: number }> {
  const condition = scopeCondition(scope);
  const where = `${condition.sql} and (?::text is null or p.company_id = ?)`;
  const params = [...condition.params, companyId, companyId];
  const rows = await sqlRows<ViolationColumns>(
    em,
    `select p.*, p.occurred_on::text as occurred_on, count(*) over () as total_count from arrears.utility_violation p
      where ${where} order by p.occurred_on desc, p.recorded_at desc, p.id limit ? offset ?`,
    [...params, page.first, page.offset],
  );
  if (rows.length > 0 || page.offset === 0)
    return { items: rows.map(violationOf), totalCount: rows[0]?.total_count ?? 0 };
  const [{ n }] = await sqlRows<{ n: number }>(
    em,
    `select count(*)::int as n from arrears.utility_violation p where ${where}`,
    params,
  );
  return { items: [], totalCount: n };
}
