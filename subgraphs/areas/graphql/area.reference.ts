import { RequestContext } from '../../../platform/subgraph/context';
import { areaLoader } from './area.loader';

/** Resolves `Area` references for other subgraphs; areas the caller may not read resolve to null. */
export const areaReferenceResolvers = {
  Area: {
    __resolveReference: (ref: { id: string }, ctx: RequestContext) => areaLoader(ctx).load(ref.id),
  },
};
