import type { EntityManager } from '@mikro-orm/postgresql';
import { IsoDate } from '../../../kernel/calendar';
import { todayInChina } from '../../../kernel/clock';
import { NotFoundError } from '../../../kernel/errors';
import { systemActor } from '../../../kernel/identity';
import { Fen } from '../../../kernel/money';
import type { CaseStatus } from '../../../catalog';
import { correctedJudgment, courtAwardOf } from '../domain/account';
import { mayFollowReferral } from '../domain/access';
import { openTotal } from '../domain/charge';
import { accountMovesForReferral } from '../domain/referral-outcome';
import { findAccount, followReferralOf, referralRelation, saveCourtAward } from '../persistence/account.repository';
import { chargesOfAccount } from '../persistence/charge.repository';
import { recordReferralStep } from '../persistence/referral-step.repository';
import { moveAccount } from './account.moves';
import { publishClaims } from './claims.publish';

/** Who moves an account for the court procedure: the litigation subgraph, reporting what the court did. */
const LITIGATION = systemActor('litigation');

/** Where a referral of litigation.referrals.v1 now stands, as the account needs it. */
export interface ReferralOutcome {
  referralId: string;
  courtId: string;
  companyId: string;
  accountId: string;
  caseStatus: CaseStatus;
  /** The day in China the reported step happened; the statutes count days there. */
  on: IsoDate;
  caseNumber?: string | null;
  judgedFen?: Fen | null;
  settledFen?: Fen | null;
  /** With a submission: the charges the package claims (absent from reports published before litigation sent them). */
  chargeIds?: readonly string[] | null;
}

/**
 * Moves the referred account to where the referral now puts it (referral-outcome.ts), records the moves, the amount a
 * judgment or settlement awarded and the step itself (for the limitation period, referral-outcome.ts suitsOf), and
 * publishes the claim as it now stands. The account follows one
 * referral at a time: its first report's, then each new referral's submission; the reports of a referral it
 * followed before, or of another not yet submitted to it, are not applied. An account that is unknown
 * or another company's is NOT_FOUND, a move the status rules refuse INVALID_STATUS_TRANSITION: the consumer sends
 * the report to arrears.dead-letter.v1 and nothing changes.
 */
export async function followReferral(em: EntityManager, outcome: ReferralOutcome): Promise<void> {
  const account = await findAccount(em, outcome.accountId, { lock: true });
  if (!account || !mayFollowReferral(LITIGATION, account, outcome))
    throw new NotFoundError(`Arrears account of ${outcome.companyId}`, outcome.accountId);
  // Every referral's steps count for the limitation period, followed or not: a suit interrupts the months it claimed
  // from its submission and the period runs afresh when its proceedings end (statutes.ts SUIT_INTERRUPTION).
  const stepRecorded = await recordReferralStep(em, account.id, {
    referralId: outcome.referralId,
    caseStatus: outcome.caseStatus,
    on: outcome.on,
    chargeIds: outcome.caseStatus === 'SUBMITTED' ? (outcome.chargeIds ?? null) : null,
  });
  const relation = await referralRelation(em, account.id, outcome.referralId);
  const moves = accountMovesForReferral(account.status, outcome.caseStatus, relation, outcome);
  if (relation === 'NONE' || (relation === 'ANOTHER' && outcome.caseStatus === 'SUBMITTED'))
    await followReferralOf(em, account.id, outcome.referralId);
  if (moves.length === 0) {
    // The case stays where it is; a ruling may have corrected the judgment's amount (before, the account kept the first).
    const corrected = relation === 'FOLLOWED' ? correctedJudgment(account, outcome) : null;
    if (corrected) await saveCourtAward(em, account.id, corrected);
    // A new step may have moved a charge's limitation period: the claim as it now stands.
    if (corrected || stepRecorded) await publishClaims(em, [account.id], todayInChina());
    return;
  }
  const openFen = openTotal(await chargesOfAccount(em, account.id));
  const reason = `Referral ${outcome.referralId} to ${outcome.courtId}: ${outcome.caseStatus}${outcome.caseNumber ? ` (${outcome.caseNumber})` : ''}`;
  for (const to of moves) await moveAccount(em, LITIGATION, account, to, { reason, on: outcome.on, openFen });
  const award = courtAwardOf(account.status, outcome);
  if (award) await saveCourtAward(em, account.id, award);
  await publishClaims(em, [account.id], todayInChina());
}
