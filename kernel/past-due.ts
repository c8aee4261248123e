import { IsoDate, compareDates } from './calendar';

/**
 * When an amount is in arrears (欠费): only after the day it falls due. Civil Code art. 944 para. 2 speaks of an
 * owner who "逾期不支付物业费" (fails to pay after the time fixed); paying on the due date itself is on time, so a
 * charge due 2026-12-31 is not in arrears on 2026-12-01, nor on 2026-12-31, and is on 2027-01-01.
 *
 * The one rule for the whole hub: the arrears list, its aging, collection rates, the bureaus' statistics, the claims
 * published to litigation and the referrals all ask here (or, in set-based SQL, `due_on < asOf`, which is the same
 * comparison and is tested against this function).
 */
export const PAST_DUE_SOURCE = 'Civil Code art. 944 para. 2 (逾期不支付: in arrears only after the due date)';

export function isPastDue(dueOn: IsoDate, asOf: IsoDate): boolean {
  return compareDates(dueOn, asOf) < 0;
}
