import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { Compound } from '../persistence/compound.entity';
import { listVisibleCompounds } from '../persistence/compound.repository';

const MAX_PAGE = 1000;

/** The compounds of the caller's jurisdiction, by name, at most 1,000 at a time. */
export function listCompounds(
  em: EntityManager,
  identity: Identity,
  page: { first: number; streetCode?: string | null },
): Promise<Compound[]> {
  return listVisibleCompounds(em, identity, {
    first: Math.min(Math.max(page.first, 1), MAX_PAGE),
    streetCode: page.streetCode ?? undefined,
  });
}
