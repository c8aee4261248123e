import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { DomainError, InvalidInputError } from '../../../kernel/errors';
import {
  MemberInput,
  committeeName,
  checkMemberList,
  filingAssessment,
  succeeds,
  termEndOf,
} from '../domain/governance-body';
import { requireNotAfter, validatePropertyManagementCommittee } from '../domain/property-management-committee';
import { todayInChina } from '../../../kernel/clock';
import { pmcRulesOf } from '../domain/statutes';
import { GovernanceBody } from '../persistence/governance-body.entity';
import {
  assemblyStoodOn,
  findStandingCommittee,
  insertGovernanceBody,
  insertMembers,
  lockGovernanceOf,
} from '../persistence/governance-body.repository';
import { announceCommitteeDeadlines } from './announce-committee-deadlines';
import { manageableArea } from './area.lookup';
import { committeeMembers, recordCommitteeFormed, succeedCommittee } from './committee-records';

export interface PropertyManagementCommitteeFormation {
  areaId: string;
  formedOn: string;
  termEndsOn: string;
  filedOn?: string;
  members: MemberInput[];
  /** Index in members of the chair, a residents' committee member. */
  chairIndex: number;
}

/**
 * The street office forms a property-management committee (物管会) where no owners' assembly can be formed, or
 * where one is formed but has no owners' committee yet (Beijing arts. 52–59, 55–56, in Beijing; elsewhere the hub
 * holds no rules: statutes.ts pmcRulesOf). A late filing is recorded and flagged, never refused.
 */
export async function formPropertyManagementCommittee(
  em: EntityManager,
  identity: Identity,
  input: PropertyManagementCommitteeFormation,
): Promise<GovernanceBody> {
  checkMemberList(input.members);
  requireNotAfter(todayInChina(), { formedOn: input.formedOn, filedOn: input.filedOn ?? undefined });
  if (!Number.isInteger(input.chairIndex) || !input.members[input.chairIndex])
    throw new InvalidInputError('chairIndex must point at a member');
  const memberIds = input.members.map(() => randomUUID());
  const committeeFacts = {
    members: input.members.map((m, i) => ({ id: memberIds[i], seat: m.seat })),
    chairMemberId: memberIds[input.chairIndex],
    formedOn: input.formedOn,
    termEndsOn: input.termEndsOn,
    filedOn: input.filedOn,
  };
  return em.transactional(async (tx) => {
    const area = await manageableArea(tx, identity, input.areaId, 'form committees in it');
    // Composition and term are checked first (BAD_USER_INPUT with every problem), under the rules of the area's city
    // (Beijing's, or none held). The formation is recorded even when its filing deadline runs past the holiday data:
    // the deadline is then computed when read (Civil Code art. 203), and refused there with OUTSIDE_HOLIDAY_CALENDAR
    // until the data is updated.
    const rules = pmcRulesOf(area.districtCode);
    validatePropertyManagementCommittee(committeeFacts, rules);
    await lockGovernanceOf(tx, area.id);
    // Its filing periods run where the area's owners' assembly was on record that day (Beijing art. 55 para. 1).
    const assessment = filingAssessment(
      { formedOn: input.formedOn, filedOn: input.filedOn ?? null },
      rules,
      await assemblyStoodOn(tx, area.id, input.formedOn),
    );
    // An assembly without an owners' committee is the case Beijing art. 55 forms a committee for: it does not conflict.
    // A committee whose term has ended is succeeded by the one formed now (domain succeeds); one still in its term stands.
    const standing = await findStandingCommittee(tx, area.id);
    if (standing && !succeeds({ kind: 'PROPERTY_MANAGEMENT_COMMITTEE', on: input.formedOn }, standing)) {
      const runsTo = termEndOf(standing);
      throw new DomainError(
        'CONFLICT',
        `The area already has a standing ${committeeName(standing.kind)}${runsTo ? ` whose term runs to ${runsTo}` : ''}`,
        { bodyId: standing.id },
      );
    }
    const insert = () =>
      insertGovernanceBody(tx, {
        areaId: area.id,
        kind: 'PROPERTY_MANAGEMENT_COMMITTEE',
        formedOn: input.formedOn,
        termEndsOn: input.termEndsOn,
        filedOn: input.filedOn,
        filingDeadline: assessment.filingDeadline,
        filedLate: assessment.filedLate,
        filingRequired: assessment.filingRequired,
        pmcRules: rules,
        chairMemberId: memberIds[input.chairIndex],
        createdBy: identity.organisationId,
      });
    const committee = standing ? await succeedCommittee(tx, standing, input.formedOn, insert) : insert();
    const members = insertMembers(tx, committeeMembers(committee.id, input.members, memberIds));
    recordCommitteeFormed(tx, committee, 'PROPERTY_MANAGEMENT_COMMITTEE', members.length);
    await announceCommitteeDeadlines(tx, committee, { filing: true, recording: true });
    return committee;
  });
}
