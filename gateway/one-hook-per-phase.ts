import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { EdgeContext } from './caller';

type Plugin = GatewayPlugin<EdgeContext>;
type Phase = 'onRequest' | 'onResponse' | 'onExecute' | 'onFetch';
type Hook<K extends Phase> = NonNullable<Plugin[K]>;
type Payload<K extends Phase> = Parameters<Hook<K>>[0];
type Done<K extends 'onExecute' | 'onFetch'> = Exclude<Awaited<ReturnType<Hook<K>>>, void | undefined>;

const isPromise = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as PromiseLike<unknown> | undefined)?.then === 'function';

/**
 * Each hook with the one payload, in turn, waiting for any that returns a promise, until `stopped()`; `returned`
 * gets what each hook returned.
 */
function inTurn<P, R>(
  hooks: readonly ((payload: P) => R | PromiseLike<R>)[],
  payload: P,
  stopped: () => boolean,
  returned: (result: R) => void,
  from = 0,
): void | Promise<void> {
  for (let i = from; i < hooks.length && !stopped(); i++) {
    const result = hooks[i](payload);
    if (isPromise(result))
      return Promise.resolve(result).then((r) => {
        returned(r);
        return inTurn(hooks, payload, stopped, returned, i + 1);
      });
    returned(result);
  }
}

const never = () => false;
const ignore = () => undefined;
const afterTurn = <T>(turn: void | Promise<void>, then: () => T): T | Promise<T> => (turn ? turn.then(then) : then());

function onRequest(hooks: Hook<'onRequest'>[]): Hook<'onRequest'> {
  return (payload) => {
    let ended = false;
    let url: URL | undefined;
    const shared: Payload<'onRequest'> = {
      ...payload,
      // the runtime's URL is a proxy that parses the request's URL on every read until a hook has had it once
      get url() {
        return (url ??= new payload.fetchAPI.URL(shared.request.url, 'http://localhost'));
      },
      setRequest(request) {
        payload.setRequest(request);
        shared.request = request;
        url = undefined;
      },
      setRequestHandler(handler) {
        payload.setRequestHandler(handler);
        shared.requestHandler = handler;
      },
      endResponse(response) {
        payload.endResponse(response);
        ended ||= response !== undefined;
      },
    };
    return inTurn(hooks, shared, () => ended, ignore);
  };
}

function onResponse(hooks: Hook<'onResponse'>[]): Hook<'onResponse'> {
  return (payload) => {
    const shared: Payload<'onResponse'> = {
      ...payload,
      setResponse(response) {
        payload.setResponse(response);
        shared.response = response;
      },
    };
    return inTurn(hooks, shared, never, ignore);
  };
}

function onExecute(hooks: Hook<'onExecute'>[]): Hook<'onExecute'> {
  return (payload) => {
    let stopped = false;
    const done: Done<'onExecute'>[] = [];
    const shared: Payload<'onExecute'> = {
      ...payload,
      setExecuteFn(executeFn) {
        payload.setExecuteFn(executeFn);
        shared.executeFn = executeFn;
      },
      setResultAndStopExecution(result) {
        payload.setResultAndStopExecution(result);
        stopped = true;
      },
    };
    return afterTurn(
      inTurn(
        hooks,
        shared,
        () => stopped,
        (r) => r && done.push(r),
      ),
      () => (done.length > 1 ? { onExecuteDone: onExecuteDone(done) } : done[0]),
    );
  };
}

function onExecuteDone(results: Done<'onExecute'>[]) {
  const hooks = results.flatMap((r) => (r.onExecuteDone ? [r.onExecuteDone] : []));
  return (payload: Parameters<(typeof hooks)[number]>[0]) => {
    const shared: typeof payload = {
      ...payload,
      setResult(result) {
        payload.setResult(result);
        shared.result = result;
      },
    };
    return inTurn(hooks, shared, never, (r) => {
      if (r) throw new Error('one hook per phase: an onExecuteDone that returns onNext or onEnd is not merged');
    });
  };
}

function onFetch(hooks: Hook<'onFetch'>[]): Hook<'onFetch'> {
  return (payload) => {
    let ended = false;
    const done: Done<'onFetch'>[] = [];
    const shared: Payload<'onFetch'> = {
      ...payload,
      setFetchFn(fetchFn) {
        payload.setFetchFn(fetchFn);
        shared.fetchFn = fetchFn;
      },
      setURL(url) {
        payload.setURL(url);
        shared.url = String(url);
      },
      setOptions(options) {
        payload.setOptions(options);
        shared.options = options;
      },
      endResponse(response) {
        payload.endResponse(response);
        ended = true;
      },
    };
    return afterTurn(
      inTurn(
        hooks,
        shared,
        () => ended,
        (r) => r && done.push(r),
      ),
      () => (done.length > 1 ? onFetchDone(done) : done[0]),
    );
  };
}

function onFetchDone(hooks: Done<'onFetch'>[]): Done<'onFetch'> {
  return (payload) => {
    const shared: typeof payload = {
      ...payload,
      setResponse(response) {
        payload.setResponse(response);
        shared.response = response;
      },
    };
    return inTurn(hooks, shared, never, ignore);
  };
}

const MERGED = { onRequest, onResponse, onExecute, onFetch } as const;

/**
 * The edge's plugins as one: each phase's hooks called in turn by a single hook, in the plugins' order, with one
 * payload, stopping where the runtime would stop (a response ended, a result set). Hive's runtime builds a payload
 * object (and for `onFetch` a logger) per hook per call and iterates them through promise helpers; with the edge's
 * tracing, metrics and instance choice each hooking every subgraph fetch, and tracing, metrics and admission every
 * request, that was most of what the edge cost over stock Hive Gateway (README › Performance › Gateway and lists).
 * A phase hooked by one plugin keeps its hook as it is; two hooks in a phase not merged here is an error. Returns
 * the runtime's `plugins`: that one plugin.
 */
export function oneHookPerPhase(plugins: Plugin[]): [Plugin] {
  const phases = new Map<string, unknown[]>();
  for (const plugin of plugins)
    for (const [phase, hook] of Object.entries(plugin)) phases.set(phase, [...(phases.get(phase) ?? []), hook]);
  const merged: Record<string, unknown> = {};
  for (const [phase, hooks] of phases) {
    if (hooks.length === 1) merged[phase] = hooks[0];
    else if (phase in MERGED)
      merged[phase] = (MERGED[phase as keyof typeof MERGED] as (h: unknown[]) => unknown)(hooks);
    else throw new Error(`one hook per phase: ${hooks.length} plugins hook ${phase}, which is not merged`);
  }
  return [merged as Plugin];
}
