import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInChina } from '../../../kernel/clock';
import { Identity } from '../../../kernel/identity';
import { sqlRows } from '../../../platform/db/sql';
import { CourtReferralGrant, ReadGrants } from '../domain/access';
import { courtHouseholdGrants } from './court-household.repository';
import { CONTRACTED_PROVIDER } from './filing-snapshot.sql';

const NONE: ReadGrants = { areaIds: [], contractAreaIds: [], householdIds: [], householdReferrals: new Map() };

/**
 * A company's grants in one statement: the areas it serves under an accepted filing whose contract has not ended
 * (the filings read model; from acceptance, so it prepares before the start, to the end date, China time) and the
 * areas of its own contracts, drafts included. A contract reaching its end date changes no filing's status, so
 * before, a company kept reading the area's register for good after its contract ran out, while another company
 * served it; a terminated one already lost it with the termination.
 */
async function companyGrants(em: EntityManager, companyId: string): Promise<ReadGrants> {
  const [row] = await sqlRows<{ served: string[]; contracted: string[] }>(
    em,
    `select array(select distinct f.area_id::text from areas.filing_snapshot f
                   where f.company_id = ? and ${CONTRACTED_PROVIDER}) as served,
            array(select distinct area_id::text from areas.contract_area where company_id = ?) as contracted`,
    [companyId, todayInChina(), companyId],
  );
  return { ...NONE, areaIds: row.served, contractAreaIds: row.contracted };
}

/**
 * The areas and households a company or court reads beyond any street: a company the areas it serves under an
 * accepted filing, and the identifying facts of the areas of its own contracts; a court the households of cases
 * referred to it and not over, and their areas.
 */
export async function readGrants(em: EntityManager, identity: Identity): Promise<ReadGrants> {
  if (identity.role === 'PROPERTY_COMPANY') return companyGrants(em, identity.organisationId);
  if (identity.role === 'COURT') {
    // Only the cases not over today (domain/court-case-end.ts): a withdrawn or closed case gives the court nothing.
    const grants = await courtHouseholdGrants(em, identity.organisationId, todayInChina());
    // The owner's data in full only of the owner each case is against (domain/access.ts ownerInFull): after a sale
    // the court reads the seller its case is against, as the register's history keeps them, and the buyer masked.
    const householdReferrals = new Map<string, CourtReferralGrant[]>();
    for (const g of grants)
      householdReferrals.set(g.householdId, [
        ...(householdReferrals.get(g.householdId) ?? []),
        { referralId: g.referralId, ownerReference: g.ownerReference },
      ]);
    return {
      ...NONE,
      areaIds: [...new Set(grants.map((g) => g.areaId))],
      householdIds: [...new Set(grants.map((g) => g.householdId))],
      householdReferrals,
    };
  }
  return NONE;
}
