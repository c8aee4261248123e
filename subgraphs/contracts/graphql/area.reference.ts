/** The areas subgraph owns Area; contracts resolves a reference to the id its own fields hang on. */
export const areaReferenceResolvers = {
  Area: {
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
  },
};
