import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlArray, sqlRows } from '../../../platform/db/sql';

/** The legal names the companies gave in their particulars for complaints (company_profile), by company id. */
export async function companyLegalNames(
  em: EntityManager,
  companyIds: readonly string[],
): Promise<Map<string, string>> {
  const rows = await sqlRows<{ company_id: string; legal_name: string }>(
    em,
    `select company_id, legal_name from litigation.company_profile where company_id = any(?::text[])`,
    [sqlArray(companyIds)],
  );
  return new Map(rows.map((r) => [r.company_id, r.legal_name]));
}

/** The registered courts' names, by court id. */
export async function courtNames(em: EntityManager, courtIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await sqlRows<{ court_id: string; name: string }>(
    em,
    `select court_id, name from litigation.court where court_id = any(?::text[])`,
    [sqlArray(courtIds)],
  );
  return new Map(rows.map((r) => [r.court_id, r.name]));
}
