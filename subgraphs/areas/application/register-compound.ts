import { todayInChina } from '../../../kernel/clock';
import type { EntityManager } from '@mikro-orm/postgresql';
import { COMPOUND_CHANGED } from '../../../catalog';
import { recordEvent } from '../../../platform/events/outbox';
import { AREAS_EVENT_SOURCE, compoundChanged } from '../events/publish/area-events';
import { Identity } from '../../../kernel/identity';
import { DomainError } from '../../../kernel/errors';
import { assertMayManageStreet } from '../domain/access';
import { CompoundRegistration, validateCompound } from '../domain/compound';
import { Compound } from '../persistence/compound.entity';
import { insertCompound, isCompoundNameTaken } from '../persistence/compound.repository';

/** The street office registers a compound of its street; a name is used once per street. */
export async function registerCompound(
  em: EntityManager,
  identity: Identity,
  input: CompoundRegistration,
): Promise<Compound> {
  const registration = validateCompound(input, todayInChina());
  assertMayManageStreet(identity, registration.streetCode, 'register compounds in it');
  return em.transactional(async (tx) => {
    if (await isCompoundNameTaken(tx, registration.streetCode, registration.name)) {
      throw new DomainError('CONFLICT', `A compound named ${registration.name} is already registered in this street`);
    }
    const compound = insertCompound(tx, { ...registration, registeredAt: new Date(), version: 1 });
    recordEvent(tx, COMPOUND_CHANGED, {
      source: AREAS_EVENT_SOURCE,
      key: compound.id,
      subject: compound.id,
      data: compoundChanged(compound, compound.registeredAt),
    });
    return compound;
  });
}
