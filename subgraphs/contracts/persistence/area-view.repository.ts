import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlArray, sqlRows } from '../../../platform/db/sql';
import { AreaView, AreaViewSchema } from './area-view.entity';

/** The districts of the known areas that these division-code prefixes cover (digits only, as reviewScopeOf gives). */
export const districtsUnder = async (em: EntityManager, prefixes: readonly string[]): Promise<string[]> =>
  (
    await sqlRows<{ district_code: string }>(
      em,
      `select distinct district_code from contracts.area_view where district_code like any(?::text[]) order by 1`,
      [sqlArray(prefixes.map((p) => `${p}%`))],
    )
  ).map((r) => r.district_code);

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
