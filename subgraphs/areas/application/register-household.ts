import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { DomainError } from '../../../kernel/errors';
import { HouseholdRegistration, validateHousehold } from '../domain/compound';
import { Household } from '../persistence/compound.entity';
import { insertHousehold, isRoomTaken } from '../persistence/household.repository';
import { saveOwnerIdentities } from '../persistence/owner-identity.repository';
import { recordBuildingRosters } from './building-rosters';
import { manageableBuilding } from './compound.lookup';

/**
 * A new household of a building, with its owner's identity when given (sealed at rest); its roster is republished
 * (never with the identity). A room is registered once per building.
 */
export async function registerHousehold(
  em: EntityManager,
  identity: Identity,
  buildingId: string,
  input: HouseholdRegistration,
): Promise<Household> {
  const { ownerIdentity, ...household } = validateHousehold(input);
  return em.transactional(async (tx) => {
    await manageableBuilding(tx, identity, buildingId);
    if (await isRoomTaken(tx, buildingId, household.unit, household.room)) {
      throw new DomainError(
        'CONFLICT',
        `Unit ${household.unit} room ${household.room} already exists in this building`,
      );
    }
    const created = insertHousehold(tx, { ...household, buildingId });
    await recordBuildingRosters(tx, [buildingId]); // flushes the household, which the identity refers to
    if (ownerIdentity)
      await saveOwnerIdentities(tx, [{ householdId: created.id, identity: ownerIdentity }], identity.subject);
    return created;
  });
}
