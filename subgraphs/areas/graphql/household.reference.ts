import { RequestContext } from '../../../platform/subgraph/context';
import { householdLoader } from './compound.loaders';
import { householdType } from './compound.mappers';

/**
 * Resolves `Household` references for other subgraphs (arrears, litigation), batched; who reads a household and
 * who sees its owner's name in full is the application's rule (application/readable-households.ts). Anyone else
 * gets null.
 */
export const householdReferenceResolvers = {
  Household: {
    __resolveReference: async (ref: { id: string }, ctx: RequestContext) => {
      const household = await householdLoader(ctx).load(ref.id);
      return household && householdType(household);
    },
  },
};
