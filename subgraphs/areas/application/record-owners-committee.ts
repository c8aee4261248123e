import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { COMMITTEE_DISSOLVED } from '../../../catalog';
import { Identity } from '../../../kernel/identity';
import { DomainError, InvalidInputError } from '../../../kernel/errors';
import { recordEvent } from '../../../platform/events/outbox';
import { MemberInput, checkMemberList, succeeds } from '../domain/governance-body';
import {
  checkCommitteeTerm,
  checkElectionDecision,
  electionDayOf,
  validateCommitteeOfAssembly,
} from '../domain/owners-assembly';
import {
  isOwnersCommitteeFiledLate,
  ownersCommitteeFilingDeadline,
  ownersCommitteeTermEnd,
  validateOwnersCommittee,
  validateOwnersCommitteeDates,
} from '../domain/owners-committee';
import { ownersCommitteeDivisionOf, ownersCommitteeRulesOfDivision } from '../domain/statutes';
import { findJointDecision } from '../persistence/joint-decision.repository';
import { isUuid } from '../../../kernel/uuid';
import { assessDissolution, requireDates, requireNotAfter } from '../domain/property-management-committee';
import { todayInChina } from '../../../kernel/clock';
import { compareDates } from '../../../kernel/calendar';
import { unlessBeyondCalendar } from '../../../kernel/working-days';
import { AREAS_EVENT_SOURCE } from '../events/publish/area-events';
import { committeeDissolved } from '../events/publish/governance-events';
import { GovernanceBody } from '../persistence/governance-body.entity';
import {
  findStandingBody,
  insertGovernanceBody,
  insertMembers,
  lockGovernanceOf,
} from '../persistence/governance-body.repository';
import { announceCommitteeDeadlines } from './announce-committee-deadlines';
import { manageableArea } from './area.lookup';
import { committeeMembers, recordCommitteeFormed, succeedCommittee } from './committee-records';

export interface OwnersCommitteeRecording {
  areaId: string;
  recordedOn: string;
  termEndsOn?: string | null;
  members: MemberInput[];
  /** When the standing property-management committee was dissolved; the recording day when not given. */
  propertyManagementCommitteeDissolvedOn?: string | null;
  /** The owners' joint decision that elected the committee (Civil Code art. 278 para. 1 item 3), where named. */
  electionDecisionId?: string | null;
  /** The day the owners elected it; the named election decision's day when not given, and refused when another. */
  electedOn?: string | null;
  /** The day it applied to the street office for recording (申请备案), where known. */
  filedOn?: string | null;
}

/**
 * An owners' committee is recorded with the size, members and term the rules of its area's city allow
 * (domain/owners-committee.ts: in Beijing 5 or more members, odd, 3 in an area of at most 100 households, art. 39;
 * elsewhere 5 to 11, odd, the Ministry's guidance art. 31; every member an owner; a term of at most 5 years from its
 * election, or from its recording where the election day is not known).
 * Recording an owners' committee ends the property-management committee: it is dissolved, on the recording day
 * unless the street office gives the day it actually was (Beijing art. 59 allows 30 days; a later day is
 * flagged). The committee is linked to the area's owners' assembly; without one on record it is recorded and
 * flagged (see domain/owners-assembly.ts).
 */
export async function recordOwnersCommittee(
  em: EntityManager,
  identity: Identity,
  input: OwnersCommitteeRecording,
): Promise<GovernanceBody> {
  const termEndsOn = input.termEndsOn || undefined;
  const dissolvedOn = input.propertyManagementCommitteeDissolvedOn || input.recordedOn;
  const filedOn = input.filedOn || null;
  requireDates({ recordedOn: input.recordedOn, termEndsOn, propertyManagementCommitteeDissolvedOn: dissolvedOn });
  requireNotAfter(todayInChina(), {
    recordedOn: input.recordedOn,
    propertyManagementCommitteeDissolvedOn: dissolvedOn,
    ...(input.electedOn ? { electedOn: input.electedOn } : {}),
    ...(filedOn ? { filedOn } : {}),
  });
  checkCommitteeTerm(input.recordedOn, termEndsOn);
  checkMemberList(input.members);
  // Checked now (a dissolution before the recording is refused); its deadline is null when it runs past the holiday data.
  const dissolution = unlessBeyondCalendar(() => assessDissolution(input.recordedOn, dissolvedOn)) ?? {
    dissolutionDeadline: null,
    dissolvedLate: null,
  };
  return em.transactional(async (tx) => {
    const area = await manageableArea(tx, identity, input.areaId, "record owners' committees in it");
    // The election day first: the term runs from it (below), and the filing deadline.
    const electionDecisionId = input.electionDecisionId?.toLowerCase() || null;
    let electedOn = input.electedOn || null;
    if (electionDecisionId) {
      const named = isUuid(electionDecisionId) ? await findJointDecision(tx, electionDecisionId) : null;
      checkElectionDecision(named, area.id, input.recordedOn);
      // Elected on the decision's day: a different day entered beside it is refused, not kept.
      if (named) electedOn = electionDayOf(named, electedOn);
    }
    // The days in their order (elected, applied, recorded), checked before anything is locked.
    const dates = { electedOn, filedOn, recordedOn: input.recordedOn };
    validateOwnersCommitteeDates(dates);
    // Its size, members and term under the rules of the area's city (Beijing arts. 39, 41; elsewhere the Ministry's
    // guidance, arts. 31–32): before, any 1 to 99 members in any seat, for any term, were recorded. The term is
    // counted from the election where its day is known, else from the recording (termStartOf); before, always from
    // the recording, so a committee recorded late was let serve past five years from its election.
    const division = ownersCommitteeDivisionOf(area.districtCode);
    const rules = ownersCommitteeRulesOfDivision(division);
    validateOwnersCommittee(
      {
        seats: input.members.map((m) => m.seat),
        declaredHouseholds: area.declaredHouseholds ?? null,
        recordedOn: input.recordedOn,
        termEndsOn,
        electedOn,
      },
      rules,
    );
    await lockGovernanceOf(tx, area.id);
    // A newly elected committee (换届) succeeds the standing one recorded before it.
    const standing = await findStandingBody(tx, area.id, 'OWNERS_COMMITTEE');
    if (standing && !succeeds({ kind: 'OWNERS_COMMITTEE', on: input.recordedOn }, standing))
      throw new DomainError(
        'CONFLICT',
        `The area already has an owners' committee, recorded on ${standing.recordedOn ?? standing.formedOn}: its successor is recorded after it`,
        { bodyId: standing.id },
      );
    // Its application is due 30 days after the election (Beijing art. 43, the guidance's art. 33), and in Beijing
    // the office's recording 5 working days after it: flagged when late, never refused. Before, neither day was kept.
    const filingDeadline = ownersCommitteeFilingDeadline(electedOn, rules)?.date ?? null;
    const filedLate = unlessBeyondCalendar(() => isOwnersCommitteeFiledLate(dates, rules) ?? null);
    const assembly = await findStandingBody(tx, area.id, 'OWNERS_ASSEMBLY');
    if (assembly) validateCommitteeOfAssembly(assembly.formedOn, input.recordedOn);
    const pmc = await findStandingBody(tx, area.id, 'PROPERTY_MANAGEMENT_COMMITTEE');
    if (pmc) {
      // Before, stored all the same: a committee dissolved two months before it was formed.
      if (compareDates(dissolvedOn, pmc.formedOn) < 0)
        throw new InvalidInputError('The property-management committee cannot be dissolved before it was formed', {
          fields: { propertyManagementCommitteeDissolvedOn: `on or after ${pmc.formedOn}, when it was formed` },
        });
      // Its 30 days are Beijing's: a committee held to no rules the hub knows has no dissolution deadline.
      Object.assign(pmc, {
        dissolvedOn,
        dissolutionReason: 'OWNERS_COMMITTEE_RECORDED',
        ...(pmc.pmcRules ? dissolution : { dissolutionDeadline: null, dissolvedLate: null }),
      });
      // Its deadlines not met yet no longer run (before, the register kept reminding the office of a body gone).
      if (!pmc.filedOn || !pmc.recordedOn)
        await announceCommitteeDeadlines(tx, pmc, {
          filing: !pmc.filedOn,
          recording: !pmc.recordedOn,
          cancelled: true,
        });
      recordEvent(tx, COMMITTEE_DISSOLVED, {
        source: AREAS_EVENT_SOURCE,
        key: area.id,
        subject: pmc.id,
        data: committeeDissolved(pmc, dissolvedOn),
      });
      await tx.flush(); // the standing-body index allows the new committee only once the old one is dissolved
    } else if (input.propertyManagementCommitteeDissolvedOn) {
      throw new InvalidInputError('The area has no standing property-management committee to dissolve', {
        fields: { propertyManagementCommitteeDissolvedOn: 'no standing property-management committee' },
      });
    }
    const insert = () =>
      insertGovernanceBody(tx, {
        areaId: area.id,
        kind: 'OWNERS_COMMITTEE',
        formedOn: input.recordedOn,
        recordedOn: input.recordedOn,
        electedOn,
        filedOn,
        filingDeadline,
        filedLate,
        ownersCommitteeRules: division,
        assemblyId: assembly?.id,
        electionDecisionId,
        // Recorded without its term, the latest day the statute lets it run (before, none, and it stood for ever).
        termEndsOn: ownersCommitteeTermEnd({ termEndsOn, electedOn, recordedOn: input.recordedOn }, rules),
        createdBy: identity.organisationId,
      });
    const committee = standing ? await succeedCommittee(tx, standing, input.recordedOn, insert) : insert();
    const members = insertMembers(
      tx,
      committeeMembers(
        committee.id,
        input.members,
        input.members.map(() => randomUUID()),
      ),
    );
    recordCommitteeFormed(tx, committee, 'OWNERS_COMMITTEE', members.length);
    return committee;
  });
}
