import { randomUUID } from 'node:crypto';
import type { RequiredEntityData } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { JointDecision, JointDecisionSchema } from './joint-decision.entity';

export function insertJointDecision(
  em: EntityManager,
  decision: Omit<RequiredEntityData<JointDecision>, 'id'>,
): JointDecision {
  return em.create(JointDecisionSchema, { id: randomUUID(), ...decision });
}

/** The decisions of many areas in one query, latest meeting first. */
export function decisionsOfAreas(em: EntityManager, areaIds: readonly string[]): Promise<JointDecision[]> {
  return em.find(JointDecisionSchema, { areaId: { $in: [...areaIds] } }, { orderBy: { heldOn: 'desc' } });
}

export function findJointDecision(em: EntityManager, id: string): Promise<JointDecision | null> {
  return em.findOne(JointDecisionSchema, { id });
}
