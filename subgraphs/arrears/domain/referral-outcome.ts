import { arrearsError } from './errors';
import { BEFORE_COURT_ACCOUNT_STATUSES, CaseStatus } from '../../../catalog';
import { AccountStatus } from './account-status';
import { IsoDate, compareDates } from '../../../kernel/calendar';
import type { Suit } from './limitation';

/**
 * Where the household's account stands while its arrears are before the court; null where the account does not
 * move: the court's pre-suit mediation (诉前调解) is still the referral, enforcement follows a judgment or
 * settlement the account already shows, and closing the file ends nothing the account has not ended.
 */
const ACCOUNT_STATUS_OF_CASE: Readonly<Record<CaseStatus, AccountStatus | null>> = {
  SUBMITTED: 'REFERRED',
  IN_MEDIATION: null,
  DOCKETED: 'IN_LITIGATION',
  HEARING_SCHEDULED: 'IN_LITIGATION',
  JUDGED: 'JUDGED',
  SETTLED: 'SETTLED',
  // Withdrawn (撤诉) or refused by the court (不予受理): the company collects again and may refer later.
  WITHDRAWN: 'IN_COLLECTION',
  REJECTED: 'IN_COLLECTION',
  ENFORCEMENT: null,
  CLOSED: null,
};

/** What a report says the court awarded: the judgment's or the settlement's amount, once the court reported it. */
export interface CourtDecision {
  judgedFen?: number | null;
  settledFen?: number | null;
}

/**
 * Enforcement and the closing of a judged or settled case come after the decision, but a court's reports arrive out
 * of order: when they came first, the judgment or settlement arrives afterwards as a late step, which litigation
 * publishes with the status as it stands and the amount. An account still before the court then takes the decision
 * from the amount (before, it stayed REFERRED or IN_LITIGATION for good and no award was recorded).
 */
const DECIDED_BEFORE: readonly CaseStatus[] = ['ENFORCEMENT', 'CLOSED'];

/**
 * How a reported referral stands to the account: NONE before the account followed any (its first report, or one of
 * a referral made before the account kept which it follows), FOLLOWED the referral it follows, FOLLOWED_BEFORE one it
 * followed and left for a later one, ANOTHER one it never followed. Referral events are keyed by referral, so two
 * referrals of one account reach arrears in no set order.
 */
export type ReferralRelation = 'NONE' | 'FOLLOWED' | 'FOLLOWED_BEFORE' | 'ANOTHER';

/**
 * The moves that bring an account in status `from` to where a referral in `caseStatus` puts it, in order; none when
 * it is there already (a redelivered report) or the step does not concern the account. The moves are not checked
 * here: account-status.ts refuses the ones its table does not allow (a referral or a docketing of a CURRENT
 * account). A judgment is reachable only through docketing: litigation applies a judgment reported
 * before the docketing, so a REFERRED account goes through IN_LITIGATION to JUDGED.
 *
 * Of ANOTHER referral only its submission counts: litigation refers an account only while no other case of it is
 * before the court, so the one the account followed has ended (withdrawn, refused, or decided before a new case),
 * whatever its report still in flight says; the account leaves that case through IN_COLLECTION. Its other reports
 * are the old case's and change nothing: before, a withdrawal arriving after the new referral's submission took the
 * account back to collection, and the new case's docketing was then dead-lettered. Nothing of a referral followed
 * before counts any more, and the followed referral's submission arriving again is a redelivery, even after the
 * account left that case.
 */
export function accountMovesForReferral(
  from: AccountStatus,
  caseStatus: CaseStatus,
  relation: ReferralRelation = 'NONE',
  decision: CourtDecision = {},
): AccountStatus[] {
  let to = ACCOUNT_STATUS_OF_CASE[caseStatus];
  if (to === undefined)
    throw arrearsError('UNKNOWN_CASE_STATUS', `A referral cannot be in status ${String(caseStatus)}`, { caseStatus });
  if (to === null && DECIDED_BEFORE.includes(caseStatus) && BEFORE_COURT_ACCOUNT_STATUSES.has(from))
    to = decision.judgedFen != null ? 'JUDGED' : decision.settledFen != null ? 'SETTLED' : null;
  if (relation === 'FOLLOWED_BEFORE') return [];
  if (relation === 'ANOTHER') {
    if (caseStatus !== 'SUBMITTED') return [];
    return ['CURRENT', 'IN_COLLECTION', 'MEDIATION'].includes(from) ? ['REFERRED'] : ['IN_COLLECTION', 'REFERRED'];
  }
  if (relation === 'FOLLOWED' && caseStatus === 'SUBMITTED') return [];
  if (to === null || to === from) return [];
  // Back before the court: the company's withdrawal overruled by a step on the court's docket (litigation publishes
  // a docketing, hearing or judgment after a withdrawal only then). The account is referred again on the way.
  if (OUT_OF_COURT.includes(from) && BY_THE_COURT.includes(to))
    return ['REFERRED', ...(to === 'JUDGED' ? ['IN_LITIGATION' as const, to] : [to])];
  if (to === 'JUDGED' && from === 'REFERRED') return ['IN_LITIGATION', 'JUDGED'];
  return [to];
}

/** Where a withdrawal leaves an account (and the street's mediation it may go on to), and where the court takes it. */
const OUT_OF_COURT: readonly AccountStatus[] = ['IN_COLLECTION', 'MEDIATION'];
const BY_THE_COURT: readonly AccountStatus[] = ['IN_LITIGATION', 'JUDGED'];

/** A step of a referral as arrears recorded it (application/follow-referral.ts), for the limitation period. */
export interface ReferralStep {
  referralId: string;
  caseStatus: CaseStatus;
  on: IsoDate;
  /** With SUBMITTED: the charges the package claims; null where the report did not name them. */
  chargeIds: readonly string[] | null;
}

/** Steps that end the proceedings (art. 195 "有关程序终结"): withdrawn, refused, judged, settled, closed. */
const ENDS_PROCEEDINGS: readonly CaseStatus[] = ['WITHDRAWN', 'REJECTED', 'JUDGED', 'SETTLED', 'ENFORCEMENT', 'CLOSED'];
/** Steps of a case still before the court: after a withdrawal, the court overruled it (see accountMovesForReferral). */
const BEFORE_THE_COURT: readonly CaseStatus[] = ['IN_MEDIATION', 'DOCKETED', 'HEARING_SCHEDULED'];

/**
 * The suits the referrals' steps make (limitation.ts Suit; statutes.ts SUIT_INTERRUPTION): each submitted referral
 * that named the charges it claims, interrupting them from its submission, its proceedings ended on the first step that
 * ended them, unless a later step of the court (a docketing or hearing after a withdrawal) took the case back, when a
 * later end counts. A submission that named no charges (published before litigation sent them) interrupts nothing the
 * hub can tell: the earlier date to act by stays. Steps are taken in date order, whatever order they arrived in.
 */
export function suitsOf(steps: readonly ReferralStep[]): Suit[] {
  const byReferral = new Map<string, ReferralStep[]>();
  for (const s of steps) byReferral.set(s.referralId, [...(byReferral.get(s.referralId) ?? []), s]);
  const suits: Suit[] = [];
  for (const referralSteps of byReferral.values()) {
    const submitted = referralSteps.find((s) => s.caseStatus === 'SUBMITTED' && s.chargeIds !== null);
    if (!submitted || submitted.chargeIds === null || submitted.chargeIds.length === 0) continue;
    let endedOn: IsoDate | null = null;
    for (const s of [...referralSteps].sort((a, b) => compareDates(a.on, b.on))) {
      if (ENDS_PROCEEDINGS.includes(s.caseStatus)) endedOn ??= s.on;
      else if (BEFORE_THE_COURT.includes(s.caseStatus) && endedOn !== null && compareDates(s.on, endedOn) > 0)
        endedOn = null;
    }
    suits.push({ kind: 'SUIT', on: submitted.on, chargeIds: submitted.chargeIds, endedOn });
  }
  return suits;
}
