import { pbkdf2 } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { startFakeDns } from '../../../../test/support/fake-dns';
import { WEBHOOK_DNS, assertWebhookUrl, hostResolver } from '../../application/webhook-url-check';
import { waitFor } from '../../../../test/support/wait-for';
import { WebhookHttpClient } from './webhook-http';

describe('the webhook HTTP client', () => {
  let server: http.Server;
  let base: string;
  const client = new WebhookHttpClient({
    policy: { requireHttps: false, allowedHosts: ['127.0.0.1'] },
    timeoutMs: 300,
    maxResponseBytes: 1024,
  });
  const strict = new WebhookHttpClient({
    policy: { requireHttps: false, allowedHosts: [] },
    timeoutMs: 300,
    maxResponseBytes: 1024,
  });

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/redirect') return void res.writeHead(302, { location: '/ok' }).end();
      if (req.url === '/big') return void res.writeHead(200).end('界'.repeat(2000));
      if (req.url === '/binary')
        return void res.writeHead(200).end(Buffer.from([0x6f, 0x6b, 0, 0x1f, 0x8b, 0xe7, 0x95]));
      if (req.url === '/slow') return void setTimeout(() => res.writeHead(200).end(), 2000);
      req.resume();
      req.on('end', () => res.writeHead(204).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    client.close();
    strict.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('keeps at most 4 unused connections to a receiver, and closes those once unused for the idle time', async () => {
    // A receiver that never closes its side: before, every connection of a burst stayed open for good.
    const receiver = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => setTimeout(() => res.writeHead(204).end(), 50));
    });
    receiver.keepAliveTimeout = 600_000;
    let open = 0;
    receiver.on('connection', (socket) => {
      open++;
      socket.on('close', () => open--);
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const idle = new WebhookHttpClient({
      policy: { requireHttps: false, allowedHosts: ['127.0.0.1'] },
      timeoutMs: 1000,
      maxResponseBytes: 1024,
      idleMs: 300,
    });
    try {
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`;
      const outcomes = await Promise.all(Array.from({ length: 12 }, () => idle.post(url, {}, '{}')));
      expect(outcomes.map((o) => o.statusCode)).toEqual(Array(12).fill(204));
      await waitFor('the burst beyond 4 to be closed', () => open <= 4, { timeoutMs: 2000, intervalMs: 20 });
      await waitFor('the unused ones to be closed', () => open === 0, { timeoutMs: 3000, intervalMs: 50 });
    } finally {
      idle.close();
      receiver.closeAllConnections();
      await new Promise((resolve) => receiver.close(resolve));
    }
  });

  it('does not follow a redirect: the 3xx is the answer', async () => {
    expect(await client.post(`${base}/redirect`, {}, '{}')).toMatchObject({ statusCode: 302, error: null });
  });

  it('keeps at most 1 KiB of the answer, whole characters only', async () => {
    const outcome = await client.post(`${base}/big`, {}, '{}');
    expect(outcome.statusCode).toBe(200);
    expect(Buffer.byteLength(outcome.responseBody!)).toBeLessThanOrEqual(1024);
    expect(outcome.responseBody).toBe('界'.repeat(341));
  });

  it('keeps a binary answer as text PostgreSQL stores: NUL and invalid UTF-8 as U+FFFD', async () => {
    // 0x1f 0x8b opens a gzip body; 0xe7 0x95 is the start of 界 without its last byte.
    const outcome = await client.post(`${base}/binary`, {}, '{}');
    expect(outcome).toMatchObject({ statusCode: 200, responseBody: 'ok\ufffd\u001f\ufffd\ufffd' });
  });

  it('gives up after the timeout', async () => {
    const outcome = await client.post(`${base}/slow`, {}, '{}');
    expect(outcome).toMatchObject({ statusCode: null, error: 'no answer within 300 ms' });
    expect(outcome.latencyMs).toBeGreaterThanOrEqual(290);
  });

  it('refuses an internal address the operator did not allow, whether named or resolved', async () => {
    expect(await strict.post(`${base}/ok`, {}, '{}')).toMatchObject({
      statusCode: null,
      error: '127.0.0.1 is an internal address',
    });
    const port = (server.address() as AddressInfo).port;
    expect(await strict.post(`http://localhost:${port}/ok`, {}, '{}')).toMatchObject({
      statusCode: null,
      error: 'localhost resolves to an internal address',
    });
    expect(await client.post(`${base}/ok`, {}, '{}')).toMatchObject({ statusCode: 204 });
  });

  describe("a receiver's host, resolved by c-ares with a timeout", () => {
    let dns: Awaited<ReturnType<typeof startFakeDns>>;
    beforeAll(async () => {
      dns = await startFakeDns({ 'receiver.test': '127.0.0.1', 'stalls.test': 'silent' });
    });
    afterAll(() => dns.stop());

    it('asks the configured DNS server and sends to the address it gives, when the operator allowed the host', async () => {
      const allowed = new WebhookHttpClient({
        policy: { requireHttps: false, allowedHosts: ['receiver.test'] },
        timeoutMs: 2000,
        maxResponseBytes: 1024,
        dnsServers: [dns.server],
      });
      try {
        const port = (server.address() as AddressInfo).port;
        expect(await allowed.post(`http://receiver.test:${port}/ok`, {}, '{}')).toMatchObject({ statusCode: 204 });
        expect(dns.asked).toEqual(expect.arrayContaining(['receiver.test A', 'receiver.test AAAA']));
      } finally {
        allowed.close();
      }
    });

    it("gives up on a host whose DNS server never answers, and the process's thread pool stays free meanwhile", async () => {
      // WEBHOOK_DNS (2 s, tried twice) in production; shorter here
      expect(WEBHOOK_DNS).toEqual({ timeoutMs: 2000, tries: 2 });
      const quick = { timeoutMs: 300, tries: 1 };
      const client = new WebhookHttpClient({
        policy: { requireHttps: false, allowedHosts: [] },
        timeoutMs: 30_000,
        maxResponseBytes: 1024,
        dnsServers: [dns.server],
        dns: quick,
      });
      try {
        // Eight at once: getaddrinfo held one of libuv's four threads per stalled lookup, whatever its caller did.
        let settled = 0;
        const stalled = Array.from({ length: 8 }, () =>
          client.post('http://stalls.test/hooks', {}, '{}').finally(() => settled++),
        );
        const hashes = await Promise.all(
          Array.from(
            { length: 8 },
            () =>
              new Promise((resolve, reject) =>
                pbkdf2('x', 'salt', 1, 32, 'sha256', (e, key) => (e ? reject(e) : resolve(key))),
              ),
          ),
        );
        expect([hashes.length, settled]).toEqual([8, 0]);
        for (const outcome of await Promise.all(stalled))
          expect(outcome).toMatchObject({ statusCode: null, error: 'stalls.test did not resolve' });
        const resolve = hostResolver([dns.server], quick);
        expect(await resolve('stalls.test')).toEqual([]);
        await expect(
          assertWebhookUrl('https://stalls.test/hooks', { requireHttps: true, allowedHosts: [] }, resolve),
        ).rejects.toMatchObject({ code: 'WEBHOOK_URL_REFUSED' });
      } finally {
        client.close();
      }
    });
  });
});
