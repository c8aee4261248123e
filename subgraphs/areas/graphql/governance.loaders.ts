import DataLoader from 'dataloader';
import { RequestContext, childrenLoader, requestLoader } from '../../../platform/subgraph/context';
import { governanceBodiesOfAreas } from '../application/governance-bodies-of-areas';
import { jointDecisionsOfAreas } from '../application/joint-decisions-of-areas';
import { ownersOfAreas } from '../application/owners-of-areas';
import { Area } from '../persistence/area.entity';
import { membersOfBodies } from '../persistence/governance-body.repository';

type AreaRoot = Pick<Area, 'id' | 'streetCode'>;

/**
 * The rows of every area asked for in one tick, in one query, grouped by area. Keyed by the area itself (cached by
 * id): whether the caller may read them depends on the area's street.
 */
function byAreaLoader<T>(
  ctx: RequestContext,
  key: string,
  fetch: (areas: readonly AreaRoot[]) => Promise<T[]>,
  areaOf: (row: T) => string,
) {
  return requestLoader(
    ctx,
    key,
    () =>
      new DataLoader<AreaRoot, T[], string>(
        async (areas) => {
          const groups = new Map<string, T[]>(areas.map((a) => [a.id, []]));
          for (const row of await fetch(areas)) groups.get(areaOf(row))?.push(row);
          return areas.map((a) => groups.get(a.id) ?? []);
        },
        { cacheKeyFn: (area) => area.id },
      ),
  );
}

export const governanceBodiesLoader = (ctx: RequestContext) =>
  byAreaLoader(
    ctx,
    'areas.bodies-by-area',
    (areas) => governanceBodiesOfAreas(ctx.em, ctx.identity, areas),
    (b) => b.areaId,
  );

export const jointDecisionsLoader = (ctx: RequestContext) =>
  byAreaLoader(
    ctx,
    'areas.decisions-by-area',
    (areas) => jointDecisionsOfAreas(ctx.em, ctx.identity, areas),
    (d) => d.decision.areaId,
  );

export const membersLoader = (ctx: RequestContext) =>
  childrenLoader(
    ctx,
    'areas.members-by-body',
    (ids) => membersOfBodies(ctx.em, ids),
    (m) => m.bodyId,
  );

export const ownersLoader = (ctx: RequestContext) =>
  byAreaLoader(
    ctx,
    'areas.owners-by-area',
    (areas) => ownersOfAreas(ctx.em, ctx.identity, areas),
    (o) => o.areaId,
  );
