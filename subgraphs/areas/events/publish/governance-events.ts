import {
  AssemblyRecordedData,
  CommitteeDissolvedData,
  CommitteeFormedData,
  CommitteeRecordedData,
  CommitteeSucceededData,
  JointDecisionRecordedData,
} from '../../../../catalog';
import type { CommitteeKind } from '../../domain/governance-body';
import { GovernanceBody } from '../../persistence/governance-body.entity';
import { JointDecision } from '../../persistence/joint-decision.entity';

/** A committee formed or recorded; an owners' assembly is not one (it has no members) and has its own event. */
export function committeeFormed(committee: GovernanceBody, kind: CommitteeKind, members: number): CommitteeFormedData {
  return {
    areaId: committee.areaId,
    bodyId: committee.id,
    kind,
    formedOn: committee.formedOn,
    termEndsOn: committee.termEndsOn ?? null,
    members,
    filingDeadline: committee.filingDeadline ?? null,
  };
}

/** An owners' assembly on record, with the standing owners' committee it now links, if any. */
export function assemblyRecorded(assembly: GovernanceBody, linkedCommitteeId: string | null): AssemblyRecordedData {
  return {
    areaId: assembly.areaId,
    bodyId: assembly.id,
    formedOn: assembly.formedOn,
    rulesReference: assembly.rulesReference ?? null,
    linkedCommitteeId,
  };
}

/** A property-management committee dissolved by the recording of the area's owners' committee. */
export function committeeDissolved(committee: GovernanceBody, dissolvedOn: string): CommitteeDissolvedData {
  return { areaId: committee.areaId, bodyId: committee.id, dissolvedOn, reason: 'OWNERS_COMMITTEE_RECORDED' };
}

/** A committee that stands no more from `endedOn`, succeeded by `successor` (domain/governance-body.ts succeeds). */
export function committeeSucceeded(
  committee: GovernanceBody,
  successor: GovernanceBody,
  endedOn: string,
): CommitteeSucceededData {
  return {
    areaId: committee.areaId,
    bodyId: committee.id,
    kind: committee.kind as CommitteeKind,
    endedOn,
    successorBodyId: successor.id,
  };
}

/** A filed property-management committee recorded (备案) by the street office. */
export function committeeRecorded(
  committee: GovernanceBody,
  recording: { filedOn: string; recordedOn: string },
): CommitteeRecordedData {
  return {
    areaId: committee.areaId,
    bodyId: committee.id,
    filedOn: recording.filedOn,
    recordedOn: recording.recordedOn,
  };
}

export function jointDecisionRecorded(decision: JointDecision): JointDecisionRecordedData {
  return {
    areaId: decision.areaId,
    decisionId: decision.id,
    matter: decision.matter,
    heldOn: decision.heldOn,
    ...(decision.agendaItem ? { agendaItem: decision.agendaItem } : {}),
    valid: decision.valid,
    reasons: decision.reasons,
    ...(decision.tallySource ? { tallySource: decision.tallySource } : {}),
    tally: {
      totalOwners: decision.totalOwners,
      totalAreaCentiM2: decision.totalAreaCentiM2,
      participatingOwners: decision.participatingOwners,
      participatingAreaCentiM2: decision.participatingAreaCentiM2,
      consentingOwners: decision.consentingOwners,
      consentingAreaCentiM2: decision.consentingAreaCentiM2,
    },
  };
}
