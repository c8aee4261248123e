import { isConstraintRefusal, isDataException, isRolledBackRace, isTransient, transientCode } from './transient';

describe('transient database failures', () => {
  it('names SQLSTATEs and socket codes that say "not now", however deeply the ORM nests them', () => {
    expect(transientCode({ code: '57P01', message: 'terminating connection due to administrator command' })).toBe(
      '57P01',
    );
    expect(transientCode({ code: '08006' })).toBe('08006');
    expect(transientCode(new Error('wrapped', { cause: new Error('inner', { cause: { code: 'ECONNRESET' } }) }))).toBe(
      'ECONNRESET',
    );
    expect(isRolledBackRace({ code: '40P01' })).toBe(true);
    expect(isRolledBackRace({ code: '57P01' })).toBe(false);
  });

  it('knows pg’s broken-connection errors, which carry no code (a backend terminated, a client already closed)', () => {
    for (const message of [
      'Connection terminated unexpectedly',
      'Client has encountered a connection error and is not queryable',
      'Client was closed and is not queryable',
    ])
      expect(transientCode(new Error(message))).toBe('CONNECTION_LOST');
    // knex puts the statement in front of a failed query's message: CI once answered INTERNAL_SERVER_ERROR to a read
    // sent on a connection whose backend had just been terminated.
    const failedQuery = 'select "c0".* from "areas"."compound" as "c0" where "c0"."id" = \'x\' limit 1 - ';
    expect(
      transientCode(new Error(`${failedQuery}Client has encountered a connection error and is not queryable`)),
    ).toBe('CONNECTION_LOST');
    expect(transientCode(new Error(`${failedQuery}Connection terminated unexpectedly`))).toBe('CONNECTION_LOST');
    expect(transientCode(new Error('a message that only mentions Connection terminated in passing'))).toBeUndefined();
    expect(transientCode(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'))).toBe(
      'POOL_TIMEOUT',
    );
  });

  it('leaves what the caller sent or a bug alone', () => {
    expect(isTransient({ code: '23505', message: 'duplicate key value violates unique constraint' })).toBe(false);
    expect(isTransient(new TypeError('Cannot read properties of undefined'))).toBe(false);
    expect(isTransient(undefined)).toBe(false);
  });

  it('tells the data’s own faults apart: SQLSTATE class 22 however nested, and invalid times', () => {
    expect(isDataException(Object.assign(new Error('invalid input syntax for type uuid'), { code: '22P02' }))).toBe(
      true,
    );
    expect(
      isDataException(new Error('wrapped', { cause: Object.assign(new Error('out of range'), { code: '22008' }) })),
    ).toBe(true);
    let invalidTime: unknown;
    try {
      new Date('2025-12-31T23:59:60Z').toISOString();
    } catch (error) {
      invalidTime = error;
    }
    expect(isDataException(invalidTime)).toBe(true);
    for (const other of [Object.assign(new Error('unique'), { code: '23505' }), new Error('bug'), new TypeError('x')])
      expect(isDataException(other)).toBe(false);
  });

  it('tells a NOT NULL or CHECK refusal (the same on every retry) from a unique or foreign-key race', () => {
    expect(isConstraintRefusal(new Error('wrapped', { cause: { code: '23514' } }))).toBe(true);
    expect(isConstraintRefusal({ code: '23502' })).toBe(true);
    for (const code of ['23505', '23503', '40P01']) expect(isConstraintRefusal({ code })).toBe(false);
  });
});
