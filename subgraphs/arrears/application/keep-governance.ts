import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  CommitteeDissolvedData,
  CommitteeFormedData,
  CommitteeSucceededData,
  JointDecisionRecordedData,
} from '../../../catalog';
import { keepJointDecisionCopy } from '../../../platform/read-models/joint-decisions';
import { dissolveCommittee, saveCommittee } from '../persistence/governance-view.repository';

/** An owners' joint decision with the areas subgraph's verdict, kept for the levies that name it. */
export const keepJointDecision = (em: EntityManager, d: JointDecisionRecordedData): Promise<void> =>
  keepJointDecisionCopy(em, 'arrears', d);

/** A committee formed or recorded in an area: it may report utility cut-offs there while it stands, within its term. */
export function keepCommittee(em: EntityManager, c: CommitteeFormedData): Promise<void> {
  return saveCommittee(em, {
    bodyId: c.bodyId,
    areaId: c.areaId,
    kind: c.kind,
    formedOn: c.formedOn,
    termEndsOn: c.termEndsOn,
  });
}

export function keepCommitteeDissolved(em: EntityManager, c: CommitteeDissolvedData): Promise<void> {
  return dissolveCommittee(em, c.bodyId, c.dissolvedOn);
}

/** A committee succeeded by a newly elected or formed one: it stands (and reports cut-offs) no more from that day. */
export function keepCommitteeSucceeded(em: EntityManager, c: CommitteeSucceededData): Promise<void> {
  return dissolveCommittee(em, c.bodyId, c.endedOn);
}
