import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { sqlRows } from '../../../platform/db/sql';
import { ReadGrants } from '../domain/access';

const NONE: ReadGrants = { areaIds: [], householdIds: [] };

/**
 * The areas and households a company or court reads beyond any street: a company the areas it serves under an
 * accepted filing; a court the households of cases referred to it, and their areas.
 */
export async function readGrants(em: EntityManager, identity: Identity): Promise<ReadGrants> {
  if (identity.role === 'PROPERTY_COMPANY') {
    const rows = await sqlRows<{ area_id: string }>(em, `select distinct area_id from areas.filing_snapshot where company_id = ? and status = 'ACCEPTED'`, [identity.organisationId]);
    return { areaIds: rows.map((r) => r.area_id), householdIds: [] };
  }
  if (identity.role === 'COURT') {
    const rows = await sqlRows<{ area_id: string; household_id: string }>(em, `select area_id, household_id from areas.court_household where court_id = ?`, [identity.organisationId]);
    return { areaIds: [...new Set(rows.map((r) => r.area_id))], householdIds: rows.map((r) => r.household_id) };
  }
  return NONE;
}
