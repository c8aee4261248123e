import { InvalidInputError } from '../../../kernel/errors';
import { IsoDate, addDays, compareDates, daysBetween, isIsoDate, monthsPeriodEnd } from '../../../kernel/calendar';
import { Fen } from '../../../kernel/money';
import { CalendarDay, missingYearOf, outsideCalendarError, periodEndWithin } from '../../../kernel/working-days';
import { DuePart } from './due-parts';

/**
 * A late fee (滞纳金 / 违约金) exists only where the service contract provides one, and only on its terms: the hub
 * never invents a default rate. Courts list it as its own claim element ("penalty and how computed") and may cut
 * an excessive one (Civil Code art. 585 para. 2), so the computation stays simple enough to state in one line:
 * open principal × 万分之N × days (or × full months, for a monthly rate), from the due date plus the grace days,
 * capped, rounded once.
 */
export interface LateFeeTerms {
  /** 万分之N per day: 5 means 0.05% of the open principal per day. Absent (or null) when the rate is monthly. */
  dailyRatePerTenThousand?: number | null;
  /** 万分之N per full month overdue: 100 means 1% a month. Absent (or null) when the rate is daily. */
  monthlyRatePerTenThousand?: number | null;
  /** Days after the due date before the fee starts to run. */
  graceDays: number;
  /** The fee never exceeds this percentage of the charge's principal; absent or null: no cap. */
  capPercentOfPrincipal?: number | null;
}

/** A payment or waiver that lowered the charge's open principal, on the day it took effect. */
export interface PrincipalReduction {
  on: IsoDate;
  fen: Fen;
}

export interface LateFeeBasis {
  dueOn: IsoDate;
  /** The amount billed, after any correction. */
  principalFen: Fen;
  reductions: readonly PrincipalReduction[];
  /**
   * When the principal falls due, part by part, where a correction raised it after it was billed (due-parts.ts
   * dueParts: the raise falls due on its own day, never on `dueOn`); absent, the whole principal falls due on
   * `dueOn`. The parts add up to the principal.
   */
  parts?: readonly DuePart[];
}

const whole = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function validate(basis: LateFeeBasis, terms: LateFeeTerms, asOf: IsoDate): void {
  const fields: Record<string, string> = {};
  const [daily, monthly] = [terms.dailyRatePerTenThousand ?? null, terms.monthlyRatePerTenThousand ?? null];
  if ((daily === null) === (monthly === null)) fields.rate = 'the terms need exactly one of a daily and a monthly rate';
  else if (!whole(daily ?? monthly))
    fields[daily === null ? 'monthlyRatePerTenThousand' : 'dailyRatePerTenThousand'] =
      'the rate must be a whole number of ten-thousandths, 0 or more';
  if (!whole(terms.graceDays)) fields.graceDays = 'grace days must be a whole number, 0 or more';
  const cap = terms.capPercentOfPrincipal;
  if (cap !== undefined && cap !== null && !whole(cap))
    fields.capPercentOfPrincipal = 'the cap must be a whole percentage, 0 or more, or absent';
  if (!isIsoDate(basis.dueOn)) fields.dueOn = 'dueOn must be a YYYY-MM-DD calendar date';
  if (!isIsoDate(asOf)) fields.asOf = 'asOf must be a YYYY-MM-DD calendar date';
  if (!whole(basis.principalFen)) fields.principalFen = 'the principal must be whole fen, 0 or more';
  basis.reductions.forEach((r, i) => {
    if (!isIsoDate(r.on) || !whole(r.fen))
      fields[`reductions[${i}]`] = 'a reduction needs a calendar date and whole fen, 0 or more';
  });
  basis.parts?.forEach((p, i) => {
    if (!isIsoDate(p.dueOn) || !whole(p.fen))
      fields[`parts[${i}]`] = 'a part needs a due date and whole fen, 0 or more';
  });
  if (
    basis.parts &&
    Object.keys(fields).length === 0 &&
    basis.parts.reduce((sum, p) => sum + p.fen, 0) !== basis.principalFen
  )
    fields.parts = 'the parts must add up to the principal';
  if (Object.keys(fields).length === 0 && basis.reductions.reduce((sum, r) => sum + r.fen, 0) > basis.principalFen) {
    fields.reductions = 'payments and waivers cannot exceed the principal';
  }
  if (Object.keys(fields).length > 0) throw new InvalidInputError('The late fee cannot be computed', { fields });
}

/**
 * The terms a charge runs its late fee under: its filing's, or none for a voluntary contribution (nothing is owed), a
 * charge whose late fee the company waived, or one billed under no filing. The statement, the claim (claim.ts) and
 * the order of payments (allocation.ts PaymentPriority) all ask here.
 */
export function lateFeeTermsOfCharge(
  charge: { chargeId: string; voluntary: boolean; filingId: string | null },
  termsByFiling: ReadonlyMap<string, LateFeeTerms | null>,
  lateFeeWaived: ReadonlySet<string>,
): LateFeeTerms | null {
  if (charge.voluntary || lateFeeWaived.has(charge.chargeId) || charge.filingId === null) return null;
  return termsByFiling.get(charge.filingId) ?? null;
}

/**
 * Whether charges under these terms carry a late fee at all: terms with a rate above 0 and a cap, if any, above 0.
 * Such a debt carries a 违约金 and so weighs heavier on the owner than one without (Civil Code art. 560 para. 2,
 * allocation.ts PaymentPriority).
 */
export function carriesLateFee(terms: LateFeeTerms | null | undefined): boolean {
  if (!terms) return false;
  const rate = terms.dailyRatePerTenThousand ?? terms.monthlyRatePerTenThousand ?? 0;
  const cap = terms.capPercentOfPrincipal;
  return rate > 0 && (cap === undefined || cap === null || cap > 0);
}

/**
 * The last day of the grace period, the day after which the fee runs: `graceDays` days after the due date, the due
 * date not counted (Civil Code art. 201), moved to the next working day when that day is a rest day or holiday
 * (art. 203, the hub's calendar in kernel/working-days.ts). 15 grace days after 2024-01-31 end on 2024-02-15, in the
 * Spring Festival holiday (10–17 February 2024), so on Sunday the 18th, a day worked in lieu. No grace days: the due
 * date itself, which is the contract's date, not a period the hub counts. Past the holiday data's range the end is
 * refused (OUTSIDE_HOLIDAY_CALENDAR) rather than guessed: a fee charged for days the owner was still within the grace
 * period would be unlawful, one missed would be the company's loss.
 */
export function graceEndsOn(dueOn: IsoDate, graceDays: number): IsoDate {
  const end = graceEndWithin(dueOn, graceDays);
  if (end.date === null) throw outsideCalendarError(end);
  return end.date;
}

/** graceEndsOn, or past the holiday data the day past it the count reached, without throwing. */
function graceEndWithin(dueOn: IsoDate, graceDays: number): CalendarDay {
  return graceDays === 0 ? { date: dueOn, outside: null } : periodEndWithin(dueOn, graceDays);
}

/**
 * The late fee on one charge as of `asOf`, in whole fen; 0 when the contract has no late-fee terms (null).
 *
 * Simple interest on the open principal only: the input has no place for earlier late fees, so a fee can never
 * earn a fee (no compounding). Day k after the start date (the grace period's last day, graceEndsOn) is charged on the principal
 * still open that day; a payment stops the fee on what it paid after its own day ("计算至实际付清之日"), since the
 * owner had not paid at the start of it. A monthly rate charges each full month on the principal open at its end
 * (fenMonths). A principal raised by a correction runs in parts (LateFeeBasis.parts): each part from its own due
 * date's grace end, payments going to the part due first (partsWithReductions); the cap stays on the whole principal.
 * Everything is summed exactly in bigint (fen·days·万分之N) and rounded half up to the fen once per
 * charge, after the cap, so no rounding error builds up day by day.
 */
export function lateFeeFen(basis: LateFeeBasis, terms: LateFeeTerms | null, asOf: IsoDate): Fen {
  const fee = lateFeeWithin(basis, terms, asOf);
  if (fee.fen === null) throw outsideCalendarError(fee.graceEnd);
  return fee.fen;
}

/** lateFeeFen, or, when the grace period's end lies past the holiday data, no fee and that end, without throwing. */
function lateFeeWithin(
  basis: LateFeeBasis,
  terms: LateFeeTerms | null,
  asOf: IsoDate,
): { fen: Fen; graceEnd?: undefined } | { fen: null; graceEnd: CalendarDay & { date: null } } {
  if (terms === null) return { fen: 0 };
  validate(basis, terms, asOf);
  const monthly = terms.monthlyRatePerTenThousand ?? null;
  // In ten-thousandths of a fen: fen·days·N (or fen·months·N) for the fee, principal·cap%·100 for the cap.
  let fee = 0n;
  for (const part of partsWithReductions(basis)) {
    // Within the plain count of grace days nothing runs yet, whatever the holiday data says (art. 203 only lengthens).
    if (part.fen === 0 || (terms.graceDays > 0 && compareDates(asOf, addDays(part.dueOn, terms.graceDays)) <= 0))
      continue;
    const graceEnd = graceEndWithin(part.dueOn, terms.graceDays);
    if (graceEnd.date === null) return { fen: null, graceEnd };
    const start = graceEnd.date;
    fee +=
      monthly !== null
        ? fenMonths(part.fen, part.reductions, start, asOf) * BigInt(monthly)
        : fenDays(part.fen, part.reductions, start, asOf) * BigInt(terms.dailyRatePerTenThousand ?? 0);
  }
  const cap = terms.capPercentOfPrincipal;
  if (cap !== undefined && cap !== null) {
    const capped = BigInt(basis.principalFen) * BigInt(cap) * 100n;
    if (fee > capped) fee = capped;
  }
  const fen = (fee + 5_000n) / 10_000n;
  if (fen > BigInt(Number.MAX_SAFE_INTEGER))
    throw new InvalidInputError('The late fee is too large to bill', { fen: fen.toString() });
  return { fen: Number(fen) };
}

/**
 * The principal's parts (LateFeeBasis.parts, else the whole on `dueOn`), each with the payments and waivers that
 * lowered it: each reduction, in date order, goes to the parts earliest due first, the order art. 560 para. 2 gives
 * an undesignated payment across charges (allocation.ts), so a payment pays what fell due first before a raise.
 */
function partsWithReductions(basis: LateFeeBasis): (DuePart & { reductions: PrincipalReduction[] })[] {
  const parts = (basis.parts ?? [{ dueOn: basis.dueOn, fen: basis.principalFen }])
    .map((p) => ({ ...p, left: p.fen, reductions: [] as PrincipalReduction[] }))
    .sort((a, b) => compareDates(a.dueOn, b.dueOn));
  for (const reduction of [...basis.reductions].sort((a, b) => compareDates(a.on, b.on))) {
    let fen = reduction.fen;
    for (const part of parts) {
      const taken = Math.min(part.left, fen);
      if (taken === 0) continue;
      part.left -= taken;
      part.reductions.push({ on: reduction.on, fen: taken });
      fen -= taken;
    }
  }
  return parts.map(({ dueOn, fen, reductions }) => ({ dueOn, fen, reductions }));
}

/** Σ open principal × days from `start` to `asOf`, a payment relieving what it paid from its own day. */
function fenDays(principalFen: Fen, reductions: readonly PrincipalReduction[], start: IsoDate, asOf: IsoDate): bigint {
  let open = BigInt(principalFen);
  let cursor = start;
  let sum = 0n;
  for (const reduction of reductions) {
    if (compareDates(reduction.on, asOf) > 0) break;
    if (compareDates(reduction.on, cursor) > 0) {
      sum += open * BigInt(daysBetween(cursor, reduction.on));
      cursor = reduction.on;
    }
    open -= BigInt(reduction.fen);
  }
  if (compareDates(asOf, cursor) > 0) sum += open * BigInt(daysBetween(cursor, asOf));
  return sum;
}

/**
 * Σ over each full month overdue of the principal still open on its last day: month k ends on the corresponding day
 * k months after `start` (Civil Code art. 202, kernel/calendar.ts monthsPeriodEnd); a month not yet complete on
 * `asOf` is not charged, and a payment made within a month relieves what it paid for that whole month. Both read
 * "每逾期一个月" in the owner's favour, since the contract's words are the only basis of the fee.
 */
function fenMonths(
  principalFen: Fen,
  reductions: readonly PrincipalReduction[],
  start: IsoDate,
  asOf: IsoDate,
): bigint {
  let sum = 0n;
  for (let k = 1; ; k += 1) {
    const end = monthsPeriodEnd(start, k);
    if (compareDates(end, asOf) > 0) return sum;
    const paid = reductions.filter((r) => compareDates(r.on, end) <= 0).reduce((s, r) => s + r.fen, 0);
    sum += BigInt(principalFen - paid);
  }
}

/** A late fee as the statement and the claim show it: `awaitsHolidayYear` while the grace period's end is unknown. */
export interface ShownLateFee {
  fen: Fen;
  /** The year whose holiday arrangement must be recorded before the fee can run; null when the fee is known. */
  awaitsHolidayYear: number | null;
}

/**
 * `lateFeeFen`, or, where the grace period's last day lies past the holiday data (OUTSIDE_HOLIDAY_CALENDAR), no fee
 * yet, flagged with the year it awaits: charging from the plain count could bill days the owner was still within
 * grace (art. 203 may move the end), while nothing is lost by waiting, since the fee is computed afresh as of each
 * day and runs from the right day once the year is recorded. The payment, statement or claim is never refused for it.
 */
export function shownLateFee(basis: LateFeeBasis, terms: LateFeeTerms | null, asOf: IsoDate): ShownLateFee {
  const fee = lateFeeWithin(basis, terms, asOf);
  return fee.fen === null
    ? { fen: 0, awaitsHolidayYear: missingYearOf(fee.graceEnd) }
    : { fen: fee.fen, awaitsHolidayYear: null };
}
