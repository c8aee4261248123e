import { CITY_FILING_REVIEWS_TOPIC, COURT_CASE_EVENTS_TOPIC, FILINGS_TOPIC, HOTLINE_ORDERS_TOPIC } from '../../catalog';
import { decodeMessage, validateEventData } from './cloudevent';
import { Refusal, refusalNotice } from './refusal-notice';

const refusal = (overrides: Partial<Refusal> = {}): Refusal => ({
  topic: 't1.city.filing-reviews.v1.xicheng-filing-system',
  partition: 2,
  offset: '41',
  key: 'filing-1',
  headers: { ce_specversion: '1.0', ce_id: 'decision-7', ce_type: 'gov.city.filing-review.decided', ce_source: 'x' },
  reasonCode: 'STALE_REVIEW',
  reason: 'Version 1 is not the version under review (2)',
  refusedAt: '2026-12-06T04:00:00.000Z',
  ...overrides,
});

describe('what a party is told of a message the hub refused', () => {
  it("is addressed to the sender's own reply topic, says which message and why, and is a valid event", () => {
    const notice = refusalNotice(CITY_FILING_REVIEWS_TOPIC, 't1.', '/property-governance-hub/contracts', refusal())!;
    expect(notice.topic).toBe('t1.city.filing-review-refusals.v1.xicheng-filing-system');
    expect(notice.message.key).toBe('filing-1');
    const event = decodeMessage(notice.message.headers, Buffer.from(String(notice.message.value)));
    expect(event.type).toBe('hub.contracts.filing-review.refused');
    expect(event.data).toEqual({
      refusedEventId: 'decision-7',
      refusedEventType: 'gov.city.filing-review.decided',
      sourceTopic: 'city.filing-reviews.v1.xicheng-filing-system',
      sourcePartition: 2,
      sourceOffset: '41',
      reasonCode: 'STALE_REVIEW',
      reason: 'Version 1 is not the version under review (2)',
      refusedAt: '2026-12-06T04:00:00.000Z',
    });
    expect(() => validateEventData(event.type, event.data)).not.toThrow();
    // The same refusal again (a batch retried) is the same event; another offset another.
    const again = refusalNotice(CITY_FILING_REVIEWS_TOPIC, 't1.', 'x', refusal({ refusedAt: '2026-12-06T04:01:00Z' }))!;
    expect(again.message.headers!.ce_id).toBe(notice.message.headers!.ce_id);
    expect(
      refusalNotice(CITY_FILING_REVIEWS_TOPIC, 't1.', 'x', refusal({ offset: '42' }))!.message.headers!.ce_id,
    ).not.toBe(notice.message.headers!.ce_id);
  });

  it('takes a header without a value (null) as none to repeat', () => {
    const none = null as unknown as string;
    const notice = refusalNotice(
      COURT_CASE_EVENTS_TOPIC,
      '',
      'x',
      refusal({ topic: 'court.case-events.v1.bj-haidian-court', headers: { ce_id: none, ce_type: [none] } }),
    )!;
    expect(JSON.parse(String(notice.message.value))).toMatchObject({ refusedEventId: null, refusedEventType: null });
  });

  it("repeats no header it cannot read, and none of the hub's internals", () => {
    const unreadable = refusalNotice(
      COURT_CASE_EVENTS_TOPIC,
      '',
      'x',
      refusal({
        topic: 'court.case-events.v1.bj-haidian-court',
        headers: { ce_id: 'x'.repeat(600), ce_type: 'a\u0000b' },
        reasonCode: 'HANDLER_FAILED',
        reason: 'relation "litigation.referral" does not exist at pg_query 0x7f',
      }),
    )!;
    expect(unreadable.topic).toBe('court.case-event-refusals.v1.bj-haidian-court');
    const data = JSON.parse(String(unreadable.message.value));
    expect(data).toMatchObject({ refusedEventId: null, refusedEventType: null, reasonCode: 'HANDLER_FAILED' });
    expect(data.reason).not.toContain('litigation.referral');
    expect(() => validateEventData('hub.litigation.court-case-event.refused', data)).not.toThrow();
    const long = refusalNotice(COURT_CASE_EVENTS_TOPIC, '', 'x', {
      ...refusal({ topic: 'court.case-events.v1.c1' }),
      reason: '理'.repeat(5000),
    })!;
    expect(JSON.parse(String(long.message.value)).reason).toHaveLength(1000);
  });

  it('is sent only for a per-party family that has a reply topic, and only from its own topics', () => {
    expect(
      refusalNotice(HOTLINE_ORDERS_TOPIC, '', 'x', refusal({ topic: 'city.hotline-orders.v1.bj-12345' })),
    ).toBeNull();
    expect(refusalNotice(FILINGS_TOPIC, '', 'x', refusal({ topic: 'contracts.filings.v1' }))).toBeNull();
    expect(
      refusalNotice(CITY_FILING_REVIEWS_TOPIC, 't1.', 'x', refusal({ topic: 't2.city.filing-reviews.v1.a' })),
    ).toBeNull();
  });
});
