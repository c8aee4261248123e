import { acquireTimeoutMs, idleInTransactionTimeoutMs, statementTimeoutMs } from './orm';

describe('database settings from the environment', () => {
  it('reads the statement timeout: 30 s by default, 0 for none, whole milliseconds of at least 100', () => {
    expect(statementTimeoutMs({})).toBe(30_000);
    expect(statementTimeoutMs({ HUB_DB_STATEMENT_TIMEOUT_MS: '' })).toBe(30_000);
    expect(statementTimeoutMs({ HUB_DB_STATEMENT_TIMEOUT_MS: '0' })).toBe(0);
    expect(statementTimeoutMs({ HUB_DB_STATEMENT_TIMEOUT_MS: '5000' })).toBe(5000);
    for (const wrong of ['50', '1.5', '-1', '30s', ' 100'])
      expect(() => statementTimeoutMs({ HUB_DB_STATEMENT_TIMEOUT_MS: wrong })).toThrow(/HUB_DB_STATEMENT_TIMEOUT_MS/);
  });

  it('reads the idle-in-transaction timeout: 60 s by default, 0 for none, whole milliseconds of at least 100', () => {
    expect(idleInTransactionTimeoutMs({})).toBe(60_000);
    expect(idleInTransactionTimeoutMs({ HUB_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '0' })).toBe(0);
    expect(idleInTransactionTimeoutMs({ HUB_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '1000' })).toBe(1000);
    for (const wrong of ['99', '1.5', 'a minute'])
      expect(() => idleInTransactionTimeoutMs({ HUB_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: wrong })).toThrow(
        /HUB_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS must be 0 \(no limit\) or/,
      );
  });

  it('reads the connection acquire timeout: 15 s by default, whole milliseconds of at least 100', () => {
    expect(acquireTimeoutMs({})).toBe(15_000);
    expect(acquireTimeoutMs({ HUB_DB_ACQUIRE_TIMEOUT_MS: '1000' })).toBe(1000);
    for (const wrong of ['0', '99', 'soon'])
      expect(() => acquireTimeoutMs({ HUB_DB_ACQUIRE_TIMEOUT_MS: wrong })).toThrow(/HUB_DB_ACQUIRE_TIMEOUT_MS/);
  });
});
