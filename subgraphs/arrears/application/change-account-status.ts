import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInChina } from '../../../kernel/clock';
import { ForbiddenError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { mayKeepAccount } from '../domain/access';
import { AccountStatus, assertSetByCompany } from '../domain/account-status';
import { arrearsTotal, openTotal } from '../domain/charge';
import { chargesOfAccount } from '../persistence/charge.repository';
import { loadAccount } from './account.lookup';
import { moveAccount } from './account.moves';
import { publishClaims } from './claims.publish';

/**
 * The company moves its account by hand: back to CURRENT once cleared, into collection, or written off with a reason.
 * An account in that status already is left as it is. Returns the account id.
 */
export async function changeAccountStatus(
  em: EntityManager,
  identity: Identity,
  input: { accountId: string; to: AccountStatus; reason?: string | null },
): Promise<string> {
  const today = todayInChina();
  return em.transactional(async (tx) => {
    const account = await loadAccount(tx, identity, input.accountId, true);
    if (!mayKeepAccount(identity, account))
      throw new ForbiddenError('Only the company that billed the account changes its status');
    // There already (the same request sent twice): nothing to record. Before, the second was refused as a move only
    // mediation or the court makes (STATUS_SET_BY_PROCEDURE).
    if (account.status === input.to) return account.id;
    assertSetByCompany(account.status, input.to);
    const charges = await chargesOfAccount(tx, account.id);
    await moveAccount(tx, identity, account, input.to, {
      reason: input.reason?.trim() || null,
      on: today,
      openFen: openTotal(charges),
      arrearsFen: arrearsTotal(charges, today),
    });
    await publishClaims(tx, [account.id], today);
    return account.id;
  });
}
