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
} from 'graphql';

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

interface ListSize {
  assumedSize?: number;
  slicingArguments?: string[];
  sizedFields?: string[];
}

interface Weight {
  weight: number | string;
}

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

  const maxVisits = options.maxVisits ?? 20_000;
  let total = operation.operation === 'mutation' ? options.mutationCost : 0;
  let visits = 0;
  const add = (cost: number) => {
    total += cost;
    if (total > options.max) throw new CostExceeded(total);
  };

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

  /** How many items the field returns: a slicing argument's value, else the assumed or default size. */
  const listSizeOf = (field: GraphQLField<unknown, unknown>, node: FieldNode, listSize: ListSize): number => {
    let size = listSize.assumedSize ?? (isListType(getNullableType(field.type)) ? options.defaultListSize : 1);
    if (listSize.slicingArguments?.length) {
      const args = getArgumentValues(field, node, variables ?? {}) as Record<string, unknown>;
      // variables are not coerced yet when this runs: take numbers only (a deep array must not be walked)
      const given = listSize.slicingArguments
        .map((a) => args[a])
        .filter((n): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0);
      if (given.length) size = Math.max(...given);
    }
    return size;
  };

  const visitField = (
    node: FieldNode,
    parent: GraphQLNamedType,
    factor: number,
    sized: Map<string, number>,
    depth: number,
  ) => {
    if (++visits > maxVisits) throw new CostExceeded(Infinity);
    if (node.name.value.startsWith('__')) return;
    const field = fieldOf(parent, node.name.value);
    if (!field) return;
    const directives = getDirectiveExtensions<{ cost: Weight; listSize: ListSize }>(field, schema) ?? {};
    const type = getNamedType(field.type);
    const typeWeight = getDirectiveExtensions<{ cost: Weight }>(type, schema)?.cost?.[0]?.weight;
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
      const argumentWeight =
        definition && Number(getDirectiveExtensions<{ cost: Weight }>(definition, schema)?.cost?.[0]?.weight);
      if (argumentWeight) add(factor * argumentWeight);
    }
    if (node.selectionSet && isCompositeType(type))
      visitSet(node.selectionSet, type, itemsFactor, childSized, depth + 1);
  };

  visitSet(operation.selectionSet, root, 1, new Map(), 0);
  return total;
}
