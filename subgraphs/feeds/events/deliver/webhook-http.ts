import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { storableText } from '../../../../kernel/storable-text';
import { WebhookUrlPolicy, hostOf, refusedAddresses } from '../../domain/webhook-url';
import { HostResolver, hostResolver } from '../../application/webhook-url-check';

/** What one POST got: the status code (null when none came), how long it took, the error, the first KiB of the body. */
export interface HttpOutcome {
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  responseBody: string | null;
}

export interface HttpSettings {
  policy: WebhookUrlPolicy;
  timeoutMs: number;
  maxResponseBytes: number;
  /** DNS servers for the receivers' hosts; the system's when empty or left out. */
  dnsServers?: string[];
  /** How long each DNS query waits, and how often it is tried (WEBHOOK_DNS when left out). */
  dns?: { timeoutMs: number; tries: number };
  /** How long a connection kept alive may stay unused before it is closed (IDLE_CONNECTION_MS when left out). */
  idleMs?: number;
}

/**
 * How long an unused kept-alive connection to a receiver stays open, and how many stay per receiver. Unbounded, a
 * receiver that never closed its side kept every connection of a burst open for good (512 after 60 s in a helper's
 * audit, 2026-12-04), and a party re-creating its subscription on new ports added more without end, towards the
 * process's open-file limit.
 */
export const IDLE_CONNECTION_MS = 5_000;
const FREE_CONNECTIONS_PER_RECEIVER = 4;
/** All connections to receivers at once: above the sender's 256 deliveries in flight (webhook-config.ts). */
const MAX_CONNECTIONS = 1024;

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | { address: string; family: number }[],
  family?: number,
) => void;

/**
 * A resolver for the sockets themselves: every address the host resolves to is checked on every connection, so a
 * host that passed at subscription time cannot be pointed at an internal address afterwards (DNS rebinding). The
 * host is resolved by c-ares with a timeout, off the thread pool (webhook-url-check.ts).
 */
function guardedLookup(policy: WebhookUrlPolicy, resolve: HostResolver) {
  return (hostname: string, options: { all?: boolean; family?: number }, callback: LookupCallback) => {
    resolve(hostname).then(
      (found) => {
        if (found.length === 0)
          return callback(Object.assign(new Error(`${hostname} did not resolve`), { code: 'ENOTFOUND' }), []);
        const refused = refusedAddresses(hostname.toLowerCase(), found, policy);
        if (refused.length > 0)
          return callback(
            Object.assign(new Error(`${hostname} resolves to an internal address`), { code: 'EADDRNOTALLOWED' }),
            [],
          );
        const addresses = found.map((address) => ({ address, family: isIP(address) }));
        const usable = options.family ? addresses.filter((a) => a.family === options.family) : addresses;
        if (options.all) return callback(null, usable);
        const first = usable[0];
        if (!first)
          return callback(Object.assign(new Error(`${hostname} has no usable address`), { code: 'ENOTFOUND' }), []);
        callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, []),
    );
  };
}

/** Keep-alive agents shared by the sender loops: one connection per receiver is reused across deliveries. */
export class WebhookHttpClient {
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;

  constructor(private readonly settings: HttpSettings) {
    const lookup = guardedLookup(
      settings.policy,
      hostResolver(settings.dnsServers, settings.dns),
    ) as unknown as http.AgentOptions['lookup'];
    // `timeout` closes a connection once it has been unused that long (a delivery in progress has its own timer).
    const agent = {
      keepAlive: true,
      maxSockets: 128,
      maxFreeSockets: FREE_CONNECTIONS_PER_RECEIVER,
      maxTotalSockets: MAX_CONNECTIONS,
      timeout: settings.idleMs ?? IDLE_CONNECTION_MS,
      lookup,
    };
    this.httpAgent = new http.Agent(agent as http.AgentOptions);
    this.httpsAgent = new https.Agent(agent as https.AgentOptions);
  }

  /** POSTs the body; never follows a redirect (a 3xx is a failed attempt), gives up after the timeout. */
  post(rawUrl: string, headers: Record<string, string>, body: string): Promise<HttpOutcome> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const url = new URL(rawUrl);
    const host = hostOf(url);
    // An IP literal is never looked up, so it is checked here.
    if (isIP(host) && refusedAddresses(host, [host], this.settings.policy).length > 0) {
      return Promise.resolve({
        statusCode: null,
        latencyMs: 0,
        error: `${host} is an internal address`,
        responseBody: null,
      });
    }
    const secure = url.protocol === 'https:';
    return new Promise<HttpOutcome>((resolve) => {
      let settled = false;
      const finish = (outcome: HttpOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(outcome);
      };
      const request = (secure ? https : http).request(
        url,
        {
          method: 'POST',
          agent: secure ? this.httpsAgent : this.httpAgent,
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          let kept = 0;
          response.on('data', (chunk: Buffer) => {
            if (kept < this.settings.maxResponseBytes) {
              const part = chunk.subarray(0, this.settings.maxResponseBytes - kept);
              chunks.push(part);
              kept += part.length;
            }
            if (kept >= this.settings.maxResponseBytes) response.destroy();
          });
          const done = () =>
            finish({
              statusCode: response.statusCode ?? null,
              latencyMs: elapsed(),
              error: null,
              responseBody:
                kept > 0
                  ? // A character cut at the byte limit is left out (stream), not turned into U+FFFD. NUL, which a
                    // binary or compressed answer holds, becomes U+FFFD: storing one failed the whole batch's record.
                    storableText(
                      new TextDecoder().decode(Buffer.concat(chunks), {
                        stream: kept >= this.settings.maxResponseBytes,
                      }),
                      this.settings.maxResponseBytes,
                    )
                  : null,
            });
          response.on('end', done);
          response.on('close', done);
          response.on('error', done);
        },
      );
      const timer = setTimeout(() => {
        request.destroy();
        finish({
          statusCode: null,
          latencyMs: elapsed(),
          error: `no answer within ${this.settings.timeoutMs} ms`,
          responseBody: null,
        });
      }, this.settings.timeoutMs);
      request.on('error', (error) =>
        finish({ statusCode: null, latencyMs: elapsed(), error: storableText(error.message, 500), responseBody: null }),
      );
      request.end(body);
    });
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}
