import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { todayInChina } from '../../../kernel/clock';
import { DomainError } from '../../../kernel/errors';
import { BuildingRegistration, validateBuilding } from '../domain/compound';
import { Building } from '../persistence/compound.entity';
import { insertBuilding, isBuildingLabelTaken } from '../persistence/building.repository';
import { manageableCompound } from './compound.lookup';

/** A new building of a compound, not yet in any area; a label is used once per compound. */
export async function registerBuilding(
  em: EntityManager,
  identity: Identity,
  compoundId: string,
  input: BuildingRegistration,
): Promise<Building> {
  const registration = validateBuilding(input, todayInChina().slice(0, 7));
  return em.transactional(async (tx) => {
    await manageableCompound(tx, identity, compoundId);
    if (await isBuildingLabelTaken(tx, compoundId, registration.label)) {
      throw new DomainError('CONFLICT', `Building ${registration.label} already exists in this compound`);
    }
    return insertBuilding(tx, { ...registration, compoundId });
  });
}
