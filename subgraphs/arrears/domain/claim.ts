import { IsoDate, isOwnersDay, isOwnersMonth } from '../../../kernel/calendar';
import { Fen } from '../../../kernel/money';
import { AccountStatus } from './account-status';
import { AdjustmentKind } from './allocation';
import { BilledCharge } from './charge';
import { CollectionAction } from './collection-action';
import { dueParts, openPartsOf, owedSince } from './due-parts';
import { LateFeeTerms, PrincipalReduction, carriesLateFee, lateFeeTermsOfCharge, shownLateFee } from './late-fee';
import { LimitationEvent, Suit, limitationEndsOn, limitationHeldOpen } from './limitation';

/**
 * What a court would be asked for on an account as of a day: each charge with what is open, the last day of its
 * limitation period and its late fee, with the steps and adjustments behind those figures. The account's statement
 * and the claim published to litigation are computed here alike, so the two always agree.
 */
export interface ClaimCharge extends BilledCharge {
  openFen: Fen;
  /**
   * The day what is open fell due (due-parts.ts owedSince): the charge's `dueOn`, but for a fee whose part billed
   * first is settled and whose raise is open, the raise's due date. The limitation period, and in litigation the
   * month's due date and the package's "unpaid since", count from it; the statement's aging and the account's status
   * still read `dueOn`, as the arrears list's stored balance does (README, Fees and arrears).
   */
  owedSince: IsoDate;
  /**
   * Null for a voluntary contribution: nothing is owed, so no limitation period runs. Counted from `owedSince` (Civil
   * Code art. 188: the creditor cannot know of a default on money never asked for), so a raise is barred three years
   * after its own due date; with the part billed first still open too, from that part's, the earlier day to act by.
   */
  limitationEndsOn: IsoDate | null;
  /** A mediation applied for in time and still pending holds the period open (limitation.ts limitationHeldOpen). */
  limitationHeldOpen: boolean;
  lateFeeFen: Fen;
  /** Set while the late fee waits for a year's holiday arrangement (see shownLateFee); the fee is 0 meanwhile. */
  lateFeeAwaitsHolidayYear: number | null;
  /** The company waived the charge's late fee (a LATE_FEE_WAIVER adjustment): it is 0 from then on. */
  lateFeeWaived: boolean;
  /**
   * Whether the terms the charge was billed under run a late fee on it at all (late-fee.ts carriesLateFee), waived
   * or not, run up yet or not: within the grace period, or waiting for a year's holiday arrangement, the fee is 0
   * today and runs all the same. What a LATE_FEE_WAIVER forgoes (allocation.ts adjustCharge).
   */
  lateFeeRuns: boolean;
}

/** A collection step as recorded. */
export interface RecordedAction {
  actionId: string;
  kind: CollectionAction['kind'];
  on: IsoDate;
  chargeIds: string[];
  /** The validated step as recorded (collection-action.ts), with its kind's own fields. */
  action: CollectionAction;
  recordedByRole: string;
}

/** A waiver or correction of one charge as recorded, with the amounts before and after. */
export interface RecordedAdjustment {
  chargeId: string;
  kind: AdjustmentKind;
  /** WAIVER: the fen forgiven; LATE_FEE_WAIVER: the late fee run up when it was waived; null for a correction. */
  fen: Fen | null;
  amountBeforeFen: Fen;
  amountAfterFen: Fen;
  reason: string;
  on: IsoDate;
}

/** Part of a payment applied to a charge, on the day it was paid. */
export interface AppliedPayment {
  chargeId: string;
  fen: Fen;
  paidOn: IsoDate;
}

export interface ClaimLines {
  charges: ClaimCharge[];
  /** Oldest first. */
  actions: RecordedAction[];
  /** In the order recorded. */
  adjustments: RecordedAdjustment[];
}

/** One account's ledger as recorded: what claimLines computes from. */
export interface AccountLedger {
  /** Oldest due first. */
  charges: readonly BilledCharge[];
  /** Oldest first (day, then recording). */
  actions: readonly RecordedAction[];
  payments: readonly AppliedPayment[];
  /** In the order recorded. */
  adjustments: readonly RecordedAdjustment[];
  /**
   * The suits litigation reported, each interrupting the charges it claimed (Civil Code art. 195 item 3); absent:
   * none.
   */
  suits?: readonly Suit[];
  /**
   * The day the household's owner became the owner, where the register recorded a change of owner (Account.ownerSince);
   * absent or null: the owner throughout.
   */
  ownerSince?: IsoDate | null;
}

const NONE_WAIVED: ReadonlySet<string> = new Set();

/**
 * Each charge's figures as of `asOf` (a voluntary contribution has neither limitation period nor late fee). Steps, then part payments, restart a charge's limitation period
 * (limitation.ts sorts them by date and keeps this order within a day); payments and waivers lower its principal
 * from their day on (late-fee.ts). A correction changes the principal itself (already in amountFen), so only a
 * waiver counts as a reduction; a correction that raised it bills the raise on its own day, so the late fee runs on
 * the raise from the raise's due date, never from the charge's (due-parts.ts dueParts), and its limitation period from
 * the day what is open fell due (owedSince). `lateFeeTerms` holds the terms of each filing the charges were billed under.
 */
export function claimLines(
  ledger: AccountLedger,
  lateFeeTerms: ReadonlyMap<string, LateFeeTerms | null>,
  asOf: IsoDate,
): ClaimLines {
  const events: LimitationEvent[] = [...ledger.actions.map((a) => a.action), ...(ledger.suits ?? [])];
  const reductions = new Map<string, PrincipalReduction[]>();
  const reduce = (chargeId: string, reduction: PrincipalReduction) =>
    reductions.set(chargeId, [...(reductions.get(chargeId) ?? []), reduction]);
  const monthOf = new Map(ledger.charges.map((c) => [c.chargeId, c.month]));
  for (const p of ledger.payments) {
    reduce(p.chargeId, { on: p.paidOn, fen: p.fen });
    // Only the debtor's own part payment is its consent (statutes.ts PART_PAYMENT_CONSENT): paid on or after the sale,
    // a payment toward a month of the former owner's is the new owner's money, which settles what it pays but
    // restarts nothing of the former owner's period. Before, it did: a statement put the last day to sue the seller
    // as much as three years too late.
    const month = monthOf.get(p.chargeId);
    const formerOwnersMonth = month !== undefined && !isOwnersMonth(month, ledger.ownerSince);
    if (formerOwnersMonth && isOwnersDay(p.paidOn, ledger.ownerSince)) continue;
    events.push({ kind: 'PART_PAYMENT', on: p.paidOn, chargeIds: [p.chargeId] });
  }
  // A correction below paid + waived shrank the waivers to what was left to forgive (allocation.ts adjustCharge): the
  // waivers count, earliest first, up to what the charge has waived now. Counted as recorded, a waiver of 4,000 and a
  // correction to 3,000 lowered a principal of 3,000 by 4,000, and the late fee (so the correction) was refused.
  const waivable = new Map(ledger.charges.map((c) => [c.chargeId, c.waivedFen]));
  for (const a of ledger.adjustments) {
    if (a.kind !== 'WAIVER') continue;
    const fen = Math.min(a.fen ?? 0, waivable.get(a.chargeId) ?? 0);
    waivable.set(a.chargeId, (waivable.get(a.chargeId) ?? 0) - fen);
    if (fen > 0) reduce(a.chargeId, { on: a.on, fen });
  }
  const lateFeeWaived = new Set(ledger.adjustments.filter((a) => a.kind === 'LATE_FEE_WAIVER').map((a) => a.chargeId));
  const corrections = new Map<string, RecordedAdjustment[]>();
  for (const a of ledger.adjustments)
    if (a.kind === 'CORRECTION') corrections.set(a.chargeId, [...(corrections.get(a.chargeId) ?? []), a]);
  const charges = ledger.charges.map((c) => {
    const parts = dueParts(c, corrections.get(c.chargeId) ?? []);
    const terms = lateFeeTermsOfCharge(c, lateFeeTerms, lateFeeWaived);
    const lateFeeRuns = carriesLateFee(lateFeeTermsOfCharge(c, lateFeeTerms, NONE_WAIVED));
    const lateFee =
      terms === null
        ? { fen: 0, awaitsHolidayYear: null }
        : shownLateFee(
            {
              dueOn: c.dueOn,
              principalFen: c.amountFen,
              reductions: reductions.get(c.chargeId) ?? [],
              parts,
            },
            terms,
            asOf,
          );
    const owed = { chargeId: c.chargeId, dueOn: owedSince(c.dueOn, openPartsOf(c, parts)) };
    return {
      ...c,
      openFen: c.amountFen - c.paidFen - c.waivedFen,
      owedSince: owed.dueOn,
      limitationEndsOn: c.voluntary ? null : limitationEndsOn(owed, events),
      limitationHeldOpen: !c.voluntary && limitationHeldOpen(owed, events, asOf),
      lateFeeFen: lateFee.fen,
      lateFeeAwaitsHolidayYear: lateFee.awaitsHolidayYear,
      lateFeeWaived: lateFeeWaived.has(c.chargeId),
      lateFeeRuns,
    };
  });
  return { charges, actions: [...ledger.actions], adjustments: [...ledger.adjustments] };
}

/**
 * The account as a claim snapshot names it: whose, where (the household's place in the register, the owner by
 * reference only) and which snapshot this is; each snapshot counts up, so the receiver keeps the highest.
 */
export interface ClaimedAccount {
  accountId: string;
  companyId: string;
  householdId: string;
  areaId: string;
  areaName: string;
  streetCode: string;
  districtCode: string;
  buildingId: string;
  unit: string | null;
  room: string | null;
  floorAreaCentiM2: number | null;
  ownerReference: string | null;
  /** The day the owner became the owner, where the register recorded a change of owner; null otherwise. */
  ownerSince: IsoDate | null;
  /** The day the registered owner died, where the register recorded it; null otherwise. */
  ownerDiedOn: IsoDate | null;
  status: AccountStatus;
  version: number;
}
