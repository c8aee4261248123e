import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { PREPARATORY_GROUP_FORMED } from '../../../catalog';
import { recordEvent } from '../../../platform/events/outbox';
import { AREAS_EVENT_SOURCE } from '../events/publish/area-events';
import { preparatoryGroupFormed } from '../events/publish/street-work-events';
import { todayInChina } from '../../../kernel/clock';
import { Identity } from '../../../kernel/identity';
import { areasError } from '../domain/errors';
import {
  PreparatoryGroupInput,
  definePreparatoryGroup,
  preparationDeadline,
  preparationPeriodUnder,
  validatePreparatoryGroupComposition,
} from '../domain/preparatory-group';
import { preparatoryGroupRulesOf } from '../domain/statutes';
import {
  PreparatoryGroup,
  hasOwnersAssembly,
  insertPreparatoryGroup,
  preparatoryGroupsOfAreas,
} from '../persistence/preparatory-group.repository';
import { lockGovernanceOf } from '../persistence/governance-body.repository';
import { manageableArea } from './area.lookup';

/**
 * The street office forms the preparatory group for an area's first owners' assembly (seed 004 §五(一)), with its
 * members (in Beijing an odd number, at least half owner representatives, art. 31 para. 4, led by a residents' or
 * villagers' committee staff member, art. 31 para. 1) and the period to convene the assembly with its article (in
 * Beijing the statute's 60 days, art. 32 para. 4; elsewhere the one the street office applies, if any): the deadline
 * is counted by the hub's calendar. One group at a time, and none once the area's assembly is recorded. Published on
 * areas.governance.v1 in the same transaction.
 */
export async function formPreparatoryGroup(
  em: EntityManager,
  identity: Identity,
  input: PreparatoryGroupInput & { areaId: string },
): Promise<PreparatoryGroup> {
  const entered = definePreparatoryGroup(input, todayInChina());
  return em.transactional(async (tx) => {
    const area = await manageableArea(tx, identity, input.areaId, 'form a preparatory group');
    // The composition and leader its city's regulation requires (Beijing art. 31 paras. 1, 4) and its period (art. 32
    // para. 4), before anything is written.
    const rules = preparatoryGroupRulesOf(area.districtCode);
    validatePreparatoryGroupComposition(entered.members, rules);
    const group = { ...entered, period: preparationPeriodUnder(entered.period, rules) };
    // The area's governance lock, as the owners' assembly's recording takes: under a lock of its own, a group and an
    // assembly recorded at the same moment each found the other absent, and the group stayed open for good.
    await lockGovernanceOf(tx, area.id);
    if (await hasOwnersAssembly(tx, area.id))
      throw areasError('ASSEMBLY_ALREADY_FORMED', 'The area’s owners’ assembly is already recorded');
    const open = (await preparatoryGroupsOfAreas(tx, [area.id])).find((g) => g.firstAssemblyOn === null);
    if (open)
      throw areasError('PREPARATORY_GROUP_EXISTS', 'The area already has a preparatory group at work', {
        groupId: open.id,
      });
    const id = randomUUID();
    const deadline = preparationDeadline(group.formedOn, group.period);
    await insertPreparatoryGroup(tx, {
      id,
      areaId: area.id,
      formedOn: group.formedOn,
      members: group.members,
      periodDays: group.period?.days ?? null,
      periodSource: group.period?.source ?? null,
      deadline,
      formedBy: identity.subject,
    });
    recordEvent(tx, PREPARATORY_GROUP_FORMED, {
      source: AREAS_EVENT_SOURCE,
      key: area.id,
      subject: id,
      data: preparatoryGroupFormed({ ...group, id, areaId: area.id, deadline }),
    });
    const [stored] = (await preparatoryGroupsOfAreas(tx, [area.id])).filter((g) => g.id === id);
    return stored;
  });
}
