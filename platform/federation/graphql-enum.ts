/** A type-graphql enum object from a domain's `as const` list, so the list stays the single source of the values. */
export const graphqlEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
