import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { InvalidInputError, NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { todayInChina } from '../../../kernel/clock';
import { requireNotAfter } from '../domain/property-management-committee';
import { areasError } from '../domain/errors';
import { selfManagementProblems } from '../domain/self-management';
import { hasAcceptedProvider } from '../persistence/caretaking.repository';
import { findJointDecision } from '../persistence/joint-decision.repository';
import {
  SelfManagement,
  endSelfManagementRow,
  insertSelfManagement,
  lockAreaSelfManagement,
  selfManagementOfAreas,
} from '../persistence/self-management.repository';
import { manageableArea } from './area.lookup';

/**
 * 业主自行管理 (Civil Code art. 284 para. 1): the street office records that the owners of an area without a provider
 * manage it themselves, on their recorded joint decision (art. 278); it ends by itself when a provider's filing of
 * the area is accepted, or when the street office records its end.
 */
export async function recordSelfManagement(
  em: EntityManager,
  identity: Identity,
  input: { areaId: string; jointDecisionId: string; startsOn: string },
): Promise<SelfManagement> {
  // A start that happened, as its end is: one recorded ahead counted as running at once (coverage listed the area as
  // self-managed and no longer without management months before the owners took it over).
  requireNotAfter(todayInChina(), { startsOn: input.startsOn });
  return em.transactional(async (tx) => {
    const area = await manageableArea(tx, identity, input.areaId, 'record self-management');
    const decision = await findJointDecision(tx, input.jointDecisionId);
    // A decision of another area is answered as an unknown one: before, its problems told the caller that the id
    // existed, whether the decision passed, on what matter and (by trying start days) when it was held.
    if (!decision || decision.areaId !== area.id) throw new NotFoundError('JointDecision', input.jointDecisionId);
    const problems = selfManagementProblems(area.id, { ...decision, heldOn: String(decision.heldOn) }, input.startsOn);
    if (problems.length > 0)
      throw new InvalidInputError('The joint decision does not support self-management', { problems });
    await lockAreaSelfManagement(tx, area.id);
    if (await hasAcceptedProvider(tx, area.id))
      throw areasError('AREA_HAS_PROVIDER', 'The area has a provider under an accepted filing');
    if ((await selfManagementOfAreas(tx, [area.id])).some((s) => s.endedOn === null))
      throw areasError('SELF_MANAGEMENT_ALREADY_RECORDED', 'The area’s owners already manage it themselves');
    const id = randomUUID();
    await insertSelfManagement(tx, {
      id,
      areaId: area.id,
      jointDecisionId: decision.id,
      startsOn: input.startsOn,
      recordedBy: identity.subject,
    });
    return { id, areaId: area.id, jointDecisionId: decision.id, startsOn: input.startsOn, endedOn: null };
  });
}

/** The street office records that the area's running self-management ended on `endedOn` (not before it started). */
export async function endSelfManagement(
  em: EntityManager,
  identity: Identity,
  input: { areaId: string; endedOn: string },
): Promise<SelfManagement> {
  // An end that happened: a future one took effect at once (the area left selfManaged the same day, and a second
  // period could be recorded over the first).
  requireNotAfter(todayInChina(), { endedOn: input.endedOn });
  return em.transactional(async (tx) => {
    const area = await manageableArea(tx, identity, input.areaId, 'end self-management');
    await lockAreaSelfManagement(tx, area.id);
    const running = (await selfManagementOfAreas(tx, [area.id])).find((s) => s.endedOn === null);
    if (!running) throw areasError('SELF_MANAGEMENT_NOT_RUNNING', 'The area has no running self-management');
    if (input.endedOn < running.startsOn)
      throw new InvalidInputError('Self-management cannot end before it started', {
        fields: { endedOn: `on or after ${running.startsOn}` },
      });
    await endSelfManagementRow(tx, running.id, input.endedOn);
    return { ...running, endedOn: input.endedOn };
  });
}
