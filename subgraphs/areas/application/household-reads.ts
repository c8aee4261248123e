import type { ReadGrants } from '../domain/access';
import type { LocatedHousehold } from '../persistence/household.repository';

/**
 * What the reads of households and of their owners' data rest on: households by id with their street and area, and
 * the caller's read grants. A request's reads (graphql/household-reads.loader.ts) read each household and the grants once
 * per request, so that a page's households and their owners' names (two batches: `_entities`, then `ownerName`)
 * cost one households statement and one grants statement together instead of each batch reading both again.
 */
export interface HouseholdReads {
  /** The households asked for that exist (any order); which of them the caller may read is the caller's rule. */
  households(ids: readonly string[]): Promise<LocatedHousehold[]>;
  grants(): Promise<ReadGrants>;
}
