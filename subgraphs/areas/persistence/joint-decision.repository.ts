import { randomUUID } from 'node:crypto';
import type { RequiredEntityData } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { advisoryLock } from '../../../platform/db/sql';
import type { JointDecisionMatter } from '../domain/statutes';
import { JointDecision, JointDecisionSchema } from './joint-decision.entity';

export function insertJointDecision(
  em: EntityManager,
  decision: Omit<RequiredEntityData<JointDecision>, 'id'>,
): JointDecision {
  return em.create(JointDecisionSchema, { id: randomUUID(), ...decision });
}

/** The decisions of many areas in one query, latest meeting first (the last recorded first on one day). */
export function decisionsOfAreas(
  em: EntityManager,
  areaIds: readonly string[],
  limit?: number,
): Promise<JointDecision[]> {
  return em.find(
    JointDecisionSchema,
    { areaId: { $in: [...areaIds] } },
    { orderBy: { heldOn: 'desc', recordedAt: 'desc', id: 'desc' }, limit },
  );
}

export function findJointDecision(em: EntityManager, id: string): Promise<JointDecision | null> {
  return em.findOne(JointDecisionSchema, { id });
}

/**
 * Serialises what counts an area's meetings: recording a joint decision, and restating the day buildings joined the
 * area (assignBuildingsToArea's DECISIONS_RECORDED_MEANWHILE). Each read the other's data unlocked, so a decision
 * recorded while a restatement was under way counted the area as it was, and both stood (a concurrency audit).
 */
export async function lockAreaDecisions(tx: EntityManager, areaId: string): Promise<void> {
  await advisoryLock(tx, `areas.joint_decisions:${areaId}`);
}

/**
 * The decision already recorded for a meeting's item (area, day, matter, agenda item), whoever recorded it. Takes the
 * meeting's advisory lock first, so two reports of one vote at the same moment record one.
 */
export async function decisionOfMeeting(
  tx: EntityManager,
  meeting: { areaId: string; heldOn: string; matter: JointDecisionMatter; agendaItem: string | null },
): Promise<JointDecision | null> {
  await advisoryLock(tx, `areas.joint_decision/${meeting.areaId}/${meeting.heldOn}/${meeting.matter}`);
  return tx.findOne(
    JointDecisionSchema,
    { areaId: meeting.areaId, heldOn: meeting.heldOn, matter: meeting.matter, agendaItem: meeting.agendaItem },
    { orderBy: { recordedAt: 'asc', id: 'asc' } },
  );
}
