import { isRolledBackRace, isTransient, transientCode } from './transient';

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
    expect(transientCode(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'))).toBe(
      'POOL_TIMEOUT',
    );
  });

  it('leaves what the caller sent or a bug alone', () => {
    expect(isTransient({ code: '23505', message: 'duplicate key value violates unique constraint' })).toBe(false);
    expect(isTransient(new TypeError('Cannot read properties of undefined'))).toBe(false);
    expect(isTransient(undefined)).toBe(false);
  });
});
