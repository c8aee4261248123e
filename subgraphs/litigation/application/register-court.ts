import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import {
  CourtRegistration,
  assertMayRegisterCourt,
  validateCourtRegistration,
  validateCourtTerritory,
} from '../domain/court';
import { Court } from '../persistence/court.entity';
import { addCourt, findCourt } from '../persistence/court.repository';

export async function registerCourt(em: EntityManager, identity: Identity, input: CourtRegistration): Promise<Court> {
  assertMayRegisterCourt(identity);
  const registration = validateCourtRegistration(input);
  return em.transactional(async (tx) => {
    if (await findCourt(tx, registration.courtId)) {
      throw new DomainError('CONFLICT', `Court ${registration.courtId} is already registered`);
    }
    return addCourt(tx, registration);
  });
}

/**
 * An administrator sets the districts a court hears (its territory changes, or it was registered before courts had
 * one). Referrals already made stay with it; later ones follow the new territory.
 */
export async function setCourtTerritory(
  em: EntityManager,
  identity: Identity,
  courtId: string,
  districtCodes: string[],
): Promise<Court> {
  assertMayRegisterCourt(identity);
  return em.transactional(async (tx) => {
    const court = await findCourt(tx, courtId, { lock: true });
    if (!court) throw new NotFoundError('Court', courtId);
    court.districtCodes = validateCourtTerritory(districtCodes, court.provinceCode);
    return court;
  });
}
