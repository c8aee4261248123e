import { GraphQLError, buildSchema, parse } from 'graphql';
import { usePlannerAnswers } from './planner-answers';

/** What Hive's Rust planner's execute does, through the plugin: the function the runtime would then run. */
function answered(executeFn: (args: unknown) => unknown, query: string) {
  let wrapped: ((args: unknown) => unknown) | undefined;
  const onExecute = usePlannerAnswers().onExecute as (payload: unknown) => void;
  onExecute({ executeFn, setExecuteFn: (fn: typeof wrapped) => (wrapped = fn) });
  const schema = buildSchema('type Query { page: String, total: Int!, note: String }');
  return wrapped!({ schema, document: parse(query) });
}

describe("Hive's Rust planner answers as graphql-js does", () => {
  const refusal = () => new GraphQLError('Variable "$n" got invalid value "a"; Int cannot represent "a"');

  it('a thrown refusal of the variables becomes errors alone with status 400, one or several', async () => {
    const one = (await answered(() => Promise.reject(refusal()), '{ page }')) as {
      data?: unknown;
      errors: GraphQLError[];
    };
    expect(one).not.toHaveProperty('data');
    expect(one.errors.map((e) => [e.message, e.extensions.http])).toEqual([[refusal().message, { status: 400 }]]);
    const several = (await answered(() => {
      throw new AggregateError([refusal(), refusal()]);
    }, '{ page }')) as { errors: GraphQLError[] };
    expect(several.errors).toHaveLength(2);
  });

  it('anything else thrown still throws', async () => {
    await expect(answered(() => Promise.reject(new Error('boom')), '{ page }')).rejects.toThrow('boom');
    const coded = new GraphQLError('not running', { extensions: { code: 'SUBGRAPH_NOT_RUNNING' } });
    expect(() =>
      answered(() => {
        throw coded;
      }, '{ page }'),
    ).toThrow(coded);
  });

  it('a result where every root field failed gets data: null, or each nullable root field as null', async () => {
    const failed = () => Promise.resolve({ errors: [new GraphQLError('down')] });
    expect(await answered(failed, '{ page n: note }')).toMatchObject({ data: { page: null, n: null } });
    expect(await answered(failed, '{ page total }')).toMatchObject({ data: null });
    const partial = { data: { page: 'x' }, errors: [new GraphQLError('down')] };
    expect(answered(() => partial, '{ page note }')).toBe(partial);
  });
});
