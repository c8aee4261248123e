import { RequestContext } from '../../../platform/subgraph/context';
import { findVisibleAreas } from '../persistence/area.repository';
import { byIdLoader } from './by-id.loader';

/** The areas asked by id that the caller may read (gateway `_entities` batches and `area(id)` alike). */
export const areaLoader = (ctx: RequestContext) =>
  byIdLoader(ctx, 'areas.area', (ids) => findVisibleAreas(ctx.em, ctx.identity, ids));
