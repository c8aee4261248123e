import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { ownerNameFor } from '../domain/compound';
import { Compound } from '../persistence/compound.entity';
import { HouseholdRecord, pageHouseholds } from '../persistence/household.repository';

const MAX_PAGE = 500;

/**
 * One page of a compound the caller reads (in building / unit / room order), with the total: owners' names in full
 * for the managing street office, masked for everyone else.
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
  return { totalCount, items: items.map((h) => ({ ...h, ownerName: ownerNameFor(identity, compound.streetCode, h.ownerName) })) };
}
