import { readFile } from 'node:fs/promises';
/**
 * What the hub's command-line tools share: their io (so tests run them in-process) and one GraphQL call to the
 * gateway with the clerk's token, failures turned into a message for the clerk.
 */
export interface CliIo {
  readFile(path: string): Promise<string>;
  fetch: typeof fetch;
  stderr(text: string): void;
  stdout(text: string): void;
  /** Whether stderr is a terminal: a progress bar is drawn only there. */
  isTTY: boolean;
  now(): number;
  /** Where HUB_TOKEN is read from; the process environment in a tool's entry. */
  env?: Record<string, string | undefined>;
}

export const DEFAULT_GATEWAY = 'http://127.0.0.1:4000/graphql';

export interface GatewayError {
  message: string;
  extensions?: { code?: string; details?: Record<string, unknown> };
}

export type GatewayAnswer<T> =
  | { ok: true; data: T }
  /** `errors`: the hub's GraphQL errors when it answered with them; otherwise `message` says what went wrong. */
  | { ok: false; message: string; errors: GatewayError[] };

/** Posts one operation; a result only when the hub answered data for `field` without errors. */
export async function gatewayRequest<T>(
  io: CliIo,
  request: { gateway: string; token: string; query: string; variables: Record<string, unknown>; field: string },
): Promise<GatewayAnswer<T>> {
  let response: Response;
  try {
    response = await io.fetch(request.gateway, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${request.token}` },
      body: JSON.stringify({ query: request.query, variables: request.variables }),
    });
  } catch (error) {
    const cause = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
    return { ok: false, message: `could not reach the gateway at ${request.gateway}: ${cause}`, errors: [] };
  }
  const body = (await response.json().catch(() => undefined)) as
    { data?: Record<string, unknown> | null; errors?: GatewayError[] } | undefined;
  if (response.status === 401) {
    // The gateway says why (expired, bad signature…), which tells the clerk whether a fresh token will do.
    const reason = body?.errors?.[0]?.message.replace(/^unauthenticated: /, '');
    return { ok: false, message: `the gateway refused the token${reason ? ` (${reason})` : ''}`, errors: [] };
  }
  if (response.status === 413)
    return {
      ok: false,
      message: `the gateway takes smaller requests than this file (${body?.errors?.[0]?.message ?? 'HTTP 413'}): send it in parts (by building, or by period), or ask the hub's operator to raise HUB_BODY_LIMIT_BYTES`,
      errors: [],
    };
  if (!body)
    return {
      ok: false,
      message: `the gateway answered HTTP ${response.status} without a GraphQL response`,
      errors: [],
    };
  const data = body.data?.[request.field];
  if (body.errors?.length || data === undefined || data === null) {
    const errors = body.errors?.length
      ? body.errors
      : [{ message: `the gateway answered HTTP ${response.status} without a result` }];
    return { ok: false, message: errors.map((e) => e.message).join('\n'), errors };
  }
  return { ok: true, data: data as T };
}

/**
 * Tells the clerk why the hub refused: its message when it did not answer with errors, else each error, with the
 * problems of the lines it names (BAD_USER_INPUT `details.lines`) printed by the tool's own `printLines`.
 */
export function printRefusal<T>(
  io: CliIo,
  answer: Extract<GatewayAnswer<T>, { ok: false }>,
  printLines: (lines: unknown[]) => void,
): void {
  if (answer.errors.length === 0) io.stderr(`${answer.message}\n`);
  for (const error of answer.errors) {
    io.stderr(`${error.message}\n`);
    const lines = error.extensions?.details?.lines;
    if (error.extensions?.code === 'BAD_USER_INPUT' && Array.isArray(lines)) printLines(lines);
  }
}

/** A tool's entry: runs it with the process's io and sets the exit code (an unexpected error is a bug: its stack). */
export function runAsProcess(run: (argv: string[], io: CliIo) => Promise<number>): void {
  run(process.argv.slice(2), {
    readFile: (path) => readFile(path, 'utf8'),
    fetch,
    stderr: (text) => process.stderr.write(text),
    stdout: (text) => process.stdout.write(text),
    isTTY: Boolean(process.stderr.isTTY),
    now: Date.now,
    env: process.env,
  }).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      // Only a bug gets here: expected failures are answered by run() with a message and an exit code.
      process.stderr.write(`unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
