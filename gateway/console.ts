import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Identity } from '../kernel/identity';
import { TokenSettings, mintUserToken } from '../platform/auth/tokens';

/** Where the console is served: its static files, and (development only) its sign-in with demo identities. */
export const CONSOLE_PATH = '/console';
const DEV_IDENTITIES_PATH = `${CONSOLE_PATH}/dev/identities`;
const DEV_TOKEN_PATH = `${CONSOLE_PATH}/dev/token`;

/** A demo identity offered by the development sign-in, with the label the console shows for it. */
export interface DevIdentity {
  key: string;
  label: string;
  identity: Identity;
}

export interface ConsoleOptions {
  /** The built console (`npm run console:build` writes dist/console). */
  staticDir: string;
  /**
   * Identities the development sign-in offers. Never honoured when NODE_ENV is production: there the console expects
   * the organisation's own token (README: Console).
   */
  devIdentities?: DevIdentity[];
  tokens: TokenSettings;
}

/** `localhost`, `127.0.0.1` or `[::1]`, with any port. */
export function isLoopbackHost(host: string | undefined): boolean {
  const name = (host ?? '').toLowerCase().replace(/:\d+$/, '');
  return name === 'localhost' || name === '127.0.0.1' || name === '[::1]';
}

/**
 * Whether the connection comes from this machine (127.0.0.0/8, ::1, or either as IPv4-mapped): the `Host` header is
 * the client's to write, so a client on another machine reaching a hub listening beyond loopback wrote
 * `Host: localhost` and was minted a demo token (a console audit, 2026-12-07).
 */
export function isLoopbackPeer(address: string | undefined): boolean {
  const ip = (address ?? '').toLowerCase().replace(/^::ffff:/, '');
  return ip === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ip);
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** The console's pages call only the hub's own origin; nothing is loaded from elsewhere. */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer, cache = 'no-store') {
  res.writeHead(status, { 'content-type': type, 'cache-control': cache, ...SECURITY_HEADERS });
  res.end(body);
}

const sendJson = (res: http.ServerResponse, status: number, body: unknown) =>
  send(res, status, 'application/json', JSON.stringify(body));

const DEV_TOKEN_BODY_LIMIT = 1024;

async function readSmallBody(req: http.IncomingMessage): Promise<string | undefined> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > DEV_TOKEN_BODY_LIMIT) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The console's routes under /console: GET for its files (index.html for any path that is not a file, so the
 * console's own routes reload), and in development the demo sign-in. Answers false when the path is not the console's.
 */
export function consoleHandler(options: ConsoleOptions) {
  const root = path.resolve(options.staticDir);
  const devIdentities = process.env.NODE_ENV === 'production' ? undefined : options.devIdentities;

  return async (req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<boolean> => {
    if (pathname !== CONSOLE_PATH && !pathname.startsWith(`${CONSOLE_PATH}/`)) return false;
    if (devIdentities && pathname === DEV_IDENTITIES_PATH && req.method === 'GET') {
      sendJson(res, 200, {
        identities: devIdentities.map((d) => ({ key: d.key, label: d.label, role: d.identity.role })),
      });
      return true;
    }
    if (devIdentities && pathname === DEV_TOKEN_PATH && req.method === 'POST') {
      // A page of another site whose name an attacker resolves to this machine (DNS rebinding) is same-origin to the
      // browser and could mint demo tokens: the development sign-in answers only under a loopback name, and only to a
      // client on this machine.
      if (!isLoopbackHost(req.headers.host) || !isLoopbackPeer(req.socket.remoteAddress)) {
        sendJson(res, 403, {
          errors: [{ message: 'the development sign-in answers on localhost only', extensions: { code: 'FORBIDDEN' } }],
        });
        return true;
      }
      if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
        sendJson(res, 415, { errors: [{ message: 'send JSON', extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } }] });
        return true;
      }
      const body = await readSmallBody(req);
      let key: unknown;
      try {
        key = body === undefined ? undefined : (JSON.parse(body) as { key?: unknown }).key;
      } catch {
        key = undefined;
      }
      const chosen = devIdentities.find((d) => d.key === key);
      if (!chosen) {
        sendJson(res, 400, {
          errors: [{ message: 'no such demo identity', extensions: { code: 'BAD_USER_INPUT' } }],
        });
        return true;
      }
      sendJson(res, 200, { token: await mintUserToken(chosen.identity, options.tokens, '8h'), label: chosen.label });
      return true;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { errors: [{ message: 'method not allowed', extensions: { code: 'METHOD_NOT_ALLOWED' } }] });
      return true;
    }
    let relative: string;
    try {
      relative = decodeURIComponent(pathname.slice(CONSOLE_PATH.length)).replace(/^\/+/, '');
    } catch {
      sendJson(res, 400, { errors: [{ message: 'malformed path', extensions: { code: 'BAD_REQUEST' } }] });
      return true;
    }
    const file = path.resolve(root, relative);
    // Never outside the console's folder, whatever the path says (.., encoded slashes, NUL).
    const inside = file === root || file.startsWith(root + path.sep);
    if (inside && !relative.includes('\0') && relative !== '' && isFile(file)) {
      const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
      // Vite names built assets by content hash: they never change under the same name.
      const cache = relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      send(res, 200, type, fs.readFileSync(file), cache);
      return true;
    }
    const index = path.join(root, 'index.html');
    if (!isFile(index)) {
      send(res, 404, 'text/plain; charset=utf-8', 'The console is not built: npm run console:build');
      return true;
    }
    send(res, 200, CONTENT_TYPES['.html'], fs.readFileSync(index), 'no-cache');
    return true;
  };
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
