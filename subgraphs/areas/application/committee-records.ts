import type { EntityManager } from '@mikro-orm/postgresql';
import { COMMITTEE_FORMED, COMMITTEE_SUCCEEDED } from '../../../catalog';
import { recordEvent } from '../../../platform/events/outbox';
import { CommitteeKind, MemberInput } from '../domain/governance-body';
import { AREAS_EVENT_SOURCE } from '../events/publish/area-events';
import { committeeFormed, committeeSucceeded } from '../events/publish/governance-events';
import { announceCommitteeDeadlines } from './announce-committee-deadlines';
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

/**
 * The standing committee ends on its successor's first day (domain/governance-body.ts succeeds): dissolved then, its
 * filing or recording deadlines not yet met cancelled, and `committee.succeeded` published once the successor,
 * inserted by `insertSuccessor` after the old one is flushed (the standing-body index allows one at a time), has its
 * id. Returns the successor.
 */
export async function succeedCommittee(
  em: EntityManager,
  standing: GovernanceBody,
  on: string,
  insertSuccessor: () => GovernanceBody,
): Promise<GovernanceBody> {
  Object.assign(standing, { dissolvedOn: on, dissolutionReason: 'SUCCEEDED' });
  if (standing.kind === 'PROPERTY_MANAGEMENT_COMMITTEE' && (!standing.filedOn || !standing.recordedOn))
    await announceCommitteeDeadlines(em, standing, {
      filing: !standing.filedOn,
      recording: !standing.recordedOn,
      cancelled: true,
    });
  await em.flush();
  const successor = insertSuccessor();
  recordEvent(em, COMMITTEE_SUCCEEDED, {
    source: AREAS_EVENT_SOURCE,
    key: standing.areaId,
    subject: standing.id,
    data: committeeSucceeded(standing, successor, on),
  });
  return successor;
}
