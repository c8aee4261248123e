import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { cachedAssertionSigner, cachedUserTokenVerifier } from '../platform/auth/token-cache';
import { TokenSettings } from '../platform/auth/tokens';
import { KeyedConcurrencyLimit, Turn } from '../kernel/concurrency-limit';
import { logger } from '../platform/logging';
import { authenticate } from './authentication';
import { EdgeContext, admitCaller } from './caller';
import { EdgeConfig } from './config';
import { errorResponse } from './errors';
import { FixedWindowLimiter, addressKey } from './rate-limit';
import { callerAddress } from './client-address';
import { refuseShape } from './request-shape';

export interface AdmissionOptions {
  config: EdgeConfig;
  tokens: TokenSettings;
  graphqlEndpoint: string;
}

const log = logger.child({ component: 'gateway' });

/** A request of a key (organisation or address) that has too many being answered, and the queue or wait used up. */
class InFlightBusy extends Error {
  constructor(readonly reason: 'QUEUE_FULL' | 'WAIT_TIMEOUT') {
    super(`in flight: ${reason}`);
  }
}

/**
 * The first look at a request, before its body is read: the HTTP shape (415/405/400), the token (401), the rate
 * of the caller's organisation or address (429), the declared body size (413) and its requests in flight (a wait
 * for its turn, or 429). What it decides is kept for the later hooks (gateway/caller.ts). An error escaping
 * `onRequest` would be answered 500 with its stack trace, so every outcome here is a response of its own.
 */
export function useAdmission(options: AdmissionOptions): GatewayPlugin<EdgeContext> {
  const { config, tokens } = options;
  // Organisations apart from addresses: a caller with many addresses (an IPv6 /48 is 65,536 /64s) filling the map
  // would otherwise sweep the organisations' open windows away and give their counts a fresh start.
  const limiters = { org: new FixedWindowLimiter(), address: new FixedWindowLimiter() };
  // Keyed as the rate: an organisation's requests, or an address's without a token, answered at once.
  const inFlight = new KeyedConcurrencyLimit(
    (key) => {
      const { max, queued, waitMs } = key.startsWith('org:')
        ? config.authenticated.inFlight
        : config.anonymous.inFlight;
      return { running: max, queued, waitMs };
    },
    (reason) => new InFlightBusy(reason),
  );
  // A token is verified on its first request and remembered until it expires; one assertion per identity is signed
  // every few seconds (platform/auth/token-cache.ts): per request, both cost more than the rest of the edge.
  const verify = cachedUserTokenVerifier(tokens, config.tokenMaxLifetimeSeconds);
  const sign = cachedAssertionSigner(tokens);
  // Where a caller without a token comes from: its peer, or behind a trusted proxy the hop that proxy saw.
  const trusted = new Set(config.trustedProxies);
  const address = (req: IncomingMessage | undefined) =>
    callerAddress(req?.socket?.remoteAddress ?? 'unknown', req?.headers['x-forwarded-for'], trusted);
  return {
    async onRequest({ request, url, serverContext, endResponse, fetchAPI }) {
      if (url.pathname !== options.graphqlEndpoint || request.method === 'OPTIONS') return; // preflight: CORS answers it, no token needed
      try {
        const shape = refuseShape(
          request.method,
          request.headers.get('content-type'),
          url,
          request.headers.get('accept'),
        );
        if (shape) return endResponse(errorResponse(fetchAPI, shape.status, shape.code, shape.message, shape.headers));

        const auth = await authenticate(request.headers.get('authorization'), verify);
        if (!auth.ok) {
          return endResponse(
            errorResponse(fetchAPI, 401, 'UNAUTHENTICATED', `unauthenticated: ${auth.reason}`, {
              'WWW-Authenticate': 'Bearer error="invalid_token"',
            }),
          );
        }
        const limits = auth.anonymous ? config.anonymous : config.authenticated;

        const key = auth.anonymous
          ? `address:${addressKey(address((serverContext as { req?: IncomingMessage }).req))}`
          : `org:${auth.identity.organisationId}`;
        const rate = limiters[auth.anonymous ? 'address' : 'org'].hit(key, limits.rate.max, limits.rate.windowMs);
        if (!rate.ok) {
          return endResponse(
            errorResponse(
              fetchAPI,
              429,
              'RATE_LIMITED',
              `more than ${rate.limit} requests in ${limits.rate.windowMs / 1000} s; retry after ${rate.retryAfterSeconds} s`,
              {
                'Retry-After': String(rate.retryAfterSeconds),
                'RateLimit-Limit': String(rate.limit),
                'RateLimit-Remaining': '0',
                'RateLimit-Reset': String(rate.retryAfterSeconds),
              },
            ),
          );
        }

        const declared = request.headers.get('content-length');
        if (declared !== null && (!/^\d+$/.test(declared) || Number(declared) > limits.bodyBytes)) {
          return endResponse(
            errorResponse(fetchAPI, 413, 'PAYLOAD_TOO_LARGE', `the request body is over ${limits.bodyBytes} bytes`),
          );
        }

        // Waits here, its body unread, while its organisation (or address) has `inFlight.max` requests being answered,
        // so a burst of one party's requests waits for its own, not in front of everyone else's at the subgraphs.
        let turn: Turn;
        try {
          turn = await inFlight.acquire(key);
        } catch (error) {
          if (!(error instanceof InFlightBusy)) throw error;
          const { max, queued, waitMs } = limits.inFlight;
          return endResponse(
            errorResponse(
              fetchAPI,
              429,
              'RATE_LIMITED',
              error.reason === 'QUEUE_FULL'
                ? `${max} requests being answered and ${queued} waiting already; retry when one is answered`
                : `waited ${waitMs / 1000} s while ${max} requests were being answered; retry`,
              { 'Retry-After': '1' },
            ),
          );
        }
        const res = (serverContext as { res?: ServerResponse }).res;
        if (!res || res.closed) turn.release();
        else res.once('close', () => turn.release());

        let signed: Promise<string> | undefined;
        const assertion = () => (signed ??= sign(auth.identity));
        admitCaller(request, { identity: auth.identity, anonymous: auth.anonymous, key, limits, assertion });
      } catch (error) {
        log.error({ err: error }, 'admission failed');
        return endResponse(errorResponse(fetchAPI, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error'));
      }
    },
  };
}
