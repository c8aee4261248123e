import type http from 'node:http';
import type { Socket } from 'node:net';
import { connectionsRefused } from '../platform/metrics';
import type { ConnectionLimits } from './config';
import { addressKey } from './rate-limit';
import { canonicalAddress } from './client-address';

/**
 * Bounds what a client can hold of the gateway without sending one request. Node keeps an idle connection or one
 * stopped in its headers for 60–90 s and one trickling its body for up to 300 s (its `headersTimeout` and
 * `requestTimeout`, checked every 30 s; in one try two stalled connections outlived two minutes after a third had
 * expired in the same check), and sets no limit to their number: 30,000 idle connections from three addresses took the
 * gateway's process to its 20,000 open files, where every new socket or file fails (EMFILE).
 *
 * Each connection gets one timer: `headersMs` while it waits for a request's headers, `bodyMs` from a request's
 * headers for its body to have arrived, `answerStallMs` at a time while it is answered, `headersMs` again once no
 * answer is pending. An answer is never cut for taking long, only for a client that takes none of it: one whose
 * answer has bytes waiting at two checks `answerStallMs` apart, and the client took not one of them in between, is
 * closed (as nginx's `send_timeout`). Such a client held its answer in the gateway's memory for as long as it kept the
 * connection open (four unread answers of 14 MB took the heap from 36 to 142 MB for as long as we watched; what one
 * caller may hold at once is bounded by gateway/answer-budget.ts).
 * Refusals are counted by `hub_gateway_connections_refused_total{reason}`.
 */
export function limitConnections(
  server: http.Server,
  limits: ConnectionLimits,
  trustedProxies: readonly string[] = [],
): void {
  const trusted = new Set(trustedProxies);
  server.maxConnections = limits.max;
  server.on('drop', () => connectionsRefused.inc({ reason: 'max_connections' }));
  const openPerAddress = new Map<string, number>();
  const guards = new WeakMap<Socket, ConnectionGuard>();

  server.on('connection', (socket: Socket) => {
    // A trusted proxy's connections are its pool for every caller behind it: only the gateway's maximum holds them,
    // and they are not counted against the other hosts of its /64 either.
    const address = canonicalAddress(socket.remoteAddress ?? 'unknown');
    if (!trusted.has(address)) {
      const key = addressKey(address);
      const open = openPerAddress.get(key) ?? 0;
      if (open >= limits.perAddress) {
        connectionsRefused.inc({ reason: 'per_address' });
        socket.destroy();
        return;
      }
      openPerAddress.set(key, open + 1);
      socket.once('close', () => {
        const left = (openPerAddress.get(key) ?? 1) - 1;
        if (left > 0) openPerAddress.set(key, left);
        else openPerAddress.delete(key);
      });
    }
    const guard = new ConnectionGuard(socket, limits);
    guards.set(socket, guard);
    socket.once('close', () => guard.clear());
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
    let done = false;
    // `complete`: the parser has read the whole body, whether or not the runtime has consumed it yet
    if (req.complete) this.watchAnswers();
    else {
      this.arm(this.limits.bodyMs, () => (req.complete ? this.watchAnswers() : 'slow_body'));
      req.once('end', () => done || this.watchAnswers());
    }
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

  /**
   * While answers are pending: every `answerStallMs`, the client must have taken some of what waited for it at the
   * last check. Returns undefined, having armed the next check, when it did, or when nothing waited.
   */
  private watchAnswers(last = this.sendState()): undefined {
    this.arm(this.limits.answerStallMs, () => {
      const now = this.sendState();
      if (last.waiting > 0 && now.waiting > 0 && now.taken === last.taken) return 'slow_read';
      return this.answering > 0 ? this.watchAnswers(now) : undefined;
    });
    return undefined;
  }

  /**
   * Bytes waiting for the client in the socket, and a mark of how far the kernel has taken them: the bytes whose
   * writes completed, and what is left of the write under way (libuv's `writeQueueSize`: an answer goes to the socket
   * as one write of up to 1 MiB, which completes only once all of it is taken, so a slow client's progress within it
   * shows only there).
   */
  private sendState(): { waiting: number; taken: string } {
    const socket = this.socket;
    const queued = (socket as Socket & { _handle?: { writeQueueSize?: number } })._handle?.writeQueueSize ?? 0;
    return { waiting: socket.writableLength, taken: `${socket.bytesWritten - socket.writableLength}/${queued}` };
  }

  /** At `ms`, closes the connection if `verdict` names a reason. */
  private arm(ms: number, verdict: () => 'slow_headers' | 'slow_body' | 'slow_read' | undefined) {
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
