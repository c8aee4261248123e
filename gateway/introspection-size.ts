import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLSchema,
  Kind,
  SelectionSetNode,
  getIntrospectionQuery,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  valueFromASTUntyped,
} from 'graphql';

/**
 * The size in bytes of the JSON answer an introspection field (`__schema`, `__type`) would build, counted over the
 * schema's own types without building it. Introspection fields carry no `@cost` and their lists no `@listSize`, so
 * the walk over the supergraph's directives cannot price them: before, a `__schema` was a flat 15,000 whatever it
 * selected, and one of 2.7 KB nesting 29 aliases of `fields { type { …fields } }` through fragments built an 8 MB
 * answer in about a second of the gateway's one thread at that price (a helper's edge audit, 2026-12-06).
 *
 * The count follows graphql-js's introspection resolvers: every type of the schema for `types`, a type's fields,
 * interfaces, possible types, enum values and input fields, a field's or directive's arguments, a wrapper's `ofType`.
 * Deprecated entries are counted whether asked for or not (a little over, never under). `onBytes` is told as the
 * count grows, so the caller may stop it by throwing once the answer is too big to build; past `maxVisits` selections
 * (where they add little: fragments of fragments) it is told of an answer of unbounded size.
 */
export function introspectionAnswerBytes(
  schema: GraphQLSchema,
  node: FieldNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> | undefined,
  onBytes: (bytes: number) => void,
  maxVisits = 200_000,
): number {
  let total = 0;
  let visits = 0;
  const count = (bytes: number) => {
    total += bytes;
    onBytes(bytes);
  };
  const text = (s: string | null | undefined) => (s == null ? 4 : s.length + 2);

  type Meta = '__Schema' | '__Type' | '__Field' | '__InputValue' | '__EnumValue' | '__Directive';
  type Child = { meta: Meta; items: readonly unknown[]; list: boolean } | { leaf: number };

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- graphql-js's schema elements, read as its resolvers do
  const child = (meta: Meta, obj: any, field: string): Child => {
    const list = (m: Meta, items: readonly unknown[] | null | undefined): Child =>
      items == null ? { leaf: 4 } : { meta: m, items, list: true };
    const one = (m: Meta, item: unknown): Child =>
      item == null ? { leaf: 4 } : { meta: m, items: [item], list: false };
    if (field === '__typename') return { leaf: text(meta) };
    switch (meta) {
      case '__Schema':
        if (field === 'types') return list('__Type', Object.values(schema.getTypeMap()));
        if (field === 'queryType') return one('__Type', schema.getQueryType());
        if (field === 'mutationType') return one('__Type', schema.getMutationType());
        if (field === 'subscriptionType') return one('__Type', schema.getSubscriptionType());
        if (field === 'directives') return list('__Directive', schema.getDirectives());
        return { leaf: text(schema.description) };
      case '__Type': {
        const wrapper = isListType(obj) || isNonNullType(obj);
        if (field === 'ofType') return one('__Type', wrapper ? obj.ofType : null);
        if (wrapper) return { leaf: field === 'kind' ? 10 : 4 };
        if (field === 'fields')
          return list('__Field', isObjectType(obj) || isInterfaceType(obj) ? Object.values(obj.getFields()) : null);
        if (field === 'interfaces')
          return list('__Type', isObjectType(obj) || isInterfaceType(obj) ? obj.getInterfaces() : null);
        if (field === 'possibleTypes') return list('__Type', isAbstractType(obj) ? schema.getPossibleTypes(obj) : null);
        if (field === 'enumValues') return list('__EnumValue', isEnumType(obj) ? obj.getValues() : null);
        if (field === 'inputFields')
          return list('__InputValue', isInputObjectType(obj) ? Object.values(obj.getFields()) : null);
        if (field === 'name') return { leaf: text(obj.name) };
        if (field === 'description') return { leaf: text(obj.description) };
        if (field === 'specifiedByURL') return { leaf: text(obj.specifiedByURL) };
        return { leaf: 14 };
      }
      case '__Field':
      case '__InputValue':
      case '__EnumValue':
      case '__Directive':
        if (field === 'args')
          return list('__InputValue', meta === '__Field' || meta === '__Directive' ? obj.args : null);
        if (field === 'type') return one('__Type', meta === '__Field' || meta === '__InputValue' ? obj.type : null);
        if (field === 'name') return { leaf: text(obj.name) };
        if (field === 'description') return { leaf: text(obj.description) };
        if (field === 'deprecationReason') return { leaf: text(obj.deprecationReason) };
        if (field === 'defaultValue')
          return { leaf: text(obj.defaultValue === undefined ? null : JSON.stringify(obj.defaultValue)) };
        if (field === 'locations')
          return { leaf: 2 + (obj.locations ?? []).reduce((n: number, l: string) => n + l.length + 3, 0) };
        return { leaf: 6 };
    }
  };

  /**
   * The fields the sets select on an object of `meta`, by response key, fragments expanded once each as graphql's
   * collectFields does (a fragment spread 500 times was expanded 500 times, and three levels of 30 spreads ran for
   * minutes: a review of 2026-12-06).
   */
  const collect = (
    sets: readonly SelectionSetNode[],
    meta: Meta,
    into = new Map<string, FieldNode[]>(),
    depth = 0,
    expanded = new Set<string>(),
  ) => {
    if (depth > 64) throw new RangeError('introspection nested too deeply');
    for (const set of sets) {
      for (const selection of set.selections) {
        // past the bound, too many to count: told as an answer of unbounded size
        if (++visits > maxVisits) count(Number.POSITIVE_INFINITY);
        if (selection.kind === Kind.FIELD) {
          const key = (selection.alias ?? selection.name).value;
          const nodes = into.get(key);
          if (nodes) nodes.push(selection);
          else into.set(key, [selection]);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          if (!selection.typeCondition || selection.typeCondition.name.value === meta)
            collect([selection.selectionSet], meta, into, depth + 1, expanded);
        } else if (!expanded.has(selection.name.value)) {
          expanded.add(selection.name.value);
          const fragment = fragments.get(selection.name.value);
          if (fragment?.typeCondition.name.value === meta)
            collect([fragment.selectionSet], meta, into, depth + 1, expanded);
        }
      }
    }
    return into;
  };

  const collected = new WeakMap<readonly SelectionSetNode[], Map<string, FieldNode[]>>();

  /** One object's answer: its fields, each response key once, their sub-selections merged as execution merges them. */
  const walk = (sets: readonly SelectionSetNode[], meta: Meta, obj: unknown, depth: number) => {
    if (depth > 64) throw new RangeError('introspection nested too deeply');
    count(2);
    // The items of one list share their sets: collected once for all of them, as graphql-js memoizes its subfields.
    let fields = collected.get(sets);
    if (!fields) collected.set(sets, (fields = collect(sets, meta)));
    for (const [key, nodes] of fields) {
      if (++visits > maxVisits) count(Number.POSITIVE_INFINITY);
      count(key.length + 4);
      const found = child(meta, obj, nodes[0].name.value);
      if ('leaf' in found) {
        count(found.leaf);
        continue;
      }
      if (found.list) count(2);
      // one set once, however many times the same node was reached
      const subsets = [...new Set(nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : [])))];
      for (const item of found.items) walk(subsets, found.meta, item, depth + 1);
    }
  };

  if (node.name.value === '__schema' && node.selectionSet) walk([node.selectionSet], '__Schema', schema, 0);
  else if (node.name.value === '__type' && node.selectionSet) {
    const argument = node.arguments?.find((a) => a.name.value === 'name');
    const name = argument && valueFromASTUntyped(argument.value, variables);
    const type = typeof name === 'string' ? schema.getType(name) : undefined;
    if (type) walk([node.selectionSet], '__Type', type, 0);
    else count(4);
  }
  return total;
}

const FULL_INTROSPECTION: DocumentNode = parse(getIntrospectionQuery());
const fullSizes = new WeakMap<GraphQLSchema, number>();

/** The size of the answer to the introspection query GraphiQL and codegen send (`getIntrospectionQuery`). */
export function fullIntrospectionBytes(schema: GraphQLSchema): number {
  let size = fullSizes.get(schema);
  if (size === undefined) {
    const fragments = new Map<string, FragmentDefinitionNode>();
    let root: FieldNode | undefined;
    for (const d of FULL_INTROSPECTION.definitions) {
      if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
      else if (d.kind === Kind.OPERATION_DEFINITION) root = d.selectionSet.selections[0] as FieldNode;
    }
    size = introspectionAnswerBytes(schema, root!, fragments, undefined, () => undefined);
    fullSizes.set(schema, size);
  }
  return size;
}
