import {
  GraphQLError,
  GraphQLInputObjectType,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  graphql,
  locatedError,
} from 'graphql';
import { DeadlockException } from '@mikro-orm/core';
import { DomainError } from '../../kernel/errors';
import { Key, Name } from '../graphql/scalars';
import { formatError } from './errors';

describe('GraphQL error mapping', () => {
  const asResolverError = (original: Error) =>
    new GraphQLError(original.message, { path: ['x'], originalError: original });

  it('passes a domain error with its stable code and details', () => {
    const error = new DomainError('FILING_LATE', 'filed after 15 days', { days: 16 });
    expect(formatError({ message: error.message, path: ['x'] }, asResolverError(error), 'contracts')).toEqual({
      message: 'filed after 15 days',
      path: ['x'],
      extensions: { code: 'FILING_LATE', details: { days: 16 } },
    });
  });

  it('hides an unexpected error behind INTERNAL_SERVER_ERROR', () => {
    const error = new TypeError("Cannot read properties of undefined (reading 'secret') at /srv/hub/dist/x.js:3");
    const formatted = formatError(
      { message: error.message, path: ['x'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } },
      asResolverError(error),
      'areas',
    );
    expect(formatted).toEqual({
      message: 'Internal server error',
      path: ['x'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('reports a value PostgreSQL refused (any data exception, SQLSTATE class 22) as bad input', () => {
    // 22009 (a time zone displacement out of range) and 22007 were once INTERNAL_SERVER_ERROR: only a list was mapped.
    for (const [code, message] of [
      ['22P02', 'invalid input syntax for type uuid: "x"'],
      ['22009', 'time zone displacement out of range: "+010000-01-01T04:00:00.000Z"'],
      ['2200D', 'invalid escape octet'],
    ]) {
      const error = Object.assign(new Error(message), { code });
      const formatted = formatError({ message: error.message, path: ['x'] }, asResolverError(error), 'areas');
      expect([formatted.extensions, formatted.message]).toEqual([
        { code: 'BAD_USER_INPUT' },
        expect.not.stringContaining('010000'),
      ]);
    }
    // A NOT NULL or CHECK constraint the domain did not check: the request's values, never the constraint's detail.
    for (const code of ['23502', '23514']) {
      const refused = Object.assign(new Error('violates check constraint "x_check"'), {
        code,
        constraint: 'x_check',
        detail: 'Failing row contains (张三).',
      });
      const formatted = formatError({ message: refused.message, path: ['x'] }, asResolverError(refused), 'areas');
      expect(formatted.extensions).toEqual({ code: 'BAD_USER_INPUT' });
      expect(JSON.stringify(formatted)).not.toContain('张三');
    }
    const bug = Object.assign(new Error('not a data exception'), { code: '42703' });
    expect(formatError({ message: bug.message, path: ['x'] }, asResolverError(bug), 'areas').extensions).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
    });
  });

  it('answers a unique race no use case handled as CONFLICT, raw SQL or ORM alike', () => {
    const raw = Object.assign(new Error('duplicate key value violates unique constraint "x_key"'), {
      code: '23505',
      constraint: 'x_key',
      detail: 'Key (name)=(张三) already exists.',
    });
    const formatted = formatError({ message: raw.message, path: ['x'] }, asResolverError(raw), 'areas');
    expect(formatted.extensions).toEqual({ code: 'CONFLICT' });
    expect(JSON.stringify(formatted)).not.toContain('张三');
  });

  it.each([
    ['too many clients (pg)', Object.assign(new Error('sorry, too many clients already'), { code: '53300' })],
    ['a deadlock (the ORM)', new DeadlockException(Object.assign(new Error('deadlock detected'), { code: '40P01' }))],
    ['a lost connection (pg, no code)', new Error('Connection terminated unexpectedly')],
    [
      'a terminated backend',
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    ],
    [
      'a refused socket under the driver',
      Object.assign(new Error('connect failed'), { cause: { code: 'ECONNREFUSED' } }),
    ],
    [
      // CI, db-transient.it: BEGIN met a terminated backend; Node's socket error, made in another realm than Jest's
      // modules, failed `instanceof Error`, and GraphQL wrapped it as NonErrorThrown.
      'a socket error GraphQL took for no Error',
      locatedError(
        { message: 'BEGIN; - read ECONNRESET', errno: -104, code: 'ECONNRESET', syscall: 'read' },
        undefined,
        ['x'],
      ).originalError!,
    ],
    [
      'the pool with nothing to give (knex)',
      Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), {
        name: 'KnexTimeoutError',
      }),
    ],
  ])(
    'answers a momentary database failure (%s) as TEMPORARILY_UNAVAILABLE, never INTERNAL_SERVER_ERROR',
    (_label, error) => {
      const formatted = formatError({ message: error.message, path: ['x'] }, asResolverError(error), 'arrears');
      expect(formatted.extensions).toEqual({ code: 'TEMPORARILY_UNAVAILABLE' });
      expect(formatted.message).not.toContain(error.message);
    },
  );

  it('keeps GraphQL validation errors as they are', () => {
    const formatted = formatError(
      { message: 'Cannot query field "x"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
      new GraphQLError('v'),
      'areas',
    );
    expect(formatted.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  describe('a value refused by one of the hub’s scalars', () => {
    const input = new GraphQLInputObjectType({
      name: 'PaymentInput',
      fields: { idempotencyKey: { type: new GraphQLNonNull(Key) } },
    });
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: {
          standards: {
            type: GraphQLString,
            args: { compoundName: { type: new GraphQLNonNull(Name) } },
            resolve: () => 'ok',
          },
          pay: { type: GraphQLString, args: { payment: { type: new GraphQLNonNull(input) } }, resolve: () => 'ok' },
        },
      }),
    });
    const refusalOf = async (source: string, variableValues?: Record<string, unknown>) => {
      const { errors } = await graphql({ schema, source, variableValues });
      expect(errors).toHaveLength(1);
      return formatError(
        { message: errors![0].message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
        errors![0],
        'contracts',
      );
    };

    it('as a variable: BAD_USER_INPUT naming the input field, without the value', async () => {
      const formatted = await refusalOf('query($p: PaymentInput!) { pay(payment: $p) }', {
        p: { idempotencyKey: `k${'\u0000'}${'x'.repeat(100)}` },
      });
      expect(formatted).toMatchObject({
        message: 'idempotencyKey: contains a control character',
        extensions: {
          code: 'BAD_USER_INPUT',
          details: { fields: { idempotencyKey: 'Key contains a control character' } },
        },
      });
      expect(JSON.stringify(formatted)).not.toContain('xxx');
    });

    it('as a variable given whole to an argument: naming the argument, not the caller’s variable', async () => {
      // A router that forwards the caller's variables as they are (Hive's Rust planner) sends `$n`, not `$compoundName`.
      const formatted = await refusalOf('query($n: Name!) { standards(compoundName: $n) }', {
        n: `学院南路${'\u0000'}`,
      });
      expect(formatted).toMatchObject({
        message: 'compoundName: contains a control character',
        extensions: {
          code: 'BAD_USER_INPUT',
          details: { fields: { compoundName: 'Name contains a control character' } },
        },
      });
    });

    it('as a literal: BAD_USER_INPUT naming the argument, without the value', async () => {
      const formatted = await refusalOf(`{ standards(compoundName: "${'名'.repeat(201)}") }`);
      expect(formatted).toMatchObject({
        message: 'compoundName: longer than 200 characters',
        extensions: {
          code: 'BAD_USER_INPUT',
          details: { fields: { compoundName: 'Name longer than 200 characters' } },
        },
      });
      const inList = await refusalOf(`{ pay(payment: { idempotencyKey: "${'\\u0007'}" }) }`);
      expect(inList.extensions).toMatchObject({
        details: { fields: { idempotencyKey: 'Key contains a control character' } },
      });
    });
  });
});
