import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { sqlRows } from '../../../platform/db/sql';
import { ReadGrants } from '../domain/access';
import { areasOfContractsOf } from './contract-area.repository';
import { courtHouseholdGrants } from './court-household.repository';

const NONE: ReadGrants = { areaIds: [], contractAreaIds: [], householdIds: [], householdReferrals: new Map() };

/** The areas a company serves under an accepted filing (the filings read model). */
async function areasServedBy(em: EntityManager, companyId: string): Promise<string[]> {
  const rows = await sqlRows<{ area_id: string }>(
    em,
    `select distinct area_id from areas.filing_snapshot where company_id = ? and status = 'ACCEPTED'`,
    [companyId],
  );
  return rows.map((r) => r.area_id);
}

/**
 * The areas and households a company or court reads beyond any street: a company the areas it serves under an
 * accepted filing, and the identifying facts of the areas of its own contracts; a court the households of cases
 * referred to it, and their areas.
 */
export async function readGrants(em: EntityManager, identity: Identity): Promise<ReadGrants> {
  if (identity.role === 'PROPERTY_COMPANY')
    return {
      ...NONE,
      areaIds: await areasServedBy(em, identity.organisationId),
      contractAreaIds: await areasOfContractsOf(em, identity.organisationId),
    };
  if (identity.role === 'COURT') {
    const grants = await courtHouseholdGrants(em, identity.organisationId);
    const householdReferrals = new Map<string, string[]>();
    for (const g of grants)
      householdReferrals.set(g.householdId, [...(householdReferrals.get(g.householdId) ?? []), g.referralId]);
    return {
      ...NONE,
      areaIds: [...new Set(grants.map((g) => g.areaId))],
      householdIds: [...householdReferrals.keys()],
      householdReferrals,
    };
  }
  return NONE;
}
