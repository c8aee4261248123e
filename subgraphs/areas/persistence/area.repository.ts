import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { Identity } from '../../../infra/auth/identity';
import { Area } from './area.entity';

/** Rows an identity may read, as a filter: the database does the row-level rule, never a loop in memory. */
function visibleTo(identity: Identity): FilterQuery<Area> | undefined {
  if (identity.role === 'ADMIN') return {};
  if (identity.role !== 'STREET_OFFICE' && identity.role !== 'CITY_BUREAU') return undefined;
  const prefixes = identity.jurisdictions.filter((j) => /^[0-9]+$/.test(j));
  if (prefixes.length === 0) return undefined;
  return { $or: prefixes.map((p) => ({ streetCode: { $like: `${p}%` } })) };
}

export async function findVisibleAreas(em: EntityManager, identity: Identity, ids: readonly string[]): Promise<Area[]> {
  const filter = visibleTo(identity);
  if (!filter || ids.length === 0) return [];
  return em.find(Area, { $and: [{ id: { $in: [...ids] } }, filter] });
}

export async function listVisibleAreas(
  em: EntityManager,
  identity: Identity,
  page: { first: number; streetCode?: string },
): Promise<Area[]> {
  const filter = visibleTo(identity);
  if (!filter) return [];
  const conditions: FilterQuery<Area>[] = [filter];
  if (page.streetCode) conditions.push({ streetCode: page.streetCode });
  return em.find(Area, { $and: conditions }, { orderBy: { registeredAt: 'asc', id: 'asc' }, limit: page.first });
}
