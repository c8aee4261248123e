import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { CourtRegistration, assertMayRegisterCourt, validateCourtRegistration } from '../domain/court';
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
