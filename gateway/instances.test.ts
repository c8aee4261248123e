import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { instanceUrls, subgraphInstancesFromEnv, useSubgraphInstances } from './instances';
import type { EdgeContext } from './caller';

const A = 'http://127.0.0.1:5001/graphql';
const B = 'http://127.0.0.1:5002/graphql';
const refused = () => Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
const reset = () => Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } });

/** Runs the plugin's onFetch for one subgraph call and returns the fetch it installed, with the URLs it tried. */
function fetchThrough(
  plugin: GatewayPlugin<EdgeContext>,
  operationType: 'query' | 'mutation',
  fail: Record<string, () => Error>,
) {
  const tried: string[] = [];
  let installed: ((url: string) => Promise<Response>) | undefined;
  const fetchFn = async (url: string) => {
    tried.push(url);
    if (fail[url]) throw fail[url]();
    return new Response(JSON.stringify({ data: { ok: url } }));
  };
  (plugin.onFetch as (payload: unknown) => void)({
    url: A,
    fetchFn,
    setFetchFn: (fn: typeof fetchFn) => (installed = fn),
    executionRequest: { operationType },
  });
  return { call: () => installed!(A), tried };
}

const body = async (res: Response) =>
  (await res.json()) as { data?: { ok: string }; errors?: { extensions: { code: string } }[] };

describe("the gateway's round robin over a subgraph's instances", () => {
  it('reads SUBGRAPH_<NAME>_URL as one URL or a comma-separated list', () => {
    expect(instanceUrls(`${A}, ${B} ,`)).toEqual([A, B]);
    expect(instanceUrls(undefined)).toEqual([]);
  });

  it('checks SUBGRAPH_<NAME>_URL at start: http(s) URLs, no unknown subgraph, every subgraph in production', () => {
    const names = ['areas', 'arrears'];
    expect(subgraphInstancesFromEnv(names, { SUBGRAPH_AREAS_URL: `${A},${B}` })).toEqual({ areas: [A, B] });
    // Before, each of these started a gateway that answered 503 on /readyz only later.
    for (const [env, problem] of [
      [{ SUBGRAPH_AREAS_URL: 'stub:4000/graphql' }, 'is no http(s) URL'],
      [{ SUBGRAPH_AREAS_URL: 'htp://stub/graphql' }, 'is no http(s) URL'],
      [{ SUBGRAPH_AREA_URL: A }, 'SUBGRAPH_AREA_URL names no subgraph'],
      [{ NODE_ENV: 'production', SUBGRAPH_AREAS_URL: A }, 'SUBGRAPH_ARREARS_URL is not set'],
    ] as const)
      expect(() => subgraphInstancesFromEnv(names, env)).toThrow(problem);
  });

  it('takes the instances in turn', async () => {
    const plugin = useSubgraphInstances({ instances: { areas: [A, B] } });
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push((await body(await fetchThrough(plugin, 'query', {}).call())).data?.ok);
    expect(answers).toEqual([A, B, A, B]);
  });

  it('retries a read on the other instance whatever broke, and skips a refusing instance for a while', async () => {
    const plugin = useSubgraphInstances({ instances: { areas: [A, B] }, quarantineMs: 60_000 });
    const broken = fetchThrough(plugin, 'query', { [A]: reset });
    expect((await body(await broken.call())).data?.ok).toBe(B);
    const refusing = fetchThrough(plugin, 'query', { [B]: refused });
    await refusing.call(); // starts at B (its turn), refused, answered by A
    expect(refusing.tried).toEqual([B, A]);
    for (let i = 0; i < 2; i++) {
      const next = fetchThrough(plugin, 'query', {});
      await next.call(); // A's turn, then B's, but B is quarantined: A first both times
      expect(next.tried).toEqual([A]);
    }
  });

  it('retries a mutation only when its connection was refused, never one that may have reached the instance', async () => {
    const plugin = useSubgraphInstances({ instances: { areas: [A, B] } });
    const refusedFirst = fetchThrough(plugin, 'mutation', { [A]: refused });
    expect((await body(await refusedFirst.call())).data?.ok).toBe(B);
    const plugin2 = useSubgraphInstances({ instances: { areas: [A, B] } });
    const brokenMidway = fetchThrough(plugin2, 'mutation', { [A]: reset });
    expect((await body(await brokenMidway.call())).errors?.[0].extensions.code).toBe('SUBGRAPH_UNAVAILABLE');
    expect(brokenMidway.tried).toEqual([A]);
  });

  it('tries a read of a single instance once more when its connection broke, a mutation never', async () => {
    const plugin = useSubgraphInstances({ instances: { areas: [A] } });
    let failures = 1;
    const tried: string[] = [];
    let installed: ((url: string) => Promise<Response>) | undefined;
    (plugin.onFetch as (payload: unknown) => void)({
      url: A,
      fetchFn: async (url: string) => {
        tried.push(url);
        if (failures-- > 0) throw reset();
        return new Response(JSON.stringify({ data: { ok: url } }));
      },
      setFetchFn: (fn: typeof installed) => (installed = fn),
      executionRequest: { operationType: 'query' },
    });
    expect((await body(await installed!(A))).data?.ok).toBe(A);
    expect(tried).toEqual([A, A]);
    const mutation = fetchThrough(plugin, 'mutation', { [A]: reset });
    expect((await body(await mutation.call())).errors?.[0].extensions.code).toBe('SUBGRAPH_UNAVAILABLE');
    expect(mutation.tried).toEqual([A]);
    const down = fetchThrough(plugin, 'query', { [A]: refused });
    expect((await body(await down.call())).errors?.[0].extensions.code).toBe('SUBGRAPH_UNAVAILABLE');
  });

  it('answers SUBGRAPH_UNAVAILABLE when no instance answers, and leaves other subgraphs alone', async () => {
    const plugin = useSubgraphInstances({ instances: { areas: [A, B] } });
    const none = fetchThrough(plugin, 'query', { [A]: refused, [B]: refused });
    expect((await body(await none.call())).errors?.[0].extensions.code).toBe('SUBGRAPH_UNAVAILABLE');
    let installed = false;
    (plugin.onFetch as (payload: unknown) => void)({
      url: 'http://elsewhere/graphql',
      setFetchFn: () => (installed = true),
    });
    expect(installed).toBe(false);
  });

  describe('a subgraph that does not answer', () => {
    /** An instance that answers after `answerMs` (never when absent), as long as the fetch is not aborted. */
    function slowThrough(plugin: GatewayPlugin<EdgeContext>, operationType: 'query' | 'mutation', answerMs?: number) {
      const tried: string[] = [];
      const aborted: string[] = [];
      let installed: ((url: string, init?: RequestInit) => Promise<Response>) | undefined;
      (plugin.onFetch as (payload: unknown) => void)({
        url: A,
        fetchFn: (url: string, init?: RequestInit) =>
          new Promise<Response>((resolve, reject) => {
            tried.push(url);
            const timer =
              answerMs === undefined
                ? undefined
                : setTimeout(() => resolve(new Response(JSON.stringify({ data: { ok: url } }))), answerMs);
            init?.signal?.addEventListener('abort', () => {
              clearTimeout(timer);
              aborted.push(url);
              reject(Object.assign(new Error('This operation was aborted'), { name: 'AbortError' }));
            });
          }),
        setFetchFn: (fn: typeof installed) => (installed = fn),
        executionRequest: { operationType },
      });
      return { call: (init?: RequestInit) => installed!(A, init), tried, aborted };
    }
    const answerOf = async (res: Response) =>
      (await res.json()) as { data: null; errors: { message: string; extensions: { code: string } }[] };

    it('answers SUBGRAPH_TIMEOUT once the time is up, abandons the fetch and tries no other instance', async () => {
      const plugin = useSubgraphInstances({ instances: { areas: [A, B] }, timeoutMs: 50 });
      const read = slowThrough(plugin, 'query');
      const answer = await answerOf(await read.call());
      expect(answer.errors.map((e) => e.extensions.code)).toEqual(['SUBGRAPH_TIMEOUT']);
      expect(answer.errors[0].message).toBe('the areas subgraph did not answer within 0.05 s');
      expect([read.tried, read.aborted]).toEqual([[A], [A]]);
      const write = slowThrough(plugin, 'mutation');
      const refused = await answerOf(await write.call());
      expect(refused.errors[0]).toEqual({
        message:
          'the areas subgraph did not answer within 0.05 s; the mutation may or may not have been applied: retry it with the same idempotency key',
        extensions: { code: 'SUBGRAPH_TIMEOUT' },
      });
      expect(write.tried).toEqual([B]);
    });

    it('lets an answer within the time through, and still stops with the gateway', async () => {
      const plugin = useSubgraphInstances({ instances: { areas: [A] }, timeoutMs: 5000 });
      const prompt = slowThrough(plugin, 'query', 10);
      expect((await body(await prompt.call())).data?.ok).toBe(A);
      expect(prompt.aborted).toEqual([]);
      // The runtime's own signal (aborted when the gateway stops) still reaches the fetch: the error is the runtime's.
      const stopping = new AbortController();
      const hanging = slowThrough(plugin, 'query');
      const call = hanging.call({ signal: stopping.signal });
      stopping.abort();
      await expect(call).rejects.toMatchObject({ name: 'AbortError' });
      expect(hanging.aborted).toEqual([A]);
    });
  });
});
