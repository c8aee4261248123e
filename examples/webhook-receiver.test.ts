import { createHmac } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { ATTRIBUTE_KEY_TEXT, portFromEnv, verifyWebhook, webhookReceiver } from './webhook-receiver';

const secret = `whsec_${Buffer.from('a test secret of thirty-two bytes').toString('base64')}`;
const body = JSON.stringify({ filingId: '3f1b8c1e-0a5e-4d43-9d2b-2b8d3c1f2e11', status: 'ACCEPTED' });

const attributes = { id: 'event-1', type: 'hub.contracts.filing.accepted', source: '/hub/contracts' };

/**
 * `webhook-ce-signature` by the README's words alone (node:crypto, none of the receiver's code): HMAC-SHA256 of
 * `id.timestamp.attributes` under the attribute key, HMAC-SHA256(secret bytes, ATTRIBUTE_KEY_TEXT).
 */
function attributeSignature(key: string, id: string, at: Date, attributesJson: string) {
  const secretBytes = Buffer.from(key.slice('whsec_'.length), 'base64');
  const attributeKey = createHmac('sha256', secretBytes).update(ATTRIBUTE_KEY_TEXT).digest();
  const text = `${id}.${Math.floor(at.getTime() / 1000)}.${attributesJson}`;
  return `v1,${createHmac('sha256', attributeKey).update(text).digest('base64')}`;
}

function headersFor(payload: string, at = new Date(), key = secret, id = 'msg_1') {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(key).sign(id, at, payload),
    // [ce-id, ce-type, ce-source, ce-subject or "", ce-time], as the hub signs them (no subject or time here)
    'webhook-ce-signature': attributeSignature(
      key,
      id,
      at,
      JSON.stringify([attributes.id, attributes.type, attributes.source, '', undefined]),
    ),
    'ce-specversion': '1.0',
    'ce-id': attributes.id,
    'ce-type': attributes.type,
    'ce-source': attributes.source,
  };
}

describe('the reference webhook receiver', () => {
  it('accepts a signed CloudEvent and hands over its data', () => {
    const verdict = verifyWebhook(secret, headersFor(body), body);
    expect(verdict).toEqual({
      ok: true,
      event: {
        webhookId: 'msg_1',
        id: 'event-1',
        type: 'hub.contracts.filing.accepted',
        source: '/hub/contracts',
        subject: undefined,
        time: undefined,
        data: JSON.parse(body),
      },
    });
  });

  it('refuses a tampered body', () => {
    const tampered = body.replace('ACCEPTED', 'RETURNED');
    expect(verifyWebhook(secret, headersFor(body), tampered)).toEqual({
      ok: false,
      status: 401,
      reason: 'No matching signature found',
    });
  });

  it('refuses ce- headers rewritten on the way, which the body signature does not cover', () => {
    // A genuine delivery stored again under another id, or relabelled as another type.
    for (const rewritten of [
      { 'ce-id': 'event-2' },
      { 'ce-type': 'hub.contracts.filing.returned' },
      { 'ce-subject': 'x' },
    ])
      expect(verifyWebhook(secret, { ...headersFor(body), ...rewritten }, body)).toEqual({
        ok: false,
        status: 401,
        reason: 'ce- headers not as signed: No matching signature found',
      });
    expect(verifyWebhook(secret, { ...headersFor(body), 'webhook-ce-signature': '' }, body)).toMatchObject({
      ok: false,
      status: 401,
    });
  });

  it('refuses an attribute signature made under the secret itself (the format before 2026-12-07)', () => {
    // Under the secret, the attributes' signature was also a body signature (test/webhook-signature-domains.test.ts).
    const at = new Date();
    const attributesJson = JSON.stringify([attributes.id, attributes.type, attributes.source, '', undefined]);
    const old = {
      ...headersFor(body, at),
      'webhook-ce-signature': new Webhook(secret).sign('msg_1', at, attributesJson),
    };
    expect(verifyWebhook(secret, old, body)).toEqual({
      ok: false,
      status: 401,
      reason: 'ce- headers not as signed: No matching signature found',
    });
  });

  it('refuses a signature made with another secret', () => {
    const other = `whsec_${Buffer.from('another secret, also 32 bytes!!!').toString('base64')}`;
    expect(verifyWebhook(secret, headersFor(body, new Date(), other), body)).toMatchObject({ ok: false, status: 401 });
  });

  it('refuses a replay older than 5 minutes, even correctly signed', () => {
    const sixMinutesAgo = new Date(Date.now() - 6 * 60_000);
    expect(verifyWebhook(secret, headersFor(body, sixMinutesAgo), body)).toEqual({
      ok: false,
      status: 401,
      reason: 'Message timestamp too old',
    });
    const fourMinutesAgo = new Date(Date.now() - 4 * 60_000);
    expect(verifyWebhook(secret, headersFor(body, fourMinutesAgo), body)).toMatchObject({ ok: true });
  });

  it('refuses a signed request that is not a CloudEvent', () => {
    const headers: Record<string, string> = headersFor(body);
    delete headers['ce-type'];
    expect(verifyWebhook(secret, headers, body)).toEqual({ ok: false, status: 400, reason: 'not a CloudEvent' });
  });
});

describe("the reference receiver's request handler", () => {
  let server: http.Server;
  let url: string;
  const received: string[] = [];
  let release: () => void = () => undefined;
  let failNext = false;

  beforeAll(async () => {
    server = http.createServer(
      webhookReceiver({
        secret,
        onEvent: async (event) => {
          received.push(event.webhookId);
          // Held until the test lets go: storage slower than the hub's 10 s wait.
          await new Promise<void>((resolve) => (release = resolve));
          if (failNext) throw new Error('database password expired for user bureau_app');
        },
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const deliver = (id: string, payload = body) =>
    fetch(url, { method: 'POST', headers: headersFor(payload, new Date(), secret, id), body: payload });
  const until = async (condition: () => boolean) => {
    for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  };

  it('hands a delivery to the code once, also when the hub retries it while the first is still being handled', async () => {
    const first = deliver('msg_slow');
    await until(() => received.length === 1);
    const retry = await deliver('msg_slow');
    expect([retry.status, await retry.text()]).toEqual([409, 'this delivery is being handled']);
    release();
    expect((await first).status).toBe(204);
    // Handled: a later copy is acknowledged without handing it over again.
    expect((await deliver('msg_slow')).status).toBe(204);
    expect(received).toEqual(['msg_slow']);
  });

  it("answers 500 without the party's own error text (kept in its log), and takes the retry", async () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined); // the default log
    failNext = true;
    const failing = deliver('msg_failing');
    await until(() => received.length === 2);
    release();
    const answer = await failing;
    expect([answer.status, await answer.text()]).toEqual([500, 'not handled; retry later']);
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(/msg_failing .*database password expired/));
    logged.mockRestore();
    failNext = false;
    const retried = deliver('msg_failing');
    await until(() => received.length === 3);
    release();
    expect((await retried).status).toBe(204);
  });

  it('refuses a body over 1 MiB, and a secret that is not one at once', async () => {
    const answer = await fetch(url, { method: 'POST', body: 'x'.repeat(1024 * 1024 + 1) }).catch((e: Error) => e);
    expect(answer instanceof Response ? answer.status : String(answer)).toBe(413);
    expect(() => webhookReceiver({ secret: 'whsec_not base64!', onEvent: () => undefined })).toThrow(
      /incorrect characters/,
    );
  });
});

describe("the reference webhook receiver's port from the environment", () => {
  const port = (value?: string) => portFromEnv({ PORT: value });

  it('is 8080 when unset or blank, else a whole 1 to 65535', () => {
    expect(port()).toBe(8080);
    expect(port('')).toBe(8080);
    // Before, a blank value was Number(' ') = 0: a random port nobody sends to.
    expect(port(' ')).toBe(8080);
    expect(port(' 8443 ')).toBe(8443);
    expect(port('1')).toBe(1);
    expect(port('65535')).toBe(65_535);
  });

  // Number() read 1e3 as 1000 and 0x1F90 as 8080 (before, taken), a typo as NaN (before, refused by listen() without
  // naming PORT).
  it.each(['0', '-1', '84.43', '8443a', '1e3', '0x1F90', '65536', '123456'])(
    'refuses %s at start-up, by name',
    (value) => {
      expect(() => port(value)).toThrow(`PORT must be a port, 1 to 65535, not ${value}`);
    },
  );
});
