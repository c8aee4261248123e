import type { EntityManager } from '@mikro-orm/postgresql';
import { JOINT_DECISION_RECORDED } from '../../../catalog';
import { todayInChina } from '../../../kernel/clock';
import { Identity } from '../../../kernel/identity';
import { ForbiddenError, NotFoundError } from '../../../kernel/errors';
import { recordEvent } from '../../../platform/events/outbox';
import {
  BallotVote,
  DecisionTally,
  JointDecisionOutcome,
  agendaItemOf,
  changedSinceMeeting,
  checkBallotsCountable,
  checkDecisionBasis,
  checkMeetingDay,
  checkOwnerReferencesResolved,
  checkRegisterComplete,
  checkSameDecision,
  checkTallyTotals,
  decideJointDecision,
  registerTotals,
  tallyAreaBallots,
  unitsOnMeetingDay,
} from '../domain/joint-decision';
import { isTermExpired, termEndOf } from '../domain/governance-body';
import { JointDecisionMatter } from '../domain/statutes';
import { AREAS_EVENT_SOURCE } from '../events/publish/area-events';
import { jointDecisionRecorded } from '../events/publish/governance-events';
import { Area } from '../persistence/area.entity';
import { householdAreasOfArea } from '../persistence/household.repository';
import { JointDecision } from '../persistence/joint-decision.entity';
import {
  decisionOfMeeting,
  findJointDecision,
  insertJointDecision,
  lockAreaDecisions,
} from '../persistence/joint-decision.repository';
import { keyReusedFor, transactionOnce } from '../../../platform/db/idempotency';
import { areasError } from '../domain/errors';
import { committeeArea, manageableArea } from './area.lookup';

/** A decision as reported: the meeting's aggregate tally, or each household's ballot (areas from the register). */
export interface DecisionInput {
  areaId: string;
  matter: JointDecisionMatter;
  heldOn: string;
  /** The agenda item (议题), when the meeting decided the matter more than once. */
  agendaItem?: string | null;
  /** Exactly one of the two. */
  tally?: DecisionTally;
  ballots?: { householdId: string; vote: Exclude<BallotVote, 'NOT_VOTED'> }[];
}

/**
 * Who may record a decision: the street office of the area, or the area's standing committee itself (its token's
 * organisation is the body's id) while its term runs. Anyone else learns nothing about the area.
 */
async function areaForDecision(em: EntityManager, identity: Identity, areaId: string, today: string): Promise<Area> {
  if (identity.role !== 'OWNERS_COMMITTEE') return manageableArea(em, identity, areaId, 'record joint decisions in it');
  const { area, committee } = await committeeArea(em, identity, areaId);
  // A committee past its term acts without a mandate (domain/governance-body.ts): the street office records instead.
  if (isTermExpired(committee, today))
    throw new ForbiddenError(
      `The committee's term ended on ${termEndOf(committee)}: the street office records decisions`,
    );
  return area;
}

/**
 * Records an owners' joint decision with the hub's verdict under Civil Code art. 278, every failed condition named.
 * A meeting's item is recorded once: reported again with the same figures, by anyone who may record it, the answer is
 * the first record and nothing is published again (domain/joint-decision.ts checkSameDecision).
 */
export async function recordJointDecision(
  em: EntityManager,
  identity: Identity,
  input: DecisionInput,
  /** With a key, a retry (a lost answer, a double click) returns the decision recorded the first time. */
  idempotencyKey?: string | null,
): Promise<{ decision: JointDecision; outcome: JointDecisionOutcome }> {
  const today = todayInChina();
  checkMeetingDay(input.heldOn, today);
  checkDecisionBasis(input);
  const agendaItem = agendaItemOf(input.agendaItem);
  const optionalKey = {
    scope: 'joint-decision',
    ownerId: identity.organisationId,
    key: idempotencyKey,
    // The agenda item only when named, so a retry of a request sent before it existed still matches its key.
    content: () => ({
      areaId: input.areaId,
      matter: input.matter,
      heldOn: input.heldOn,
      ...(agendaItem ? { agendaItem } : {}),
      tally: input.tally ?? null,
      ballots: input.ballots ?? null,
    }),
    reused: keyReusedFor(areasError, 'decision'),
  };
  const decisionId = await transactionOnce(em, optionalKey, async (tx) => {
    const area = await areaForDecision(tx, identity, input.areaId, today);
    // The meeting's record first: the same vote reported again is its first record even if the register changed since.
    const meeting = { areaId: area.id, heldOn: input.heldOn, matter: input.matter, agendaItem };
    const recorded = await decisionOfMeeting(tx, meeting);
    if (recorded && input.tally) return checkSameDecision(recorded, input.tally);
    // The area's register as no restatement under way leaves it (lockAreaDecisions).
    await lockAreaDecisions(tx, area.id);
    const units = await householdAreasOfArea(tx, area.id);
    checkRegisterComplete(units.length, area.declaredHouseholds ?? null);
    checkOwnerReferencesResolved(units);
    // Counted as of the meeting: the area's buildings then, and owners changed in the register since leave ballots
    // uncountable and bound the tally.
    const onMeetingDay = unitsOnMeetingDay(units, input.heldOn, input.ballots);
    const changed = changedSinceMeeting(onMeetingDay, input.heldOn);
    if (!input.tally) checkBallotsCountable(changed, input.heldOn);
    const { tally, tallySource } = input.tally
      ? { tally: input.tally, tallySource: checkTallyTotals(input.tally, registerTotals(onMeetingDay), changed) }
      : { tally: tallyAreaBallots(onMeetingDay, input.ballots!), tallySource: 'REGISTER_BALLOTS' as const };
    if (recorded) return checkSameDecision(recorded, tally);
    const outcome = decideJointDecision(input.matter, tally);
    const decision = insertJointDecision(tx, {
      ...meeting,
      ...tally,
      tallySource,
      valid: outcome.valid,
      reasons: outcome.reasons,
      recordedBy: identity.organisationId,
      recordedAt: new Date(),
    });
    recordEvent(tx, JOINT_DECISION_RECORDED, {
      source: AREAS_EVENT_SOURCE,
      key: area.id,
      subject: decision.id,
      data: jointDecisionRecorded(decision),
    });
    return decision.id;
  });
  // Read back, the first time as on a retry: the verdict is the statute's on the stored tally (decideJointDecision).
  const decision = await findJointDecision(em, decisionId);
  if (!decision) throw new NotFoundError('Joint decision', decisionId);
  return { decision, outcome: decideJointDecision(decision.matter, tallyOf(decision)) };
}

const tallyOf = (d: JointDecision): DecisionTally => ({
  totalOwners: d.totalOwners,
  totalAreaCentiM2: d.totalAreaCentiM2,
  participatingOwners: d.participatingOwners,
  participatingAreaCentiM2: d.participatingAreaCentiM2,
  consentingOwners: d.consentingOwners,
  consentingAreaCentiM2: d.consentingAreaCentiM2,
});
