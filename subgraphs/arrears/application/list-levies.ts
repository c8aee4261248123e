import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { mayReadStatistics } from '../domain/access';
import { LevyProgress, LevyRecord, levyProgress } from '../domain/levy';
import { buildingCollections, listLevies as listLevyRecords } from '../persistence/levy.repository';

export type LevyView = LevyRecord & LevyProgress;

/**
 * Levies of an area (or one levy) with each building's progress towards activation; statistics only, no household.
 * One levy asked for by id that the caller may not read is NOT_FOUND.
 */
export async function listLevies(
  em: EntityManager,
  identity: Identity,
  filter: { levyId?: string | null; areaId?: string | null },
): Promise<LevyView[]> {
  const visible = (await listLevyRecords(em, filter)).filter((levy) => mayReadStatistics(identity, levy));
  if (filter.levyId && visible.length === 0) throw new NotFoundError('Levy', filter.levyId);
  const buildings = await buildingCollections(
    em,
    visible.map((l) => l.id),
  );
  return visible.map((levy) => ({ ...levy, ...levyProgress(levy, buildings.get(levy.id) ?? []) }));
}
