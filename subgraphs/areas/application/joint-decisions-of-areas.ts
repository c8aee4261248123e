import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { mayReadStreet } from '../domain/access';
import { JointDecisionOutcome, decideJointDecision } from '../domain/joint-decision';
import { Area } from '../persistence/area.entity';
import { JointDecision } from '../persistence/joint-decision.entity';
import { decisionsOfAreas } from '../persistence/joint-decision.repository';

export interface AssessedDecision {
  decision: JointDecision;
  outcome: JointDecisionOutcome;
}

/**
 * The joint decisions of many areas the caller reads by street, latest meeting first. Each is re-assessed from its
 * stored tally, so the ratios shown are the exact ones it was decided on.
 */
export async function jointDecisionsOfAreas(
  em: EntityManager,
  identity: Identity,
  areas: readonly Pick<Area, 'id' | 'streetCode'>[],
): Promise<AssessedDecision[]> {
  const readable = areas.filter((a) => mayReadStreet(identity, a.streetCode)).map((a) => a.id);
  const decisions = readable.length === 0 ? [] : await decisionsOfAreas(em, readable);
  return decisions.map((decision) => ({ decision, outcome: decideJointDecision(decision.matter, decision) }));
}
