/**
 * Reference webhook receiver for a bureau or court without Kafka: it checks every request the hub sends and hands
 * each event to your code once. Standalone (node:http and the `standardwebhooks` package, no hub code), so it can be
 * copied into the party's own system. Run it with the secret createWebhookSubscription returned:
 *
 *   WEBHOOK_SECRET=whsec_... PORT=8443 npm run receiver:webhooks
 *
 * What it checks, per the Standard Webhooks spec:
 * - `webhook-signature` is the HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<raw body>` under the secret:
 *   anything else (a tampered body, another secret) is answered 401 and dropped.
 * - `webhook-timestamp` lies within 5 minutes of now: an older message is a replay and is refused (401), and the
 *   ids seen in the last 10 minutes are remembered, so a replay inside the window is acknowledged but not handled.
 * - The event is CloudEvents 1.0 in HTTP binary mode: `ce-id`, `ce-type`, `ce-source`, `ce-time`, `ce-subject` headers,
 *   the event's data as the JSON body.
 * Answer 2xx only once the event is stored: the hub retries anything else with backoff for 24 hours, one aggregate's
 * events in order (the next waits while one is retried). Deduplicate by `webhook-id` (retries) or by `ce-id` (the
 * event, also across a replay the party asked for).
 */
import http from 'node:http';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';

export interface ReceivedEvent {
  webhookId: string;
  id: string;
  type: string;
  source: string;
  subject?: string;
  time?: string;
  data: unknown;
}

export type Verdict = { ok: true; event: ReceivedEvent } | { ok: false; status: number; reason: string };

/** Largest body accepted (the hub's events are a few KiB). */
const MAX_BODY_BYTES = 1024 * 1024;
const REMEMBER_IDS_MS = 10 * 60_000;

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Verifies one request: signature, timestamp window (5 minutes, the library's tolerance) and the CloudEvents headers. */
export function verifyWebhook(secret: string, headers: http.IncomingHttpHeaders, rawBody: string): Verdict {
  const signed = {
    'webhook-id': single(headers['webhook-id']) ?? '',
    'webhook-timestamp': single(headers['webhook-timestamp']) ?? '',
    'webhook-signature': single(headers['webhook-signature']) ?? '',
  };
  let data: unknown;
  try {
    data = new Webhook(secret).verify(rawBody, signed);
  } catch (error) {
    if (error instanceof WebhookVerificationError) return { ok: false, status: 401, reason: error.message };
    return { ok: false, status: 400, reason: 'body is not JSON' };
  }
  const id = single(headers['ce-id']);
  const type = single(headers['ce-type']);
  const source = single(headers['ce-source']);
  if (single(headers['ce-specversion']) !== '1.0' || !id || !type || !source)
    return { ok: false, status: 400, reason: 'not a CloudEvent' };
  return {
    ok: true,
    event: {
      webhookId: signed['webhook-id'],
      id,
      type,
      source,
      subject: single(headers['ce-subject']),
      time: single(headers['ce-time']),
      data,
    },
  };
}

export interface ReceiverOptions {
  secret: string;
  /** Stores the event; throw to have the hub retry it. */
  onEvent: (event: ReceivedEvent) => Promise<void> | void;
}

/** The request handler: 204 once handled (or already handled), 401 for a bad signature or a stale timestamp. */
export function webhookReceiver(options: ReceiverOptions): http.RequestListener {
  const seen = new Map<string, number>();
  return (request, response) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        response.writeHead(413).end();
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', async () => {
      if (request.method !== 'POST') return void response.writeHead(405).end();
      const verdict = verifyWebhook(options.secret, request.headers, Buffer.concat(chunks).toString('utf8'));
      if (!verdict.ok)
        return void response.writeHead(verdict.status, { 'content-type': 'text/plain' }).end(verdict.reason);
      const now = Date.now();
      for (const [id, at] of seen) if (now - at > REMEMBER_IDS_MS) seen.delete(id);
      if (seen.has(verdict.event.webhookId)) return void response.writeHead(204).end();
      try {
        await options.onEvent(verdict.event);
        seen.set(verdict.event.webhookId, now);
        response.writeHead(204).end();
      } catch (error) {
        response.writeHead(500, { 'content-type': 'text/plain' }).end(String((error as Error).message).slice(0, 200));
      }
    });
  };
}

if (require.main === module) {
  const secret = process.env.WEBHOOK_SECRET;
  if (!secret) {
    console.error(
      'set WEBHOOK_SECRET to the whsec_… secret createWebhookSubscription returned (and optionally PORT, default 8080)',
    );
    process.exit(2);
  }
  const port = Number(process.env.PORT ?? 8080);
  const server = http.createServer(webhookReceiver({ secret, onEvent: (event) => console.log(JSON.stringify(event)) }));
  server.listen(port, () =>
    console.log(
      `reference webhook receiver on http://0.0.0.0:${port}/ (put TLS in front of it: the hub sends only to https in production)`,
    ),
  );
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
