import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { initTracing, recordingSpans } from '../platform/tracing';
import { draftedContractHub } from './support/drafted-contract-hub';
import { TestHub, identity, tokenFor, pinTestToday } from './support/hub-fixture';
import { ProbedMessage, probeTopics } from './support/kafka-probe';

// The filing's deadline is counted in working days from its signing: past the holiday data the hub holds (2026-12-24)
// it cannot be, so the scenario is pinned to a day it is dated against (README › Tests › Dates).
pinTestToday('2026-12-01');

// Tracing registered as every process of the hub registers it at start (hub/start-hub.ts, platform/subgraph/main.ts),
// with no exporter (test/tracing.it.test.ts has one): nothing is recorded, yet the trace goes on.
initTracing({});
const company = identity('PROPERTY_COMPANY', '91110102MA0000000A');
const SUBMIT = `mutation($c: ID!, $k: Key!, $d: [FilingDocumentInput!]!) { submitFiling(contractId: $c, idempotencyKey: $k, documents: $d) { id } }`;
const documents = [{ name: '物业服务合同.pdf', type: 'CONTRACT_TEXT', sizeBytes: 482_133, sha256: 'b'.repeat(64) }];
const UNSAMPLED = (traceId: string) => new RegExp(`^00-${traceId}-(?!0{16})[0-9a-f]{16}-00$`);

describe('without an exporter, one submitFiling still keeps one trace id from the caller to the Kafka message', () => {
  let t: TestHub;
  let contractId: string;
  let probe: Awaited<ReturnType<typeof probeTopics>>;

  beforeAll(async () => {
    ({ t, contractId, probe } = await draftedContractHub(['areas', 'contracts'], company));
  });

  afterAll(async () => {
    await probe?.stop();
    await t?.stop();
  });

  it('carries the caller trace id, unsampled, through the outbox row into ce_traceparent', async () => {
    expect(recordingSpans()).toBe(false);
    const traceId = randomBytes(16).toString('hex');
    const clientSpanId = randomBytes(8).toString('hex');
    const response = await request(t.hub.gatewayUrl.replace(/\/graphql$/, ''))
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${await tokenFor(company)}`)
      .set('traceparent', `00-${traceId}-${clientSpanId}-01`)
      .send({ query: SUBMIT, variables: { c: contractId, k: randomUUID(), d: documents } });
    expect(response.body.errors).toBeUndefined();
    const filingId = response.body.data.submitFiling.id;

    const [row] = await t.sql<{ traceparent: string }>(
      `select traceparent from contracts.outbox where payload->>'filingId' = $1 and topic = 'contracts.filings.v1'`,
      [filingId],
    );
    expect(row.traceparent).toMatch(UNSAMPLED(traceId));
    expect(row.traceparent).not.toContain(clientSpanId);
    const [message] = await probe.waitForCount(
      'the filing event',
      (m: ProbedMessage) => m.headers.ce_subject === filingId,
      1,
    );
    expect(message.headers.ce_traceparent).toMatch(UNSAMPLED(traceId));
    expect(message.headers.ce_traceparent).not.toBe(row.traceparent);
  });
});
