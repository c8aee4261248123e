import DataLoader from 'dataloader';
import { RequestContext, requestLoader } from '../../../platform/subgraph/context';
import { Area } from '../persistence/area.entity';
import { findVisibleAreas } from '../persistence/area.repository';

/** One query per request for all areas asked by id (gateway `_entities` batches and `area(id)` alike). */
export const areaLoader = (ctx: RequestContext) =>
  requestLoader(ctx, 'areas.area', () =>
    new DataLoader<string, Area | null>(async (ids) => {
      const found = new Map((await findVisibleAreas(ctx.em, ctx.identity, ids)).map((a) => [a.id, a]));
      return ids.map((id) => found.get(id) ?? null);
    }),
  );
