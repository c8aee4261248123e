import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { Compound } from '../persistence/compound.entity';
import { HouseholdRecord, pageHouseholds } from '../persistence/household.repository';
import { readGrants } from '../persistence/read-grants.repository';
import { householdsAsSeen } from './owner-data-reads';

const MAX_PAGE = 500;

/**
 * One page of a compound the caller reads (in building / unit / room order), with the total: owners' names in full
 * for the street office of the compound's street (each read logged), masked for everyone else.
 */
export async function pageCompoundHouseholds(
  em: EntityManager,
  identity: Identity,
  compound: Pick<Compound, 'id' | 'streetCode'>,
  page: { first: number; offset: number; buildingId?: string | null },
): Promise<{ items: HouseholdRecord[]; totalCount: number }> {
  const { items, totalCount } = await pageHouseholds(em, {
    compoundId: compound.id,
    buildingId: page.buildingId ?? undefined,
    first: Math.min(Math.max(page.first, 1), MAX_PAGE),
    offset: Math.max(page.offset, 0),
  });
  const located = items.map((h) => ({ ...h, streetCode: compound.streetCode }));
  return { totalCount, items: await householdsAsSeen(em, identity, located, await readGrants(em, identity)) };
}
