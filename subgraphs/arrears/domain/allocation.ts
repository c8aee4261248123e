import { InvalidInputError } from '../../../kernel/errors';
import { IsoDate, compareDates, compareMonths, isOwnersDay, isOwnersMonth } from '../../../kernel/calendar';
import { isPastDue } from '../../../kernel/past-due';
import { Fen } from '../../../kernel/money';
import { Charge, openFen } from './charge';
import { AccountStatus, COURT_HELD_STATUSES } from './account-status';

/**
 * Applying a payment to a household's charges (Civil Code art. 560): the payer may say which charges it is for;
 * otherwise, by para. 2, it goes first to the charges already due when it was paid, among those first to the ones
 * weighing heavier on the owner (PaymentPriority), then to the charge that fell due first, which is the oldest month.
 * Where due date and month disagree (a month billed late, so due after a later month) the due date decides, as art.
 * 560 para. 2 orders by 到期的先后. Payments go to charges (principal) only: a late fee is a separate amount,
 * computed on the open principal (late-fee.ts).
 */

export interface AppliedAmount {
  chargeId: string;
  fen: Fen;
}

export interface Allocation {
  /** Only charges that received something, in the order the payment was applied. */
  applied: AppliedAmount[];
  /** What no charge could take: a credit on the household's account, never silently spread to other charges. */
  creditFen: Fen;
  /** Every charge, in the order given, with its paidFen raised by what it received. */
  charges: Charge[];
}

const isPositiveFen = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

/**
 * What art. 560 para. 2 orders an undesignated payment by before the due dates: "优先履行已经到期的债务" (the charges
 * due by the day it was paid, `paidOn`, the due day itself included), then among those "缺乏担保或者担保最少的"
 * (no fee is secured, so that never decides) and "债务人负担较重的": the charges that carry a late fee
 * (`carryingLateFee`, late-fee.ts carriesLateFee: a 违约金 under their contract's terms, not waived) before those that
 * do not, such as months billed under a contract without late-fee terms. "负担相同的，按照债务到期的先后顺序" is the
 * due date; "到期时间相同的，按照债务比例履行": charges of equal rank falling due the same day (a month billed late, due
 * with a later one) share what is left in proportion to what each has open (sharedInProportion). Before, the older
 * month took it all first, against the article's last step.
 */
export interface PaymentPriority {
  paidOn: IsoDate;
  carryingLateFee: ReadonlySet<string>;
}

/**
 * Applies `paymentFen` (whole fen, more than 0) to the open charges, by `priority` (PaymentPriority: those due by the
 * day paid, among them those carrying a late fee, first) then earliest due date first, charges of equal rank and due
 * date sharing in proportion (listed oldest month first), or, when the payer designated charges, to those only and in
 * the order designated: the rest becomes a credit rather than going to charges the payer did not choose. A designated
 * charge that is already settled simply takes nothing.
 */
export function allocatePayment(
  charges: readonly Charge[],
  paymentFen: Fen,
  designatedChargeIds: readonly string[] = [],
  priority: PaymentPriority | null = null,
): Allocation {
  if (!isPositiveFen(paymentFen)) {
    throw new InvalidInputError('A payment must be whole fen, more than 0', {
      fields: { paymentFen: 'must be whole fen, more than 0' },
    });
  }
  const byId = new Map(charges.map((c) => [c.chargeId, c]));
  const problems: { code: 'UNKNOWN_CHARGE' | 'DUPLICATE_DESIGNATION'; chargeId: string }[] = [];
  designatedChargeIds.forEach((id, i) => {
    if (!byId.has(id)) problems.push({ code: 'UNKNOWN_CHARGE', chargeId: id });
    else if (designatedChargeIds.indexOf(id) !== i) problems.push({ code: 'DUPLICATE_DESIGNATION', chargeId: id });
  });
  if (problems.length > 0)
    throw new InvalidInputError('The payment designates charges that cannot take it', { problems });

  // Each group takes what is left in turn: a designated charge alone, else the charges of one rank and due date.
  const groups: Charge[][] = [];
  if (designatedChargeIds.length > 0) for (const id of designatedChargeIds) groups.push([byId.get(id) as Charge]);
  else {
    const sameTurn = (a: Charge, b: Charge) => rank(a, priority) - rank(b, priority) || compareDates(a.dueOn, b.dueOn);
    const sorted = [...charges].sort((a, b) => sameTurn(a, b) || compareMonths(a.month, b.month));
    for (const charge of sorted) {
      const last = groups[groups.length - 1];
      if (last && sameTurn(last[0], charge) === 0) last.push(charge);
      else groups.push([charge]);
    }
  }

  let left = paymentFen;
  const applied: AppliedAmount[] = [];
  for (const group of groups) {
    const shares = sharedInProportion(
      left,
      group.map((c) => openFen(c)),
    );
    group.forEach((charge, i) => {
      if (shares[i] > 0) applied.push({ chargeId: charge.chargeId, fen: shares[i] });
      left -= shares[i];
    });
  }
  const received = new Map(applied.map((a) => [a.chargeId, a.fen]));
  return {
    applied,
    creditFen: left,
    charges: charges.map((c) =>
      received.has(c.chargeId) ? { ...c, paidFen: c.paidFen + (received.get(c.chargeId) ?? 0) } : c,
    ),
  };
}

/**
 * `fen` shared among debts open `open` fen each: all of each where it covers them, else in proportion to what each
 * has open (art. 560 para. 2, 按照债务比例), whole fen, a fen left by rounding down going to the largest remainders
 * (the earlier listed first on a tie), so the shares add up to `fen` exactly.
 */
export function sharedInProportion(fen: Fen, open: readonly Fen[]): Fen[] {
  const total = open.reduce((sum, o) => sum + o, 0);
  if (fen >= total) return [...open];
  const exact = open.map((o) => (BigInt(fen) * BigInt(o)) / BigInt(total));
  const remainders = open.map((o, i) => ({ i, rest: (BigInt(fen) * BigInt(o)) % BigInt(total) }));
  const shares = exact.map(Number);
  let short = fen - shares.reduce((sum, s) => sum + s, 0);
  remainders.sort((a, b) => (a.rest === b.rest ? a.i - b.i : a.rest > b.rest ? -1 : 1));
  for (const { i } of remainders) {
    if (short === 0) break;
    shares[i] += 1;
    short -= 1;
  }
  return shares;
}

/** Art. 560 para. 2's order before the due dates: 0 due and carrying a late fee, 1 due, 2 not yet due when paid. */
function rank(charge: Charge, priority: PaymentPriority | null): number {
  if (!priority) return 0;
  if (compareDates(charge.dueOn, priority.paidOn) > 0) return 2;
  return priority.carryingLateFee.has(charge.chargeId) ? 0 : 1;
}

/**
 * The charges money paid on `paidOn` may go to without the payer naming them: the months of whoever owned the flat
 * that day. Paid on or after the day the owner registered now became the owner (`ownerSince`, where the register
 * recorded a change of owner), the months begun on or after it; paid before it, the former owner's, begun before it.
 * Each owner's months are their own debt (Civil Code art. 944 para. 1, art. 209; for heirs, the months before the
 * death are the estate's, art. 1161), which the other's money does not settle by default (art. 560 orders the debts
 * of the one debtor paying) nor restart the limitation of (art. 195 item 2 needs the debtor's own act): a payer names
 * them to pay them. Before, after a sale the new owner's payments went to the former owner's oldest months, while
 * the new owner's own months stayed in arrears, ran late fees and were referred to court against them (a helper's
 * legal audit).
 */
export function payersCharges<C extends Pick<Charge, 'month'>>(
  charges: readonly C[],
  ownerSince: IsoDate | null,
  paidOn: IsoDate,
): C[] {
  if (!ownerSince) return [...charges];
  const paidByTheOwner = isOwnersDay(paidOn, ownerSince);
  return charges.filter((c) => isOwnersMonth(c.month, ownerSince) === paidByTheOwner);
}

/** What a payment left over (its credit) and has not yet been set against a charge. */
export interface HeldCredit {
  paymentId: string;
  fen: Fen;
  /** The day the payment that left it was made: it pays the months of whoever owned the flat then (payersCharges). */
  paidOn: IsoDate;
}

export interface AppliedCredit extends AppliedAmount {
  paymentId: string;
}

/**
 * Sets an account's held credits against its open charges billed since (an owner who paid in advance owes nothing
 * when the month is billed): each credit, earliest paid first, goes to the open charges earliest due first, as an
 * undesignated payment would have (art. 560 para. 2, by `priority` as of the day they are set off, its `paidOn`), of
 * the months of whoever owned the flat when it was paid (payersCharges, `ownerSince` as the register keeps it); what
 * no charge takes stays held. Returns the amounts applied and the charges with their paidFen raised.
 */
export function applyCredits<C extends Charge>(
  credits: readonly HeldCredit[],
  charges: readonly C[],
  ownerSince: IsoDate | null = null,
  priority: PaymentPriority | null = null,
): { applied: AppliedCredit[]; charges: C[] } {
  let current = [...charges];
  const applied: AppliedCredit[] = [];
  for (const credit of credits) {
    const payable = payersCharges(current, ownerSince, credit.paidOn);
    if (credit.fen === 0 || payable.every((c) => openFen(c) === 0)) continue;
    const allocation = allocatePayment(payable, credit.fen, [], priority);
    applied.push(...allocation.applied.map((a) => ({ paymentId: credit.paymentId, ...a })));
    // allocatePayment only raises paidFen: every other field is kept
    const raised = new Map(allocation.charges.map((c) => [c.chargeId, c as C]));
    current = current.map((c) => raised.get(c.chargeId) ?? c);
  }
  return { applied, charges: current };
}

// ---------------------------------------------------------------------------------------------------------------
// Adjustments: every change to what is owed other than a payment carries its reason, for the owner and the court.
// ---------------------------------------------------------------------------------------------------------------

/**
 * Waivers forgive part of what is open; corrections replace a wrongly billed amount; a late-fee waiver forgives the
 * late fee of a charge, run up and to come (滞纳金减免), the principal left as it is.
 */
export const ADJUSTMENT_KINDS = ['WAIVER', 'CORRECTION', 'LATE_FEE_WAIVER'] as const;
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number];

export type Adjustment =
  /** Forgives part or all of what is open (减免), e.g. as agreed in mediation. */
  | { kind: 'WAIVER'; fen: Fen; reason: string }
  /** Replaces a wrongly billed amount (wrong floor area or rate) with the right one. */
  | { kind: 'CORRECTION'; amountFen: Fen; reason: string }
  /** Forgives the charge's late fee, run up and to come (e.g. agreed with the owner who pays the principal). */
  | { kind: 'LATE_FEE_WAIVER'; reason: string };

export type AdjustmentProblemCode =
  'WAIVER_EXCEEDS_OPEN' | 'CORRECTION_BELOW_PAID' | 'NO_LATE_FEE' | 'LATE_FEE_ALREADY_WAIVED';

/** Whether the charge's terms run a late fee, and whether it was waived already (claim.ts ClaimCharge). */
export interface ChargeLateFee {
  waived: boolean;
  /**
   * The terms the charge was billed under run a late fee on it (ClaimCharge.lateFeeRuns), whatever it is today: 0
   * within the grace period or while it waits for a year's holiday arrangement, it runs all the same and can be
   * waived (before, NO_LATE_FEE: a waiver agreed on the day after the due date was refused until the fee started,
   * per helper-268's audit; and before that, while the fee waited for the holiday data).
   */
  runs: boolean;
}

/**
 * Whether a correction to `correctedToFen` raises a fee the court holds: the account's case is before a court or
 * judged (COURT_HELD_STATUSES) and the fee was in arrears on the day the account was referred (`referredOn`, its last
 * move into REFERRED; unknown: held), so the referral could claim it; the court decides that claim. Lowering a fee is
 * the company's concession, and a fee that fell due after the referral is no part of the case. An amount that is no
 * number is left to adjustCharge's own check.
 */
export function raisesClaimBeforeCourt(
  status: AccountStatus,
  charge: { amountFen: Fen; dueOn: IsoDate },
  correctedToFen: unknown,
  referredOn: IsoDate | null,
): boolean {
  return (
    COURT_HELD_STATUSES.has(status) &&
    typeof correctedToFen === 'number' &&
    correctedToFen > charge.amountFen &&
    (referredOn === null || isPastDue(charge.dueOn, referredOn))
  );
}

/**
 * The charge after the adjustment, and the adjustment normalised (reason trimmed). A waiver cannot exceed what is
 * open. A correction cannot go below what was paid (that money would have to be refunded, which is a payment
 * matter, not a correction); when it goes below paid + waived, the waiver shrinks to what is left to forgive,
 * so the open amount reaches 0 and never goes negative.
 */
export function adjustCharge(
  charge: Charge,
  adjustment: Adjustment,
  /** LATE_FEE_WAIVER: whether the charge's terms run a late fee; a waiver of none (or of one waived already) is refused. */
  lateFee?: ChargeLateFee,
): { charge: Charge; adjustment: Adjustment } {
  const open = openFen(charge);
  const fields: Record<string, string> = {};
  const reason = typeof adjustment.reason === 'string' ? adjustment.reason.trim() : '';
  if (reason === '') fields.reason = 'give the reason for the adjustment';
  if (adjustment.kind === 'WAIVER' && !isPositiveFen(adjustment.fen))
    fields.fen = 'a waiver must be whole fen, more than 0';
  if (adjustment.kind === 'CORRECTION' && !(Number.isSafeInteger(adjustment.amountFen) && adjustment.amountFen >= 0)) {
    fields.amountFen = 'the corrected amount must be whole fen, 0 or more';
  }
  if (!(ADJUSTMENT_KINDS as readonly string[]).includes(adjustment.kind))
    fields.kind = `kind must be one of ${ADJUSTMENT_KINDS.join(', ')}`;
  if (Object.keys(fields).length > 0) throw new InvalidInputError('The adjustment is invalid', { fields });

  if (adjustment.kind === 'LATE_FEE_WAIVER') {
    const code = lateFee?.waived ? 'LATE_FEE_ALREADY_WAIVED' : !lateFee?.runs ? 'NO_LATE_FEE' : null;
    if (code)
      throw new InvalidInputError(
        code === 'NO_LATE_FEE' ? 'The charge runs no late fee to waive' : "The charge's late fee is waived already",
        { problems: [{ code, chargeId: charge.chargeId }] },
      );
    return { charge, adjustment: { ...adjustment, reason } };
  }
  if (adjustment.kind === 'WAIVER') {
    if (adjustment.fen > open) {
      throw new InvalidInputError('A waiver cannot exceed what is open', {
        problems: [{ code: 'WAIVER_EXCEEDS_OPEN', chargeId: charge.chargeId, openFen: open, fen: adjustment.fen }],
      });
    }
    return {
      charge: { ...charge, waivedFen: charge.waivedFen + adjustment.fen },
      adjustment: { ...adjustment, reason },
    };
  }
  if (adjustment.amountFen < charge.paidFen) {
    throw new InvalidInputError('A correction cannot go below what was already paid', {
      problems: [
        {
          code: 'CORRECTION_BELOW_PAID',
          chargeId: charge.chargeId,
          paidFen: charge.paidFen,
          amountFen: adjustment.amountFen,
        },
      ],
    });
  }
  const waivedFen = Math.min(charge.waivedFen, adjustment.amountFen - charge.paidFen);
  return { charge: { ...charge, amountFen: adjustment.amountFen, waivedFen }, adjustment: { ...adjustment, reason } };
}
