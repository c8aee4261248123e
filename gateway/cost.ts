import { getArgumentValues, getDirectiveExtensions } from '@graphql-tools/utils';
import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  valueFromASTUntyped,
} from 'graphql';
import { fullIntrospectionBytes, introspectionAnswerBytes } from './introspection-size';

/**
 * Whole-operation cost over the supergraph document, before any planning or subgraph call, with the demand-control
 * directives of the federation spec (IBM's cost spec) that composition keeps in the supergraph:
 *
 *   cost(field) = factor × weight + cost(its selections at factor × its list size)
 *
 * where weight is the field's `@cost`, else its type's, else 1 for an object and 0 for a leaf; the list size is
 * the value of a `@listSize` slicing argument (`first`), else its `assumedSize`, else `defaultListSize`; a
 * `sizedFields` list (a page's `items`) gets the size instead of the field itself; and factor is the product of
 * the enclosing lists' sizes. The runtime's own demand control prices each subgraph request as it is sent, so a
 * query over budget would still reach the first subgraph; this prices it all before any.
 *
 * Fragment spreads are expanded in place, so a small document can describe exponentially many fields: the walk
 * stops as soon as the total passes `max`, or after `maxVisits` fields.
 */
export interface CostOptions {
  max: number;
  defaultListSize: number;
  mutationCost: number;
  maxVisits?: number;
}

export class CostExceeded extends Error {
  constructor(readonly estimated: number) {
    super('cost exceeded');
  }
}

type ListSize = {
  assumedSize?: number;
  slicingArguments?: string[];
  sizedFields?: string[];
};

type Weight = {
  weight: number | string;
};

type DirectableElement = Parameters<typeof getDirectiveExtensions>[0] & object;
type Annotations = { [directive: string]: { [param: string]: unknown } };

/**
 * A field's, type's or argument's directives, read once per schema element: the supergraph's elements live as long
 * as its schema, and reading a field's directives is most of what pricing a small operation costs.
 */
const directiveCache = new WeakMap<object, unknown>();
function directivesCached<T extends Annotations>(element: DirectableElement, schema: GraphQLSchema) {
  type Found = ReturnType<typeof getDirectiveExtensions<T>>;
  if (directiveCache.has(element)) return directiveCache.get(element) as Found;
  const found = getDirectiveExtensions<T>(element, schema);
  directiveCache.set(element, found);
  return found;
}

/**
 * The variables as a cache key when they hold nothing but numbers, booleans and nulls (page sizes, flags): a
 * string may be a name or a note, which a price cache must not keep in memory.
 */
function keptVariables(variables: Record<string, unknown>): string | undefined {
  for (const value of Object.values(variables)) {
    if (value !== null && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
  }
  return JSON.stringify(variables);
}

/**
 * `estimateCost` remembered per schema, document, operation name and variables: the runtime hands the same parsed
 * document to every request with the same query text, so an operation is priced once, not once per request. Only
 * a full price is kept (an estimate that stopped at one caller's limit is not), so a later caller with another
 * limit is judged on the same figure: over its `max`, CostExceeded with that price. Variables with a string, a
 * list or an object in them, or longer than `maxVariablesKey` characters of JSON, are priced every time instead.
 */
export function cachedCostEstimator(options: Omit<CostOptions, 'max'> & { maxVariablesKey?: number }) {
  const maxKey = options.maxVariablesKey ?? 512;
  const priced = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, number>>>();
  const entriesPerDocument = 32;
  return (
    schema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Record<string, unknown> | undefined,
    max: number,
  ): number => {
    const json = variables === undefined ? '' : keptVariables(variables);
    const key = json !== undefined && json.length <= maxKey ? `${operationName ?? ''}\u0000${json}` : undefined;
    let documents = priced.get(schema);
    const known = key === undefined ? undefined : documents?.get(document)?.get(key);
    if (known !== undefined) {
      if (known > max) throw new CostExceeded(known);
      return known;
    }
    const cost = estimateCost(schema, document, operationName, variables, { ...options, max });
    if (key !== undefined) {
      if (!documents) priced.set(schema, (documents = new WeakMap()));
      let entries = documents.get(document);
      if (!entries) documents.set(document, (entries = new Map()));
      // a document asked with ever new variables keeps only its latest few prices
      if (entries.size >= entriesPerDocument) entries.delete(entries.keys().next().value!);
      entries.set(key, cost);
    }
    return cost;
  };
}

/**
 * The variables as execution will see them where the request leaves one out: the default the operation declares
 * (`query($n: Int! = 500)`). getArgumentValues falls back to the argument's own default instead, so a list sized by
 * an omitted variable with a large operation default was priced at its schema default and ran at 500.
 */
function withOperationDefaults(
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  const defaults = (operation.variableDefinitions ?? []).filter(
    (d) => d.defaultValue && variables?.[d.variable.name.value] === undefined,
  );
  if (defaults.length === 0) return variables;
  const filled = { ...variables };
  for (const d of defaults) filled[d.variable.name.value] = valueFromASTUntyped(d.defaultValue!);
  return filled;
}

/**
 * What introspection costs. The gateway answers it itself, on its one thread: a full `__schema` is some 530 KB built
 * in about 0.4 s here, and its fields carry no `@cost`, so before it was free (30 aliases of `__schema` in a 1.3 KB
 * request, 16 MB and 1.7 s of the thread every other caller waits on). `__schema` is priced so that one fits an
 * authenticated caller's limit (20,000) and two do not; `__type` is one type. These are the floors: a selection
 * whose answer is bigger than the full introspection query's costs in proportion to its size (introspection-size.ts).
 */
export const INTROSPECTION_COST: Readonly<Record<string, number>> = { __schema: 15_000, __type: 200 };

/** The operation's cost, or CostExceeded as soon as it passes `max`. */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
  options: CostOptions,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    else if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
  }
  const operation = operationName
    ? operations.find((o) => o.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return 0; // execution refuses it with its own error
  variables = withOperationDefaults(operation, variables);

  const maxVisits = options.maxVisits ?? 20_000;
  let total = operation.operation === 'mutation' ? options.mutationCost : 0;
  let visits = 0;
  const add = (cost: number) => {
    total += cost;
    if (total > options.max) throw new CostExceeded(total);
  };

  const directivesOf = <T extends Annotations>(element: DirectableElement) => directivesCached<T>(element, schema);
  const fieldOf = (type: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined =>
    isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;

  const visitSet = (
    set: SelectionSetNode,
    parent: GraphQLNamedType,
    factor: number,
    sized: Map<string, number>,
    depth: number,
  ) => {
    if (depth > 64) throw new CostExceeded(Infinity); // the depth limits are far lower; this only guards the recursion
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) visitField(selection, parent, factor, sized, depth);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type) visitSet(selection.selectionSet, type, factor, sized, depth + 1);
      } else {
        const fragment = fragments.get(selection.name.value);
        const type = fragment && schema.getType(fragment.typeCondition.name.value);
        if (fragment && type) visitSet(fragment.selectionSet, type, factor, sized, depth + 1);
      }
    }
  };

  /**
   * How many items the field returns: a slicing argument's value, else the assumed or default size. Once per field
   * node: a fragment spread 10,000 times visits its fields 10,000 times, and coercing their arguments each time (a
   * filter of 2,800 statuses) took 4.3–8.2 s for a 22.8 KB document whose cost passed.
   */
  const listSizes = new Map<FieldNode, number>();
  const listSizeOf = (field: GraphQLField<unknown, unknown>, node: FieldNode, listSize: ListSize): number => {
    const known = listSizes.get(node);
    if (known !== undefined) return known;
    let size = listSize.assumedSize ?? (isListType(getNullableType(field.type)) ? options.defaultListSize : 1);
    if (listSize.slicingArguments?.length) {
      const args = getArgumentValues(field, node, variables ?? {}) as Record<string, unknown>;
      // variables are not coerced yet when this runs: take numbers only (a deep array must not be walked)
      const given = listSize.slicingArguments
        .map((a) => args[a])
        .filter((n): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0);
      if (given.length) size = Math.max(...given);
    }
    listSizes.set(node, size);
    return size;
  };

  /**
   * An introspection field at the size of the answer it describes, a full introspection (getIntrospectionQuery)
   * being INTROSPECTION_COST.__schema, and never less than its flat price; counting stops once it is over `max`.
   */
  const addIntrospection = (node: FieldNode, factor: number) => {
    const floor = factor * INTROSPECTION_COST[node.name.value];
    // Multiplied before divided: bytes × (15,000 / full) came to 15,000.000000000002 for the full answer itself, whose
    // ceiling priced it 15,001 once the schema grew to a size that rounds so.
    const full = fullIntrospectionBytes(schema);
    const price = (bytes: number) => (bytes * factor * INTROSPECTION_COST.__schema) / full;
    let bytes = 0;
    introspectionAnswerBytes(schema, node, fragments, variables, (more) => {
      bytes += more;
      if (total + price(bytes) > options.max) throw new CostExceeded(Math.ceil(total + price(bytes)));
    });
    add(Math.max(floor, Math.ceil(price(bytes))));
  };

  const visitField = (
    node: FieldNode,
    parent: GraphQLNamedType,
    factor: number,
    sized: Map<string, number>,
    depth: number,
  ) => {
    if (++visits > maxVisits) throw new CostExceeded(Infinity);
    if (node.name.value === '__schema' || node.name.value === '__type') return addIntrospection(node, factor);
    if (node.name.value.startsWith('__')) return; // __typename: a leaf
    const field = fieldOf(parent, node.name.value);
    if (!field) return;
    const directives = directivesOf<{ cost: Weight; listSize: ListSize }>(field) ?? {};
    const type = getNamedType(field.type);
    const typeWeight = directivesOf<{ cost: Weight }>(type)?.cost?.[0]?.weight;
    const weight = Number(directives.cost?.[0]?.weight ?? typeWeight ?? (isCompositeType(type) ? 1 : 0)) || 0;

    let own = 1;
    let childSized = new Map<string, number>();
    const listSize = directives.listSize?.[0];
    if (sized.has(node.name.value)) own = sized.get(node.name.value)!;
    else if (listSize) {
      const size = listSizeOf(field, node, listSize);
      if (listSize.sizedFields?.length) childSized = new Map(listSize.sizedFields.map((f) => [f, size]));
      else own = size;
    } else if (isListType(getNullableType(field.type))) own = options.defaultListSize;

    const itemsFactor = factor * Math.max(own, 1);
    add(itemsFactor * weight);
    for (const argument of node.arguments ?? []) {
      const definition = field.args.find((a) => a.name === argument.name.value);
      const argumentWeight = definition && Number(directivesOf<{ cost: Weight }>(definition)?.cost?.[0]?.weight);
      if (argumentWeight) add(factor * argumentWeight);
    }
    if (node.selectionSet && isCompositeType(type))
      visitSet(node.selectionSet, type, itemsFactor, childSized, depth + 1);
  };

  visitSet(operation.selectionSet, root, 1, new Map(), 0);
  return total;
}
