import { fixKafkajsIdleTimers, kafkajsRequestQueue } from './kafkajs-idle';

/** A kafkajs request queue as a connection holds one, and requests whose sending is recorded. */
function queue(maxInFlightRequests: number | null = null) {
  fixKafkajsIdleTimers();
  const RequestQueue = kafkajsRequestQueue() as unknown as new (options: object) => {
    push(request: object): void;
    fulfillRequest(response: { correlationId: number; payload: Buffer | null; size: number }): void;
    maybeThrottle(ms: number): void;
    destroy(): void;
    pending: unknown[];
    throttleCheckTimeoutId: NodeJS.Timeout | null;
  };
  const q = new RequestQueue({
    maxInFlightRequests,
    requestTimeout: 30_000,
    enforceRequestTimeout: false,
    clientId: 'test',
    broker: '127.0.0.1:9',
    logger: { debug: () => undefined, warn: () => undefined },
  });
  const sent: number[] = [];
  let next = 1;
  const push = () => {
    const correlationId = next++;
    q.push({
      entry: { apiKey: 1, apiName: 'Fetch', apiVersion: 11, correlationId, resolve: () => undefined, reject: () => {} },
      expectResponse: true,
      sendRequest: () => sent.push(correlationId),
    });
    return correlationId;
  };
  const answer = (correlationId: number) => q.fulfillRequest({ correlationId, payload: null, size: 0 });
  return { q, sent, push, answer };
}

describe('kafkajs request queues with the idle-timer fix', () => {
  it('arm no timer once every request is answered (kafkajs 2.2.4 re-armed one each millisecond)', () => {
    const { q, sent, push, answer } = queue();
    answer(push());
    answer(push());
    expect(sent).toEqual([1, 2]);
    expect(q.throttleCheckTimeoutId).toBeNull();
  });

  it('still send a request held by a throttle once the throttle has run out', async () => {
    const { q, sent, push, answer } = queue();
    answer(push());
    q.maybeThrottle(30);
    push();
    expect(sent).toEqual([1]);
    expect(q.throttleCheckTimeoutId).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sent).toEqual([1, 2]);
    answer(2);
    expect(q.throttleCheckTimeoutId).toBeNull();
  });

  it('still send a request that waited for an in-flight slot when an answer frees one', () => {
    const { q, sent, push, answer } = queue(1);
    const first = push();
    push();
    expect(sent).toEqual([1]);
    expect(q.pending).toHaveLength(1);
    q.destroy(); // no timer needed: the answer sends it
    answer(first);
    expect(sent).toEqual([1, 2]);
    answer(2);
    expect(q.throttleCheckTimeoutId).toBeNull();
  });
});
