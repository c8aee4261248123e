import type { EntityManager } from '@mikro-orm/postgresql';
import { IsoDate } from '../../../kernel/calendar';
import { ClaimLines, claimLines } from '../domain/claim';
import { chargesOfAccounts } from '../persistence/charge.repository';
import { actionsOfAccounts } from '../persistence/collection-action.repository';
import { lateFeeTermsOf } from '../persistence/filing.repository';
import { adjustmentsOfAccounts, appliedPaymentsOfAccounts } from '../persistence/ledger.repository';
import { ownersSinceOfAccounts } from '../persistence/billable-household.repository';
import { referralStepsOfAccounts } from '../persistence/referral-step.repository';
import { suitsOf } from '../domain/referral-outcome';

/**
 * Each account's claim lines as of `asOf` (domain/claim.ts): its charges, with the steps, payments and adjustments
 * behind them, the suits litigation reported (referral-outcome.ts suitsOf) and the day its household changed owner.
 * Seven queries whatever the number of accounts, so one account's statement and the claim snapshots of many accounts
 * compute the same figures here.
 */
export async function claimLinesOf(
  em: EntityManager,
  accountIds: readonly string[],
  asOf: IsoDate,
): Promise<Map<string, ClaimLines>> {
  const charges = await chargesOfAccounts(em, accountIds);
  const payments = await appliedPaymentsOfAccounts(em, accountIds);
  const adjustments = await adjustmentsOfAccounts(em, accountIds);
  const actions = await actionsOfAccounts(em, accountIds);
  const referralSteps = await referralStepsOfAccounts(em, accountIds);
  const ownerSince = await ownersSinceOfAccounts(em, accountIds);
  const filingIds = [
    ...new Set([...charges.values()].flat().flatMap((c) => (c.filingId === null ? [] : [c.filingId]))),
  ];
  const lateFeeTerms = await lateFeeTermsOf(em, filingIds);
  return new Map(
    [...charges].map(([accountId, accountCharges]) => [
      accountId,
      claimLines(
        {
          charges: accountCharges,
          actions: actions.get(accountId) ?? [],
          payments: payments.get(accountId) ?? [],
          adjustments: adjustments.get(accountId) ?? [],
          suits: suitsOf(referralSteps.get(accountId) ?? []),
          ownerSince: ownerSince.get(accountId) ?? null,
        },
        lateFeeTerms,
        asOf,
      ),
    ]),
  );
}
