import { CompoundRef } from './complaint.type';

/** A Compound asked for by the gateway is just its id here: complaints adds its orders (compound.resolver.ts). */
export const compoundReferenceResolvers = {
  Compound: { __resolveReference: (ref: { id: string }): CompoundRef => ({ id: ref.id }) },
};
