import type { HazardResolvedData, PatrolRecordedData, PreparatoryGroupFormedData } from '../../../../catalog';
import type { PatrolInput } from '../../domain/patrol';
import type { PreparatoryGroupInput } from '../../domain/preparatory-group';
import type { Hazard } from '../../persistence/patrol.repository';

interface AreaCodes {
  id: string;
  streetCode: string;
  districtCode: string;
}

/** A preparatory group as published: members by role only, the period with its article, the deadline. */
export function preparatoryGroupFormed(
  group: PreparatoryGroupInput & { id: string; areaId: string; deadline: string | null },
): PreparatoryGroupFormedData {
  return {
    areaId: group.areaId,
    groupId: group.id,
    formedOn: group.formedOn,
    members: group.members.map((m) => ({ role: m.role, leader: m.leader })),
    period: group.period ? { days: group.period.days, source: group.period.source } : null,
    deadline: group.deadline,
  };
}

/** A patrol with its hazards as published: who patrolled by kind, a notified party as a yes, no note or description. */
export function patrolRecorded(
  area: AreaCodes,
  patrol: Pick<PatrolInput, 'patrolledOn' | 'patrollerKind'> & { id: string },
  hazards: Hazard[],
): PatrolRecordedData {
  return {
    areaId: area.id,
    streetCode: area.streetCode,
    districtCode: area.districtCode,
    patrolId: patrol.id,
    patrolledOn: patrol.patrolledOn,
    patrollerKind: patrol.patrollerKind,
    hazards: hazards.map((h) => ({
      hazardId: h.id,
      kind: h.kind,
      location: h.location,
      warningSetUp: h.warningSetUp,
      partyNotified: h.partyNotified !== null,
      notifiedOn: h.notifiedOn,
      resolveBy: h.resolveBy,
    })),
  };
}

/** A hazard resolved, without the resolution note. */
export function hazardResolved(area: AreaCodes, hazard: Hazard & { resolvedOn: string }): HazardResolvedData {
  return {
    areaId: area.id,
    streetCode: area.streetCode,
    districtCode: area.districtCode,
    hazardId: hazard.id,
    patrolId: hazard.patrolId,
    kind: hazard.kind,
    foundOn: hazard.foundOn,
    resolveBy: hazard.resolveBy,
    resolvedOn: hazard.resolvedOn,
  };
}
