import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { InvalidInputError, NotFoundError } from '../../../kernel/errors';
import { MemberInput, checkMemberList } from '../domain/governance-body';
import { validateOwnersCommittee } from '../domain/owners-committee';
import { validateCommitteeComposition } from '../domain/property-management-committee';
import { ownersCommitteeRulesOf } from '../domain/statutes';
import { GovernanceBody } from '../persistence/governance-body.entity';
import { findStandingBodyById, lockGovernanceOf, replaceMembers } from '../persistence/governance-body.repository';
import { manageableArea } from './area.lookup';
import { committeeMembers } from './committee-records';

/**
 * Members change (a representative moves away, a unit sends someone else); either committee must still meet its
 * composition rules afterwards (a property-management committee Beijing art. 54, an owners' committee its size
 * and owner members: domain/owners-committee.ts), so the whole new membership is validated at once.
 */
export async function changeCommitteeMembers(
  em: EntityManager,
  identity: Identity,
  input: { bodyId: string; members: MemberInput[]; chairIndex?: number | null },
): Promise<GovernanceBody> {
  checkMemberList(input.members);
  return em.transactional(async (tx) => {
    const found = await findStandingBodyById(tx, input.bodyId);
    if (!found) throw new NotFoundError('Governance body', input.bodyId);
    const area = await manageableArea(tx, identity, found.areaId, 'change committees in it');
    // One change of the area's governance at a time, as every other governance write: two clerks replacing the list at
    // once each deleted the old members and both inserted theirs (14 members of a committee of 7, two chairs' lists).
    // Read again under the lock: a committee dissolved meanwhile is gone.
    await lockGovernanceOf(tx, found.areaId);
    const body = await findStandingBodyById(tx, input.bodyId, { refresh: true });
    if (!body) throw new NotFoundError('Governance body', input.bodyId);
    if (body.kind === 'OWNERS_ASSEMBLY')
      throw new InvalidInputError("An owners' assembly is all the owners of the area: it has no member list", {
        fields: { bodyId: "an owners' assembly" },
      });
    const ids = input.members.map(() => randomUUID());
    // A chair named is one of the members, for either committee (before, an owners' committee's out-of-range index
    // left it with no chair and no error); a property-management committee must name one.
    const chairIndex = input.chairIndex ?? undefined; // null, as GraphQL may send it, names no chair
    const pointsAtMember = chairIndex !== undefined && input.members[chairIndex] !== undefined;
    if (chairIndex !== undefined && !pointsAtMember)
      throw new InvalidInputError('chairIndex must point at a member', {
        fields: { chairIndex: `0 to ${input.members.length - 1}` },
      });
    if (body.kind === 'PROPERTY_MANAGEMENT_COMMITTEE') {
      if (chairIndex === undefined)
        throw new InvalidInputError('chairIndex must point at a member', {
          fields: { chairIndex: 'the chair of a property-management committee' },
        });
      validateCommitteeComposition(
        input.members.map((m, i) => ({ id: ids[i], seat: m.seat })),
        ids[chairIndex],
        body.pmcRules ?? null,
      );
    }
    // An owners' committee keeps its size and its owners as members (Beijing art. 39; elsewhere the Ministry's guidance,
    // art. 31): before, only a property-management committee's new list was checked, so a committee recorded lawfully
    // could be changed into two occupants.
    if (body.kind === 'OWNERS_COMMITTEE')
      validateOwnersCommittee(
        { seats: input.members.map((m) => m.seat), declaredHouseholds: area.declaredHouseholds ?? null },
        ownersCommitteeRulesOf(area.districtCode),
      );
    await replaceMembers(tx, body.id, committeeMembers(body.id, input.members, ids));
    body.chairMemberId = chairIndex === undefined ? undefined : ids[chairIndex];
    return body;
  });
}
