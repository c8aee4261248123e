/**
 * CORS for the configured origins only; none by default. The factory form answers an origin off the list with no
 * CORS headers at all. (The runtime's list form answers an unknown origin with `Access-Control-Allow-Origin: null`
 * once the list has two entries, which a sandboxed page's `Origin: null` then satisfies, and it allows credentials
 * unless told otherwise.) Preflights are answered before authentication, without a token.
 */
export interface CorsAnswer {
  origin: string;
  methods: string[];
  allowedHeaders: string[];
  exposedHeaders: string[];
  credentials: boolean;
  maxAge: number;
}

export function corsFor(allowedOrigins: readonly string[]): (request: Request) => CorsAnswer | false {
  const allowed = new Set(allowedOrigins);
  return (request) => {
    const origin = request.headers.get('origin');
    if (!origin || !allowed.has(origin)) return false;
    return {
      origin,
      methods: ['GET', 'POST'],
      allowedHeaders: ['authorization', 'content-type', 'x-request-id'],
      exposedHeaders: ['retry-after', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset'],
      credentials: false,
      maxAge: 600,
    };
  };
}
