import { Identity } from '../../../kernel/identity';
import { mayReadHousehold } from '../domain/access';
import { LocatedHousehold } from '../persistence/household.repository';
import { HouseholdReads } from './household-reads';

/**
 * Households by id as far as the caller may read them, for other subgraphs' references (arrears, litigation): the
 * street office and bureaus of the household's street, the company serving its area and a court its case was
 * referred to (domain/access.ts). A household the caller may not read is left out. The owner's name and identity
 * are not part of the answer: they are resolved, masked or in full and logged, only when asked for
 * (owner-data-reads.ts, read-owner-identities.ts).
 */
export async function readableHouseholds(
  reads: HouseholdReads,
  identity: Identity,
  ids: readonly string[],
): Promise<LocatedHousehold[]> {
  const [households, grants] = await Promise.all([reads.households(ids), reads.grants()]);
  return households.filter((h) => mayReadHousehold(identity, h, grants));
}
