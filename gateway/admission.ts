import type { IncomingMessage } from 'node:http';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { cachedAssertionSigner, cachedUserTokenVerifier } from '../platform/auth/token-cache';
import { TokenSettings } from '../platform/auth/tokens';
import { logger } from '../platform/logging';
import { authenticate } from './authentication';
import { EdgeContext, admitCaller } from './caller';
import { EdgeConfig } from './config';
import { errorResponse } from './errors';
import { FixedWindowLimiter, addressKey } from './rate-limit';
import { refuseShape } from './request-shape';

export interface AdmissionOptions {
  config: EdgeConfig;
  tokens: TokenSettings;
  graphqlEndpoint: string;
  /** Where a caller without a token comes from; behind a proxy, the X-Forwarded-For hop you trust. */
  clientAddress?: (req: IncomingMessage | undefined) => string;
}

const log = logger.child({ component: 'gateway' });

/**
 * The first look at a request, before its body is read: the HTTP shape (415/405/400), the token (401), the rate
 * of the caller's organisation or address (429) and the declared body size (413). What it decides is kept for the
 * later hooks (gateway/caller.ts). An error escaping `onRequest` would be answered 500 with its stack trace, so
 * every outcome here is a response of its own.
 */
export function useAdmission(options: AdmissionOptions): GatewayPlugin<EdgeContext> {
  const { config, tokens } = options;
  const limiter = new FixedWindowLimiter();
  // A token is verified on its first request and remembered until it expires; one assertion per identity is signed
  // every few seconds (platform/auth/token-cache.ts): per request, both cost more than the rest of the edge.
  const verify = cachedUserTokenVerifier(tokens, config.tokenMaxLifetimeSeconds);
  const sign = cachedAssertionSigner(tokens);
  const address = options.clientAddress ?? ((req) => req?.socket?.remoteAddress ?? 'unknown');
  return {
    async onRequest({ request, url, serverContext, endResponse, fetchAPI }) {
      if (url.pathname !== options.graphqlEndpoint || request.method === 'OPTIONS') return; // preflight: CORS answers it, no token needed
      try {
        const shape = refuseShape(request.method, request.headers.get('content-type'), url);
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
        const rate = limiter.hit(key, limits.rate.max, limits.rate.windowMs);
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

        let signed: Promise<string> | undefined;
        const assertion = () => (signed ??= sign(auth.identity));
        admitCaller(request, { identity: auth.identity, anonymous: auth.anonymous, limits, assertion });
      } catch (error) {
        log.error({ err: error }, 'admission failed');
        return endResponse(errorResponse(fetchAPI, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error'));
      }
    },
  };
}
