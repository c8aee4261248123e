import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The process's Prometheus metrics (prom-client), served as text by the gateway's `/metrics` to ADMIN callers. One
 * registry per process: the gateway and the subgraphs running in it all report here, labelled by subgraph.
 */
export const metrics = new Registry();
collectDefaultMetrics({ register: metrics, prefix: 'hub_' });

export const requestDuration = new Histogram({
  name: 'hub_graphql_request_duration_seconds',
  help: 'GraphQL requests at the gateway, by operation name and HTTP status.',
  labelNames: ['operation', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metrics],
});

export const subgraphFetchDuration = new Histogram({
  name: 'hub_subgraph_fetch_duration_seconds',
  help: 'Fetches from the gateway to a subgraph, by subgraph and HTTP status.',
  labelNames: ['subgraph', 'status'] as const,
  buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metrics],
});

export const deadLetters = new Counter({
  name: 'hub_dead_letters_total',
  help: 'Messages a consumer sent to its dead-letter topic, by source topic and reason code.',
  labelNames: ['topic', 'reason'] as const,
  registers: [metrics],
});

export const connectionsRefused = new Counter({
  name: 'hub_gateway_connections_refused_total',
  help: "Connections the gateway closed unanswered: over its limit of open connections (max_connections), over the limit of one client address (per_address), or waiting too long for a request's headers or body (slow_headers, slow_body).",
  labelNames: ['reason'] as const,
  registers: [metrics],
});

/**
 * Gauges read at scrape time from states registered by key (a subgraph, a name): `watch(key, read)` reports the key's
 * state on every scrape until the function it returns is called. A read that fails leaves its key out of that scrape.
 */
function scrapedGauges<S>(
  label: string,
  gauges: readonly { name: string; help: string; value: (state: S) => number }[],
): (key: string, read: () => Promise<S>) => () => void {
  const readers = new Map<string, () => Promise<S>>();
  // The registry collects its metrics at once (Promise.all): the gauges of one scrape share one read of each key.
  let reading: Promise<{ key: string; state: S | undefined }[]> | undefined;
  const states = () =>
    (reading ??= Promise.all(
      [...readers].map(async ([key, read]) => ({ key, state: await read().catch(() => undefined) })),
    ).finally(() => (reading = undefined)));
  for (const { name, help, value } of gauges)
    new Gauge({
      name,
      help,
      labelNames: [label],
      registers: [metrics],
      async collect() {
        this.reset();
        for (const { key, state } of await states()) if (state) this.set({ [label]: key }, value(state));
      },
    });
  return (key, read) => {
    readers.set(key, read);
    return () => {
      if (readers.get(key) === read) readers.delete(key);
    };
  };
}

/** What the outbox gauges read of one subgraph at scrape time. */
export interface OutboxState {
  backlog: number;
  oldestAgeSeconds: number;
}

/** Reports a subgraph's outbox on every scrape until the returned function is called (when the subgraph stops). */
export const watchOutbox = scrapedGauges<OutboxState>('subgraph', [
  { name: 'hub_outbox_backlog', help: 'Outbox rows not yet published to Kafka, by subgraph.', value: (s) => s.backlog },
  {
    name: 'hub_outbox_oldest_unpublished_age_seconds',
    help: 'Age of the oldest outbox row not yet published (0 when none), by subgraph.',
    value: (s) => s.oldestAgeSeconds,
  },
]);

/** Work a subgraph holds back for a reason of its own (count, and the age of the oldest item), by name. */
export interface WaitingState {
  count: number;
  oldestAgeSeconds: number;
}

/** Reports what waits under `name` on every scrape until the returned function is called. */
export const watchWaiting = scrapedGauges<WaitingState>('name', [
  {
    name: 'hub_waiting',
    help: 'Items a subgraph holds back until something arrives, by what they wait for (e.g. webhook_filings_awaiting_area).',
    value: (s) => s.count,
  },
  {
    name: 'hub_waiting_oldest_age_seconds',
    help: 'Age of the oldest item held back (0 when none), by what it waits for.',
    value: (s) => s.oldestAgeSeconds,
  },
]);

const lagReaders = new Set<() => Promise<{ group: string; lag: number }[]>>();

/** Reports consumer groups' lag on every scrape until the returned function is called. */
export function watchConsumerLag(read: () => Promise<{ group: string; lag: number }[]>): () => void {
  lagReaders.add(read);
  return () => void lagReaders.delete(read);
}

new Gauge({
  name: 'hub_consumer_lag',
  help: 'Messages on the topics a consumer group reads that it has not committed yet, by group.',
  labelNames: ['group'] as const,
  registers: [metrics],
  async collect() {
    this.reset();
    const answers = await Promise.all([...lagReaders].map((read) => read().catch(() => [])));
    for (const { group, lag } of answers.flat()) this.set({ group }, lag);
  },
});

const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MAX_OPERATION_LABELS = 500;
/** The distinct names one caller (an organisation; every caller without a token together) may add as labels. */
export const MAX_OPERATION_LABELS_PER_CALLER = 100;
const operationLabels = new Set<string>();
const labelsAddedBy = new Map<string, number>();

/**
 * A caller chooses its operation names: a label only for a well-formed name, only for the first few hundred
 * distinct ones, so no caller can grow the registry without bound, and only for the first hundred a caller adds
 * (`caller`: who adds it), so no one caller can use them all up: one company's token filled the 500 with made-up
 * names in under 2 s, and every operation after, the console's too, was `other` until a restart (an operations
 * audit of 2026-12-07). A name already labelled is labelled for everyone. A hundred, not fewer: the console alone
 * names some forty operations, and one organisation using them all (the operator, a city's only bureau) must keep
 * its labels (a review).
 */
export function operationLabel(name: string | null | undefined, caller = 'public'): string {
  if (!name) return 'anonymous';
  if (!OPERATION_NAME.test(name)) return 'invalid';
  if (operationLabels.has(name)) return name;
  const added = labelsAddedBy.get(caller) ?? 0;
  if (operationLabels.size >= MAX_OPERATION_LABELS || added >= MAX_OPERATION_LABELS_PER_CALLER) return 'other';
  operationLabels.add(name);
  labelsAddedBy.set(caller, added + 1);
  return name;
}
