import DataLoader from 'dataloader';
import { RequestContext, childrenLoader, requestLoader } from '../../../platform/subgraph/context';
import { readableHouseholds } from '../application/readable-households';
import { Building } from '../persistence/compound.entity';
import { buildingsOfCompounds } from '../persistence/building.repository';
import { CompoundStatistics, compoundStatistics, findVisibleCompounds } from '../persistence/compound.repository';
import { byIdLoader } from './by-id.loader';
import { requestHouseholdReads } from './household-reads.loader';

/** The compounds asked by id that lie in the caller's jurisdiction. */
export const compoundLoader = (ctx: RequestContext) =>
  byIdLoader(ctx, 'areas.compound', (ids) => findVisibleCompounds(ctx.em, ctx.identity, ids));

/** The statistics of every compound asked for in one tick, in one query; undefined for a compound without rows. */
export const compoundStatisticsLoader = (ctx: RequestContext) =>
  requestLoader(
    ctx,
    'areas.compound-statistics',
    () =>
      new DataLoader<string, CompoundStatistics | undefined>(async (ids) => {
        const stats = await compoundStatistics(ctx.em, ids);
        return ids.map((id) => stats.get(id));
      }),
  );

export const buildingsLoader = (ctx: RequestContext) =>
  childrenLoader<Building>(
    ctx,
    'areas.buildings-by-compound',
    (ids) => buildingsOfCompounds(ctx.em, ids),
    (b) => b.compoundId,
  );

/** Households asked by id (the gateway's `_entities` batches) as the caller may see them; null where it may not. */
export const householdLoader = (ctx: RequestContext) =>
  byIdLoader(ctx, 'areas.household', (ids) => readableHouseholds(requestHouseholdReads(ctx), ctx.identity, ids));
