import type { EntityManager } from '@mikro-orm/postgresql';
import { ASSEMBLY_RECORDED } from '../../../catalog';
import { Identity } from '../../../kernel/identity';
import { DomainError, InvalidInputError } from '../../../kernel/errors';
import { compareDates } from '../../../kernel/calendar';
import { todayInChina } from '../../../kernel/clock';
import { requireNotAfter } from '../domain/property-management-committee';
import { preparatoryGroupsOfAreas } from '../persistence/preparatory-group.repository';
import { recordEvent } from '../../../platform/events/outbox';
import { validateCommitteeOfAssembly, validateOwnersAssembly } from '../domain/owners-assembly';
import { AREAS_EVENT_SOURCE } from '../events/publish/area-events';
import { assemblyRecorded } from '../events/publish/governance-events';
import { GovernanceBody } from '../persistence/governance-body.entity';
import { findStandingBody, insertGovernanceBody, lockGovernanceOf } from '../persistence/governance-body.repository';
import { manageableArea } from './area.lookup';

/**
 * The street office records an owners' assembly (业主大会), formed at its first meeting; one per area. A standing
 * owners' committee recorded before the assembly was on record is linked to it, which clears its flag. A
 * property-management committee keeps the filing periods its formation set (domain filingPeriodsRun): the register
 * cannot reopen a deadline it announced cancelled, so an assembly recorded afterwards starts none (helper-212).
 */
export async function recordOwnersAssembly(
  em: EntityManager,
  identity: Identity,
  input: { areaId: string; firstMeetingOn: string; rulesReference?: string | null },
): Promise<GovernanceBody> {
  const assembly = validateOwnersAssembly({
    firstMeetingOn: input.firstMeetingOn,
    rulesReference: input.rulesReference ?? undefined,
  });
  // A meeting that was held (before, 2062 for 2026 was taken, and no committee could then be recorded until 2062).
  requireNotAfter(todayInChina(), { firstMeetingOn: assembly.formedOn });
  return em.transactional(async (tx) => {
    const area = await manageableArea(tx, identity, input.areaId, "record owners' assemblies in it");
    await lockGovernanceOf(tx, area.id);
    // The preparatory group still open prepared this meeting: it cannot have met before the group was formed (such a
    // group was never ended by it, and barred every later one).
    const open = (await preparatoryGroupsOfAreas(tx, [area.id])).find((g) => g.firstAssemblyOn === null);
    if (open && compareDates(assembly.formedOn, open.formedOn) < 0)
      throw new InvalidInputError('The first meeting is before the open preparatory group was formed', {
        fields: { firstMeetingOn: `on or after ${open.formedOn}, when the preparatory group was formed` },
      });
    const standing = await findStandingBody(tx, area.id, 'OWNERS_ASSEMBLY');
    if (standing)
      throw new DomainError('CONFLICT', `The area already has an owners' assembly, formed on ${standing.formedOn}`, {
        bodyId: standing.id,
      });
    const committee = await findStandingBody(tx, area.id, 'OWNERS_COMMITTEE');
    if (committee) validateCommitteeOfAssembly(assembly.formedOn, committee.recordedOn ?? committee.formedOn);
    const body = insertGovernanceBody(tx, {
      areaId: area.id,
      kind: 'OWNERS_ASSEMBLY',
      formedOn: assembly.formedOn,
      rulesReference: assembly.rulesReference,
      createdBy: identity.organisationId,
    });
    const linked = committee && !committee.assemblyId ? committee : null;
    if (linked) linked.assemblyId = body.id;
    recordEvent(tx, ASSEMBLY_RECORDED, {
      source: AREAS_EVENT_SOURCE,
      key: area.id,
      subject: body.id,
      data: assemblyRecorded(body, linked?.id ?? null),
    });
    return body;
  });
}
