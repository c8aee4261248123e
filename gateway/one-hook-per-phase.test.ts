import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { EdgeContext } from './caller';
import { oneHookPerPhase } from './one-hook-per-phase';

type Plugin = GatewayPlugin<EdgeContext>;
// The runtime's payloads carry more than these hooks read: the tests give what they use.
const call = (hook: unknown, payload: object) => (hook as (p: object) => unknown)(payload);

describe('the edge as one plugin, one hook per phase', () => {
  it("calls each phase's hooks in the plugins' order, waiting for one that is async, until a response is ended", async () => {
    const seen: string[] = [];
    const ended: Response[] = [];
    const [merged] = oneHookPerPhase([
      { onRequest: () => void seen.push('a') },
      { onParams: () => undefined },
      {
        onRequest: async ({ endResponse }) => {
          await new Promise((resolve) => setTimeout(resolve, 1));
          seen.push('b');
          endResponse(new Response('refused', { status: 401 }));
        },
      },
      { onRequest: () => void seen.push('c') },
    ]);
    expect(Object.keys(merged).sort()).toEqual(['onParams', 'onRequest']);
    const request = new Request('http://localhost/graphql?x=1');
    await call(merged.onRequest, { request, url: {}, fetchAPI: { URL }, endResponse: (r: Response) => ended.push(r) });
    expect(seen).toEqual(['a', 'b']);
    expect(ended.map((r) => r.status)).toEqual([401]);
  });

  it('parses the URL once for the hooks of a request', async () => {
    const paths: string[] = [];
    const [merged] = oneHookPerPhase([
      { onRequest: ({ url }) => void paths.push(url.pathname) },
      { onRequest: ({ url }) => void paths.push(`${url.pathname}${url.search}`) },
    ]);
    await call(merged.onRequest, { request: new Request('http://h/graphql?x=1'), url: {}, fetchAPI: { URL } });
    expect(paths).toEqual(['/graphql', '/graphql?x=1']);
  });

  it("shows a fetch's later hooks what an earlier one set, and calls every hook's onFetchDone in order", async () => {
    const seen: string[] = [];
    let options: RequestInit = {};
    let fetchFn: unknown;
    const [merged] = oneHookPerPhase([
      {
        onFetch: ({ options: o, setOptions }) => {
          setOptions({ ...o, headers: { traceparent: 't' } });
          return () => void seen.push('done 1');
        },
      },
      {
        onFetch: ({ options: o, setFetchFn }) => {
          seen.push(`headers ${JSON.stringify(o.headers)}`);
          setFetchFn(() => new Response());
          return ({ response }) => void seen.push(`done 2 ${response.status}`);
        },
      },
      { onFetch: ({ fetchFn: f }) => void seen.push(f === fetchFn ? 'new fetchFn' : 'old fetchFn') },
    ]);
    const done = await call(merged.onFetch, {
      url: 'http://a/graphql',
      options,
      setOptions: (o: RequestInit) => (options = o),
      fetchFn: () => undefined,
      setFetchFn: (f: unknown) => (fetchFn = f),
    });
    await call(done, { response: new Response(null, { status: 204 }), setResponse: () => undefined });
    expect(options.headers).toEqual({ traceparent: 't' });
    expect(seen).toEqual(['headers {"traceparent":"t"}', 'new fetchFn', 'done 1', 'done 2 204']);
  });

  it("gives the runtime a single hook's own onExecuteDone, and runs several in turn on the latest result", async () => {
    const single: Plugin = { onExecute: () => ({ onExecuteDone: () => undefined }) };
    const lone = call(oneHookPerPhase([single, { onExecute: () => undefined }])[0].onExecute, {}) as object;
    expect(Object.keys(lone)).toEqual(['onExecuteDone']);

    let result: unknown = { data: { n: 1 } };
    let secondSaw: unknown;
    const [merged] = oneHookPerPhase([
      { onExecute: () => ({ onExecuteDone: ({ setResult }) => setResult({ data: { n: 2 } }) }) },
      { onExecute: () => ({ onExecuteDone: ({ result: r }) => void (secondSaw = r) }) },
    ]);
    const done = (await call(merged.onExecute, {})) as { onExecuteDone: unknown };
    await call(done.onExecuteDone, { result, setResult: (r: unknown) => (result = r) });
    expect(result).toEqual({ data: { n: 2 } });
    expect(secondSaw).toEqual({ data: { n: 2 } });
  });

  it('refuses two hooks in a phase it does not merge', () => {
    expect(() => oneHookPerPhase([{ onParse: () => undefined }, { onParse: () => undefined }])).toThrow(/onParse/);
  });
});
