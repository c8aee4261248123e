import { RequestContext } from '../../../platform/subgraph/context';
import { readableOrNotFound } from './area.reference';
import { householdLoader } from './compound.loaders';
import { householdType } from './compound.mappers';

/**
 * Resolves `Household` references for other subgraphs (arrears, litigation), batched; who reads a household and
 * who sees its owner's name in full is the application's rule (application/readable-households.ts). Anyone else
 * gets NOT_FOUND (see readableOrNotFound).
 */
export const householdReferenceResolvers = {
  Household: {
    __resolveReference: async (ref: { id: string }, ctx: RequestContext) =>
      householdType(readableOrNotFound('Household', await householdLoader(ctx).load(ref.id), ref.id)),
  },
};
