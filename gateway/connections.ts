import type http from 'node:http';
import type { Socket } from 'node:net';
import { connectionsRefused } from '../platform/metrics';
import type { ConnectionLimits } from './config';
import { addressKey } from './rate-limit';

/**
 * Bounds what a client can hold of the gateway without sending one request. Node keeps an idle connection or one
 * stopped in its headers for 60–90 s and one trickling its body for up to 300 s (its `headersTimeout` and
 * `requestTimeout`, checked every 30 s; in one try two stalled connections outlived two minutes after a third had
 * expired in the same check), and sets no limit to their number: 30,000 idle connections from three addresses took the
 * gateway's process to its 20,000 open files, where every new socket or file fails (EMFILE).
 *
 * Each connection gets one timer: `headersMs` while it waits for a request's headers, `bodyMs` from a request's
 * headers for its body to have arrived, none while it is answered, `headersMs` again once no answer is pending.
 * Refusals are counted by `hub_gateway_connections_refused_total{reason}`.
 */
export function limitConnections(server: http.Server, limits: ConnectionLimits): void {
  server.maxConnections = limits.max;
  server.on('drop', () => connectionsRefused.inc({ reason: 'max_connections' }));
  const openPerAddress = new Map<string, number>();
  const guards = new WeakMap<Socket, ConnectionGuard>();

  server.on('connection', (socket: Socket) => {
    const key = addressKey(socket.remoteAddress ?? 'unknown');
    const open = openPerAddress.get(key) ?? 0;
    if (open >= limits.perAddress) {
      connectionsRefused.inc({ reason: 'per_address' });
      socket.destroy();
      return;
    }
    openPerAddress.set(key, open + 1);
    const guard = new ConnectionGuard(socket, limits);
    guards.set(socket, guard);
    socket.once('close', () => {
      guard.clear();
      const left = (openPerAddress.get(key) ?? 1) - 1;
      if (left > 0) openPerAddress.set(key, left);
      else openPerAddress.delete(key);
    });
  });

  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    guards.get(req.socket)?.requestStarted(req, res);
  });
}

class ConnectionGuard {
  private timer: NodeJS.Timeout | undefined;
  private answering = 0;

  constructor(
    private readonly socket: Socket,
    private readonly limits: ConnectionLimits,
  ) {
    this.waitForHeaders();
  }

  requestStarted(req: http.IncomingMessage, res: http.ServerResponse) {
    this.answering++;
    // `complete`: the parser has read the whole body, whether or not the runtime has consumed it yet
    this.arm(this.limits.bodyMs, () => (req.complete ? undefined : 'slow_body'));
    let done = false;
    const answered = () => {
      if (done) return;
      done = true;
      this.answering--;
      if (this.answering === 0 && !this.socket.destroyed) this.waitForHeaders();
    };
    res.once('finish', answered);
    res.once('close', answered);
  }

  clear() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private waitForHeaders() {
    this.arm(this.limits.headersMs, () => 'slow_headers');
  }

  /** At `ms`, closes the connection if `verdict` names a reason. */
  private arm(ms: number, verdict: () => 'slow_headers' | 'slow_body' | undefined) {
    this.clear();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const reason = verdict();
      if (!reason) return;
      connectionsRefused.inc({ reason });
      this.socket.destroy();
    }, ms).unref();
  }
}
