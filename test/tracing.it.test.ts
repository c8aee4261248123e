import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { InMemorySpanExporter, ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { SpanKind } from '@opentelemetry/api';
import { addSpanExporter } from '../platform/tracing';
import { draftedContractHub } from './support/drafted-contract-hub';
import { TestHub, identity, tokenFor, pinTestToday } from './support/hub-fixture';
import { ProbedMessage, probeTopics } from './support/kafka-probe';
import { waitFor } from './support/wait-for';

// The filing's deadline is counted in working days from its signing: past the holiday data the hub holds (2026-12-24)
// it cannot be, so the scenario is pinned to a day it is dated against (README › Tests › Dates).
pinTestToday('2026-12-01');

// One exporter for the file's process: the gateway, the subgraphs, their relays and consumers all run in it.
const exporter = new InMemorySpanExporter();
addSpanExporter(exporter);

const company = identity('PROPERTY_COMPANY', '91110102MA0000000A');
const otherCompany = identity('PROPERTY_COMPANY', '91110102MA0000000B');
const SUBMIT = `mutation SubmitForTrace($c: ID!, $k: Key!, $d: [FilingDocumentInput!]!) { submitFiling(contractId: $c, idempotencyKey: $k, documents: $d) { id status } }`;
const documents = [{ name: '物业服务合同.pdf', type: 'CONTRACT_TEXT', sizeBytes: 482_133, sha256: 'a'.repeat(64) }];

describe('tracing: one submitFiling is one trace from the HTTP request to the arrears consumer', () => {
  let t: TestHub;
  let contractId: string;
  let probe: Awaited<ReturnType<typeof probeTopics>>;

  beforeAll(async () => {
    ({ t, contractId, probe } = await draftedContractHub(['areas', 'contracts', 'arrears'], company));
  });

  afterAll(async () => {
    await probe?.stop();
    await t?.stop();
  });

  const submit = async (who: typeof company, traceparent: string) =>
    request(t.hub.gatewayUrl.replace(/\/graphql$/, ''))
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${await tokenFor(who)}`)
      .set('traceparent', traceparent)
      .send({ query: SUBMIT, variables: { c: contractId, k: randomUUID(), d: documents } });

  it('continues the caller traceparent through gateway, contracts, outbox, relay, Kafka and the arrears consumer', async () => {
    const traceId = randomBytes(16).toString('hex');
    const clientSpanId = randomBytes(8).toString('hex');
    const response = await submit(company, `00-${traceId}-${clientSpanId}-01`);
    expect(response.body.errors).toBeUndefined();
    const filingId = response.body.data.submitFiling.id;

    const inTrace = () => exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
    const named = (prefix: string) => (s: ReadableSpan) => s.name.startsWith(prefix);
    const consumed = await waitFor('the arrears consumer span of the filing event', async () =>
      inTrace().find(named('arrears.filing-snapshots process hub.contracts.filing.submitted')),
    );
    const spans = inTrace();
    const one = (name: string, kind: SpanKind) => {
      const found = spans.filter((s) => s.name === name && s.kind === kind);
      expect(found.map((s) => s.name)).toHaveLength(1);
      return found[0];
    };
    const gateway = one('gateway POST /graphql', SpanKind.SERVER);
    const fetch = one('gateway fetch contracts', SpanKind.CLIENT);
    const contracts = one('contracts POST /graphql', SpanKind.SERVER);
    const relay = one('relay publish contracts.filings.v1', SpanKind.PRODUCER);
    expect(consumed.kind).toBe(SpanKind.CONSUMER);

    // Each span is the child of the one before it: the caller's span, the gateway, its fetch, the subgraph, the
    // relay (from the outbox row's traceparent), the consumer (from the message's ce_traceparent).
    const parentOf = (s: ReadableSpan) => s.parentSpanContext?.spanId;
    expect(parentOf(gateway)).toBe(clientSpanId);
    expect(parentOf(fetch)).toBe(gateway.spanContext().spanId);
    expect(parentOf(contracts)).toBe(fetch.spanContext().spanId);
    expect(parentOf(relay)).toBe(contracts.spanContext().spanId);
    expect(parentOf(consumed)).toBe(relay.spanContext().spanId);
    expect(gateway.attributes['graphql.operation.name']).toBe('SubmitForTrace');
    expect(consumed.attributes['messaging.message.id']).toBe(relay.attributes['messaging.message.id']);

    // The outbox row kept the subgraph's context; the Kafka message carries the relay's (CloudEvents extension).
    const [row] = await t.sql<{ traceparent: string }>(
      `select traceparent from contracts.outbox where payload->>'filingId' = $1 and topic = 'contracts.filings.v1'`,
      [filingId],
    );
    expect(row.traceparent).toBe(`00-${traceId}-${contracts.spanContext().spanId}-01`);
    const [message] = await probe.waitForCount(
      'the filing event',
      (m: ProbedMessage) => m.headers.ce_subject === filingId,
      1,
    );
    expect(message.headers.ce_traceparent).toBe(`00-${traceId}-${relay.spanContext().spanId}-01`);
  });

  it("a refused call is traced too, and another company's submit never lands in this trace", async () => {
    const traceId = randomBytes(16).toString('hex');
    const response = await submit(otherCompany, `00-${traceId}-${randomBytes(8).toString('hex')}-01`);
    // Another company's contract is not disclosed to it: NOT_FOUND, the refusal the API gives (not any failure).
    expect(response.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await waitFor('the refused request span', async () =>
      exporter
        .getFinishedSpans()
        .find((s) => s.spanContext().traceId === traceId && s.name === 'gateway POST /graphql'),
    );
    const spans = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
    // Nothing was recorded, so nothing was published or consumed under this trace.
    expect(spans.some((s) => s.kind === SpanKind.PRODUCER || s.kind === SpanKind.CONSUMER)).toBe(false);
  });
});
