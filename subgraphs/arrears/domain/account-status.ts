import { InvalidInputError } from '../../../kernel/errors';
import { arrearsError } from './errors';
import { Fen } from '../../../kernel/money';
import { IsoDate, laterDate } from '../../../kernel/calendar';

/**
 * Where a household's arrears case stands, in the order seed 004 prescribes: collect and negotiate, mediate, then
 * refer to the court's green channel. JUDGED, SETTLED and WRITTEN_OFF end the case (CONCLUDED_ACCOUNT_STATUSES in the
 * catalog, which litigation reads); the company opens a new one, for arrears the case did not decide, by moving the
 * account back into IN_COLLECTION. The account's history keeps the case that ended, and litigation claims none of the
 * months a court already decided (its eligibility.ts ALREADY_DECIDED).
 */
import { ACCOUNT_STATUSES, CONCLUDED_ACCOUNT_STATUSES, type AccountStatus } from '../../../catalog';

export { ACCOUNT_STATUSES, type AccountStatus };

/**
 * The statuses in which a court holds the account's claim (referred, docketed, judged): the claim is the court's to
 * decide, so the company neither corrects a fee upwards (allocation.ts raisesClaimBeforeCourt) nor has the hub correct
 * it to the days served (charge.repository.ts correctFeesToServedDays).
 */
export const COURT_HELD_STATUSES: ReadonlySet<AccountStatus> = new Set<AccountStatus>([
  'REFERRED',
  'IN_LITIGATION',
  'JUDGED',
]);

/**
 * The allowed moves. Why the less obvious ones exist:
 * - back to CURRENT only before referral and only when nothing is open: after referral, payment ends the case as
 *   SETTLED (the referral or suit is withdrawn), which is what the court needs to hear;
 * - MEDIATION → IN_COLLECTION when mediation fails or is withdrawn and the company keeps collecting;
 * - REFERRED → IN_COLLECTION when the court returns the referral before docketing it;
 * - IN_LITIGATION → IN_COLLECTION when the suit is withdrawn without settlement (撤诉);
 * - SETTLED from mediation or any court stage (调解协议, 诉前调解, 庭上和解);
 * - JUDGED → WRITTEN_OFF when a judgment cannot be enforced (终结本次执行);
 * - from each end back to IN_COLLECTION: a new case, for arrears in arrears after the case ended (fees billed on
 *   after a judgment, months the suit did not claim, an owner who broke a mediation agreement). Before, an account
 *   once judged, settled or written off could never be collected or referred again, however long it was billed on.
 *   A court's judgment or consent judgment binds (Civil Procedure Law, 2017 text art. 124 item 5: 对判决、裁定、
 *   调解书已经发生法律效力的案件，当事人又起诉的，告知原告申请再审); a fact arising after it is a new suit (the Supreme
 *   People's Court's interpretation of the law, art. 248: 裁判发生法律效力后，发生新的事实，当事人再次提起诉讼的，人民法院
 *   应当依法受理), so litigation leaves the months already decided out of a new referral.
 */
export const ACCOUNT_TRANSITIONS: Readonly<Record<AccountStatus, readonly AccountStatus[]>> = Object.freeze({
  CURRENT: ['IN_COLLECTION'],
  IN_COLLECTION: ['CURRENT', 'MEDIATION', 'REFERRED', 'WRITTEN_OFF'],
  MEDIATION: ['CURRENT', 'IN_COLLECTION', 'REFERRED', 'SETTLED', 'WRITTEN_OFF'],
  REFERRED: ['IN_COLLECTION', 'IN_LITIGATION', 'SETTLED', 'WRITTEN_OFF'],
  IN_LITIGATION: ['IN_COLLECTION', 'JUDGED', 'SETTLED', 'WRITTEN_OFF'],
  JUDGED: ['WRITTEN_OFF', 'IN_COLLECTION'],
  SETTLED: ['IN_COLLECTION'],
  WRITTEN_OFF: ['IN_COLLECTION'],
});

export interface TransitionContext {
  /** Needed for WRITTEN_OFF: giving up a claim is explained, for the owners' committee and the auditors. */
  reason?: string | null;
  /** What is open on the account, due or not. */
  openFen?: Fen | null;
  /**
   * Needed for CURRENT: what is in arrears (charge.ts inArrears: past due and owed), which must be 0. A fee not yet
   * due or a voluntary contribution does not keep an account in collection (Civil Code art. 944 para. 2). Where
   * only openFen is given, it must be 0.
   */
  arrearsFen?: Fen | null;
}

const isStatus = (value: unknown): value is AccountStatus =>
  typeof value === 'string' && (ACCOUNT_STATUSES as readonly string[]).includes(value);

export function allowedTransitions(from: AccountStatus): readonly AccountStatus[] {
  return isStatus(from) ? ACCOUNT_TRANSITIONS[from] : [];
}

/**
 * Throws INVALID_STATUS_TRANSITION (details {from, to}) for a move the table does not allow, staying put
 * included; ARREARS_NOT_CLEARED for a return to CURRENT while anything is in arrears; BAD_USER_INPUT when a write-off
 * has no reason.
 */
export function assertTransition(from: AccountStatus, to: AccountStatus, context: TransitionContext = {}): void {
  if (!isStatus(to) || !allowedTransitions(from).includes(to)) {
    throw arrearsError(
      'INVALID_STATUS_TRANSITION',
      `An arrears account cannot go from ${String(from)} to ${String(to)}`,
      { from, to },
    );
  }
  const blocking = context.arrearsFen !== undefined ? context.arrearsFen : context.openFen;
  if (to === 'CURRENT' && blocking !== 0) {
    throw arrearsError('ARREARS_NOT_CLEARED', 'An account is current again only when nothing is in arrears', {
      from,
      to,
      openFen: context.openFen ?? null,
      ...(context.arrearsFen !== undefined ? { arrearsFen: context.arrearsFen } : {}),
    });
  }
  // A move out of an end of a case (the catalog's list, which litigation reads) opens a new case.
  if (
    CONCLUDED_ACCOUNT_STATUSES.has(from) &&
    to === 'IN_COLLECTION' &&
    !((context.arrearsFen ?? context.openFen ?? 0) > 0)
  ) {
    throw arrearsError('NOTHING_IN_ARREARS', 'A new case is opened only for arrears (past due and owed)', {
      from,
      to,
      arrearsFen: context.arrearsFen ?? null,
    });
  }
  if (to === 'WRITTEN_OFF' && (typeof context.reason !== 'string' || context.reason.trim() === '')) {
    throw new InvalidInputError('A write-off needs a reason', {
      fields: { reason: 'give the reason for writing the arrears off' },
    });
  }
}

/**
 * The moves a company makes by hand, by the status the account is in: into collection (from an end of a case too,
 * opening a new one), back to CURRENT once cleared, and a write-off with a reason, never out of a procedure another
 * party runs. Mediation ends by the street
 * office's outcome, referral and the court's stages by litigation's reports (a payment in full during mediation
 * still lets the company close the account as CURRENT). Before, only the target was checked: a company could take a
 * REFERRED or IN_LITIGATION account back to IN_COLLECTION, after which the court's docketing was dead-lettered, or
 * one in mediation out of it, after which the street office's outcome was ignored.
 */
export const SET_BY_COMPANY: Readonly<Record<AccountStatus, readonly AccountStatus[]>> = Object.freeze({
  CURRENT: ['IN_COLLECTION'],
  IN_COLLECTION: ['CURRENT', 'WRITTEN_OFF'],
  MEDIATION: ['CURRENT'],
  REFERRED: [],
  IN_LITIGATION: [],
  JUDGED: ['WRITTEN_OFF', 'IN_COLLECTION'],
  SETTLED: ['IN_COLLECTION'],
  WRITTEN_OFF: ['IN_COLLECTION'],
});

/** STATUS_SET_BY_PROCEDURE for a move only mediation or the court procedure makes. */
export function assertSetByCompany(from: AccountStatus, to: AccountStatus): void {
  const allowed = SET_BY_COMPANY[from] ?? [];
  if (!allowed.includes(to)) {
    throw arrearsError(
      'STATUS_SET_BY_PROCEDURE',
      `An account ${from} is moved to ${to} by mediation or the court procedure, not by hand`,
      { from, to, allowed },
    );
  }
}

/**
 * The day a move is recorded on: the day asked for, but never before the status it leaves began. A payment recorded
 * late (paid before the account went into collection) dated the way out before the way in, out of order in the
 * account's history and on the feed.
 */
export const moveDate = (on: IsoDate, statusChangedOn: IsoDate): IsoDate => laterDate(on, statusChangedOn);
