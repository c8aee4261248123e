import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { NotFoundError } from '../../../kernel/errors';
import { mayReadStreet } from '../domain/access';
import { decideJointDecision } from '../domain/joint-decision';
import { findArea } from '../persistence/area.repository';
import { findStandingCommitteeById } from '../persistence/governance-body.repository';
import { decisionsOfAreas } from '../persistence/joint-decision.repository';
import { AssessedDecision } from './joint-decisions-of-areas';

const MAX_PAGE = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One area's joint decisions, latest meeting first, for whoever keeps them: the street offices and bureaus that read
 * its street, and the area's own committee (its token's organisation is the body's id) until it is dissolved, its
 * term ended or not: a committee reads back what it and the street office recorded, not the register. Anyone else,
 * and ids that cannot be uuids, NOT_FOUND.
 */
export async function listAreaJointDecisions(
  em: EntityManager,
  identity: Identity,
  areaId: string,
  first: number,
): Promise<AssessedDecision[]> {
  const area = UUID.test(areaId) ? await findArea(em, areaId) : null;
  const readable =
    area &&
    (identity.role === 'OWNERS_COMMITTEE'
      ? UUID.test(identity.organisationId) && (await findStandingCommitteeById(em, identity.organisationId, area.id))
      : mayReadStreet(identity, area.streetCode));
  if (!readable) throw new NotFoundError('Area', areaId);
  const decisions = await decisionsOfAreas(em, [area.id], Math.min(Math.max(first, 1), MAX_PAGE));
  return decisions.map((decision) => ({ decision, outcome: decideJointDecision(decision.matter, decision) }));
}
