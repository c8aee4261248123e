import type { EntityManager } from '@mikro-orm/postgresql';
import { IsoDate, YearMonth, compareDates } from '../../../kernel/calendar';
import { todayInChina } from '../../../kernel/clock';
import { Identity } from '../../../kernel/identity';
import { assertPropertyCompany } from '../domain/access';
import { checkBillingMonth } from '../domain/billing';
import { arrearsError } from '../domain/errors';
import { lockAreaMonth } from '../persistence/billing-run.repository';
import { FilingInForce, findFilingInForce } from '../persistence/filing.repository';
import { allowLongStatements, retryAfterLostRace } from '../../../platform/db/sql';

/** The company, area and month a billing step works on, and today in China. */
export interface CompanyAreaMonth {
  companyId: string;
  areaId: string;
  month: YearMonth;
  today: IsoDate;
}

/**
 * Runs a property company's set-based step on one area's month (billing it, correcting it): the caller must be a
 * company, the month one that has begun (UNKNOWN_MONTH otherwise), statements may run long, and the area's month is
 * locked for the transaction, so two steps of one month run one after the other. A deadlock with a payment locking
 * the same accounts runs the step again: each is idempotent.
 */
export function inCompanyAreaMonth<T>(
  em: EntityManager,
  identity: Identity,
  input: { areaId: string; month: string },
  what: string,
  step: (tx: EntityManager, scope: CompanyAreaMonth) => Promise<T>,
): Promise<T> {
  const companyId = assertPropertyCompany(identity, what);
  const today = todayInChina();
  const month = checkBillingMonth(input.month, today);
  const { areaId } = input;
  return retryAfterLostRace(() =>
    em.transactional(async (tx) => {
      await allowLongStatements(tx);
      await lockAreaMonth(tx, areaId, month);
      return step(tx, { companyId, areaId, month, today });
    }),
  );
}

/** The company's filing in force in the area's month (findFilingInForce), or NO_CONTRACT_IN_FORCE. */
export async function filingInForceOrRefuse(tx: EntityManager, scope: CompanyAreaMonth): Promise<FilingInForce> {
  const filing = await findFilingInForce(tx, scope.companyId, scope.areaId, scope.month);
  if (!filing)
    throw arrearsError(
      'NO_CONTRACT_IN_FORCE',
      `You have no accepted contract filing covering area ${scope.areaId} in ${scope.month}`,
      { areaId: scope.areaId, month: scope.month },
    );
  return filing;
}

/**
 * The company's filing in force in the area this month (runBilling's check, filingInForceOrRefuse) whose contracts
 * have not ended before today, or NO_CONTRACT_IN_FORCE: a successor starting later this month passes, a predecessor
 * whose last day has gone does not. A former provider's access to an area ends
 * with its contract, also within the month its successor took over; what it may still do for the days it served
 * (bill them, correct them) names that month itself.
 */
export async function filingInForceTodayOrRefuse(
  tx: EntityManager,
  scope: Omit<CompanyAreaMonth, 'month'>,
): Promise<FilingInForce> {
  const month = scope.today.slice(0, 7);
  const filing = await filingInForceOrRefuse(tx, { ...scope, month });
  if (compareDates(filing.servedTo, scope.today) < 0)
    throw arrearsError(
      'NO_CONTRACT_IN_FORCE',
      `You have no accepted contract filing covering area ${scope.areaId} on ${scope.today}: yours ended on ${filing.servedTo}`,
      { areaId: scope.areaId, month },
    );
  return filing;
}
