import { EVENT_DEFINITIONS } from '../../catalog';
import { PoisonMessageError, validateEventData } from './cloudevent';

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
