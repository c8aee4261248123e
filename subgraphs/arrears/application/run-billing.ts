import type { EntityManager } from '@mikro-orm/postgresql';
import { IsoDate, YearMonth } from '../../../kernel/calendar';
import { Identity } from '../../../kernel/identity';
import { Fen } from '../../../kernel/money';
import { classRatesOf, dueOnForMonth, runningSubsidiesOfParts } from '../domain/billing';
import { openAccounts, referableAccountIdsOfArea } from '../persistence/account.repository';
import {
  BilledSubsidy,
  billSubsidies,
  otherCompaniesBilling,
  saveBillingRun,
  subsidiesOfMonth,
} from '../persistence/billing-run.repository';
import {
  OtherCompanyDays,
  billServiceFees,
  overbilledAccountIds,
  serviceFeeTotals,
  topUpShortFees,
} from '../persistence/charge.repository';
import { findFilingInForce } from '../persistence/filing.repository';
import { publishClaims } from './claims.publish';
import { publishCollection } from './collection.publish';
import { applyHeldCredits } from './apply-credits';
import { filingInForceOrRefuse, inCompanyAreaMonth } from './company-area-month';

export interface BillingRunResult {
  id: string;
  areaId: string;
  month: YearMonth;
  filingId: string;
  recordNumber: string | null;
  households: number;
  chargedFen: Fen;
  newlyBilled: number;
  unbilledHouseholds: number;
  dueOn: IsoDate;
  servedDays: number;
  monthDays: number;
  /**
   * The month's parts, each contract of yours serving it with its days, in order: one part but where one ends within
   * the month and your renewal begins; each part is billed at its own filing's rates (classRatesOf).
   */
  parts: { filingId: string; recordNumber: string | null; days: number }[];
  /** Households whose fee of the month the company billed for more days than its contracts now serve. */
  overbilledHouseholds: number;
  /**
   * Households whose fee of the month, billed for fewer days than the company's contracts now serve (before its
   * renewal, the contract it renews or its continued service was known), this run topped up to the month's parts:
   * each a CORRECTION, the raise due on its own day (topUpShortFees).
   */
  toppedUpHouseholds: number;
  /**
   * Households whose fee still falls short of the days served, left as they are: corrected by hand, court-held, or
   * another company's fee covers those days.
   */
  shortHouseholds: number;
  /** Households skipped: another company's fee of the month charges beyond the days it serves (billServiceFees). */
  billedByAnotherCompany: number;
  subsidies: BilledSubsidy[];
}

/**
 * Bills one month of one area: one SERVICE_FEE charge per household at the owner rate of its building class (for
 * the days the company served, when its contract began or ended within the month: servedDaysOf; each contract's days
 * at its own rate, rounded once, when one ended within it and the company's renewal began: classRatesOf), and each
 * subsidy running that month to its payer, split the same way; then sets the credits owners paid in advance against their open
 * fees (apply-credits.ts). Set-based (a handful of statements whatever the size), and
 * idempotent: a household already billed for the month gets no second fee, so a re-run only bills households that
 * joined since, tops up the fees billed for fewer days than the company's contracts now serve (a month billed before
 * its renewal was accepted: topUpShortFees, each a CORRECTION whose raise falls due on its own day), and returns the
 * same totals when nothing changed.
 */
export async function runBilling(
  em: EntityManager,
  identity: Identity,
  input: { areaId: string; month: string },
): Promise<BillingRunResult> {
  return inCompanyAreaMonth(em, identity, input, 'run billing', async (tx, scope) => {
    const { companyId, areaId, month, today } = scope;
    const filing = await filingInForceOrRefuse(tx, scope);
    await openAccounts(tx, { companyId, areaId }, today);
    // Each contract's days of the month at its own rates: one part, or a contract's and its renewal's (servedPartsOf).
    const parts = filing.parts.map((p) => ({ ...p, classes: p.terms.feeSchedule.classes }));
    const dueOn = dueOnForMonth(month);
    // The days each other company that billed the month serves, for the fees that cover days this one serves.
    const others: OtherCompanyDays[] = [];
    for (const other of await otherCompaniesBilling(tx, { companyId, areaId, month }))
      others.push({ companyId: other, days: (await findFilingInForce(tx, other, areaId, month))?.served.days ?? 0 });
    const rates = classRatesOf(parts);
    // Fees billed for fewer days than the company now serves (before its renewal was known, say) get the days missing.
    const topUp = await topUpShortFees(
      tx,
      { companyId, areaId, month, rates, served: filing.served, others },
      {
        reason: `Billed for fewer days of ${month} than served: the contracts now serve ${filing.served.days} of its ${filing.served.monthDays} days (${filing.parts.map((p) => `${p.recordNumber ?? p.filingId} ${p.days}`).join(', ')})`,
        on: today,
        recordedBy: identity.subject,
      },
    );
    const newlyBilled = await billServiceFees(tx, {
      companyId,
      areaId,
      month,
      dueOn,
      rates,
      served: filing.served,
      others,
    });
    // Only a month served in part can have been billed for more days than served (a whole month's would read it all).
    const overbilled =
      filing.served.days < filing.served.monthDays
        ? (await overbilledAccountIds(tx, { companyId, areaId, month, served: filing.served })).length
        : 0;
    const running = runningSubsidiesOfParts(parts, month);
    if (running.length > 0)
      await billSubsidies(tx, { companyId, areaId, month, monthDays: filing.served.monthDays }, running);
    const totals = await serviceFeeTotals(tx, {
      companyId,
      areaId,
      month,
      monthDays: filing.served.monthDays,
      others,
      billedClasses: rates.map((r) => r.buildingClass),
    });
    const subsidies = await subsidiesOfMonth(tx, { companyId, areaId, month });
    const credited = await applyHeldCredits(tx, identity, { companyId, areaId }, today);
    const id = await saveBillingRun(tx, {
      areaId,
      companyId,
      filingId: filing.filingId,
      month,
      households: totals.households,
      chargedFen: totals.chargedFen,
      subsidyFen: subsidies.reduce((sum, s) => sum + s.amountFen, 0),
      runBy: identity.subject,
    });
    // Only accounts in collection or beyond can be referred to a court, so only their claims go to litigation; the
    // CURRENT accounts, nearly all of a large area, are not published and the run stays set-based.
    // A credited account that left collection is no longer referable, but litigation must learn of it too.
    const referable = await referableAccountIdsOfArea(tx, companyId, areaId);
    await publishClaims(tx, [...new Set([...referable, ...credited])], today);
    await publishCollection(tx, { accountIds: credited, areaId, month });
    return {
      id,
      areaId,
      month,
      filingId: filing.filingId,
      recordNumber: filing.recordNumber,
      households: totals.households,
      chargedFen: totals.chargedFen,
      newlyBilled,
      unbilledHouseholds: totals.unbilledHouseholds,
      dueOn,
      servedDays: filing.served.days,
      monthDays: filing.served.monthDays,
      parts: filing.parts.map((p) => ({ filingId: p.filingId, recordNumber: p.recordNumber, days: p.days })),
      overbilledHouseholds: overbilled,
      toppedUpHouseholds: topUp.toppedUp,
      shortHouseholds: topUp.left,
      billedByAnotherCompany: totals.billedByAnother,
      subsidies,
    };
  });
}
