import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { Area } from '../persistence/area.entity';
import { listVisibleAreas } from '../persistence/area.repository';

const MAX_PAGE = 500;

/** The areas the caller may read (domain/access.ts), oldest first, at most 500 at a time. */
export function listAreas(
  em: EntityManager,
  identity: Identity,
  page: { first: number; streetCode?: string | null },
): Promise<Area[]> {
  return listVisibleAreas(em, identity, {
    first: Math.min(Math.max(page.first, 1), MAX_PAGE),
    streetCode: page.streetCode ?? undefined,
  });
}
