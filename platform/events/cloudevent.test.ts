import { EVENT_DEFINITIONS } from '../../catalog';
import {
  COURT_CASE_EVENT_REPORTED,
  FILING_ACCEPTED,
  FILING_REVIEW_DECIDED,
  HOTLINE_ORDER_RECEIVED,
} from '../../catalog';
import { filingEvent } from '../../test/support/webhook-events';
import { PoisonMessageError, decodeMessage, validateEventData } from './cloudevent';

describe('validateEventData', () => {
  it('compiles every catalog event schema under strict Ajv (validators are compiled on first use)', () => {
    const reasons = EVENT_DEFINITIONS.map((definition) => {
      try {
        validateEventData(definition.type, null);
        return `${definition.type} accepted null`;
      } catch (error) {
        return error instanceof PoisonMessageError ? error.reasonCode : `${definition.type}: ${String(error)}`;
      }
    });
    expect(new Set(reasons)).toEqual(new Set(['SCHEMA_VIOLATION']));
  });

  it('refuses an event type the catalog does not know', () => {
    expect(() => validateEventData('hub.unknown.v1', {})).toThrow(
      expect.objectContaining({ reasonCode: 'UNKNOWN_EVENT_TYPE' }),
    );
  });
});

describe('text PostgreSQL could not store', () => {
  const headers = { ce_specversion: '1.0', ce_id: 'e-1', ce_type: 'hub.test', ce_source: 'test' };

  it('refuses a ce_ header holding a NUL byte', () => {
    expect(() => decodeMessage({ ...headers, ce_id: Buffer.from('e\u00001') }, Buffer.from('{}'))).toThrow(
      expect.objectContaining({ reasonCode: 'UNSTORABLE_TEXT' }),
    );
    expect(() => decodeMessage({ ...headers, ce_subject: 'a\u0000' }, Buffer.from('{}'))).toThrow(
      expect.objectContaining({ reasonCode: 'UNSTORABLE_TEXT' }),
    );
    expect(decodeMessage(headers, Buffer.from('{}')).id).toBe('e-1');
  });

  it('takes a header sent without a value (Kafka allows one; kafkajs reads it as null) as absent, never throwing', () => {
    // Before, null.toString() threw a TypeError, which stopped the consumer on the record for good.
    const none = null as unknown as string;
    expect(() => decodeMessage({ ...headers, ce_specversion: none }, Buffer.from('{}'))).toThrow(
      expect.objectContaining({ reasonCode: 'NOT_A_CLOUDEVENT' }),
    );
    expect(() => decodeMessage({ ...headers, ce_id: [none, 'e-1'] }, Buffer.from('{}'))).toThrow(
      expect.objectContaining({ reasonCode: 'NOT_A_CLOUDEVENT' }),
    );
    expect(decodeMessage({ ...headers, ce_subject: none, 'content-type': none }, Buffer.from('{}')).subject).toBe(
      undefined,
    );
  });

  it('refuses a ce_ header over 512 bytes: the inbox keys events by ce_id in a btree of entries up to 2,704 bytes', () => {
    expect(() => decodeMessage({ ...headers, ce_id: 'e'.repeat(3000) }, Buffer.from('{}'))).toThrow(
      expect.objectContaining({ reasonCode: 'NOT_A_CLOUDEVENT', message: 'a ce_ header is longer than 512 bytes' }),
    );
    expect(() => decodeMessage({ ...headers, ce_tracestate: '界'.repeat(171) }, Buffer.from('{}'))).toThrow(
      expect.objectContaining({ reasonCode: 'NOT_A_CLOUDEVENT' }),
    );
    expect(decodeMessage({ ...headers, ce_id: 'e'.repeat(512) }, Buffer.from('{}')).id).toHaveLength(512);
  });

  const filing = () => filingEvent('8f0c2c39-6f55-4a5e-9a0b-4c8d6f1e2a10', '5d1e7a52-3c4b-4f7e-8a9d-0b1c2d3e4f50', 2);

  it('refuses data whose schema holds but a string holds NUL or half a surrogate pair, naming where', () => {
    const data = filing();
    expect(() => validateEventData(FILING_ACCEPTED.type, data)).not.toThrow();
    for (const [change, path] of [
      [(d: ReturnType<typeof filing>) => (d.companyId = 'company\u0000'), '/companyId'],
      [(d: ReturnType<typeof filing>) => (d.recordNumber = 'half \ud83d'), '/recordNumber'],
    ] as const) {
      const bad = filing();
      change(bad);
      expect(() => validateEventData(FILING_ACCEPTED.type, bad)).toThrow(
        expect.objectContaining({ reasonCode: 'UNSTORABLE_TEXT', message: expect.stringContaining(` at ${path}`) }),
      );
    }
  });
});

describe('what outside parties write on their own topics', () => {
  const referralId = '0c2f8a1e-4b5d-4e6f-8a7b-9c0d1e2f3a4b';
  const inbound = {
    [COURT_CASE_EVENT_REPORTED.type]: {
      referralId,
      courtId: 'bj-xicheng-court',
      kind: 'HEARING_SCHEDULED',
      occurredAt: '2026-12-04T09:00:00+08:00',
      hearingOn: '2026-12-10',
      caseNumber: '(2026)京0102民初8801号',
      note: '第一次开庭\n请双方到庭',
      judgedFen: null,
    },
    [FILING_REVIEW_DECIDED.type]: {
      filingId: referralId,
      version: 1,
      decision: 'RETURN',
      returnReasons: [{ field: 'feeSchedule.classes[0]', reason: '收费标准\t与合同不一致' }],
      reviewerOrganisationId: 'bureau-xicheng',
      reviewerName: '西城区住房和城市建设委员会',
      decidedAt: '2026-12-04T09:00:00+08:00',
    },
    [HOTLINE_ORDER_RECEIVED.type]: {
      orderNumber: 'BJ-2026-1',
      senderOrganisationId: 'beijing-12345',
      receivedAt: '2026-12-04T09:00:00+08:00',
      callerName: '王小明',
      callerPhone: '13812345678',
      addressText: '北京市西城区红居南街6号院1号楼',
      streetCode: '110102020',
      categoryCode: 'T1',
      itemCode: 'T1.2',
      text: '楼道灯不亮\r\n三天了',
      respondBy: '2026-12-04T10:00:00+08:00',
      resolveBy: '2026-12-05T09:00:00+08:00',
    },
  } as Record<string, Record<string, unknown>>;
  const refusal = (type: string, change: Record<string, unknown>) => {
    try {
      validateEventData(type, { ...inbound[type], ...change });
      return 'accepted';
    } catch (error) {
      return error instanceof PoisonMessageError ? error.reasonCode : String(error);
    }
  };

  it('takes text as the GraphQL scalars of its kind do: tab and line breaks only in free text', () => {
    for (const type of Object.keys(inbound)) expect([type, refusal(type, {})]).toEqual([type, 'accepted']);
  });

  it.each([
    [COURT_CASE_EVENT_REPORTED.type, { caseNumber: 'x'.repeat(129) }],
    [COURT_CASE_EVENT_REPORTED.type, { caseNumber: '(2026)\n京0102民初8801号' }],
    [COURT_CASE_EVENT_REPORTED.type, { note: '庭'.repeat(2001) }],
    [COURT_CASE_EVENT_REPORTED.type, { note: '原告\u202e撤诉' }],
    [COURT_CASE_EVENT_REPORTED.type, { note: 'a\u0000' }],
    [COURT_CASE_EVENT_REPORTED.type, { courtId: 'bj-xicheng-court\u0007' }],
    [COURT_CASE_EVENT_REPORTED.type, { kind: 'JUDGED', judgedFen: 10_000_000_001 }],
    [FILING_REVIEW_DECIDED.type, { reviewerName: '西'.repeat(201) }],
    [FILING_REVIEW_DECIDED.type, { reviewerName: '西城\u2066区' }],
    [FILING_REVIEW_DECIDED.type, { returnReasons: [{ field: 'terms', reason: '\u009b' }] }],
    [FILING_REVIEW_DECIDED.type, { returnReasons: [{ field: 'f'.repeat(129), reason: '不一致' }] }],
    [HOTLINE_ORDER_RECEIVED.type, { text: '灯\u001b[2J' }],
    [HOTLINE_ORDER_RECEIVED.type, { addressText: '红居南街\n6号院' }],
  ])('refuses %s with %j', (type, change) => {
    expect(refusal(type, change)).toBe('SCHEMA_VIOLATION');
  });
});
