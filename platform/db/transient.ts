/**
 * Failures that say "not now" rather than "never": the database refused a connection (too many clients, starting
 * up, shutting down), a connection broke or timed out, the pool had no connection to give within its timeout, or
 * PostgreSQL rolled a transaction back to break a deadlock or a serialisation conflict. They come with load and
 * with operations (a failover, a restart), never with what the caller sent, so the caller is told to retry and a
 * consumer retries by itself; none of them is an INTERNAL_SERVER_ERROR.
 */
const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '53300', // too_many_connections
  '53400', // configuration_limit_exceeded
  '57P01', // admin_shutdown (a terminated backend)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '57014', // query_canceled (a statement timeout)
  '55P03', // lock_not_available (a lock timeout)
  '40001', // serialization_failure
  '40P01', // deadlock_detected
]);

/** PostgreSQL rolled the whole transaction back to let a concurrent one through: running it again is safe. */
const ROLLED_BACK_RACE = new Set(['40001', '40P01']);

/**
 * pg's own errors when a connection dies without a SQLSTATE (including a statement given to a client whose connection
 * has just broken, before the pool has noticed and let it go: the statement was never sent); knex's when its pool has
 * nothing to give in time. knex puts the statement in front of a failed query's message (`select … - Client has
 * encountered …`), so each is matched at the start or after that ` - `.
 */
const CONNECTION_LOST_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
].map((text) => new RegExp(`(?:^| - )${text}`));
const POOL_TIMEOUT_MESSAGE = /(?:^| - )Knex: Timeout acquiring a connection/;

/**
 * The error and its causes as drivers and the ORM nest them (MikroORM keeps the driver's code on its exception), and
 * the value GraphQL found thrown where it wanted an Error (`NonErrorThrown.thrownValue`): a socket error Node made
 * in another realm than the code's (under Jest, whose modules run in a context of their own, `read ECONNRESET` from a
 * BEGIN failed `instanceof Error` and reached the formatter as "Unexpected error value: { … ECONNRESET … }").
 */
function* chain(error: unknown): Generator<{ code?: unknown; name?: unknown; message?: unknown }> {
  type Link = { code?: unknown; name?: unknown; message?: unknown; cause?: unknown; thrownValue?: unknown };
  let e = error as Link | null | undefined;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    yield e;
    e = (e.cause ?? (e.name === 'NonErrorThrown' ? e.thrownValue : undefined)) as typeof e;
  }
}

/** The SQLSTATE or socket code of a transient failure, or the driver's kind of failure when it has no code. */
export function transientCode(error: unknown): string | undefined {
  for (const e of chain(error)) {
    if (typeof e.code === 'string' && (TRANSIENT_CODES.has(e.code) || /^08[0-9A-Z]{3}$/.test(e.code))) return e.code;
    if (e.name === 'KnexTimeoutError') return 'POOL_TIMEOUT';
    if (typeof e.message !== 'string') continue;
    if (POOL_TIMEOUT_MESSAGE.test(e.message)) return 'POOL_TIMEOUT';
    if (CONNECTION_LOST_MESSAGES.some((m) => m.test(e.message as string))) return 'CONNECTION_LOST';
  }
  return undefined;
}

export function isTransient(error: unknown): boolean {
  return transientCode(error) !== undefined;
}

/**
 * A value PostgreSQL or JavaScript cannot take, whatever the retries: a data exception (SQLSTATE class 22: a uuid
 * written `urn:uuid:…`, a time zone offset out of range, year 0) or an invalid time (a leap second given to `Date`).
 * JSON Schema's formats let such values through (ajv's `uuid` allows the `urn:uuid:` prefix).
 */
export function isDataException(error: unknown): boolean {
  for (const e of chain(error)) {
    if (typeof e.code === 'string' && /^22[0-9A-Z]{3}$/.test(e.code)) return true;
    if (e instanceof RangeError) return true;
  }
  return false;
}

/**
 * A row the tables' own constraints refuse (SQLSTATE 23502 not-null, 23514 check): the same values fail every retry,
 * like a data exception. (A unique or foreign-key violation may be a race, and is left to the caller.)
 */
export function isConstraintRefusal(error: unknown): boolean {
  for (const e of chain(error)) if (e.code === '23502' || e.code === '23514') return true;
  return false;
}

/** A deadlock victim or a serialisation failure: the transaction left nothing behind and may simply run again. */
export function isRolledBackRace(error: unknown): boolean {
  const code = transientCode(error);
  return code !== undefined && ROLLED_BACK_RACE.has(code);
}
