import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { NotFoundError } from '../../../kernel/errors';
import { assertMayManageStreet, mayReadStreet } from '../domain/access';
import { Building, Compound, Household } from '../persistence/compound.entity';
import { findBuilding } from '../persistence/building.repository';
import { findCompound } from '../persistence/compound.repository';
import { findHousehold } from '../persistence/household.repository';

/**
 * A compound of the caller's own street, for changing its register. Outside the caller's jurisdiction it is
 * NOT_FOUND (existence is not disclosed); a reader of the street (a bureau) is FORBIDDEN.
 */
export async function manageableCompound(em: EntityManager, identity: Identity, compoundId: string): Promise<Compound> {
  const compound = await findCompound(em, compoundId);
  if (!compound || !mayReadStreet(identity, compound.streetCode)) throw new NotFoundError('Compound', compoundId);
  assertMayManageStreet(identity, compound.streetCode, 'change compounds in it');
  return compound;
}

/**
 * A building of a compound the caller manages (see manageableCompound). Outside the caller's jurisdiction the
 * building is NOT_FOUND by the id the caller gave: its compound's id is not disclosed.
 */
/**
 * A household of a compound the caller manages, with its building; outside the caller's jurisdiction NOT_FOUND by
 * the household's id (before, the compound's id was given in the refusal, telling another street the household
 * exists and where).
 */
export async function manageableHousehold(
  em: EntityManager,
  identity: Identity,
  householdId: string,
): Promise<{ household: Household; building: Building }> {
  const household = await findHousehold(em, householdId);
  const building = household && (await findBuilding(em, household.buildingId));
  const compound = building && (await findCompound(em, building.compoundId));
  if (!household || !building || !compound || !mayReadStreet(identity, compound.streetCode))
    throw new NotFoundError('Household', householdId);
  assertMayManageStreet(identity, compound.streetCode, 'change compounds in it');
  return { household, building };
}

export async function manageableBuilding(em: EntityManager, identity: Identity, buildingId: string): Promise<Building> {
  const building = await findBuilding(em, buildingId);
  const compound = building && (await findCompound(em, building.compoundId));
  if (!building || !compound || !mayReadStreet(identity, compound.streetCode))
    throw new NotFoundError('Building', buildingId);
  assertMayManageStreet(identity, compound.streetCode, 'change compounds in it');
  return building;
}
