import { arrearsError } from './errors';
import { CaseStatus } from '../../../catalog';
import { AccountStatus } from './account-status';

/**
 * Where the household's account stands while its arrears are before the court; null where the account does not
 * move: the court's pre-suit mediation (诉前调解) is still the referral, enforcement follows a judgment or
 * settlement the account already shows, and closing the file ends nothing the account has not ended.
 */
const ACCOUNT_STATUS_OF_CASE: Readonly<Record<CaseStatus, AccountStatus | null>> = {
  SUBMITTED: 'REFERRED',
  IN_MEDIATION: null,
  DOCKETED: 'IN_LITIGATION',
  HEARING_SCHEDULED: 'IN_LITIGATION',
  JUDGED: 'JUDGED',
  SETTLED: 'SETTLED',
  // Withdrawn (撤诉) or refused by the court (不予受理): the company collects again and may refer later.
  WITHDRAWN: 'IN_COLLECTION',
  REJECTED: 'IN_COLLECTION',
  ENFORCEMENT: null,
  CLOSED: null,
};

/**
 * The moves that bring an account in status `from` to where a referral in `caseStatus` puts it, in order; none when
 * it is there already (a redelivered report) or the step does not concern the account. The moves are not checked
 * here: account-status.ts refuses the ones its table does not allow (a referral of a CURRENT account, a judgment
 * after a withdrawal). A judgment is reachable only through docketing: litigation applies a judgment reported
 * before the docketing, so a REFERRED account goes through IN_LITIGATION to JUDGED.
 */
export function accountMovesForReferral(from: AccountStatus, caseStatus: CaseStatus): AccountStatus[] {
  const to = ACCOUNT_STATUS_OF_CASE[caseStatus];
  if (to === undefined)
    throw arrearsError('UNKNOWN_CASE_STATUS', `A referral cannot be in status ${String(caseStatus)}`, { caseStatus });
  if (to === null || to === from) return [];
  if (to === 'JUDGED' && from === 'REFERRED') return ['IN_LITIGATION', 'JUDGED'];
  return [to];
}
