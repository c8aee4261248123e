import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { NotFoundError } from '../../../kernel/errors';
import { HouseholdChanges, validateHousehold } from '../domain/compound';
import { formatSquareMetres } from '../domain/floor-area';
import { Household } from '../persistence/compound.entity';
import { findBuilding } from '../persistence/building.repository';
import { findHousehold } from '../persistence/household.repository';
import { recordBuildingRosters } from './building-rosters';
import { manageableCompound } from './compound.lookup';

/** Corrects a household: a new certificate area, or a change of owner (the reference and the name go together). */
export async function updateHousehold(em: EntityManager, identity: Identity, householdId: string, changes: HouseholdChanges): Promise<Household> {
  return em.transactional(async (tx) => {
    const household = await findHousehold(tx, householdId);
    const building = household && (await findBuilding(tx, household.buildingId));
    if (!household || !building) throw new NotFoundError('Household', householdId);
    await manageableCompound(tx, identity, building.compoundId);
    const valid = validateHousehold({
      unit: household.unit,
      room: household.room,
      floorArea: changes.floorArea ?? formatSquareMetres(household.floorAreaCentiM2),
      ownerReference: changes.ownerReference ?? household.ownerReference,
      ownerName: changes.ownerReference !== undefined ? changes.ownerName : (changes.ownerName ?? household.ownerName ?? undefined),
    });
    Object.assign(household, { floorAreaCentiM2: valid.floorAreaCentiM2, ownerReference: valid.ownerReference, ownerName: valid.ownerName });
    await recordBuildingRosters(tx, [building.id]);
    return household;
  });
}
