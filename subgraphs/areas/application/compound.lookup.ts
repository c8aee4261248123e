import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { NotFoundError } from '../../../kernel/errors';
import { assertMayManageStreet, mayReadStreet } from '../domain/access';
import { Building, Compound, Household } from '../persistence/compound.entity';
import { findBuilding, findBuildings } from '../persistence/building.repository';
import { findCompound } from '../persistence/compound.repository';
import { lockHousehold } from '../persistence/household.repository';

/**
 * A compound of the caller's own street, for changing its register. Outside the caller's jurisdiction it is
 * NOT_FOUND (existence is not disclosed); a reader of the street (a bureau) is FORBIDDEN. `lock` holds it for the
 * caller's transaction, which corrects it: of two corrections at once, the second reads the first's result (before,
 * each published the compound as it had read it, and the consumers kept whichever event came last, losing the other
 * change: a concurrency audit, 2026-12-07).
 */
export const manageableCompound = (
  em: EntityManager,
  identity: Identity,
  compoundId: string,
  options: { lock?: boolean } = {},
): Promise<Compound> => managedCompound(em, identity, compoundId, new NotFoundError('Compound', compoundId), options);

/**
 * A household of a compound the caller manages, with its building, locked for the caller's transaction (which changes
 * it); outside the caller's jurisdiction NOT_FOUND by the household's id (before, the compound's id was given in the
 * refusal, telling another street the household exists and where).
 */
export async function manageableHousehold(
  em: EntityManager,
  identity: Identity,
  householdId: string,
): Promise<{ household: Household; building: Building }> {
  const notFound = new NotFoundError('Household', householdId);
  const household = await lockHousehold(em, householdId);
  const building = household && (await findBuilding(em, household.buildingId));
  if (!household || !building) throw notFound;
  await managedCompound(em, identity, building.compoundId, notFound);
  return { household, building };
}

/**
 * A building of a compound the caller manages (see manageableCompound), locked for the caller's transaction (which
 * changes it or adds to it): of two corrections at once, the second is validated against the first's result (before,
 * each against the row it had read, so 0 elevators and a month they were replaced in could both be stored: a helper's
 * concurrency audit). Outside the caller's jurisdiction the building is NOT_FOUND by the id the caller gave: its
 * compound's id is not disclosed.
 */
export async function manageableBuilding(em: EntityManager, identity: Identity, buildingId: string): Promise<Building> {
  const [building] = await findBuildings(em, [buildingId], { lock: true });
  const notFound = new NotFoundError('Building', buildingId);
  if (!building) throw notFound;
  await managedCompound(em, identity, building.compoundId, notFound);
  return building;
}

/** The compound if the caller manages its street; `notFound` (naming what the caller asked for) outside its reach. */
async function managedCompound(
  em: EntityManager,
  identity: Identity,
  compoundId: string,
  notFound: NotFoundError,
  options: { lock?: boolean } = {},
): Promise<Compound> {
  const compound = await findCompound(em, compoundId, options);
  if (!compound || !mayReadStreet(identity, compound.streetCode)) throw notFound;
  assertMayManageStreet(identity, compound.streetCode, 'change compounds in it');
  return compound;
}
