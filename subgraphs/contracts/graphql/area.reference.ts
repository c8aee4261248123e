import { RequestContext } from '../../../platform/subgraph/context';
import { readableFiling } from '../application/readable-filing';
import { filingView } from './contract.mappers';

/**
 * The areas subgraph owns Area; contracts resolves a reference to the id its own fields hang on. Filing is contracts'
 * own entity (complaints adds the company's complaint record beside it): a reference resolves as `filing(id)` does.
 */
export const areaReferenceResolvers = {
  Area: {
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
  },
  Filing: {
    __resolveReference: async (ref: { id: string }, ctx: RequestContext) =>
      filingView(await readableFiling(ctx.em, ctx.identity, ref.id)),
  },
};
