import type { EntityManager } from '@mikro-orm/postgresql';
import { JointDecisionRecordedData } from '../../../catalog';
import { keepJointDecisionCopy } from '../../../platform/read-models/joint-decisions';

/** An owners' joint decision with its verdict, as the areas feed published it, for filings to name (selection.ts). */
export function keepJointDecision(em: EntityManager, d: JointDecisionRecordedData): Promise<void> {
  return keepJointDecisionCopy(em, 'contracts', {
    decisionId: d.decisionId,
    areaId: d.areaId,
    matter: d.matter,
    heldOn: d.heldOn,
    valid: d.valid,
    reasons: d.reasons,
  });
}
