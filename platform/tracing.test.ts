import { propagation, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { SpanKind, addSpanExporter, contextFrom, initTracing, traceparentOf, tracer } from './tracing';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CLIENT_SPAN_ID = '00f067aa0ba902b7';
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-(0[01])$/;

/** The traceparent (and tracestate) a child span of `parent` sends on, and whether the span records. */
function child(parent = contextFrom({})) {
  const span = tracer().startSpan('gateway fetch areas', { kind: SpanKind.CLIENT }, parent);
  const ctx = trace.setSpan(parent, span);
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  const recording = span.isRecording();
  span.end();
  const [, traceId, spanId, flags] = TRACEPARENT.exec(traceparentOf(ctx) ?? '') ?? [];
  return { recording, traceId, spanId, flags, tracestate: carrier.tracestate };
}

// One file, one process's tracing: first without an exporter, then with one (it cannot be taken away again).
describe('tracing records spans only while an exporter takes them, and always carries the trace on', () => {
  beforeAll(() => initTracing({}));

  it('without an exporter: no span is recorded, the traceparent keeps the caller trace with a fresh span id, unsampled', () => {
    const parent = contextFrom({ traceparent: `00-${TRACE_ID}-${CLIENT_SPAN_ID}-01`, tracestate: 'hub=1' });
    const sent = child(parent);
    expect(sent).toMatchObject({ recording: false, traceId: TRACE_ID, flags: '00', tracestate: 'hub=1' });
    expect(sent.spanId).not.toBe(CLIENT_SPAN_ID);
    expect(sent.spanId).not.toBe('0'.repeat(16));
  });

  it('without an exporter nor a caller traceparent: a new trace is started and sent on', () => {
    const first = child();
    const second = child();
    expect(first).toMatchObject({ recording: false, flags: '00' });
    expect(first.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(first.traceId).not.toBe('0'.repeat(32));
    expect(second.traceId).not.toBe(first.traceId);
  });

  it('with an exporter: spans are recorded, exported when they end and sent on as sampled', () => {
    const exporter = new InMemorySpanExporter();
    addSpanExporter(exporter);
    const sent = child(contextFrom({ traceparent: `00-${TRACE_ID}-${CLIENT_SPAN_ID}-00` }));
    expect(sent).toMatchObject({ recording: true, traceId: TRACE_ID, flags: '01' });
    const [span] = exporter.getFinishedSpans();
    expect(span.spanContext()).toMatchObject({ traceId: TRACE_ID, spanId: sent.spanId });
    expect(span.parentSpanContext?.spanId).toBe(CLIENT_SPAN_ID);
  });
});
