import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { DomainError, InvalidInputError, NotFoundError } from '../../../kernel/errors';
import { assertMayManageStreet, mayReadStreet } from '../domain/access';
import { recordAreaChanged, recordBuildingRosters } from '../events/publish/area-events';
import { Area } from '../persistence/area.entity';
import { Building, Compound } from '../persistence/compound.entity';

/**
 * Delimits a property-management area: a whole compound, or adjacent stand-alone buildings grouped into one area
 * (seed 004). A building belongs to one area at a time, and only to an area of its own street.
 */
export async function assignBuildingsToArea(em: EntityManager, identity: Identity, areaId: string, buildingIds: string[]): Promise<Building[]> {
  const ids = [...new Set(buildingIds)];
  if (ids.length === 0) throw new InvalidInputError('Name at least one building');
  return em.transactional(async (tx) => {
    const area = await tx.findOne(Area, { id: areaId });
    // Outside the caller's jurisdiction the area does not exist for them, as everywhere else.
    if (!area || !mayReadStreet(identity, area.streetCode)) throw new NotFoundError('Area', areaId);
    assertMayManageStreet(identity, area.streetCode, 'delimit areas in it');
    const buildings = await tx.find(Building, { id: { $in: ids } });
    const missing = ids.filter((id) => !buildings.some((b) => b.id === id));
    if (missing.length > 0) throw new NotFoundError('Building', missing.join(', '));
    const compounds = await tx.find(Compound, { id: { $in: [...new Set(buildings.map((b) => b.compoundId))] } });
    const foreign = compounds.filter((c) => c.streetCode !== area.streetCode);
    if (foreign.length > 0) {
      throw new DomainError('BUILDING_OUTSIDE_AREA_STREET', 'Every building of an area must lie in the area’s street', {
        compounds: foreign.map((c) => c.name),
      });
    }
    const taken = buildings.filter((b) => b.areaId && b.areaId !== areaId);
    if (taken.length > 0) {
      throw new DomainError('CONFLICT', 'Some buildings already belong to another area', { buildings: taken.map((b) => b.label) });
    }
    for (const building of buildings) building.areaId = areaId;
    await tx.flush();
    await recordAreaChanged(tx, area);
    await recordBuildingRosters(tx, buildings.map((b) => b.id));
    return buildings;
  });
}
