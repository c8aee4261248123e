import type { EntityManager } from '@mikro-orm/postgresql';
import { COMMITTEE_FORMED } from '../../../catalog';
import { recordEvent } from '../../../platform/events/outbox';
import { CommitteeKind, MemberInput } from '../domain/governance-body';
import { AREAS_EVENT_SOURCE } from '../events/publish/area-events';
import { committeeFormed } from '../events/publish/governance-events';
import { GovernanceBody, GovernanceMember } from '../persistence/governance-body.entity';

/** A committee's members as stored, under ids the caller chose: names and representations trimmed, a blank one none. */
export function committeeMembers(
  bodyId: string,
  members: readonly MemberInput[],
  ids: readonly string[],
): GovernanceMember[] {
  return members.map((m, i) => ({
    id: ids[i],
    bodyId,
    name: m.name.trim(),
    seat: m.seat,
    represents: m.represents?.trim() || undefined,
  }));
}

/** `committee.formed`, for a property-management committee formed or an owners' committee recorded. */
export function recordCommitteeFormed(
  em: EntityManager,
  committee: GovernanceBody,
  kind: CommitteeKind,
  members: number,
): void {
  recordEvent(em, COMMITTEE_FORMED, {
    source: AREAS_EVENT_SOURCE,
    key: committee.areaId,
    subject: committee.id,
    data: committeeFormed(committee, kind, members),
  });
}
