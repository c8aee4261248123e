import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { todayInChina } from '../../../kernel/clock';
import { DomainError } from '../../../kernel/errors';
import { BuildingRegistration, validateBuilding } from '../domain/compound';
import { Building } from '../persistence/compound.entity';
import { isBuildingLabelTaken } from '../persistence/building.repository';
import { recordBuildingRosters } from './building-rosters';
import { manageableBuilding } from './compound.lookup';

/** Corrects a building; a change of class changes what its households are billed, so the roster is republished. */
export async function updateBuilding(
  em: EntityManager,
  identity: Identity,
  buildingId: string,
  changes: Partial<BuildingRegistration>,
): Promise<Building> {
  return em.transactional(async (tx) => {
    const building = await manageableBuilding(tx, identity, buildingId);
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined && v !== null));
    const updated = validateBuilding({ ...building, ...defined }, todayInChina().slice(0, 7));
    if (updated.label !== building.label && (await isBuildingLabelTaken(tx, building.compoundId, updated.label))) {
      throw new DomainError('CONFLICT', `Building ${updated.label} already exists in this compound`);
    }
    Object.assign(building, {
      label: updated.label,
      buildingClass: updated.buildingClass,
      floors: updated.floors,
      elevators: updated.elevators,
      elevatorsReplacedIn: updated.elevatorsReplacedIn ?? null,
    });
    await recordBuildingRosters(tx, [building.id]);
    return building;
  });
}
