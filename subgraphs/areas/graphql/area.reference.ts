import { RequestContext } from '../../../platform/subgraph/context';
import { areaLoader } from './area.loader';
import { compoundLoader } from './compound.loaders';

/** Resolves `Area` and `Compound` references for other subgraphs; those the caller may not read resolve to null. */
export const areaReferenceResolvers = {
  Area: {
    __resolveReference: (ref: { id: string }, ctx: RequestContext) => areaLoader(ctx).load(ref.id),
  },
  Compound: {
    __resolveReference: (ref: { id: string }, ctx: RequestContext) => compoundLoader(ctx).load(ref.id),
  },
};
