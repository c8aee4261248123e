import DataLoader from 'dataloader';
import { RequestContext, requestLoader } from '../../../platform/subgraph/context';
import { compoundCounts } from '../persistence/division.repository';

/** Compounds registered under each division asked for in one tick, counted in one query. */
export const compoundCountLoader = (ctx: RequestContext) =>
  requestLoader(
    ctx,
    'areas.division-compound-counts',
    () =>
      new DataLoader<string, number>(async (codes) => {
        const counts = await compoundCounts(ctx.em, codes);
        return codes.map((c) => counts.get(c) ?? 0);
      }),
  );
