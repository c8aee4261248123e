import { AreaChangedData, AreaRegisteredData, BuildingRosterData, CompoundChangedData } from '../../../../catalog';
import { Compound } from '../../persistence/compound.entity';
import { Area } from '../../persistence/area.entity';
import { AreaBuilding, BuildingRoster } from '../../persistence/building.repository';

/** The CloudEvents `source` of everything the areas subgraph publishes. */
export const AREAS_EVENT_SOURCE = '/property-governance-hub/areas';

export function areaRegistered(area: Area): AreaRegisteredData {
  return {
    areaId: area.id,
    name: area.name,
    districtCode: area.districtCode,
    streetCode: area.streetCode,
    registeredBy: area.registeredBy,
    registeredAt: area.registeredAt.toISOString(),
  };
}

/** The area's buildings as they now stand, with the area's totals. */
export function areaChanged(area: Area, buildings: readonly AreaBuilding[]): AreaChangedData {
  return {
    areaId: area.id,
    streetCode: area.streetCode,
    buildings: buildings.map((b) => ({
      buildingId: b.buildingId,
      label: b.label,
      buildingClass: b.buildingClass,
      households: b.households,
      floorAreaCentiM2: b.floorAreaCentiM2,
    })),
    totalFloorAreaCentiM2: buildings.reduce((sum, b) => sum + b.floorAreaCentiM2, 0),
    households: buildings.reduce((sum, b) => sum + b.households, 0),
  };
}

/** A building's whole household roster, so consumers replace rather than patch and a lost update cannot linger. */
export function buildingRosterChanged(roster: BuildingRoster): BuildingRosterData {
  return {
    buildingId: roster.buildingId,
    compoundId: roster.compoundId,
    areaId: roster.areaId,
    buildingClass: roster.buildingClass,
    households: roster.households.map((h) => ({
      householdId: h.id,
      unit: h.unit,
      room: h.room,
      floorAreaCentiM2: h.floorAreaCentiM2,
      ownerReference: h.ownerReference,
      ...(h.ownerSince ? { ownerSince: h.ownerSince } : {}),
      ...(h.ownerDiedOn ? { ownerDiedOn: h.ownerDiedOn } : {}),
    })),
  };
}

/** The compound as it now stands (no households, no owners): complaints match addresses and dispatch by it. */
export function compoundChanged(compound: Compound, changedAt: Date): CompoundChangedData {
  return {
    compoundId: compound.id,
    name: compound.name,
    districtCode: compound.districtCode,
    streetCode: compound.streetCode,
    communityCode: compound.communityCode ?? null,
    governanceModel: compound.governanceModel,
    propertyRightsUnits: compound.propertyRightsUnits,
    version: compound.version,
    changedAt: changedAt.toISOString(),
  };
}
