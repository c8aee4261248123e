import type { EntityManager } from '@mikro-orm/postgresql';
import type { CaseStatus, DeadlineChangedData } from '../../../catalog';
import type { IsoDate } from '../../../kernel/calendar';
import {
  CourtCaseFacts,
  EnforcementApplicationFacts,
  courtCaseOverFrom,
  withEnforcementApplication,
  withReportedStatus,
} from '../domain/court-case-end';
import {
  holdPendingCourtCase,
  lockCourtCases,
  lockReferralGrant,
  storeCourtCase,
  takePendingCourtCase,
} from '../persistence/court-household.repository';

/**
 * Applies one change to the case of each grant of a referral and stores when it is over; returns how many grants it
 * changed (none: no grant recorded).
 */
async function changeCourtCases(
  em: EntityManager,
  referralId: string,
  change: (facts: CourtCaseFacts) => CourtCaseFacts,
): Promise<number> {
  const grants = await lockCourtCases(em, referralId);
  for (const { courtId, facts } of grants) {
    const changed = change(facts);
    await storeCourtCase(em, { courtId, referralId }, changed, courtCaseOverFrom(changed));
  }
  return grants.length;
}

/**
 * A step of a referred case as litigation published it (litigation.referrals.v1, which only litigation writes: the
 * topic vouches for it), on `day` in China: a withdrawal, refusal or closing ends the court's grant from that day.
 * The grant is found by the referral (its court as the grant recorded it, not as the message says); a redelivery
 * changes nothing.
 */
export async function followReferralStatus(
  em: EntityManager,
  step: { referralId: string; status: CaseStatus; day: IsoDate },
): Promise<void> {
  await changeCourtCases(em, step.referralId, (facts) => withReportedStatus(facts, step.status, step.day));
}

/**
 * Litigation's announcement of a referral's period to apply for enforcement (ENFORCEMENT_APPLICATION on
 * litigation.deadlines.v1, whose subject is the referral): once it has run without an application, the court's case
 * is over (domain/court-case-end.ts). Litigation's other deadlines say nothing of the case's end and are passed by; an
 * older announcement than the one held changes nothing. A deadline read before its referral's grant (another topic,
 * so in no order with it: a consumer lagging on one, a replay from the beginning) is held until the grant takes it
 * (takeHeldCourtCase). Before, it was dropped, and that grant never ended.
 */
export async function followEnforcementApplication(em: EntityManager, deadline: DeadlineChangedData): Promise<void> {
  if (deadline.kind !== 'ENFORCEMENT_APPLICATION') return;
  const announced: EnforcementApplicationFacts = {
    dueOn: deadline.dueOn,
    metOn: deadline.metOn,
    cancelled: deadline.cancelled,
    sequence: deadline.sequence,
  };
  await lockReferralGrant(em, deadline.subjectId);
  const changed = await changeCourtCases(em, deadline.subjectId, (facts) =>
    withEnforcementApplication(facts, announced),
  );
  if (changed === 0) await holdPendingCourtCase(em, deadline.subjectId, announced);
}

/**
 * On a referral's grant just recorded: the enforcement-application deadline read before it (followEnforcementApplication),
 * if any, applied to it.
 */
export async function takeHeldCourtCase(em: EntityManager, referralId: string): Promise<void> {
  await lockReferralGrant(em, referralId);
  const held = await takePendingCourtCase(em, referralId);
  if (held) await changeCourtCases(em, referralId, (facts) => withEnforcementApplication(facts, held));
}
