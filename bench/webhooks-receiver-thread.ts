/**
 * The parties' receiver of bench:webhooks, in a thread of its own as it would be in another system: the reference
 * receiver (examples/) per subscription path, verifying every signature. Reports arrivals to the main thread in
 * batches: [arrival time, commit → delivered latency].
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { parentPort } from 'node:worker_threads';
import { webhookReceiver } from '../examples/webhook-receiver';

const handlers = new Map<string, http.RequestListener>();
let pending: [number, number][] = [];
const server = http.createServer((req, res) => {
  const handler = handlers.get(req.url ?? '');
  if (!handler) return void res.writeHead(404).end();
  handler(req, res);
});
setInterval(() => {
  if (pending.length === 0) return;
  parentPort!.postMessage({ arrivals: pending });
  pending = [];
}, 20).unref();

parentPort!.on('message', (message: { path: string; secret: string } | 'stop') => {
  if (message === 'stop') return void server.close(() => process.exit(0));
  handlers.set(
    message.path,
    webhookReceiver({
      secret: message.secret,
      onEvent: (event) => void pending.push([Date.now(), Date.now() - Date.parse(event.time!)]),
    }),
  );
});
server.listen(0, '127.0.0.1', () => parentPort!.postMessage({ port: (server.address() as AddressInfo).port }));
