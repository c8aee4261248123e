import pino from 'pino';

/**
 * A database error as pg and MikroORM raise it: its message and stack start with the SQL, bound values
 * interpolated (owner names, phone numbers, ID numbers), and `detail` repeats the offending key's values.
 */
interface DatabaseErrorShape {
  name?: string;
  code?: string;
  routine?: string;
  severity?: string;
  schema?: string;
  table?: string;
  column?: string;
  constraint?: string;
  message?: string;
  stack?: string;
}

/**
 * A message that starts with the statement the driver ran (knex prefixes it, values interpolated, to any error).
 * Lower case only, as the hub writes its SQL: an error of the hub's own ("Update refused …") is not taken for one. A
 * statement may open with parentheses (a union of two selects).
 */
const STATEMENT =
  /^[\s(]*(select|insert into|update|delete from|with|alter table|create|drop|lock table|copy|truncate) /;

/**
 * A server's error (its routine or severity), or any error whose message starts with the statement: a timeout or a
 * connection lost mid-statement has neither, and its message still carried the statement with its values (the
 * sealing of webhook secrets logged the plaintext secrets it was writing, per a feeds audit).
 */
const isDatabaseError = (err: unknown): err is DatabaseErrorShape =>
  typeof err === 'object' &&
  err !== null &&
  (typeof (err as DatabaseErrorShape).routine === 'string' ||
    typeof (err as DatabaseErrorShape).severity === 'string' ||
    STATEMENT.test(String((err as DatabaseErrorShape).message ?? '')));

/**
 * PostgreSQL's own words, without the SQL before them and without any value it quotes. A key's column list holds no
 * parenthesis (`[^()]`): with `[^)]` there, every `(` of a run without `)` scanned to the message's end, quadratic
 * in the run (65,536 of them took 2.1 s).
 */
const withoutValues = (message = ''): string => {
  const words = message.split(' - ').pop() ?? '';
  // A statement with nothing after it: none of it is PostgreSQL's own words.
  if (STATEMENT.test(words)) return '(the statement is not logged)';
  return words.replace(/"[^"]*"|'[^']*'|\([^()]*\)=\([^)]*\)/g, '…');
};

/**
 * Errors are logged with their type, stack and context; a database error only with its SQLSTATE, the names of the
 * schema objects concerned and PostgreSQL's message stripped of values: never the statement, its parameters or
 * `detail`, which carry personal data.
 */
export function serializeError(err: unknown): unknown {
  if (!isDatabaseError(err)) return pino.stdSerializers.err(err as Error);
  const message = messageWithoutValues(err);
  const frames = (err.stack ?? '').split('\n').filter((line) => line.trim().startsWith('at '));
  return {
    type: err.name ?? 'DatabaseError',
    message,
    code: err.code,
    routine: err.routine,
    schema: err.schema,
    table: err.table,
    column: err.column,
    constraint: err.constraint,
    stack: [message, ...frames].join('\n'),
  };
}

/**
 * An error's message as it may leave the process (a dead letter's reason, a log field that is not `err`): a database
 * error's without the statement and its values, as serializeError gives it; any other error's as it is.
 */
export function messageWithoutValues(err: unknown): string {
  if (isDatabaseError(err)) return `database error ${err.code ?? ''}: ${withoutValues(err.message)}`;
  return err instanceof Error ? err.message : String(err);
}

/** One JSON logger for every process; child loggers add the component (subgraph, relay, consumer). */
export const logger = pino({
  level: process.env.HUB_LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'info'),
  base: { service: 'property-governance-hub' },
  redact: ['req.headers.authorization', 'headers.authorization', 'token'],
  serializers: { err: serializeError, error: serializeError },
});

export type Logger = pino.Logger;
