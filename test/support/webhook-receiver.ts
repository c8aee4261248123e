import http from 'node:http';
import { AddressInfo } from 'node:net';
import { ReceivedEvent, webhookReceiver } from '../../examples/webhook-receiver';

/** A request as it came: its headers and body, for checking its signatures under other secrets. */
export interface RawRequest {
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The receiver's answer. */
  status?: number;
}

/**
 * A party's receiver: the reference receiver of examples/, failing with 500 while `failing()` says so. `raw` keeps
 * every request as it came.
 */
export async function startReceiver(failing: () => boolean = () => false) {
  const events: ReceivedEvent[] = [];
  const raw: RawRequest[] = [];
  let requests = 0;
  let secret = '';
  // One handler per request would forget the webhook-ids seen; keep one receiver, made with the secret once known,
  // and made again when the party puts another secret in (after a rotation), as a restart of it would.
  let receiver: http.RequestListener | undefined;
  const server = http.createServer((req, res) => {
    requests++;
    const request: RawRequest = { headers: req.headers, body: '' };
    raw.push(request);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => void chunks.push(chunk));
    req.on('end', () => void (request.body = Buffer.concat(chunks).toString('utf8')));
    res.on('finish', () => void (request.status = res.statusCode));
    receiver ??= webhookReceiver({
      secret,
      onEvent: (event) => {
        if (failing()) throw new Error('receiver still down');
        events.push(event);
      },
      // The failures it is told to give are the test's own: not reported.
      log: () => undefined,
    });
    receiver(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    events,
    raw,
    requests: () => requests,
    useSecret: (s: string) => {
      if (s !== secret) receiver = undefined;
      secret = s;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type TestReceiver = Awaited<ReturnType<typeof startReceiver>>;
