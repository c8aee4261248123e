import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { tokenSettings } from '../platform/config';
import { verifyUserTokenUntil } from '../platform/auth/tokens';
import { consoleHandler, isLoopbackHost, isLoopbackPeer } from './console';

const tokens = tokenSettings({ NODE_ENV: 'test' });
const devIdentities = [
  {
    key: 'court',
    label: '法院',
    identity: {
      subject: 'clerk',
      role: 'COURT' as const,
      organisationId: 'bj-xicheng-court',
      jurisdictions: ['110102'],
    },
  },
];

/** The console's handler on loopback; `peer` stands for the connection's address (a client on another machine). */
async function serve(nodeEnv: string | undefined, staticDir: string, peer?: string) {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = nodeEnv;
  const handle = consoleHandler({ staticDir, devIdentities, tokens });
  process.env.NODE_ENV = previous;
  const server = http.createServer(async (req, res) => {
    if (peer) Object.defineProperty(req.socket, 'remoteAddress', { value: peer });
    if (!(await handle(req, res, (req.url ?? '/').split('?')[0]))) res.writeHead(404).end('not the console');
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, close: () => new Promise((r) => server.close(r)) };
}

describe('the console’s routes on the gateway', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'console-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<div id="root"></div>');
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
  fs.writeFileSync(path.join(os.tmpdir(), 'console-secret.txt'), 'secret');

  it('serves the built files, index.html for the console’s own routes, and nothing outside its folder', async () => {
    const s = await serve('development', dir);
    try {
      const asset = await fetch(`${s.base}/console/assets/index-abc.js`);
      expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(asset.headers.get('cache-control')).toContain('immutable');
      expect(await asset.text()).toBe('console.log(1)');
      for (const p of [
        '/console/',
        '/console/filings',
        '/console/..%2fconsole-secret.txt',
        '/console/assets/..%2f..%2f..%2fconsole-secret.txt',
      ]) {
        const page = await fetch(`${s.base}${p}`);
        expect([p, page.status, await page.text()]).toEqual([p, 200, '<div id="root"></div>']);
        expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
      }
      expect((await fetch(`${s.base}/console/%E0%A4%A`)).status).toBe(400);
      expect((await fetch(`${s.base}/console/`, { method: 'DELETE' })).status).toBe(405);
      expect(await (await fetch(`${s.base}/graphql`)).text()).toBe('not the console');
    } finally {
      await s.close();
    }
  });

  it('in development signs in a demo identity with a token the gateway verifies; unknown keys and other bodies are refused', async () => {
    const s = await serve('development', dir);
    try {
      expect(await (await fetch(`${s.base}/console/dev/identities`)).json()).toEqual({
        identities: [{ key: 'court', label: '法院', role: 'COURT' }],
      });
      const post = (body: string, type = 'application/json') =>
        fetch(`${s.base}/console/dev/token`, { method: 'POST', headers: { 'content-type': type }, body });
      const { token } = (await (await post('{"key":"court"}')).json()) as { token: string };
      const { identity } = await verifyUserTokenUntil(token, tokens, 12 * 3600);
      expect(identity).toEqual(devIdentities[0].identity);
      expect((await post('{"key":"admin"}')).status).toBe(400);
      expect((await post('{"key":')).status).toBe(400);
      expect((await post('key=court', 'application/x-www-form-urlencoded')).status).toBe(415);
      expect((await post(JSON.stringify({ key: 'court', pad: 'x'.repeat(5000) }))).status).toBe(400);
      // Under another name (a rebound DNS name resolving to this machine) it mints nothing.
      const rebound = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const url = new URL(`${s.base}/console/dev/token`);
        const req = http.request(
          {
            host: url.hostname,
            port: url.port,
            path: url.pathname,
            method: 'POST',
            headers: { host: 'evil.example:4000', 'content-type': 'application/json' },
          },
          (res) => {
            let body = '';
            res.on('data', (c) => (body += c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          },
        );
        req.on('error', reject);
        req.end('{"key":"court"}');
      });
      expect(rebound.status).toBe(403);
      expect(rebound.body).not.toMatch(/token"/);
      expect(['localhost:4000', '127.0.0.1', '[::1]:80', 'LOCALHOST'].map(isLoopbackHost)).toEqual([
        true,
        true,
        true,
        true,
      ]);
      expect(['evil.example', '127.0.0.1.evil.example', 'localhost.evil', ''].map(isLoopbackHost)).toEqual([
        false,
        false,
        false,
        false,
      ]);
      // The connection's own address too: a client on another machine writes Host: localhost as it likes.
      const remote = await serve('development', dir, '192.0.2.2');
      try {
        const minted = await fetch(`${remote.base}/console/dev/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"key":"court"}',
        });
        expect(minted.status).toBe(403);
        expect(await minted.text()).not.toMatch(/token"/);
      } finally {
        await remote.close();
      }
      expect(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'].map(isLoopbackPeer)).toEqual([
        true,
        true,
        true,
        true,
      ]);
      expect(['192.0.2.2', '::ffff:192.0.2.2', '10.0.0.1', '127.0.0.1.5', undefined].map(isLoopbackPeer)).toEqual([
        false,
        false,
        false,
        false,
        false,
      ]);
    } finally {
      await s.close();
    }
  });

  it('has no development sign-in in production: the routes are the console’s page, and POST is refused', async () => {
    const s = await serve('production', dir);
    try {
      expect(await (await fetch(`${s.base}/console/dev/identities`)).text()).toBe('<div id="root"></div>');
      const post = await fetch(`${s.base}/console/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"key":"court"}',
      });
      expect(post.status).toBe(405);
      expect(await post.text()).not.toMatch(/token/);
    } finally {
      await s.close();
    }
  });

  it('says how to build the console when it is not built', async () => {
    const s = await serve('development', path.join(dir, 'missing'));
    try {
      const page = await fetch(`${s.base}/console/`);
      expect([page.status, await page.text()]).toEqual([404, 'The console is not built: npm run console:build']);
    } finally {
      await s.close();
    }
  });
});
