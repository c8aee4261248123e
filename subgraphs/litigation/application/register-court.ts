import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { DomainError } from '../../../kernel/errors';
import { CourtRegistration, assertMayRegisterCourt, validateCourtRegistration } from '../domain/court';
import { Court } from '../persistence/court.entity';

export async function registerCourt(em: EntityManager, identity: Identity, input: CourtRegistration): Promise<Court> {
  assertMayRegisterCourt(identity);
  const registration = validateCourtRegistration(input);
  return em.transactional(async (tx) => {
    if (await tx.findOne(Court, { courtId: registration.courtId })) {
      throw new DomainError('CONFLICT', `Court ${registration.courtId} is already registered`);
    }
    return tx.create(Court, { ...registration, registeredAt: new Date() });
  });
}
