import type { EntityManager } from '@mikro-orm/postgresql';
import { Compound } from '../persistence/compound.entity';
import { HouseholdRecord, pageHouseholds } from '../persistence/household.repository';

const MAX_PAGE = 500;

/**
 * One page of a compound the caller reads (in building / unit / room order), with the total. Owners' names and
 * identities are resolved per field, masked or in full and logged (owner-data-reads.ts).
 */
export async function pageCompoundHouseholds(
  em: EntityManager,
  compound: Pick<Compound, 'id'>,
  page: { first: number; offset: number; buildingId?: string | null },
): Promise<{ items: HouseholdRecord[]; totalCount: number }> {
  return pageHouseholds(em, {
    compoundId: compound.id,
    buildingId: page.buildingId ?? undefined,
    first: Math.min(Math.max(page.first, 1), MAX_PAGE),
    offset: Math.max(page.offset, 0),
  });
}
