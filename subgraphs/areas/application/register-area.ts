import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { AreaRegistration, assertMayRegisterArea, validateAreaRegistration } from '../domain/area';
import { recordAreaRegistered } from '../events/publish/area-events';
import { Area } from '../persistence/area.entity';

/** Registers an area and its `area.registered` event in one transaction. */
export async function registerArea(em: EntityManager, identity: Identity, input: AreaRegistration): Promise<Area> {
  const registration = validateAreaRegistration(input);
  assertMayRegisterArea(identity, registration.streetCode);
  return em.transactional(async (tx) => {
    const area = tx.create(Area, { ...registration, registeredBy: identity.organisationId, registeredAt: new Date() });
    recordAreaRegistered(tx, area);
    return area;
  });
}
