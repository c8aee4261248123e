import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { refreshSubsidies } from '../persistence/billing-run.repository';
import { chargesOfAccounts, correctFeesToServedDays, overbilledAccountIds } from '../persistence/charge.repository';
import { loadAccounts } from './account.lookup';
import { filingInForceOrRefuse, inCompanyAreaMonth } from './company-area-month';
import { collectedMoves, settleIfCleared } from './account.moves';
import { publishClaims } from './claims.publish';
import { publishCollection } from './collection.publish';

export interface ServedDaysCorrectionResult {
  areaId: string;
  month: string;
  servedDays: number;
  monthDays: number;
  correctedHouseholds: number;
  leftHouseholds: number;
}

/**
 * The company corrects its fees of an area's month to the days its contracts serve, when they were billed for more
 * (a termination, or the owners' regular contract ending its preliminary one, Civil Code art. 940, filed after the
 * month was billed): each fee a CORRECTION with its reason, set-based (correctFeesToServedDays), the month's
 * subsidies recomputed, and an account in collection whose arrears that clears leaves it, as after a payment. A
 * request of the company's, not a step of its billing run: after its contract ended it may have gone on serving
 * until the new company took over and may claim that period's fees (Civil Code art. 950), which the hub cannot know;
 * the run only counts the fees billed for more days (`overbilledHouseholds`). Once they are corrected, the other
 * company's run bills the days it served. Idempotent: a second request corrects nothing more.
 */
export async function correctMonthToServedDays(
  em: EntityManager,
  identity: Identity,
  input: { areaId: string; month: string },
): Promise<ServedDaysCorrectionResult> {
  return inCompanyAreaMonth(em, identity, input, 'correct fees', async (tx, scope) => {
    const { companyId, areaId, month, today } = scope;
    // No contract serving a day of the month is no reason to correct to none: the contracts feed may not have
    // brought the contract that ends this one yet (filings arrive in no order between them). Refused, as billing is.
    const filing = await filingInForceOrRefuse(tx, scope);
    const { served } = filing;
    // The accounts first, in id order, as payments and adjustments lock them, then their fees (for update).
    const accounts = [
      ...(
        await loadAccounts(tx, identity, await overbilledAccountIds(tx, { companyId, areaId, month, served }), true)
      ).values(),
    ];
    const corrected = await correctFeesToServedDays(
      tx,
      { companyId, areaId, month, served },
      {
        reason: `Billed for more days of ${month} than served: the contracts serve ${served.days} of its ${served.monthDays} days`,
        on: today,
        recordedBy: identity.subject,
      },
    );
    if (corrected.accountIds.length > 0) {
      const correctedIds = new Set(corrected.accountIds);
      const changed = accounts.filter((a) => correctedIds.has(a.id));
      await refreshSubsidies(tx, { companyId, areaId, month, monthDays: served.monthDays });
      // Litigation keeps the claims of accounts in collection or beyond, those leaving collection now among them.
      const claimed = changed.filter((a) => a.status !== 'CURRENT').map((a) => a.id);
      const inCollection = changed.filter((a) => a.status === 'IN_COLLECTION' || a.status === 'MEDIATION');
      const chargesOf = await chargesOfAccounts(
        tx,
        inCollection.map((a) => a.id),
      );
      const moves = collectedMoves(tx);
      for (const account of inCollection)
        await settleIfCleared(tx, identity, account, chargesOf.get(account.id) ?? [], today, moves.write);
      await moves.save();
      await publishClaims(tx, claimed, today);
      await publishCollection(tx, { accountIds: corrected.accountIds, areaId, month });
    }
    return {
      areaId,
      month,
      servedDays: served.days,
      monthDays: served.monthDays,
      correctedHouseholds: corrected.accountIds.length,
      leftHouseholds: corrected.left,
    };
  });
}
