import { EVENT_DEFINITIONS } from '../../catalog';
import { PoisonMessageError, eventDataValidator, validateEventData } from './cloudevent';

describe('event data validation', () => {
  it('compiles every catalog event’s JSON Schema under strict Ajv (compiled on first use, so checked here)', () => {
    for (const definition of EVENT_DEFINITIONS) expect(eventDataValidator(definition.type)).toBeInstanceOf(Function);
  });

  it('refuses an event type the catalog does not know', () => {
    expect(eventDataValidator('hub.nothing.unknown')).toBeUndefined();
    expect(() => validateEventData('hub.nothing.unknown', {})).toThrow(PoisonMessageError);
  });
});
