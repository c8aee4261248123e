import { buildSubgraphSchema } from '@apollo/subgraph';
import { IResolvers, printSchemaWithDirectives, rewireTypes } from '@graphql-tools/utils';
import { GraphQLNamedType, GraphQLObjectType, GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { NonEmptyArray, buildSchema, createResolversMap } from 'type-graphql';
import { UuidId } from '../graphql/scalars';

export interface SubgraphSchemaOptions {
  // type-graphql takes resolver classes; their constructors have no common shape.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  /** `__resolveReference` functions keyed by entity type name (see the subgraphs' `*.reference.ts`). */
  referenceResolvers?: IResolvers;
}

/**
 * Federation 2.9 for the demand-control directives: `@listSize` on every list field (how many items it can
 * return, or which argument slices it) and `@cost` where a field is heavier than its type. Composition keeps them
 * in the supergraph, where the gateway prices a whole operation before calling any subgraph.
 */
const FEDERATION_LINK = `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@cost", "@listSize"])
`;

function mergeResolvers(base: IResolvers, extra: IResolvers = {}): IResolvers {
  const merged: IResolvers = { ...base };
  for (const [typeName, fields] of Object.entries(extra)) {
    merged[typeName] = { ...(base[typeName] as object | undefined), ...(fields as object) };
  }
  return merged;
}

/**
 * The one way every subgraph schema is built: type-graphql classes are printed with their directives and handed
 * to @apollo/subgraph, which adds `_service`, `_entities` and the federation link, so the SDL stays spec-compliant
 * for any Federation 2 router.
 */
export async function buildFederatedSchema(options: SubgraphSchemaOptions): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    skipCheck: true,
    validate: false,
  });
  return withUuidIds(
    buildSubgraphSchema({
      typeDefs: gql`
        ${FEDERATION_LINK}
        ${printSchemaWithDirectives(schema)}
      `,
      resolvers: mergeResolvers(createResolversMap(schema) as IResolvers, options.referenceResolvers) as never,
    }),
  );
}

/**
 * Every `ID` of the subgraph (arguments, input fields, outputs) becomes the hub's UUID-checking ID
 * (platform/graphql/scalars.ts). Its name and output stay the spec's, so the SDL and the supergraph do not change;
 * only a malformed id is refused while the request is coerced, before any resolver runs.
 */
function withUuidIds(schema: GraphQLSchema): GraphQLSchema {
  const types: Record<string, GraphQLNamedType> = {};
  for (const [name, type] of Object.entries(schema.getTypeMap()))
    if (!name.startsWith('__')) types[name] = name === 'ID' ? UuidId : type;
  const { typeMap, directives } = rewireTypes(types, schema.getDirectives());
  const root = (type: GraphQLObjectType | null | undefined) =>
    type ? (typeMap[type.name] as GraphQLObjectType) : undefined;
  return new GraphQLSchema({
    ...schema.toConfig(),
    query: root(schema.getQueryType()),
    mutation: root(schema.getMutationType()),
    subscription: root(schema.getSubscriptionType()),
    types: Object.values(typeMap),
    directives,
  });
}
