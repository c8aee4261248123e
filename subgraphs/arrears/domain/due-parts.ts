import { IsoDate, compareDates, laterDate } from '../../../kernel/calendar';
import { Fen } from '../../../kernel/money';
import { dueOnForMonth } from './billing';

/**
 * Part of a charge's amount and the day it falls due. A charge is billed whole, due on its `dueOn`; a correction that
 * raises it (adjustCharge, kind CORRECTION) bills the difference on the correction's day, and an owner cannot be in
 * default (Civil Code art. 944 para. 2, "逾期不支付") on money never asked for: the raise falls due on its own day
 * (raisedPartDueOn), while what was billed before keeps the charge's due date. Before, the late fee ran on the
 * corrected amount from the charge's due date, so a fee paid on time and raised two years later showed two years'
 * late fee on the raise (helper-243's audit).
 */
export interface DuePart {
  dueOn: IsoDate;
  fen: Fen;
}

/** A correction as recorded (claim.ts RecordedAdjustment): the amounts before and after, and its day. */
export interface RecordedCorrection {
  amountBeforeFen: Fen;
  amountAfterFen: Fen;
  on: IsoDate;
}

/**
 * When a raise made on `correctedOn` falls due: as a month's fee billed that day would, on the last day of the
 * correction's month (billing.ts dueOnForMonth, where the contract says nothing else), never before the charge's own
 * due date (a raise made before the charge fell due simply falls due with it). The contract's grace days then run
 * from that day as from any due date (late-fee.ts graceEndsOn).
 */
export function raisedPartDueOn(chargeDueOn: IsoDate, correctedOn: IsoDate): IsoDate {
  return laterDate(chargeDueOn, dueOnForMonth(correctedOn.slice(0, 7)));
}

/**
 * The parts of a charge now billed `amountFen`, earliest due first (parts due the same day merged): each raise by a
 * correction (in the order recorded) is a part due on raisedPartDueOn; a correction that lowers the charge takes back
 * the latest raise first, then what was billed first; what was billed first is the rest of `amountFen`, due on the
 * charge's `dueOn`. Without raises, one part: the whole amount on `dueOn`, as before. Should the corrections not add
 * up to `amountFen` (an amount changed without a correction recorded), the raises still left count, the latest
 * taken back first where they exceed it.
 */
export function dueParts(
  charge: { dueOn: IsoDate; amountFen: Fen },
  corrections: readonly RecordedCorrection[],
): DuePart[] {
  const raises: DuePart[] = [];
  const takeBack = (fen: Fen) => {
    let left = fen;
    while (left > 0 && raises.length > 0) {
      const last = raises[raises.length - 1];
      const taken = Math.min(last.fen, left);
      last.fen -= taken;
      left -= taken;
      if (last.fen === 0) raises.pop();
    }
  };
  for (const c of corrections) {
    if (c.amountAfterFen > c.amountBeforeFen)
      raises.push({ dueOn: raisedPartDueOn(charge.dueOn, c.on), fen: c.amountAfterFen - c.amountBeforeFen });
    else takeBack(c.amountBeforeFen - c.amountAfterFen);
  }
  takeBack(raises.reduce((sum, r) => sum + r.fen, 0) - charge.amountFen);
  const parts: DuePart[] = [];
  const original = charge.amountFen - raises.reduce((sum, r) => sum + r.fen, 0);
  for (const part of [{ dueOn: charge.dueOn, fen: original }, ...raises].sort((a, b) =>
    compareDates(a.dueOn, b.dueOn),
  )) {
    const last = parts[parts.length - 1];
    if (last && last.dueOn === part.dueOn) last.fen += part.fen;
    else parts.push({ ...part });
  }
  const billed = parts.filter((p) => p.fen > 0);
  return billed.length > 0 ? billed : [{ dueOn: charge.dueOn, fen: 0 }];
}

/**
 * What is still open of each part (dueParts), earliest due first: what was paid and waived settled the part due first
 * (the order art. 560 para. 2 gives an undesignated payment, as the late fee reads it: late-fee.ts
 * partsWithReductions), so a fee paid on time and raised later has only the raise open, due on its own day. Parts
 * settled in full are left out: nothing open, no part. The limitation period and the day the claim says the open
 * amount fell due (claim.ts owedSince) read these parts, never the charge's `dueOn` for a raise.
 */
export function openParts(
  charge: { dueOn: IsoDate; amountFen: Fen; paidFen: Fen; waivedFen: Fen },
  corrections: readonly RecordedCorrection[],
): DuePart[] {
  return openPartsOf(charge, dueParts(charge, corrections));
}

/** openParts of the charge's `parts` as dueParts gave them (earliest due first), for a caller that has them already. */
export function openPartsOf(charge: { paidFen: Fen; waivedFen: Fen }, parts: readonly DuePart[]): DuePart[] {
  let settled = charge.paidFen + charge.waivedFen;
  return parts.flatMap((part) => {
    const taken = Math.min(part.fen, settled);
    settled -= taken;
    return part.fen > taken ? [{ dueOn: part.dueOn, fen: part.fen - taken }] : [];
  });
}

/**
 * The day what is still open on a charge fell due: its earliest open part's (openParts), or the charge's own `dueOn`
 * when nothing is open. A fee paid on time and raised later owes only the raise, so it is owed since the raise fell
 * due: late, demanded and time-barred from that day, not from the charge's.
 */
export function owedSince(chargeDueOn: IsoDate, open: readonly DuePart[]): IsoDate {
  return open[0]?.dueOn ?? chargeDueOn;
}
