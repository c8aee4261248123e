import type { EntityManager } from '@mikro-orm/postgresql';
import { AreaView, AreaViewSchema } from './area-view.entity';

export const findAreaView = (em: EntityManager, areaId: string): Promise<AreaView | null> =>
  em.findOne(AreaViewSchema, { areaId });

export const findAreaViews = (em: EntityManager, areaIds: readonly string[]): Promise<AreaView[]> =>
  em.find(AreaViewSchema, { areaId: { $in: [...areaIds] } });

/** Areas whose name contains `fragment` (LIKE wildcards in it taken literally), by name, at most `limit`. */
export const areaViewsNamedLike = (em: EntityManager, fragment: string, limit: number): Promise<AreaView[]> =>
  em.find(
    AreaViewSchema,
    { name: { $ilike: `%${fragment.replace(/[\\%_]/g, (c) => `\\${c}`)}%` } },
    { orderBy: { name: 'asc' }, limit },
  );

/** The area as registered; a registration received again overwrites these fields and leaves the facts alone. */
export async function upsertRegisteredArea(
  em: EntityManager,
  area: Pick<AreaView, 'areaId' | 'name' | 'districtCode' | 'streetCode' | 'registeredAt' | 'syncedAt'>,
): Promise<void> {
  await em.upsert(AreaViewSchema, area);
}
