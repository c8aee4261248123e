import { formatSquareMetres } from '../domain/floor-area';
import type { HouseholdRecord } from '../persistence/household.repository';
import type { CompoundStatistics } from '../persistence/compound.repository';
import { CompoundStatisticsType, HouseholdType } from './compound.type';

/** A household's register entry; its owner's name and identity are field resolvers (owner-identity.resolver.ts). */
export function householdType(
  h: Omit<HouseholdRecord, 'ownerName' | 'ownerSince' | 'ownerDiedOn'> & {
    ownerSince?: string | null;
    ownerDiedOn?: string | null;
  },
): HouseholdType {
  return {
    id: h.id,
    buildingId: h.buildingId,
    unit: h.unit,
    room: h.room,
    floorAreaM2: formatSquareMetres(h.floorAreaCentiM2),
    ownerReference: h.ownerReference,
    ownerSince: h.ownerSince ?? null,
    ownerDiedOn: h.ownerDiedOn ?? null,
  };
}

/** A compound's statistics; a compound without buildings has zeros. */
export function compoundStatisticsType(s: CompoundStatistics | undefined): CompoundStatisticsType {
  return {
    buildings: s?.buildings ?? 0,
    elevators: s?.elevators ?? 0,
    households: s?.households ?? 0,
    floorAreaM2: formatSquareMetres(s?.floorAreaCentiM2 ?? 0),
  };
}
