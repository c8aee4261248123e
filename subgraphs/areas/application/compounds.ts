import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { DomainError, NotFoundError } from '../../../kernel/errors';
import { assertMayManageStreet, mayReadStreet } from '../domain/access';
import {
  BuildingRegistration,
  CompoundRegistration,
  HouseholdRegistration,
  validateBuilding,
  validateCompound,
  validateHousehold,
} from '../domain/compound';
import { formatSquareMetres } from '../domain/floor-area';
import { recordBuildingRosters } from '../events/publish/area-events';
import { Building, Compound, Household } from '../persistence/compound.entity';

/** A compound the caller may read, else NOT_FOUND (existence is not disclosed outside the jurisdiction). */
export async function readableCompound(em: EntityManager, identity: Identity, compoundId: string): Promise<Compound> {
  const compound = await em.findOne(Compound, { id: compoundId });
  if (!compound || !mayReadStreet(identity, compound.streetCode)) throw new NotFoundError('Compound', compoundId);
  return compound;
}

export async function manageableCompound(em: EntityManager, identity: Identity, compoundId: string): Promise<Compound> {
  const compound = await readableCompound(em, identity, compoundId);
  assertMayManageStreet(identity, compound.streetCode, 'change compounds in it');
  return compound;
}

export async function registerCompound(em: EntityManager, identity: Identity, input: CompoundRegistration): Promise<Compound> {
  const registration = validateCompound(input);
  assertMayManageStreet(identity, registration.streetCode, 'register compounds in it');
  return em.transactional(async (tx) => {
    if (await tx.count(Compound, { streetCode: registration.streetCode, name: registration.name })) {
      throw new DomainError('CONFLICT', `A compound named ${registration.name} is already registered in this street`);
    }
    return tx.create(Compound, { ...registration, registeredAt: new Date() });
  });
}

export async function registerBuilding(em: EntityManager, identity: Identity, compoundId: string, input: BuildingRegistration): Promise<Building> {
  const registration = validateBuilding(input);
  return em.transactional(async (tx) => {
    await manageableCompound(tx, identity, compoundId);
    if (await tx.count(Building, { compoundId, label: registration.label })) {
      throw new DomainError('CONFLICT', `Building ${registration.label} already exists in this compound`);
    }
    return tx.create(Building, { ...registration, compoundId });
  });
}

export async function registerHousehold(em: EntityManager, identity: Identity, buildingId: string, input: HouseholdRegistration): Promise<Household> {
  const household = validateHousehold(input);
  return em.transactional(async (tx) => {
    const building = await tx.findOne(Building, { id: buildingId });
    if (!building) throw new NotFoundError('Building', buildingId);
    await manageableCompound(tx, identity, building.compoundId);
    if (await tx.count(Household, { buildingId, unit: household.unit, room: household.room })) {
      throw new DomainError('CONFLICT', `Unit ${household.unit} room ${household.room} already exists in this building`);
    }
    const created = tx.create(Household, { ...household, id: randomUUID(), buildingId });
    await tx.flush();
    await recordBuildingRosters(tx, [buildingId]);
    return created;
  });
}

export async function updateCompound(em: EntityManager, identity: Identity, compoundId: string, changes: Partial<Omit<CompoundRegistration, 'districtCode' | 'streetCode'>>): Promise<Compound> {
  return em.transactional(async (tx) => {
    const compound = await manageableCompound(tx, identity, compoundId);
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined && v !== null));
    const updated = validateCompound({ ...compound, ...defined });
    if (updated.name !== compound.name && (await tx.count(Compound, { streetCode: compound.streetCode, name: updated.name }))) {
      throw new DomainError('CONFLICT', `A compound named ${updated.name} is already registered in this street`);
    }
    Object.assign(compound, defined, { name: updated.name });
    return compound;
  });
}

/** Corrects a building; a change of class changes what its households are billed, so the roster is republished. */
export async function updateBuilding(em: EntityManager, identity: Identity, buildingId: string, changes: Partial<BuildingRegistration>): Promise<Building> {
  return em.transactional(async (tx) => {
    const building = await tx.findOne(Building, { id: buildingId });
    if (!building) throw new NotFoundError('Building', buildingId);
    await manageableCompound(tx, identity, building.compoundId);
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined && v !== null));
    const updated = validateBuilding({ ...building, ...defined });
    if (updated.label !== building.label && (await tx.count(Building, { compoundId: building.compoundId, label: updated.label }))) {
      throw new DomainError('CONFLICT', `Building ${updated.label} already exists in this compound`);
    }
    Object.assign(building, { label: updated.label, buildingClass: updated.buildingClass, floors: updated.floors, elevators: updated.elevators });
    await tx.flush();
    await recordBuildingRosters(tx, [building.id]);
    return building;
  });
}

/** Corrects a household: a new certificate area, or a change of owner (the reference and the name go together). */
export async function updateHousehold(
  em: EntityManager,
  identity: Identity,
  householdId: string,
  changes: { floorArea?: string; ownerReference?: string; ownerName?: string },
): Promise<Household> {
  return em.transactional(async (tx) => {
    const household = await tx.findOne(Household, { id: householdId });
    const building = household && (await tx.findOne(Building, { id: household.buildingId }));
    if (!household || !building) throw new NotFoundError('Household', householdId);
    await manageableCompound(tx, identity, building.compoundId);
    const valid = validateHousehold({
      unit: household.unit,
      room: household.room,
      floorArea: changes.floorArea ?? formatSquareMetres(household.floorAreaCentiM2),
      ownerReference: changes.ownerReference ?? household.ownerReference,
      ownerName: changes.ownerReference !== undefined ? changes.ownerName : (changes.ownerName ?? household.ownerName),
    });
    Object.assign(household, { floorAreaCentiM2: valid.floorAreaCentiM2, ownerReference: valid.ownerReference, ownerName: valid.ownerName });
    await tx.flush();
    await recordBuildingRosters(tx, [building.id]);
    return household;
  });
}

