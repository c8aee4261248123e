import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { decideJointDecision } from '../domain/joint-decision';
import { decisionsOfAreas } from '../persistence/joint-decision.repository';
import { committeeArea, readableArea } from './area.lookup';
import { AssessedDecision } from './joint-decisions-of-areas';

const MAX_PAGE = 200;

/**
 * One area's joint decisions, latest meeting first, for whoever keeps them: the street offices and bureaus that read
 * its street, and the area's own committee (its token's organisation is the body's id) until it is dissolved, its
 * term ended or not: a committee reads back what it and the street office recorded, not the register. Anyone else
 * NOT_FOUND.
 */
export async function listAreaJointDecisions(
  em: EntityManager,
  identity: Identity,
  areaId: string,
  first: number,
): Promise<AssessedDecision[]> {
  const area =
    identity.role === 'OWNERS_COMMITTEE'
      ? (await committeeArea(em, identity, areaId)).area
      : await readableArea(em, identity, areaId);
  const decisions = await decisionsOfAreas(em, [area.id], Math.min(Math.max(first, 1), MAX_PAGE));
  return decisions.map((decision) => ({ decision, outcome: decideJointDecision(decision.matter, decision) }));
}
