import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  CommitteeDissolvedData,
  CommitteeFormedData,
  CommitteeSucceededData,
  JointDecisionRecordedData,
} from '../../../catalog';
import { dissolveCommittee, saveCommittee, saveJointDecision } from '../persistence/governance-view.repository';

/** An owners' joint decision with the areas subgraph's verdict, kept for the levies that name it. */
export function keepJointDecision(em: EntityManager, d: JointDecisionRecordedData): Promise<void> {
  return saveJointDecision(em, {
    decisionId: d.decisionId,
    areaId: d.areaId,
    matter: d.matter,
    heldOn: d.heldOn,
    valid: d.valid,
    reasons: d.reasons,
  });
}

/** A committee formed or recorded in an area: it may report utility cut-offs there while it stands. */
export function keepCommittee(em: EntityManager, c: CommitteeFormedData): Promise<void> {
  return saveCommittee(em, { bodyId: c.bodyId, areaId: c.areaId, kind: c.kind, formedOn: c.formedOn });
}

export function keepCommitteeDissolved(em: EntityManager, c: CommitteeDissolvedData): Promise<void> {
  return dissolveCommittee(em, c.bodyId, c.dissolvedOn);
}

/** A committee succeeded by a newly elected or formed one: it stands (and reports cut-offs) no more from that day. */
export function keepCommitteeSucceeded(em: EntityManager, c: CommitteeSucceededData): Promise<void> {
  return dissolveCommittee(em, c.bodyId, c.endedOn);
}
