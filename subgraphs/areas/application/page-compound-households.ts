import type { EntityManager } from '@mikro-orm/postgresql';
import { MAX_PAGE_SIZE, Page, checkPage } from '../../../kernel/pagination';
import { Compound } from '../persistence/compound.entity';
import { HouseholdRecord, countHouseholds, pageHouseholds } from '../persistence/household.repository';

export interface HouseholdPage {
  items: HouseholdRecord[];
  /** The cursor of the page's last row, for the next page; null on the last page. */
  endCursor: string | null;
  /** How many households in all: counted only when asked. */
  totalCount: () => Promise<number>;
}

/**
 * One page of a compound the caller reads (in building / unit / room order), from an offset or after a cursor.
 * Owners' names and identities are resolved per field, masked or in full and logged (owner-data-reads.ts).
 */
export async function pageCompoundHouseholds(
  em: EntityManager,
  compound: Pick<Compound, 'id'>,
  page: Page & { buildingId?: string | null },
): Promise<HouseholdPage> {
  // Out-of-range sizes are clamped, as this list always did; a cursor with an offset is refused.
  const bounded = {
    first: Math.min(Math.max(page.first, 1), MAX_PAGE_SIZE),
    offset: Math.max(page.offset, 0),
    after: page.after,
  };
  checkPage(bounded);
  const where = { compoundId: compound.id, buildingId: page.buildingId ?? undefined };
  const { items, endCursor } = await pageHouseholds(em, { ...where, ...bounded });
  return { items, endCursor, totalCount: () => countHouseholds(em, where) };
}
