/**
 * One variant of bench/gateway-hooks.ts in a thread of its own: a Hive Gateway runtime (stock, or a checkout's edge
 * from its built dist) driven by `runtime.fetch`, with no HTTP in between. Its subgraph fetches go to the real
 * subgraphs while `record` is on and are replayed from that recording afterwards (by URL and body), so what a round
 * measures is the runtime and its plugins alone: the thread's CPU time per request.
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { EdgeConfig } from '../gateway/config';
import type { TokenSettings } from '../platform/auth/tokens';
import { threadCpuMicros } from './thread-cpu';

export interface HooksThreadData {
  /** `stock`, or the built dist whose gateway/runtime.js makes the edge's runtime. */
  variant: { stock: true } | { dist: string };
  supergraph: string;
  subgraphUrls: Record<string, string>;
  tokens: TokenSettings;
  config: EdgeConfig;
}

export interface HooksRun {
  body: string;
  headers: Record<string, string>;
  requests: number;
  /** Fetch from the subgraphs what the recording lacks; otherwise a fetch not recorded fails the request. */
  record: boolean;
}

export interface HooksResult {
  cpuMicrosPerRequest: number;
  wallMicrosPerRequest: number;
  failure?: string;
}

interface Recorded {
  status: number;
  headers: [string, string][];
  text: string;
}

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;
type RuntimeFactory = (options: object) => { fetch: Fetch };

async function main() {
  process.env.HUB_LOG_LEVEL ??= 'warn';
  const data = workerData as HooksThreadData;
  const entry =
    'dist' in data.variant
      ? path.join(data.variant.dist, 'gateway', 'runtime.js')
      : require.resolve('@graphql-hive/gateway-runtime');
  // The fetch the runtime reads from @whatwg-node/fetch when it is created, as resolved from that runtime's copy.
  const requireHive = createRequire(createRequire(entry).resolve('@graphql-hive/gateway-runtime'));
  const whatwg = requireHive('@whatwg-node/fetch') as { fetch: Fetch; Response: typeof Response };
  const realFetch = whatwg.fetch;
  const recorded = new Map<string, Recorded>();
  let recording = false;
  whatwg.fetch = async (url, init) => {
    const body = init?.body;
    const key = `${url}\n${typeof body === 'string' ? body : Buffer.from(body as Uint8Array).toString()}`;
    let answer = recorded.get(key);
    if (!answer) {
      if (!recording) throw new Error(`no recorded answer for ${key.slice(0, 200)}`);
      const res = await realFetch(url, init);
      answer = { status: res.status, headers: [...res.headers], text: await res.text() };
      recorded.set(key, answer);
    }
    return new whatwg.Response(answer.text, { status: answer.status, headers: answer.headers });
  };

  let runtime: { fetch: Fetch };
  if ('dist' in data.variant) {
    // As the gateway's container starts it (gateway/main.ts): the thread's own OpenTelemetry globals.
    const requireDist = createRequire(entry);
    (requireDist('../platform/tracing') as { initTracing(env: NodeJS.ProcessEnv): void }).initTracing({
      OTEL_SERVICE_NAME: 'hub-gateway',
      ...process.env,
    });
    const { createEdgeRuntime } = requireDist('./runtime') as { createEdgeRuntime: RuntimeFactory };
    runtime = createEdgeRuntime({
      supergraph: data.supergraph,
      tokens: data.tokens,
      config: data.config,
      subgraphUrls: data.subgraphUrls,
      subgraphInstances: Object.fromEntries(Object.entries(data.subgraphUrls).map(([name, url]) => [name, [url]])),
    });
  } else {
    // bench/gateway-stock-thread.ts's runtime: the same supergraph and a header-forwarding plugin only.
    const { createGatewayRuntime } = requireHive('@graphql-hive/gateway-runtime') as {
      createGatewayRuntime: RuntimeFactory;
    };
    runtime = createGatewayRuntime({
      supergraph: data.supergraph,
      graphqlEndpoint: '/graphql',
      landingPage: false,
      graphiql: false,
      logging: false,
      propagateHeaders: {
        fromClientToSubgraphs: ({ request }: { request: Request }) => ({
          'x-hub-identity': request.headers.get('x-hub-identity'),
          'x-request-id': request.headers.get('x-request-id'),
        }),
      },
    });
  }

  parentPort!.on('message', async (run: HooksRun) => {
    recording = run.record;
    let failure: string | undefined;
    const cpu = threadCpuMicros() ?? 0;
    const wall = performance.now();
    for (let i = 0; i < run.requests && !failure; i++) {
      const res = await runtime.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { ...run.headers, 'content-type': 'application/json', 'x-request-id': randomUUID() },
        body: run.body,
      });
      const text = await res.text();
      if (res.status !== 200 || text.includes('"errors"')) failure = `${res.status} ${text.slice(0, 300)}`;
    }
    parentPort!.postMessage({
      cpuMicrosPerRequest: ((threadCpuMicros() ?? 0) - cpu) / run.requests,
      wallMicrosPerRequest: ((performance.now() - wall) * 1000) / run.requests,
      failure,
    } satisfies HooksResult);
  });
  parentPort!.postMessage('ready');
}

void main();
