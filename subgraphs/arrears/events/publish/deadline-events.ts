import type { DeadlineChangedData } from '../../../../catalog';
import { IsoDate, addDays, compareDates } from '../../../../kernel/calendar';
import { inArrears } from '../../domain/charge';
import { ClaimCharge, ClaimedAccount } from '../../domain/claim';
import { LIMITATION_PERIOD_SOURCE, LIMITATION_PERIOD_YEARS } from '../../domain/statutes';

/** Statuses in which the limitation period is no longer the company's deadline: the claim is before a court or closed. */
const PAST_COLLECTION: readonly string[] = ['REFERRED', 'IN_LITIGATION', 'JUDGED', 'SETTLED', 'WRITTEN_OFF'];

/**
 * An account's limitation deadline as the register is told it: the last day of the limitation period (computed by
 * domain/limitation.ts: Civil Code arts. 188, 195, 201–203, interruptions included) of its open charge whose period
 * ends first and has not ended by `asOf`, owned by the property company. One deadline per account, not per charge:
 * an account three years in arrears has up to 36 charges, each reminded 7 days, 1 day before and overdue, so per
 * charge the company would get a reminder for every month of every account; per account it gets the one date by
 * which it must act (a demand or a suit interrupts every charge it names) and, once that charge is paid or its
 * period interrupted, the next one (the register reminds a moved date afresh). Cancelled when nothing open is
 * still within its period, or when the account is before a court or closed (referred, in litigation, judged,
 * settled, written off): a suit interrupts the period (art. 195 item 3). The sequence is the claim's version.
 *
 * Only charges in arrears count (domain/charge.ts inArrears: past their due date and owed at all): a fee not yet due
 * runs no period, so a freshly billed month gives no deadline until it falls due unpaid. A period that ended
 * yesterday is still the deadline today, the day after its last day, so the register's overdue reminder can go out
 * (the charge is time-barred: the company is told); from the next day the next charge's date is the deadline.
 */
export function publishLimitationDeadline(
  account: Pick<ClaimedAccount, 'accountId' | 'companyId' | 'districtCode' | 'status' | 'version'>,
  charges: readonly Pick<ClaimCharge, 'dueOn' | 'voluntary' | 'openFen' | 'limitationEndsOn'>[],
  asOf: IsoDate,
): DeadlineChangedData {
  const overdueDay = addDays(asOf, -1);
  const ends = charges
    .filter((c) => inArrears(c, asOf) && c.openFen > 0 && c.limitationEndsOn !== null)
    .map((c) => c.limitationEndsOn as IsoDate)
    .filter((end) => compareDates(end, overdueDay) >= 0)
    .sort(compareDates);
  const pastCollection = PAST_COLLECTION.includes(account.status);
  return {
    deadlineKey: `arrears-limitation:${account.accountId}`,
    kind: 'ARREARS_LIMITATION',
    subjectId: account.accountId,
    ownerKind: 'PROPERTY_COMPANY',
    ownerOrganisationId: account.companyId,
    districtCode: /^[0-9]{6}$/.test(account.districtCode) ? account.districtCode : null,
    legalBasis: `${LIMITATION_PERIOD_SOURCE}: a fee is claimed within ${LIMITATION_PERIOD_YEARS} years of its due date, interrupted by a demand, the debtor's agreement or a suit (art. 195); Civil Code arts. 201–203. The earliest of the account's open charges`,
    dueOn: pastCollection ? null : (ends[0] ?? null),
    metOn: null,
    cancelled: pastCollection || ends.length === 0,
    sequence: account.version,
  };
}
