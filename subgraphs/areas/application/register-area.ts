import type { EntityManager } from '@mikro-orm/postgresql';
import { AREA_REGISTERED } from '../../../catalog';
import { Identity } from '../../../kernel/identity';
import { recordEvent } from '../../../platform/events/outbox';
import { AreaRegistration, assertMayRegisterArea, validateAreaRegistration } from '../domain/area';
import { AREAS_EVENT_SOURCE, areaRegistered } from '../events/publish/area-events';
import { Area } from '../persistence/area.entity';
import { insertArea } from '../persistence/area.repository';

/** Registers an area and its `area.registered` event in one transaction. */
export async function registerArea(em: EntityManager, identity: Identity, input: AreaRegistration): Promise<Area> {
  const registration = validateAreaRegistration(input);
  assertMayRegisterArea(identity, registration.streetCode);
  return em.transactional(async (tx) => {
    const area = insertArea(tx, { ...registration, registeredBy: identity.organisationId, registeredAt: new Date() });
    recordEvent(tx, AREA_REGISTERED, {
      source: AREAS_EVENT_SOURCE,
      key: area.id,
      subject: area.id,
      occurredAt: area.registeredAt,
      data: areaRegistered(area),
    });
    return area;
  });
}
