/**
 * The areas subgraph owns Household: litigation only names it by id, and the gateway fetches the rest (with the
 * owner's name for the court the case was referred to) from the areas register.
 */
export const householdReferenceResolvers = {
  Household: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
};
