import { commaList } from '../kernel/comma-list';
import { trustedProxies } from './client-address';

/**
 * Every limit the edge applies, in one place, with its default. The README's Identity and Errors sections list
 * them; the environment overrides the ones an operator tunes (rates, body size, cost, token lifetime, CORS).
 *
 * Two tiers: a caller without a token may only ask the public question (publicity, 双晒), so its limits fit that
 * one small query; an authenticated caller's fit the heaviest dashboard query of any role (test/edge-dashboards).
 */
export interface CallerLimits {
  /** Request body in bytes; larger is 413 PAYLOAD_TOO_LARGE. */
  bodyBytes: number;
  /** GraphQL tokens in `query`, counted by a flat lexer pass before the recursive parser runs. */
  tokens: number;
  /** Brackets `{ [ (` nested in `query` (same pass): bounds every recursion that follows, list literals included. */
  nesting: number;
  /** Field depth (GraphQL Armor, fragments expanded). */
  depth: number;
  aliases: number;
  directives: number;
  /** Whole-operation cost with the subgraphs' `@cost`/`@listSize` (gateway/cost.ts). */
  cost: number;
  /** Requests per window per key: the verified `org` claim, or the client address without a token. */
  rate: { max: number; windowMs: number };
  /**
   * Requests of one key being answered at once; up to `queued` more wait their turn (before their body is read), each
   * at most `waitMs`; beyond, 429 RATE_LIMITED.
   */
  inFlight: { max: number; queued: number; waitMs: number };
  /**
   * Bytes of one key's answers the gateway holds while their clients read them; an answer that would pass it (when
   * some are held already) is refused 429 RATE_LIMITED instead (gateway/answer-budget.ts).
   */
  answerBytes: number;
}

/** How many connections the edge keeps open, and how long one may wait for the request it is there for. */
export interface ConnectionLimits {
  /** Open connections of the whole gateway; past it a new one is closed at once, before any byte is read. */
  max: number;
  /** Open connections from one client address (an IPv6 address counted by its /64, as the anonymous rate). */
  perAddress: number;
  /** A connection holding no request in progress is closed when its next request's headers take longer. */
  headersMs: number;
  /** A request's body must have arrived whole this long after its headers. */
  bodyMs: number;
  /** A client must take some of an answer waiting for it within this long (gateway/connections.ts). */
  answerStallMs: number;
}

export interface EdgeConfig {
  /** NODE_ENV=production: field suggestions ("Did you mean …") are hidden from everyone, not only anonymous callers. */
  production: boolean;
  anonymous: CallerLimits;
  authenticated: CallerLimits;
  /** Hard token ceiling of the parser whoever calls (its cache is keyed by the query text alone). */
  parserTokenCeiling: number;
  /** Items assumed for a list field the subgraphs gave no `@listSize`. */
  defaultListSize: number;
  /** Counted once per mutation, so a document of many mutations is not free. */
  mutationCost: number;
  /** Longest lifetime (exp − iat) of a caller's JWT; a token without `exp` is refused too. */
  tokenMaxLifetimeSeconds: number;
  /** Browser origins allowed to call the API (exact match); none by default. */
  corsOrigins: string[];
  /**
   * The addresses of the proxies in front of the gateway (a TLS terminator, a load balancer), whose
   * `X-Forwarded-For` names the caller an anonymous limit counts (gateway/client-address.ts); none by default.
   */
  trustedProxies: string[];
  /** How long `/readyz` waits for a dependency, and how long one answer serves every prober. */
  readiness: { timeoutMs: number; ttlMs: number };
  /**
   * Bytes of answers the gateway holds for all callers while their clients read them; an answer over 64 KiB that would
   * pass it is refused 503 SERVICE_UNAVAILABLE (gateway/answer-budget.ts).
   */
  answerBytes: number;
  /** Open connections, in all and per client address, and how long a request may take to arrive (gateway/connections.ts). */
  connections: ConnectionLimits;
  /**
   * How long a subgraph has to start answering one fetch before the request is answered SUBGRAPH_TIMEOUT
   * (gateway/instances.ts): above a subgraph's own bounds (a statement 30 s, waiting for a connection 15 s).
   */
  subgraphTimeoutMs: number;
}

const KB = 1024;
const MB = 1024 * KB;
const MINUTE = 60_000;

export const DEFAULT_EDGE_CONFIG: EdgeConfig = {
  production: false,
  anonymous: {
    bodyBytes: 64 * KB,
    tokens: 300,
    nesting: 12,
    depth: 6,
    aliases: 5,
    directives: 3,
    cost: 500,
    rate: { max: 60, windowMs: MINUTE },
    inFlight: { max: 8, queued: 60, waitMs: 20_000 },
    answerBytes: 4 * MB,
  },
  authenticated: {
    bodyBytes: 1024 * KB,
    tokens: 3000,
    nesting: 32,
    depth: 12,
    aliases: 30,
    directives: 20,
    cost: 20_000,
    rate: { max: 1200, windowMs: MINUTE },
    inFlight: { max: 64, queued: 1200, waitMs: 20_000 },
    answerBytes: 64 * MB,
  },
  parserTokenCeiling: 3000,
  defaultListSize: 50,
  mutationCost: 10,
  tokenMaxLifetimeSeconds: 12 * 60 * 60,
  corsOrigins: [],
  trustedProxies: [],
  readiness: { timeoutMs: 2000, ttlMs: 1000 },
  answerBytes: 128 * MB,
  connections: { max: 10_000, perAddress: 256, headersMs: 20_000, bodyMs: 60_000, answerStallMs: 30_000 },
  subgraphTimeoutMs: 60_000,
};

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive whole number, not "${raw}"`);
  return value;
}

/** `600/60` = 600 requests per 60 seconds. */
function rate(env: NodeJS.ProcessEnv, name: string, fallback: CallerLimits['rate']): CallerLimits['rate'] {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const match = /^(\d+)\/(\d+)$/.exec(raw.trim());
  if (!match || Number(match[1]) <= 0 || Number(match[2]) <= 0)
    throw new Error(`${name} must read <requests>/<seconds>, e.g. 600/60, not "${raw}"`);
  return { max: Number(match[1]), windowMs: Number(match[2]) * 1000 };
}

/**
 * The edge's settings from the environment:
 * HUB_RATE_LIMIT (per organisation, default 1200/60), HUB_ANONYMOUS_RATE_LIMIT (per address, default 60/60),
 * HUB_BODY_LIMIT_BYTES (authenticated, default 1 MiB), HUB_COST_LIMIT (authenticated, default 20000),
 * HUB_JWT_MAX_LIFETIME_SECONDS (default 43200 = 12 h), HUB_CORS_ORIGINS (comma-separated, default none),
 * HUB_MAX_CONNECTIONS (default 10000), HUB_CONNECTIONS_PER_ADDRESS (default 256, not counted for a trusted proxy),
 * HUB_IN_FLIGHT_LIMIT (requests of one organisation answered at once, default 64), HUB_SUBGRAPH_TIMEOUT_MS (a
 * subgraph's time to answer, default 60000), HUB_TRUSTED_PROXIES (the proxies' addresses, comma-separated).
 */
export function edgeConfig(env: NodeJS.ProcessEnv = process.env): EdgeConfig {
  const d = DEFAULT_EDGE_CONFIG;
  return {
    ...d,
    production: env.NODE_ENV === 'production',
    anonymous: { ...d.anonymous, rate: rate(env, 'HUB_ANONYMOUS_RATE_LIMIT', d.anonymous.rate) },
    authenticated: {
      ...d.authenticated,
      bodyBytes: positiveInteger(env, 'HUB_BODY_LIMIT_BYTES', d.authenticated.bodyBytes),
      cost: positiveInteger(env, 'HUB_COST_LIMIT', d.authenticated.cost),
      rate: rate(env, 'HUB_RATE_LIMIT', d.authenticated.rate),
      inFlight: {
        ...d.authenticated.inFlight,
        max: positiveInteger(env, 'HUB_IN_FLIGHT_LIMIT', d.authenticated.inFlight.max),
      },
    },
    tokenMaxLifetimeSeconds: positiveInteger(env, 'HUB_JWT_MAX_LIFETIME_SECONDS', d.tokenMaxLifetimeSeconds),
    connections: {
      ...d.connections,
      max: positiveInteger(env, 'HUB_MAX_CONNECTIONS', d.connections.max),
      perAddress: positiveInteger(env, 'HUB_CONNECTIONS_PER_ADDRESS', d.connections.perAddress),
    },
    corsOrigins: commaList(env.HUB_CORS_ORIGINS),
    trustedProxies: trustedProxies(env.HUB_TRUSTED_PROXIES),
    subgraphTimeoutMs: positiveInteger(env, 'HUB_SUBGRAPH_TIMEOUT_MS', d.subgraphTimeoutMs),
  };
}
