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
 *   ids handled in the last 10 minutes are remembered, so a replay inside the window is acknowledged but not handled;
 *   a copy arriving while the first is still being handled (the hub gave up waiting after 10 s and retried) is answered
 *   409, and the hub tries it again later.
 * - The event is CloudEvents 1.0 in HTTP binary mode: `ce-id`, `ce-type`, `ce-source`, `ce-time`, `ce-subject` headers,
 *   the event's data as the JSON body. The standard's signature covers the body only: `webhook-ce-signature` is
 *   `v1,` + base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<attributes>`, the attributes being the JSON array
 *   `[ce-id, ce-type, ce-source, ce-subject or "", ce-time]`, under the attribute key, not the secret: the attribute
 *   key is HMAC-SHA256(secret bytes, "webhook-ce-signature.0.property-governance-hub/v2") (ATTRIBUTE_KEY_TEXT). Headers
 *   rewritten on the way (a genuine delivery stored again under another ce-id, or relabelled as another type) are
 *   answered 401. Its own key keeps it from passing as a body signature: under the secret, a relay could send the
 *   attributes' JSON array as the body with the attribute signature as `webhook-signature`, and it verified (a
 *   receiver written before 2026-12-07's change, which checks it under the secret, must change to the attribute key).
 * Answer 2xx only once the event is stored: the hub retries anything else with backoff for 24 hours, one aggregate's
 * events in order (the next waits while one is retried). This receiver remembers ids in memory only, for 10 minutes:
 * store each event under its `ce-id` with a unique key in your own database (the event, also across a restart of
 * the receiver and a replay the party asked for, which comes with new webhook ids).
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

/** What the attribute key is the HMAC-SHA256 of, under the secret: the hub's (feeds send-due-webhooks.ts) text. */
export const ATTRIBUTE_KEY_TEXT = 'webhook-ce-signature.0.property-governance-hub/v2';
const attributeVerifiers = new WeakMap<Webhook, Webhook>();

/**
 * The verifier of `webhook-ce-signature`: HMAC-SHA256 under HMAC-SHA256(secret, ATTRIBUTE_KEY_TEXT). The text is
 * written as `id.timestamp.payload`, so the secret's own verifier computes that HMAC (its `sign`).
 */
function attributeVerifier(verifier: Webhook): Webhook {
  let attributes = attributeVerifiers.get(verifier);
  if (!attributes) {
    const [id, timestamp, text] = ATTRIBUTE_KEY_TEXT.split('.');
    const key = verifier.sign(id, new Date(Number(timestamp) * 1000), text).slice('v1,'.length);
    attributes = new Webhook(Buffer.from(key, 'base64'), { format: 'raw' });
    attributeVerifiers.set(verifier, attributes);
  }
  return attributes;
}

/**
 * Verifies one request: signature, timestamp window (5 minutes, the library's tolerance) and the CloudEvents headers.
 * `secret` is the whsec_… text or a verifier made from it once (`new Webhook(secret)`, which throws on a secret that
 * is not one: a typo is then found at start, not reported as a bad body at every delivery).
 */
export function verifyWebhook(secret: string | Webhook, headers: http.IncomingHttpHeaders, rawBody: string): Verdict {
  const signed = {
    'webhook-id': single(headers['webhook-id']) ?? '',
    'webhook-timestamp': single(headers['webhook-timestamp']) ?? '',
    'webhook-signature': single(headers['webhook-signature']) ?? '',
  };
  let data: unknown;
  const verifier = typeof secret === 'string' ? new Webhook(secret) : secret;
  try {
    data = verifier.verify(rawBody, signed);
  } catch (error) {
    if (error instanceof WebhookVerificationError) return { ok: false, status: 401, reason: error.message };
    if (error instanceof SyntaxError) return { ok: false, status: 400, reason: 'body is not JSON' };
    throw error;
  }
  const id = single(headers['ce-id']);
  const type = single(headers['ce-type']);
  const source = single(headers['ce-source']);
  if (single(headers['ce-specversion']) !== '1.0' || !id || !type || !source)
    return { ok: false, status: 400, reason: 'not a CloudEvent' };
  const subject = single(headers['ce-subject']);
  const time = single(headers['ce-time']);
  try {
    attributeVerifier(verifier).verify(JSON.stringify([id, type, source, subject ?? '', time]), {
      ...signed,
      'webhook-signature': single(headers['webhook-ce-signature']) ?? '',
    });
  } catch (error) {
    if (error instanceof WebhookVerificationError)
      return { ok: false, status: 401, reason: `ce- headers not as signed: ${error.message}` };
    throw error;
  }
  return {
    ok: true,
    event: {
      webhookId: signed['webhook-id'],
      id,
      type,
      source,
      subject,
      time,
      data,
    },
  };
}

export interface ReceiverOptions {
  secret: string;
  /** Stores the event; throw to have the hub retry it. */
  onEvent: (event: ReceivedEvent) => Promise<void> | void;
  /** Where a delivery not handled is reported (console.error unless set). */
  log?: (message: string) => void;
}

/**
 * The request handler: 204 once handled (or already handled), 401 for a bad signature or a stale timestamp, 409 while
 * the same delivery is being handled, 500 (without your error's text, which stays in your log) when `onEvent` threw.
 * Throws at once on a secret that is not a whsec_… one.
 */
export function webhookReceiver(options: ReceiverOptions): http.RequestListener {
  const verifier = new Webhook(options.secret);
  const log = options.log ?? ((message: string) => console.error(message));
  /** Webhook ids handled, with when, oldest first (an id is added once). */
  const seen = new Map<string, number>();
  const handling = new Set<string>();
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
      let verdict: Verdict;
      try {
        verdict = verifyWebhook(verifier, request.headers, Buffer.concat(chunks).toString('utf8'));
      } catch (error) {
        // Unexpected (not a bad signature nor a bad body): answered, so the hub retries, and the receiver stays up.
        log(`webhook not verified: ${(error as Error).message}`);
        return void response.writeHead(500, { 'content-type': 'text/plain' }).end('not verified; retry later');
      }
      if (!verdict.ok)
        return void response.writeHead(verdict.status, { 'content-type': 'text/plain' }).end(verdict.reason);
      const now = Date.now();
      for (const [id, at] of seen) {
        if (now - at <= REMEMBER_IDS_MS) break; // the rest are newer
        seen.delete(id);
      }
      const id = verdict.event.webhookId;
      if (seen.has(id)) return void response.writeHead(204).end();
      if (handling.has(id))
        return void response.writeHead(409, { 'content-type': 'text/plain' }).end('this delivery is being handled');
      handling.add(id);
      try {
        await options.onEvent(verdict.event);
        seen.set(id, Date.now());
        response.writeHead(204).end();
      } catch (error) {
        log(`webhook ${id} (${verdict.event.type}) not handled: ${(error as Error).message}`);
        response.writeHead(500, { 'content-type': 'text/plain' }).end('not handled; retry later');
      } finally {
        handling.delete(id);
      }
    });
  };
}

/**
 * The port to listen on from `PORT`: 8080 when unset or blank, else a whole 1–65535; anything else stops the receiver
 * at start, naming the variable. Before, `Number()` read a blank value as 0 (listening on a random port nobody sends
 * to), `1e3` as 1000 and `0x1F90` as 8080, and a typo as NaN, which listen() refused without naming PORT. Its own
 * check, not the hub's (platform/config.ts portFromEnv): this file stays standalone, to be copied.
 */
export function portFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.PORT?.trim();
  if (!value) return 8080;
  if (!/^[0-9]{1,5}$/.test(value) || Number(value) < 1 || Number(value) > 65_535)
    throw new Error(`PORT must be a port, 1 to 65535, not ${value}`);
  return Number(value);
}

if (require.main === module) {
  const secret = process.env.WEBHOOK_SECRET;
  if (!secret) {
    console.error(
      'set WEBHOOK_SECRET to the whsec_… secret createWebhookSubscription returned (and optionally PORT, default 8080)',
    );
    process.exit(2);
  }
  let port: number;
  try {
    port = portFromEnv();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  let handler: http.RequestListener;
  try {
    handler = webhookReceiver({ secret, onEvent: (event) => console.log(JSON.stringify(event)) });
  } catch (error) {
    console.error(
      `WEBHOOK_SECRET is not the whsec_… secret createWebhookSubscription returned: ${(error as Error).message}`,
    );
    process.exit(2);
  }
  const server = http.createServer(handler);
  server.listen(port, () =>
    console.log(
      `reference webhook receiver on http://0.0.0.0:${port}/ (put TLS in front of it: the hub sends only to https in production)`,
    ),
  );
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
