import {
  Context,
  ROOT_CONTEXT,
  Span,
  SpanKind,
  SpanOptions,
  SpanStatusCode,
  context,
  isValidSpanId,
  isValidTraceId,
  propagation,
  trace,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { TraceState, W3CTraceContextPropagator, parseTraceParent } from '@opentelemetry/core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  RandomIdGenerator,
  ReadableSpan,
  Sampler,
  SamplingDecision,
  SamplingResult,
  SimpleSpanProcessor,
  Span as SdkSpan,
  SpanExporter,
  SpanProcessor,
} from '@opentelemetry/sdk-trace-base';

/**
 * OpenTelemetry tracing for every process of the hub: one W3C trace from the client's HTTP request through the
 * gateway, the subgraph, the outbox row (its `traceparent` column), the relay's Kafka message (the CloudEvents
 * distributed-tracing extension, header `ce_traceparent`) into the consumer that applies it.
 *
 * Context always propagates (an incoming `traceparent` is continued, a new one started otherwise); spans are recorded
 * only when an exporter is configured: OTLP over HTTP when OTEL_EXPORTER_OTLP_ENDPOINT (or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set, or an exporter a test adds (an in-memory one). Without one, every span
 * is the API's non-recording span: a fresh span id in the same trace (the incoming trace id and tracestate kept), so
 * the `traceparent` sent on (to a subgraph, into the outbox row, onto the Kafka message) still correlates, with the
 * sampled flag unset (`-00`: W3C's "the caller did not record"). A process with an exporter records whatever flag
 * arrives (nothing is sampled away), so the flag tells only whether the process before it recorded its span.
 */
export const TRACER_NAME = 'property-governance-hub';

/** Forwards to the processors added so far: exporters can be added after the provider is registered (tests). */
class SpanProcessors implements SpanProcessor {
  readonly list: SpanProcessor[] = [];
  onStart(span: SdkSpan, parent: Context): void {
    for (const p of this.list) p.onStart(span, parent);
  }
  onEnd(span: ReadableSpan): void {
    for (const p of this.list) p.onEnd(span);
  }
  async forceFlush(): Promise<void> {
    await Promise.all(this.list.map((p) => p.forceFlush()));
  }
  async shutdown(): Promise<void> {
    await Promise.all(this.list.map((p) => p.shutdown()));
  }
}

let processors: SpanProcessors | undefined;
type OtlpHttpExporter = typeof import('@opentelemetry/exporter-trace-otlp-http');

/**
 * Records (and marks sampled) every span while an exporter is there to take it, none otherwise: a recording span
 * costs its attributes, events and the processors' work even when nothing exports it.
 */
const recordWhenExported: Sampler = {
  shouldSample: (): SamplingResult => ({
    decision: processors?.list.length ? SamplingDecision.RECORD_AND_SAMPLED : SamplingDecision.NOT_RECORD,
  }),
  toString: () => 'RecordWhenExported',
};

/**
 * Registers the tracer provider, the async-local context and the W3C propagator once per process (later calls
 * change nothing), with the OTLP exporter when the environment configures one.
 */
export function initTracing(env: NodeJS.ProcessEnv = process.env): void {
  if (processors) return;
  processors = new SpanProcessors();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME ?? 'property-governance-hub' }),
    sampler: recordWhenExported,
    spanProcessors: [processors],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) {
    // The exporter reads its endpoint, headers and timeout from the same OTEL_EXPORTER_OTLP_* variables. Loaded
    // only here, where one is configured: it brings ~125 modules (OTLP transformer, metrics SDK) each process's start
    // would load for nothing otherwise; synchronously, so spans are recorded from the moment this returns.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as OtlpHttpExporter;
    processors.list.push(new BatchSpanProcessor(new OTLPTraceExporter()));
  }
}

/** Sends every span ended from now on to `exporter` as it ends (tests: an in-memory exporter). */
export function addSpanExporter(exporter: SpanExporter): void {
  initTracing();
  processors!.list.push(new SimpleSpanProcessor(exporter));
}

/** Exports what is buffered (before a process exits). */
export async function flushTraces(): Promise<void> {
  await processors?.forceFlush();
}

/** Whether spans are being recorded, i.e. an exporter takes them (see recordWhenExported). */
export const recordingSpans = (): boolean => (processors?.list.length ?? 0) > 0;

let cachedTracer: ReturnType<typeof trace.getTracer> | undefined;
/** The hub's tracer (looked up once: the API's lookup checks the global's version on every call). */
export const tracer = () => (cachedTracer ??= trace.getTracer(TRACER_NAME));

/** The trace a request that records no span belongs to: the caller's (a valid `traceparent`), else a new one. */
export interface UnrecordedTrace {
  traceId: string;
  tracestate?: string;
}

const ids = new RandomIdGenerator();

/**
 * What the SDK's non-recording span would carry on, without building one (the gateway's path with no exporter): the
 * caller's trace id and tracestate when its `traceparent` is valid, else a new trace id.
 */
export function unrecordedTrace(carrier: { traceparent?: string | null; tracestate?: string | null }): UnrecordedTrace {
  const parent = carrier.traceparent ? parseTraceParent(carrier.traceparent.trim()) : null;
  if (!parent || !isValidTraceId(parent.traceId) || !isValidSpanId(parent.spanId))
    return { traceId: ids.generateTraceId() };
  const tracestate = carrier.tracestate ? new TraceState(carrier.tracestate).serialize() : '';
  return tracestate ? { traceId: parent.traceId, tracestate } : { traceId: parent.traceId };
}

/** The headers a non-recording child span in `unrecorded` sends on: a fresh span id, the sampled flag unset. */
export function unrecordedChildHeaders(unrecorded: UnrecordedTrace): Record<string, string> {
  const traceparent = `00-${unrecorded.traceId}-${ids.generateSpanId()}-00`;
  return unrecorded.tracestate ? { traceparent, tracestate: unrecorded.tracestate } : { traceparent };
}

/** The W3C `traceparent` of the active span (of `ctx`), recorded or not; none outside any span. */
export function traceparentOf(ctx: Context = context.active()): string | undefined {
  return traceHeadersOf(ctx).traceparent;
}

/** The W3C headers of the active span (of `ctx`): `traceparent`, and `tracestate` when the trace has one. */
export function traceHeadersOf(ctx: Context = context.active()): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  return carrier;
}

/** The context a `traceparent` (and `tracestate`) from another process continues; the root context without one. */
export function contextFrom(carrier: { traceparent?: string | null; tracestate?: string | null }): Context {
  if (!carrier.traceparent) return ROOT_CONTEXT;
  const headers: Record<string, string> = { traceparent: carrier.traceparent };
  if (carrier.tracestate) headers.tracestate = carrier.tracestate;
  return propagation.extract(ROOT_CONTEXT, headers);
}

/** The context of incoming HTTP headers (Node's lower-cased header object). */
export function contextFromHeaders(headers: Record<string, string | string[] | undefined>): Context {
  const first = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  return contextFrom({ traceparent: first('traceparent'), tracestate: first('tracestate') });
}

/**
 * Runs `work` in a new active span under `parent`, ending it when the work settles; a failure is recorded on the
 * span and rethrown.
 */
export async function inSpan<T>(
  name: string,
  options: SpanOptions,
  parent: Context,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  return tracer().startActiveSpan(name, options, parent, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      failed(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/**
 * Marks a span failed with the error's type and code only: a database error's message quotes the values of its
 * statement (see platform/logging.ts), and traces leave the process.
 */
export function failed(span: Span, error: unknown): void {
  const type = (error as { code?: unknown })?.code ?? (error as Error)?.constructor?.name ?? 'Error';
  span.setStatus({ code: SpanStatusCode.ERROR, message: String(type) });
  span.setAttribute('error.type', String(type));
}

export { SpanKind };
