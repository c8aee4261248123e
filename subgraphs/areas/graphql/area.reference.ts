import { NotFoundError } from '../../../kernel/errors';
import { RequestContext } from '../../../platform/subgraph/context';
import { areaLoader } from './area.loader';
import { compoundLoader } from './compound.loaders';

/**
 * An entity the gateway asks for (`_entities`) that is missing or that the caller may not read answers NOT_FOUND
 * (the same for both: existence is not disclosed). Resolving it to null instead left the gateway a null for the
 * entity's non-null fields (`Filing.area { name }`), which it answered untyped as INTERNAL_SERVER_ERROR.
 */
export function readableOrNotFound<T>(what: string, found: T | null | undefined, id: string): T {
  if (found === null || found === undefined) throw new NotFoundError(what, id);
  return found;
}

/** Resolves `Area` and `Compound` references for other subgraphs; those the caller may not read answer NOT_FOUND. */
export const areaReferenceResolvers = {
  Area: {
    __resolveReference: async (ref: { id: string }, ctx: RequestContext) =>
      readableOrNotFound('Area', await areaLoader(ctx).load(ref.id), ref.id),
  },
  Compound: {
    __resolveReference: async (ref: { id: string }, ctx: RequestContext) =>
      readableOrNotFound('Compound', await compoundLoader(ctx).load(ref.id), ref.id),
  },
};
