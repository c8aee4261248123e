import { EVENT_DEFINITIONS } from '../../catalog';
import { FILING_ACCEPTED } from '../../catalog';
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
