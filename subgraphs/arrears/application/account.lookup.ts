import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { Account } from '../domain/account';
import { mayReadAccount } from '../domain/access';
import { findAccount } from '../persistence/account.repository';

/**
 * The account, locked for the rest of the transaction when `lock` is set, if the caller may read it; NOT_FOUND
 * otherwise, the same answer as for an account that does not exist, so ids of other companies' accounts reveal nothing.
 */
export async function loadAccount(
  em: EntityManager,
  identity: Identity,
  accountId: string,
  lock = false,
): Promise<Account> {
  const account = await findAccount(em, accountId, { lock });
  if (!account || !mayReadAccount(identity, account)) throw new NotFoundError('Arrears account', accountId);
  return account;
}
