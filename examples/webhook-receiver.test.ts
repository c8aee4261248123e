import { Webhook } from 'standardwebhooks';
import { verifyWebhook } from './webhook-receiver';

const secret = `whsec_${Buffer.from('a test secret of thirty-two bytes').toString('base64')}`;
const body = JSON.stringify({ filingId: '3f1b8c1e-0a5e-4d43-9d2b-2b8d3c1f2e11', status: 'ACCEPTED' });

function headersFor(payload: string, at = new Date(), key = secret) {
  return {
    'webhook-id': 'msg_1',
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(key).sign('msg_1', at, payload),
    'ce-specversion': '1.0',
    'ce-id': 'event-1',
    'ce-type': 'hub.contracts.filing.accepted',
    'ce-source': '/hub/contracts',
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
