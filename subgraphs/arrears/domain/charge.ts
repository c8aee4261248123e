import { InvalidInputError } from '../../../kernel/errors';
import { IsoDate, YearMonth } from '../../../kernel/calendar';
import { Fen } from '../../../kernel/money';
import { isPastDue } from '../../../kernel/past-due';
import type { ChargeKind } from '../../../catalog';

/**
 * One amount billed to a household: a month's service fee or a levy. Each is its own claim, with its own due date
 * and its own limitation period (see limitation.ts), so payments and adjustments are tracked per charge.
 * Invariant: paidFen + waivedFen ≤ amountFen, all whole fen, so the open amount is never negative.
 */
export interface Charge {
  readonly chargeId: string;
  /**
   * The service month billed; charges of equal weight due the same day share an undesignated payment in proportion
   * (allocation.ts sharedInProportion), each listed oldest month first.
   */
  readonly month: YearMonth;
  readonly dueOn: IsoDate;
  readonly amountFen: Fen;
  readonly paidFen: Fen;
  readonly waivedFen: Fen;
}

const wholeFen = (value: unknown): boolean => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** What is still owed on the charge; BAD_USER_INPUT when the charge breaks its invariant. */
export function openFen(charge: Charge): Fen {
  const { amountFen, paidFen, waivedFen } = charge;
  if (!wholeFen(amountFen) || !wholeFen(paidFen) || !wholeFen(waivedFen) || paidFen + waivedFen > amountFen) {
    throw new InvalidInputError(`Charge ${charge.chargeId} is inconsistent`, {
      problems: [{ code: 'CHARGE_INCONSISTENT', chargeId: charge.chargeId, amountFen, paidFen, waivedFen }],
    });
  }
  return amountFen - paidFen - waivedFen;
}

/**
 * The most charges a payment or a collection step may name, and the most buildings a levy: 40 years of monthly fees
 * and some levies, an input bound. Unbounded, a request of 26,000 ids was compared id by id with each other (quadratic)
 * and answered with a problem per id, a refusal larger than the request.
 */
export const MAX_NAMED_IDS = 500;

/** What is still owed on all the charges together. */
export const openTotal = (charges: readonly Charge[]): Fen =>
  charges.reduce((sum, c) => sum + c.amountFen - c.paidFen - c.waivedFen, 0);

/** A part of a month's fee billed in parts: the days one contract of the company served, at its filing's rate. */
export interface ChargePart {
  filingId: string;
  rateFen: number;
  days: number;
}

/** A charge as billed: a month's service fee under a filing's schedule, or a levy; floor area × rate gave its amount. */
export interface BilledCharge extends Charge {
  readonly kind: ChargeKind;
  readonly levyId: string | null;
  readonly filingId: string | null;
  readonly floorAreaCentiM2: number;
  readonly rateFen: number;
  /** The days served of a month's fee charged by the day (chargeFen); null for the whole month and for a levy. */
  readonly servedDays: number | null;
  /**
   * A month's fee billed in parts (a contract of the company ending within the month and its renewal beginning): each
   * contract's filing, owner rate and days, the amount being floor area × Σ rate × days ÷ the month's days, rounded
   * once (domain/billing.ts partsChargeFen; `rateFen` is the last part's). Null for a fee of one rate, and a levy.
   */
  readonly parts: ChargePart[] | null;
  /** A voluntary levy's contribution (levy.ts levyBasis): asked for, never owed. */
  readonly voluntary: boolean;
}

/**
 * Whether what is open on the charge is arrears on `asOf`: it fell due before that day (kernel/past-due.ts, Civil
 * Code art. 944 para. 2) and is owed at all (a voluntary contribution never is: Civil Code art. 278 item 6).
 */
export const inArrears = (charge: Pick<BilledCharge, 'dueOn' | 'voluntary'>, asOf: IsoDate): boolean =>
  !charge.voluntary && isPastDue(charge.dueOn, asOf);

/** What is open on the charges in arrears on `asOf` (inArrears): what keeps an account in collection. */
export const arrearsTotal = (charges: readonly BilledCharge[], asOf: IsoDate): Fen =>
  openTotal(charges.filter((c) => inArrears(c, asOf)));

/**
 * Whether a collection step on `on` naming `chargeIds` demands arrears: one of them still open and past due that day.
 * Only such a step takes a CURRENT account into collection; a reminder of a charge not yet due, or of one paid, is
 * recorded and leaves the account as it is (before, it went IN_COLLECTION with nothing in arrears).
 */
export const demandsArrears = (charges: readonly BilledCharge[], chargeIds: readonly string[], on: IsoDate): boolean =>
  arrearsTotal(
    charges.filter((c) => chargeIds.includes(c.chargeId)),
    on,
  ) > 0;

/**
 * A collection step demands what is owed: BAD_USER_INPUT (problem VOLUNTARY_CONTRIBUTION) when it names a voluntary
 * contribution, which is never collected, mediated or sued for (Civil Code art. 278 item 6; levy.ts levyBasis).
 */
export function assertOwedCharges(charges: readonly BilledCharge[], chargeIds: readonly string[]): void {
  const voluntary = charges.filter((c) => c.voluntary && chargeIds.includes(c.chargeId));
  if (voluntary.length > 0) {
    throw new InvalidInputError('A voluntary contribution is not collected: it is asked for, never owed', {
      problems: voluntary.map((c) => ({ code: 'VOLUNTARY_CONTRIBUTION', chargeId: c.chargeId })),
    });
  }
}
