import { CompoundRef, FilingRef } from './complaint.type';

/**
 * A Compound asked for by the gateway is just its id here: complaints adds its orders (compound.resolver.ts). A
 * Filing comes with the company the contracts subgraph names (@requires): complaints adds its record (filing.resolver.ts).
 */
export const compoundReferenceResolvers = {
  Compound: { __resolveReference: (ref: { id: string }): CompoundRef => ({ id: ref.id }) },
  Filing: {
    __resolveReference: (ref: { id: string; companyId: string }): FilingRef => ({
      id: ref.id,
      companyId: ref.companyId,
    }),
  },
};
