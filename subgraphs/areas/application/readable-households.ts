import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { mayReadHousehold } from '../domain/access';
import { LocatedHousehold, findLocatedHouseholds } from '../persistence/household.repository';
import { readGrants } from '../persistence/read-grants.repository';
import { householdsAsSeen } from './owner-data-reads';

/**
 * Households by id as the caller may see them, for other subgraphs' references (arrears, litigation): the street
 * office and bureaus of the household's street, the company serving its area and a court its case was referred to
 * read it (domain/access.ts); the owner's name in full only for the street office and that court, each such read
 * logged (owner-data-reads.ts). A household the caller may not read is left out.
 */
export async function readableHouseholds(em: EntityManager, identity: Identity, ids: readonly string[]): Promise<LocatedHousehold[]> {
  const households = await findLocatedHouseholds(em, ids);
  const grants = await readGrants(em, identity);
  return householdsAsSeen(em, identity, households.filter((h) => mayReadHousehold(identity, h, grants)), grants);
}
