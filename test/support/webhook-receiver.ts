import http from 'node:http';
import { AddressInfo } from 'node:net';
import { ReceivedEvent, webhookReceiver } from '../../examples/webhook-receiver';

/** A party's receiver: the reference receiver of examples/, failing with 500 while `failing()` says so. */
export async function startReceiver(failing: () => boolean = () => false) {
  const events: ReceivedEvent[] = [];
  let requests = 0;
  let secret = '';
  // One handler per request would forget the webhook-ids seen; keep one receiver, swapping the secret in once known.
  let receiver: http.RequestListener | undefined;
  const server = http.createServer((req, res) => {
    requests++;
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
    requests: () => requests,
    useSecret: (s: string) => void (secret = s),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type TestReceiver = Awaited<ReturnType<typeof startReceiver>>;
