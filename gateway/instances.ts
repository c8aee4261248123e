import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { commaList } from '../kernel/comma-list';
import type { EdgeContext } from './caller';
import type { EdgeCode } from './errors';

/**
 * Several instances of a subgraph behind one gateway, without a load balancer in front: Hive Gateway's runtime
 * takes one URL per subgraph (the supergraph's `join__graph`), so this plugin, on each subgraph fetch, picks the
 * subgraph's next instance in turn (round robin, skipping one that refused a connection within the last
 * `quarantineMs`).
 *
 * When an instance cannot be reached, the fetch moves on to the next instance only when that is safe:
 * - a query (reads, entity fetches) is retried on the other instances;
 * - a read of a subgraph with one instance is tried once more on it;
 * - a mutation is retried only when its connection was refused (ECONNREFUSED: the request never reached a server,
 *   so nothing was applied). A connection that broke after the request was sent (an instance killed mid-request)
 *   may have committed: the caller gets `SUBGRAPH_UNAVAILABLE` and retries with the same idempotency key.
 */
export interface SubgraphInstances {
  /** Each subgraph's instance URLs; the first is the one the supergraph names. */
  instances: Record<string, string[]>;
  quarantineMs?: number;
  /**
   * How long an instance has to start answering a fetch (its status and headers; the body, bounded and from a nearby
   * subgraph, is read without a timer). Past it the fetch is abandoned and answered `SUBGRAPH_TIMEOUT`, on no other
   * instance: a subgraph that slow is slow on each. None when not given.
   */
  timeoutMs?: number;
}

export const SUBGRAPH_UNAVAILABLE: EdgeCode = 'SUBGRAPH_UNAVAILABLE';
export const SUBGRAPH_TIMEOUT: EdgeCode = 'SUBGRAPH_TIMEOUT';

/** The error codes of a failed connection behind a fetch failure (undici wraps them in `cause`). */
function connectionErrorCode(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    if (typeof e.code === 'string') return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}

const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function failure(message: string, code: EdgeCode): Response {
  return new Response(JSON.stringify({ data: null, errors: [{ message, extensions: { code } }] }), {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

function unavailable(subgraph: string, mayHaveApplied: boolean): Response {
  const message = mayHaveApplied
    ? `the ${subgraph} subgraph instance stopped answering during the mutation; it may or may not have been applied: retry it with the same idempotency key`
    : `no instance of the ${subgraph} subgraph answered`;
  return failure(message, SUBGRAPH_UNAVAILABLE);
}

function timedOut(subgraph: string, timeoutMs: number, mutation: boolean): Response {
  const message = `the ${subgraph} subgraph did not answer within ${timeoutMs / 1000} s${mutation ? '; the mutation may or may not have been applied: retry it with the same idempotency key' : ''}`;
  return failure(message, SUBGRAPH_TIMEOUT);
}

/**
 * `fetchFn` with a timer until the answer's headers arrive: the runtime's own signal (the subgraph's, aborted when the
 * gateway stops) still aborts it. A listener on that shared signal is added and removed per fetch (AbortSignal.any
 * would tie a dependent signal to it for the life of the process).
 */
async function fetchWithin<I extends { signal?: AbortSignal | null }, T>(
  timeoutMs: number | undefined,
  init: I | undefined,
  fetch: (init: I | undefined) => T | Promise<T>,
): Promise<{ answer: T } | { timedOut: true }> {
  if (!timeoutMs) return { answer: await fetch(init) };
  const controller = new AbortController();
  const outer = init?.signal ?? undefined;
  const forward = () => controller.abort(outer?.reason);
  if (outer?.aborted) forward();
  else outer?.addEventListener('abort', forward, { once: true });
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort(new Error(`no answer within ${timeoutMs} ms`));
  }, timeoutMs);
  try {
    return { answer: await fetch({ ...init, signal: controller.signal } as I) };
  } catch (error) {
    if (expired) return { timedOut: true };
    throw error;
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', forward);
  }
}

export function useSubgraphInstances(options: SubgraphInstances): GatewayPlugin<EdgeContext> {
  const quarantineMs = options.quarantineMs ?? 1000;
  const pools = new Map(
    Object.entries(options.instances)
      .filter(([, urls]) => urls.length > 0)
      .map(([subgraph, urls]) => [urls[0], { subgraph, urls, next: 0, downUntil: urls.map(() => 0) }]),
  );
  return {
    onFetch({ url, setFetchFn, fetchFn, executionRequest }) {
      const pool = pools.get(url);
      if (!pool) return;
      const isMutation = executionRequest?.operationType === 'mutation';
      setFetchFn(async (_url, init, context, info) => {
        const start = pool.next++ % pool.urls.length;
        const now = Date.now();
        const order = pool.urls
          .map((_, i) => (start + i) % pool.urls.length)
          .sort((a, b) => Number(pool.downUntil[a] > now) - Number(pool.downUntil[b] > now));
        // A read of a single instance is tried twice: a connection that broke (a kept-alive socket the instance
        // had just closed, a reset under load) is most often fine on a fresh one.
        const attempts = !isMutation && order.length === 1 ? [order[0], order[0]] : order;
        for (const i of attempts) {
          try {
            const fetched = await fetchWithin(options.timeoutMs, init, (signalled) =>
              fetchFn(pool.urls[i], signalled, context, info),
            );
            if ('timedOut' in fetched) return timedOut(pool.subgraph, options.timeoutMs!, isMutation);
            return fetched.answer;
          } catch (error) {
            const code = connectionErrorCode(error);
            const neverSent = code !== undefined && NEVER_SENT.has(code);
            if (neverSent) pool.downUntil[i] = Date.now() + quarantineMs;
            if (init?.signal?.aborted) throw error;
            if (isMutation && !neverSent) return unavailable(pool.subgraph, true);
          }
        }
        return unavailable(pool.subgraph, false);
      });
    },
  };
}

/** `SUBGRAPH_<NAME>_URL` as one URL or a comma-separated list of one subgraph's instances. */
export const instanceUrls = (value: string | undefined): string[] => commaList(value);

/**
 * Each subgraph's instances from `SUBGRAPH_<NAME>_URL`, checked at start: every URL http or https with a host, no
 * variable of a subgraph the hub does not have (a misspelt `SUBGRAPH_AREA_URL` left areas on the checked-in
 * development URL), and in production every subgraph's given. Before, `stub:4000/graphql` or `htp://…` started a
 * gateway that answered 503 on /readyz only later (an operations audit of 2026-12-07).
 */
export function subgraphInstancesFromEnv(
  names: readonly string[],
  env: Record<string, string | undefined>,
): Record<string, string[]> {
  const problems: string[] = [];
  const known = new Set(names.map((name) => `SUBGRAPH_${name.toUpperCase()}_URL`));
  for (const key of Object.keys(env))
    if (/^SUBGRAPH_[A-Z0-9_]+_URL$/.test(key) && !known.has(key)) problems.push(`${key} names no subgraph`);
  const instances: Record<string, string[]> = {};
  for (const name of names) {
    const key = `SUBGRAPH_${name.toUpperCase()}_URL`;
    const urls = instanceUrls(env[key]);
    for (const url of urls) if (!isHttpUrl(url)) problems.push(`${key}: ${JSON.stringify(url)} is no http(s) URL`);
    if (urls.length > 0) instances[name] = urls;
    else if (env.NODE_ENV === 'production') problems.push(`${key} is not set`);
  }
  if (problems.length > 0) throw new Error(`The gateway's subgraph URLs: ${problems.join('; ')}`);
  return instances;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
