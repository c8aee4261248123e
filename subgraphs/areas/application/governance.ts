import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { DomainError, InvalidInputError, NotFoundError } from '../../../kernel/errors';
import {
  ASSEMBLY_RECORDED,
  COMMITTEE_DISSOLVED,
  COMMITTEE_FORMED,
  COMMITTEE_RECORDED,
  CommitteeFormedData,
  JOINT_DECISION_RECORDED,
} from '../../../catalog';
import { recordEvent } from '../../../platform/events/outbox';
import { assertMayManageStreet, mayReadStreet } from '../domain/access';
import { compareDates, isIsoDate } from '../../../kernel/calendar';
import { BallotVote, DecisionTally, JointDecisionOutcome, decideJointDecision, tallyBallots } from '../domain/joint-decision';
import { validateCommitteeOfAssembly, validateOwnersAssembly } from '../domain/owners-assembly';
import {
  CommitteeSeat,
  assessDissolution,
  isFilingLate,
  requireDates,
  validateCommitteeComposition,
  validatePropertyManagementCommittee,
  validateRecording,
} from '../domain/property-management-committee';
import { JointDecisionMatter } from '../domain/statutes';
import { AREAS_EVENT_SOURCE } from '../events/publish/area-events';
import { Area } from '../persistence/area.entity';
import { GovernanceBody, GovernanceMember, JointDecision } from '../persistence/governance.entity';

export interface MemberInput {
  name: string;
  seat: CommitteeSeat;
  represents?: string;
}

async function areaFor(em: EntityManager, identity: Identity, areaId: string): Promise<Area> {
  const area = await em.findOne(Area, { id: areaId });
  if (!area || !mayReadStreet(identity, area.streetCode)) throw new NotFoundError('Area', areaId);
  return area;
}

function createMembers(em: EntityManager, bodyId: string, members: MemberInput[], ids = members.map(() => randomUUID())): GovernanceMember[] {
  return members.map((m, i) => em.create(GovernanceMember, { id: ids[i], bodyId, name: m.name.trim(), seat: m.seat, represents: m.represents?.trim() || undefined }));
}

/** Committees only: the catalog's committee.formed has no kind for an assembly, which has no members either. */
function committeeFormedEvent(em: EntityManager, body: GovernanceBody, kind: CommitteeFormedData['kind'], members: number): void {
  recordEvent(em, COMMITTEE_FORMED, {
    source: AREAS_EVENT_SOURCE,
    key: body.areaId,
    subject: body.id,
    data: {
      areaId: body.areaId,
      bodyId: body.id,
      kind,
      formedOn: body.formedOn,
      termEndsOn: body.termEndsOn ?? null,
      members,
      filingDeadline: body.filingDeadline ?? null,
    },
  });
}

/**
 * The street office forms a property-management committee (物管会) where no owners' assembly can be formed, or
 * where one is formed but has no owners' committee yet (Beijing arts. 52–59, 55–56). A late filing is recorded and
 * flagged, never refused.
 */
export async function formPropertyManagementCommittee(
  em: EntityManager,
  identity: Identity,
  input: { areaId: string; formedOn: string; termEndsOn: string; filedOn?: string; members: MemberInput[]; chairIndex: number },
): Promise<GovernanceBody> {
  if (input.members.some((m) => !m.name?.trim())) throw new InvalidInputError('Every member needs a name');
  if (!Number.isInteger(input.chairIndex) || !input.members[input.chairIndex]) throw new InvalidInputError('chairIndex must point at a member');
  const memberIds = input.members.map(() => randomUUID());
  const assessment = validatePropertyManagementCommittee({
    members: input.members.map((m, i) => ({ id: memberIds[i], seat: m.seat })),
    chairMemberId: memberIds[input.chairIndex],
    formedOn: input.formedOn,
    termEndsOn: input.termEndsOn,
    filedOn: input.filedOn,
  });
  return em.transactional(async (tx) => {
    const area = await areaFor(tx, identity, input.areaId);
    assertMayManageStreet(identity, area.streetCode, 'form committees in it');
    // An assembly without an owners' committee is the case Beijing art. 55 forms a committee for: it does not conflict.
    const standing = await tx.findOne(GovernanceBody, { areaId: area.id, dissolvedOn: null, kind: { $ne: 'OWNERS_ASSEMBLY' } });
    if (standing) {
      throw new DomainError('CONFLICT', `The area already has a standing ${standing.kind === 'OWNERS_COMMITTEE' ? "owners' committee" : 'property-management committee'}`);
    }
    const body = tx.create(GovernanceBody, {
      id: randomUUID(),
      areaId: area.id,
      kind: 'PROPERTY_MANAGEMENT_COMMITTEE',
      formedOn: input.formedOn,
      termEndsOn: input.termEndsOn,
      filedOn: input.filedOn,
      filingDeadline: assessment.filingDeadline,
      filedLate: assessment.filedLate,
      createdBy: identity.organisationId,
    });
    const members = createMembers(tx, body.id, input.members, memberIds);
    body.chairMemberId = members[input.chairIndex].id;
    committeeFormedEvent(tx, body, 'PROPERTY_MANAGEMENT_COMMITTEE', members.length);
    return body;
  });
}

/**
 * The street office records an owners' assembly (业主大会), formed at its first meeting; one per area. A standing
 * owners' committee recorded before the assembly was on record is linked to it, which clears its flag.
 */
export async function recordOwnersAssembly(
  em: EntityManager,
  identity: Identity,
  input: { areaId: string; firstMeetingOn: string; rulesReference?: string | null },
): Promise<GovernanceBody> {
  const assembly = validateOwnersAssembly({ firstMeetingOn: input.firstMeetingOn, rulesReference: input.rulesReference ?? undefined });
  return em.transactional(async (tx) => {
    const area = await areaFor(tx, identity, input.areaId);
    assertMayManageStreet(identity, area.streetCode, "record owners' assemblies in it");
    const standing = await tx.findOne(GovernanceBody, { areaId: area.id, kind: 'OWNERS_ASSEMBLY', dissolvedOn: null });
    if (standing) throw new DomainError('CONFLICT', `The area already has an owners' assembly, formed on ${standing.formedOn}`, { bodyId: standing.id });
    const committee = await tx.findOne(GovernanceBody, { areaId: area.id, kind: 'OWNERS_COMMITTEE', dissolvedOn: null });
    if (committee) validateCommitteeOfAssembly(assembly.formedOn, committee.recordedOn ?? committee.formedOn);
    const body = tx.create(GovernanceBody, {
      id: randomUUID(),
      areaId: area.id,
      kind: 'OWNERS_ASSEMBLY',
      formedOn: assembly.formedOn,
      rulesReference: assembly.rulesReference,
      createdBy: identity.organisationId,
    });
    if (committee && !committee.assemblyId) committee.assemblyId = body.id;
    recordEvent(tx, ASSEMBLY_RECORDED, {
      source: AREAS_EVENT_SOURCE,
      key: area.id,
      subject: body.id,
      data: { areaId: area.id, bodyId: body.id, formedOn: body.formedOn, rulesReference: body.rulesReference ?? null, linkedCommitteeId: committee?.assemblyId === body.id ? committee.id : null },
    });
    return body;
  });
}

/**
 * Recording an owners' committee ends the property-management committee: it is dissolved, on the recording day
 * unless the street office gives the day it actually was (Beijing arts. 52–59 allow 30 days; a later day is
 * flagged). The committee is linked to the area's owners' assembly; without one on record it is recorded and
 * flagged (see domain/owners-assembly.ts).
 */
export async function recordOwnersCommittee(
  em: EntityManager,
  identity: Identity,
  input: { areaId: string; recordedOn: string; termEndsOn?: string | null; members: MemberInput[]; propertyManagementCommitteeDissolvedOn?: string | null },
): Promise<GovernanceBody> {
  const termEndsOn = input.termEndsOn || undefined;
  const dissolvedOn = input.propertyManagementCommitteeDissolvedOn || input.recordedOn;
  requireDates({ recordedOn: input.recordedOn, termEndsOn, propertyManagementCommitteeDissolvedOn: dissolvedOn });
  if (input.members.length === 0 || input.members.some((m) => !m.name?.trim())) throw new InvalidInputError('Name every member');
  const dissolution = assessDissolution(input.recordedOn, dissolvedOn);
  return em.transactional(async (tx) => {
    const area = await areaFor(tx, identity, input.areaId);
    assertMayManageStreet(identity, area.streetCode, "record owners' committees in it");
    if (await tx.findOne(GovernanceBody, { areaId: area.id, kind: 'OWNERS_COMMITTEE', dissolvedOn: null })) {
      throw new DomainError('CONFLICT', "The area already has an owners' committee");
    }
    const assembly = await tx.findOne(GovernanceBody, { areaId: area.id, kind: 'OWNERS_ASSEMBLY', dissolvedOn: null });
    if (assembly) validateCommitteeOfAssembly(assembly.formedOn, input.recordedOn);
    const pmc = await tx.findOne(GovernanceBody, { areaId: area.id, kind: 'PROPERTY_MANAGEMENT_COMMITTEE', dissolvedOn: null });
    if (pmc) {
      pmc.dissolvedOn = dissolvedOn;
      pmc.dissolutionReason = 'OWNERS_COMMITTEE_RECORDED';
      pmc.dissolutionDeadline = dissolution.dissolutionDeadline;
      pmc.dissolvedLate = dissolution.dissolvedLate;
      recordEvent(tx, COMMITTEE_DISSOLVED, {
        source: AREAS_EVENT_SOURCE,
        key: area.id,
        subject: pmc.id,
        data: { areaId: area.id, bodyId: pmc.id, dissolvedOn, reason: 'OWNERS_COMMITTEE_RECORDED' },
      });
      await tx.flush(); // the standing-body index allows the new committee only once the old one is dissolved
    } else if (input.propertyManagementCommitteeDissolvedOn) {
      throw new InvalidInputError('The area has no standing property-management committee to dissolve', {
        fields: { propertyManagementCommitteeDissolvedOn: 'no standing property-management committee' },
      });
    }
    const body = tx.create(GovernanceBody, {
      id: randomUUID(),
      areaId: area.id,
      kind: 'OWNERS_COMMITTEE',
      formedOn: input.recordedOn,
      recordedOn: input.recordedOn,
      assemblyId: assembly?.id,
      termEndsOn,
      createdBy: identity.organisationId,
    });
    const members = createMembers(tx, body.id, input.members);
    committeeFormedEvent(tx, body, 'OWNERS_COMMITTEE', members.length);
    return body;
  });
}

/**
 * Members change (a representative moves away, a unit sends someone else); a property-management committee must
 * still meet the composition rules afterwards, so the whole new membership is validated at once.
 */
export async function changeCommitteeMembers(
  em: EntityManager,
  identity: Identity,
  input: { bodyId: string; members: MemberInput[]; chairIndex?: number },
): Promise<GovernanceBody> {
  if (input.members.length === 0 || input.members.some((m) => !m.name?.trim())) throw new InvalidInputError('Name every member');
  return em.transactional(async (tx) => {
    const body = await tx.findOne(GovernanceBody, { id: input.bodyId, dissolvedOn: null });
    if (!body) throw new NotFoundError('Governance body', input.bodyId);
    const area = await areaFor(tx, identity, body.areaId);
    assertMayManageStreet(identity, area.streetCode, 'change committees in it');
    if (body.kind === 'OWNERS_ASSEMBLY') throw new InvalidInputError("An owners' assembly is all the owners of the area: it has no member list", { fields: { bodyId: "an owners' assembly" } });
    const ids = input.members.map(() => randomUUID());
    if (body.kind === 'PROPERTY_MANAGEMENT_COMMITTEE') {
      if (input.chairIndex === undefined || !input.members[input.chairIndex]) throw new InvalidInputError('chairIndex must point at a member');
      validateCommitteeComposition(input.members.map((m, i) => ({ id: ids[i], seat: m.seat })), ids[input.chairIndex]);
    }
    await tx.nativeDelete(GovernanceMember, { bodyId: body.id });
    createMembers(tx, body.id, input.members, ids);
    body.chairMemberId = input.chairIndex === undefined ? undefined : ids[input.chairIndex];
    return body;
  });
}

/** The committee's filing with the street office, recorded when it happens; a late one is flagged, not refused. */
export async function recordCommitteeFiling(em: EntityManager, identity: Identity, input: { bodyId: string; filedOn: string }): Promise<GovernanceBody> {
  if (!isIsoDate(input.filedOn)) throw new InvalidInputError('filedOn must be YYYY-MM-DD', { fields: { filedOn: 'not a date' } });
  return em.transactional(async (tx) => {
    const body = await tx.findOne(GovernanceBody, { id: input.bodyId, kind: 'PROPERTY_MANAGEMENT_COMMITTEE' });
    if (!body) throw new NotFoundError('Property-management committee', input.bodyId);
    const area = await areaFor(tx, identity, body.areaId);
    assertMayManageStreet(identity, area.streetCode, 'record filings in it');
    if (body.filedOn) throw new DomainError('CONFLICT', `The committee was already filed on ${body.filedOn}`);
    if (compareDates(input.filedOn, body.formedOn) < 0) throw new InvalidInputError('A committee cannot be filed before it was formed', { fields: { filedOn: 'before formation' } });
    body.filedOn = input.filedOn;
    body.filedLate = isFilingLate(body.formedOn, input.filedOn);
    return body;
  });
}

/**
 * The street office's recording (备案) of a filed property-management committee, due within five working days of
 * the filing (Beijing art. 55); a late recording is flagged when read (recordedLate), not refused. The deadline is
 * worked out when read, not stored, so a holiday notice published later still reaches it.
 */
export async function recordCommitteeRecording(em: EntityManager, identity: Identity, input: { bodyId: string; recordedOn: string }): Promise<GovernanceBody> {
  requireDates({ recordedOn: input.recordedOn });
  return em.transactional(async (tx) => {
    const body = await tx.findOne(GovernanceBody, { id: input.bodyId, kind: 'PROPERTY_MANAGEMENT_COMMITTEE' });
    if (!body) throw new NotFoundError('Property-management committee', input.bodyId);
    const area = await areaFor(tx, identity, body.areaId);
    assertMayManageStreet(identity, area.streetCode, 'record committees in it');
    if (body.recordedOn) throw new DomainError('CONFLICT', `The committee was already recorded on ${body.recordedOn}`);
    if (!body.filedOn) throw new DomainError('CONFLICT', 'The committee has not been filed: record its filing first (recordCommitteeFiling)');
    validateRecording(body.filedOn, input.recordedOn);
    body.recordedOn = input.recordedOn;
    recordEvent(tx, COMMITTEE_RECORDED, {
      source: AREAS_EVENT_SOURCE,
      key: body.areaId,
      subject: body.id,
      data: { areaId: body.areaId, bodyId: body.id, filedOn: body.filedOn, recordedOn: input.recordedOn },
    });
    return body;
  });
}

export type DecisionInput =
  | { areaId: string; matter: JointDecisionMatter; heldOn: string; tally: DecisionTally; ballots?: undefined }
  | { areaId: string; matter: JointDecisionMatter; heldOn: string; tally?: undefined; ballots: { householdId: string; vote: Exclude<BallotVote, 'NOT_VOTED'> }[] };

/** Ballots are counted against every household of the area, with certificate floor areas from the register. */
async function tallyFromBallots(em: EntityManager, areaId: string, ballots: { householdId: string; vote: BallotVote }[]): Promise<DecisionTally> {
  const households = await em.getConnection().execute<{ id: string; area: number }[]>(
    `select h.id, h.floor_area_centi_m2 as area from areas.household h join areas.building b on b.id = h.building_id where b.area_id = ?`,
    [areaId],
    'all',
    em.getTransactionContext(),
  );
  const votes = new Map<string, BallotVote>();
  for (const b of ballots) {
    if (votes.has(b.householdId)) throw new InvalidInputError('A household voted twice', { householdId: b.householdId });
    votes.set(b.householdId, b.vote);
  }
  const known = new Set(households.map((h) => h.id));
  const strangers = [...votes.keys()].filter((id) => !known.has(id));
  if (strangers.length > 0) throw new InvalidInputError('Ballots name households outside the area', { households: strangers.slice(0, 20) });
  return tallyBallots(households.map((h) => ({ areaCentiM2: h.area, vote: votes.get(h.id) ?? 'NOT_VOTED' })));
}

/**
 * Who may record a decision: the street office of the area, or the area's standing committee itself (its token's
 * organisation is the body's id). Anyone else learns nothing about the area.
 */
async function areaForDecision(em: EntityManager, identity: Identity, areaId: string): Promise<Area> {
  if (identity.role !== 'OWNERS_COMMITTEE') {
    const area = await areaFor(em, identity, areaId);
    assertMayManageStreet(identity, area.streetCode, 'record joint decisions in it');
    return area;
  }
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const body = isUuid.test(identity.organisationId) && isUuid.test(areaId)
    ? await em.findOne(GovernanceBody, { id: identity.organisationId, areaId, dissolvedOn: null, kind: { $ne: 'OWNERS_ASSEMBLY' } })
    : null;
  const area = body && (await em.findOne(Area, { id: areaId }));
  if (!area) throw new NotFoundError('Area', areaId);
  return area;
}

export async function recordJointDecision(em: EntityManager, identity: Identity, input: DecisionInput): Promise<{ decision: JointDecision; outcome: JointDecisionOutcome }> {
  if (!isIsoDate(input.heldOn)) throw new InvalidInputError('heldOn must be YYYY-MM-DD', { fields: { heldOn: 'not a date' } });
  if ((input.tally === undefined) === (input.ballots === undefined)) throw new InvalidInputError('Give either an aggregate tally or household ballots');
  return em.transactional(async (tx) => {
    const area = await areaForDecision(tx, identity, input.areaId);
    const tally = input.tally ?? (await tallyFromBallots(tx, area.id, input.ballots!));
    const outcome = decideJointDecision(input.matter, tally);
    const decision = tx.create(JointDecision, {
      id: randomUUID(),
      areaId: area.id,
      matter: input.matter,
      heldOn: input.heldOn,
      totalOwners: tally.totalOwners,
      totalAreaCentiM2: String(tally.totalAreaCentiM2),
      participatingOwners: tally.participatingOwners,
      participatingAreaCentiM2: String(tally.participatingAreaCentiM2),
      consentingOwners: tally.consentingOwners,
      consentingAreaCentiM2: String(tally.consentingAreaCentiM2),
      valid: outcome.valid,
      reasons: outcome.reasons,
      recordedBy: identity.organisationId,
      recordedAt: new Date(),
    });
    recordEvent(tx, JOINT_DECISION_RECORDED, {
      source: AREAS_EVENT_SOURCE,
      key: area.id,
      subject: decision.id,
      data: { areaId: area.id, decisionId: decision.id, matter: input.matter, heldOn: input.heldOn, valid: outcome.valid, reasons: outcome.reasons },
    });
    return { decision, outcome };
  });
}
