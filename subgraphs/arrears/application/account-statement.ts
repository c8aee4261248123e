import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInChina } from '../../../kernel/clock';
import { Identity } from '../../../kernel/identity';
import { Statement, statementOf } from '../domain/statement';
import { transitionsOf } from '../persistence/account.repository';
import { findHouseholdPlace } from '../persistence/billable-household.repository';
import { paymentsOfAccount } from '../persistence/ledger.repository';
import { loadAccount } from './account.lookup';
import { claimLinesOf } from './claim-lines.lookup';

/**
 * An account's statement as of today (domain/statement.ts). The figures of each charge are the claim's
 * (claim-lines.lookup.ts), so the statement and what litigation receives agree.
 */
export async function accountStatement(em: EntityManager, identity: Identity, accountId: string): Promise<Statement> {
  const account = await loadAccount(em, identity, accountId);
  const asOf = todayInChina();
  const household = await findHouseholdPlace(em, account.householdId);
  const payments = await paymentsOfAccount(em, account.id);
  const transitions = await transitionsOf(em, account.id);
  const lines = (await claimLinesOf(em, [account.id], asOf)).get(account.id)!;
  return statementOf(account, household, lines, { payments, transitions }, asOf);
}
