import fs from 'node:fs';
import {
  FieldNode,
  GraphQLScalarType,
  Kind,
  OperationDefinitionNode,
  buildASTSchema,
  getIntrospectionQuery,
  graphqlSync,
  parse,
  validate,
} from 'graphql';
import { DEFAULT_EDGE_CONFIG } from '../gateway/config';
import { CostExceeded, cachedCostEstimator, estimateCost } from '../gateway/cost';
import { introspectionAnswerBytes } from '../gateway/introspection-size';
import { supergraphPath } from '../platform/project-root';
import { DASHBOARDS } from './support/dashboards';
import { householdLoop, manyAliasedArrears } from '../bench/edge-attacks';

/** The supergraph's own directives (composition keeps `@listSize`), read as the gateway reads them. */
const schema = buildASTSchema(parse(fs.readFileSync(supergraphPath(), 'utf8')), { assumeValidSDL: true });
const options = (max: number) => ({
  max,
  defaultListSize: DEFAULT_EDGE_CONFIG.defaultListSize,
  mutationCost: DEFAULT_EDGE_CONFIG.mutationCost,
});
const cost = (query: string, variables?: Record<string, unknown>, max = Number.MAX_SAFE_INTEGER) =>
  estimateCost(schema, parse(query), undefined, variables, options(max));

describe('operation cost over the supergraph, before any subgraph is called', () => {
  it.each(DASHBOARDS.map((d) => [d.role, d] as const))(
    'lets the heaviest %s dashboard query through',
    (_role, dashboard) => {
      expect(validate(schema, parse(dashboard.query))).toEqual([]);
      const limits = dashboard.who ? DEFAULT_EDGE_CONFIG.authenticated : DEFAULT_EDGE_CONFIG.anonymous;
      const found = cost(dashboard.query, dashboard.variables);
      expect(found).toBeLessThanOrEqual(limits.cost);
    },
  );

  it('multiplies by the page size asked for, from a literal or a variable', () => {
    const page = 'query($n: Int!) { arrears(first: $n) { items { accountId household { unit } } } }';
    // items are sized by `first`; each item and its household are objects (weight 1)
    expect(cost(page, { n: 10 })).toBe(1 + 10 * 2);
    expect(cost(page, { n: 1000 })).toBe(1 + 1000 * 2);
    expect(cost('{ arrears(first: 10) { items { accountId } } }')).toBe(11);
  });

  it('prices introspection, which the gateway answers itself: one full __schema fits, thirty aliased do not', () => {
    // Before, every __ field was free: 30 aliases of a full __schema cost 0 and made a 16 MB answer on the gateway's
    // one thread. getIntrospectionQuery is what GraphiQL and codegen send.
    const full = getIntrospectionQuery();
    expect(cost(full)).toBe(15_000);
    expect(cost(full, undefined, DEFAULT_EDGE_CONFIG.authenticated.cost)).toBeLessThanOrEqual(20_000);
    const thirty = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: __schema { types { name fields { name } } }`).join(' ')} }`;
    expect(() => cost(thirty, undefined, DEFAULT_EDGE_CONFIG.authenticated.cost)).toThrow(CostExceeded);
    expect(cost('{ __type(name: "Query") { name fields { name } } }')).toBe(200);
    expect(cost('{ __typename }')).toBe(0);
  });

  it('prices introspection by the size of its answer: fragments nesting fields through their types do not fit', () => {
    // A helper's audit: 29 aliases of `fields { type { …fields } }` under one __schema, through fragments, 2.7 KB of
    // document, were priced at the flat 15,000 and built an 8 MB answer in about a second of the gateway's thread.
    const nested = (level: number) =>
      Array.from({ length: level }, (_, i) => {
        const next = i + 1 < level ? `...F${i + 2}` : 'name';
        return `fragment F${i + 1} on __Type { name fields { name type { name ${next} ofType { name ${next} } } } }`;
      }).join(' ');
    const aliases = Array.from({ length: 29 }, (_, i) => `a${i}: fields { name type { name ...F2 } }`).join(' ');
    const attack = `{ __schema { types { ...F1 ${aliases} } } } ${nested(2)}`;
    expect(attack.length).toBeLessThan(3_000);
    expect(() => cost(attack, undefined, DEFAULT_EDGE_CONFIG.authenticated.cost)).toThrow(CostExceeded);
    // the counted size is the answer's: within a tenth of what graphql-js builds (0.99–1.04 here), for small and large selections
    for (const query of [
      getIntrospectionQuery(),
      '{ __schema { types { name description } } }',
      `{ __schema { types { ...F1 } } } ${nested(2)}`,
      '{ __type(name: "Query") { name fields { name args { name type { name } } } } }',
    ]) {
      const built = JSON.stringify(graphqlSync({ schema, source: query }).data).length;
      const document = parse(query);
      const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION)!;
      const fragments = new Map(
        document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])),
      );
      const root = (operation as OperationDefinitionNode).selectionSet.selections[0] as FieldNode;
      const counted = introspectionAnswerBytes(schema, root, fragments, undefined, () => undefined);
      expect(counted / built).toBeGreaterThan(0.9);
      expect(counted / built).toBeLessThan(1.1);
    }
    // a bigger answer than the full introspection costs more; a small one its floor
    const three = Array.from({ length: 3 }, (_, i) => `a${i}: fields { name type { name ...F2 } }`).join(' ');
    expect(cost(`{ __schema { types { ...F1 ${three} } } } ${nested(2)}`)).toBeGreaterThan(15_000);
    expect(cost('{ __schema { queryType { name } } }')).toBe(15_000);
  });

  it('expands a fragment spread many times once, as execution does', () => {
    // A review: each spread was expanded again, so 500 spreads of one fragment took 212 ms to price (execution, 3 ms)
    // and three levels of 30 spreads ran for minutes on the gateway's thread.
    const spreads = (name: string, n: number) => Array.from({ length: n }, () => `...${name}`).join(' ');
    expect(cost(`{ __schema { types { ${spreads('A', 1_490)} } } } fragment A on __Type { name }`)).toBe(
      cost('{ __schema { types { name } } }'),
    );
    const nested = `{ __schema { types { ${spreads('A', 30)} } } }
      fragment A on __Type { name ${spreads('B', 30)} } fragment B on __Type { kind ${spreads('C', 30)} }
      fragment C on __Type { description }`;
    expect(cost(nested)).toBe(cost('{ __schema { types { name kind description } } }'));
  });

  it("prices a compound's order list at the two statements each compound costs complaints", () => {
    // Before, ten aliases of a thousand compounds' lists were admitted at 20,000: 20,000 statements on one pool.
    const lists = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: compounds(first: 1000) { complaints(first: 1) { total } }`).join(' ')} }`;
    expect(() => cost(lists(2), undefined, DEFAULT_EDGE_CONFIG.authenticated.cost)).toThrow(CostExceeded);
    expect(cost('{ compounds(first: 50) { complaints(first: 10) { total } } }')).toBeLessThanOrEqual(2_000);
  });

  it("prices an omitted variable at the operation's default, as execution will run it", () => {
    // Before, the argument's schema default (50) priced it: 101 for a page of 100,000 items.
    const page = 'query($n: Int = 100000) { arrears(first: $n) { items { accountId } } }';
    expect(cost(page)).toBe(1 + 100_000);
    expect(cost(page, {})).toBe(1 + 100_000);
    expect(cost(page, { n: 10 })).toBe(11);
    expect(() => cost(page, undefined, DEFAULT_EDGE_CONFIG.authenticated.cost)).toThrow(CostExceeded);
    const cached = cachedCostEstimator({
      defaultListSize: DEFAULT_EDGE_CONFIG.defaultListSize,
      mutationCost: DEFAULT_EDGE_CONFIG.mutationCost,
    });
    expect(() => cached(schema, parse(page), undefined, {}, DEFAULT_EDGE_CONFIG.authenticated.cost)).toThrow(
      CostExceeded,
    );
  });

  it('takes the assumed size of a list without a page argument, and nests the factors', () => {
    // 100 compounds by default (its `first`), each with 50 buildings assumed
    expect(cost('{ compounds { id buildings { id } } }')).toBe(100 + 100 * 50);
  });

  it('expands fragments as it counts', () => {
    expect(cost('{ arrears(first: 10) { ...Page } } fragment Page on ArrearsPage { items { accountId } }')).toBe(11);
  });

  it('stops counting as soon as the limit is passed', () => {
    expect(() => cost(manyAliasedArrears(1000), undefined, DEFAULT_EDGE_CONFIG.authenticated.cost)).toThrow(
      CostExceeded,
    );
    expect(() =>
      cost(
        '{ arrears(first: 100000) { items { household { unit } } } }',
        undefined,
        DEFAULT_EDGE_CONFIG.authenticated.cost,
      ),
    ).toThrow(CostExceeded);
  });

  it('refuses a household loop by its cost as well as by its depth', () => {
    expect(() => cost(householdLoop(8), undefined, DEFAULT_EDGE_CONFIG.authenticated.cost)).toThrow(CostExceeded);
  });

  it("reads a field's arguments once, however often a fragment spreads it", () => {
    // Every argument of a sized field is coerced to find its page size; the Fen literal's coercions are counted.
    const fen = schema.getType('Fen') as GraphQLScalarType;
    const parseLiteral = fen.parseLiteral;
    let coerced = 0;
    Object.assign(fen, {
      parseLiteral: (...args: Parameters<typeof parseLiteral>) => (coerced++, parseLiteral(...args)),
    });
    try {
      const fanOut = ['fragment F0 on Query { arrears(first: 1, filter: { minOpenFen: 100 }) { total } }']
        .concat(Array.from({ length: 3 }, (_, i) => `fragment F${i + 1} on Query { ${`...F${i} `.repeat(10)}}`))
        .join('\n');
      // 1,000 expansions of F0: the document's cost is 1,000, under the limit.
      expect(cost(`{ ...F3 } ${fanOut}`, undefined, DEFAULT_EDGE_CONFIG.authenticated.cost)).toBe(1000);
      expect(coerced).toBe(1);
    } finally {
      Object.assign(fen, { parseLiteral });
    }
  });

  it('stops a fragment fan-out by the number of fields visited', () => {
    const fanOut = ['fragment F0 on Query { courts { courtId } }']
      .concat(Array.from({ length: 20 }, (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`))
      .join('\n');
    expect(() => cost(`{ ...F20 } ${fanOut}`)).toThrow(CostExceeded);
  });

  describe('priced once per document (the runtime hands every request with the same text the same document)', () => {
    const page = parse('query($n: Int!) { arrears(first: $n) { items { accountId household { unit } } } }');
    const estimator = () =>
      cachedCostEstimator({
        defaultListSize: DEFAULT_EDGE_CONFIG.defaultListSize,
        mutationCost: DEFAULT_EDGE_CONFIG.mutationCost,
      });

    it('gives the same price as estimateCost, per variables, from the cache as on the first ask', () => {
      const price = estimator();
      for (const n of [10, 1000, 10, 1000]) {
        expect(price(schema, page, undefined, { n }, Number.MAX_SAFE_INTEGER)).toBe(
          estimateCost(schema, page, undefined, { n }, options(Number.MAX_SAFE_INTEGER)),
        );
      }
      expect(price(schema, page, undefined, { n: 10 }, Number.MAX_SAFE_INTEGER)).toBe(1 + 10 * 2);
    });

    it("judges each caller by its own limit, although another caller's request priced the document", () => {
      const price = estimator();
      expect(price(schema, page, undefined, { n: 1000 }, 10_000)).toBe(2001);
      // the same document and variables, from a caller whose limit is lower: refused with the known price
      expect(() => price(schema, page, undefined, { n: 1000 }, 100)).toThrow(
        expect.objectContaining({ estimated: 2001 }),
      );
      expect(price(schema, page, undefined, { n: 1000 }, 10_000)).toBe(2001);
    });

    it('keeps no price for variables holding text, and prices them like estimateCost', () => {
      const named = parse('query($n: Int!, $q: String) { arrears(first: $n, search: $q) { items { accountId } } }');
      const price = estimator();
      for (let i = 0; i < 2; i++)
        expect(price(schema, named, undefined, { n: 10, q: '王' }, Number.MAX_SAFE_INTEGER)).toBe(
          estimateCost(schema, named, undefined, { n: 10, q: '王' }, options(Number.MAX_SAFE_INTEGER)),
        );
    });

    it('keeps no price an estimate stopped at a limit, and prices a loop by its cost every time', () => {
      const price = estimator();
      expect(() => price(schema, page, undefined, { n: 1000 }, 100)).toThrow(CostExceeded);
      expect(price(schema, page, undefined, { n: 1000 }, 10_000)).toBe(2001);
      const loop = parse(householdLoop(8));
      for (let i = 0; i < 2; i++)
        expect(() => price(schema, loop, undefined, undefined, DEFAULT_EDGE_CONFIG.authenticated.cost)).toThrow(
          CostExceeded,
        );
    });
  });
});
