import { InvalidInputError } from '../../../kernel/errors';
import { arrearsError } from './errors';
import { Fen } from '../../../kernel/money';
import { IsoDate, laterDate } from '../../../kernel/calendar';

/**
 * Where a household's arrears case stands, in the order seed 004 prescribes: collect and negotiate, mediate, then
 * refer to the court's green channel. JUDGED, SETTLED and WRITTEN_OFF end the case (CONCLUDED_ACCOUNT_STATUSES in the
 * catalog, which litigation reads); arrears that fall due later open a new one, so a judgment's history is never
 * overwritten.
 */
import { ACCOUNT_STATUSES, type AccountStatus } from '../../../catalog';

export { ACCOUNT_STATUSES, type AccountStatus };

/**
 * The allowed moves. Why the less obvious ones exist:
 * - back to CURRENT only before referral and only when nothing is open: after referral, payment ends the case as
 *   SETTLED (the referral or suit is withdrawn), which is what the court needs to hear;
 * - MEDIATION → IN_COLLECTION when mediation fails or is withdrawn and the company keeps collecting;
 * - REFERRED → IN_COLLECTION when the court returns the referral before docketing it;
 * - IN_LITIGATION → IN_COLLECTION when the suit is withdrawn without settlement (撤诉);
 * - SETTLED from mediation or any court stage (调解协议, 诉前调解, 庭上和解);
 * - JUDGED → WRITTEN_OFF when a judgment cannot be enforced (终结本次执行); the other two ends are final.
 */
export const ACCOUNT_TRANSITIONS: Readonly<Record<AccountStatus, readonly AccountStatus[]>> = Object.freeze({
  CURRENT: ['IN_COLLECTION'],
  IN_COLLECTION: ['CURRENT', 'MEDIATION', 'REFERRED', 'WRITTEN_OFF'],
  MEDIATION: ['CURRENT', 'IN_COLLECTION', 'REFERRED', 'SETTLED', 'WRITTEN_OFF'],
  REFERRED: ['IN_COLLECTION', 'IN_LITIGATION', 'SETTLED', 'WRITTEN_OFF'],
  IN_LITIGATION: ['IN_COLLECTION', 'JUDGED', 'SETTLED', 'WRITTEN_OFF'],
  JUDGED: ['WRITTEN_OFF'],
  SETTLED: [],
  WRITTEN_OFF: [],
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
  if (to === 'WRITTEN_OFF' && (typeof context.reason !== 'string' || context.reason.trim() === '')) {
    throw new InvalidInputError('A write-off needs a reason', {
      fields: { reason: 'give the reason for writing the arrears off' },
    });
  }
}

/**
 * The moves a company makes by hand, by the status the account is in: into collection, back to CURRENT once
 * cleared, and a write-off with a reason, never out of a procedure another party runs. Mediation ends by the street
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
  JUDGED: ['WRITTEN_OFF'],
  SETTLED: [],
  WRITTEN_OFF: [],
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
