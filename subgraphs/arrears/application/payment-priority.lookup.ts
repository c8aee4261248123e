import type { EntityManager } from '@mikro-orm/postgresql';
import { BilledCharge } from '../domain/charge';
import { carriesLateFee, lateFeeTermsOfCharge } from '../domain/late-fee';
import { lateFeeTermsOf } from '../persistence/filing.repository';
import { lateFeeWaivedCharges } from '../persistence/ledger.repository';

/**
 * The charges of the accounts that carry a late fee (late-fee.ts lateFeeTermsOfCharge and carriesLateFee, as the
 * statement and the claim decide it: their filing's terms run one, and it was not waived), for the order of art. 560
 * para. 2 (allocation.ts PaymentPriority): two queries whatever the number of accounts.
 */
export async function chargesCarryingLateFee(
  em: EntityManager,
  accountIds: readonly string[],
  charges: readonly BilledCharge[],
): Promise<Set<string>> {
  const filingIds = [...new Set(charges.flatMap((c) => (c.filingId === null ? [] : [c.filingId])))];
  if (filingIds.length === 0) return new Set();
  const terms = await lateFeeTermsOf(em, filingIds);
  const waived = await lateFeeWaivedCharges(em, accountIds);
  return new Set(charges.filter((c) => carriesLateFee(lateFeeTermsOfCharge(c, terms, waived))).map((c) => c.chargeId));
}
