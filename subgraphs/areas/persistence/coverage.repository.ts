import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInChina } from '../../../kernel/clock';
import { sqlArray, sqlRows } from '../../../platform/db/sql';
import { SERVING_PROVIDER } from './filing-snapshot.sql';

/**
 * Of the given areas, those with a standing owners' committee and those a provider serves today under an accepted
 * filing whose contract has begun and not ended.
 */
export async function coverageFacts(
  em: EntityManager,
  areaIds: string[],
): Promise<{ withOwnersCommittee: Set<string>; withFiledProvider: Set<string> }> {
  if (areaIds.length === 0) return { withOwnersCommittee: new Set(), withFiledProvider: new Set() };
  const committees = await sqlRows<{ area_id: string }>(
    em,
    `select distinct area_id from areas.governance_body where kind = 'OWNERS_COMMITTEE' and dissolved_on is null and area_id = any(?::uuid[])`,
    [sqlArray(areaIds)],
  );
  const filed = await sqlRows<{ area_id: string }>(
    em,
    `select distinct f.area_id from areas.filing_snapshot f where ${SERVING_PROVIDER} and f.area_id = any(?::uuid[])`,
    [todayInChina(), sqlArray(areaIds)],
  );
  return {
    withOwnersCommittee: new Set(committees.map((r) => r.area_id)),
    withFiledProvider: new Set(filed.map((r) => r.area_id)),
  };
}
