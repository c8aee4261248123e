import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { Account } from '../domain/account';
import { mayReadAccount, readScope } from '../domain/access';
import { CollectionAction } from '../domain/collection-action';
import { findAccount, findAccounts } from '../persistence/account.repository';
import { findActionForUpdate } from '../persistence/collection-action.repository';

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
  const [account] = (await loadAccounts(em, identity, [accountId], lock)).values();
  if (!account) throw new NotFoundError('Arrears account', accountId);
  return account;
}

/**
 * The accounts of those ids that the caller may read, by id, locked in id order for the rest of the transaction when
 * `lock` is set: one query however many. An id missing from the map is NOT_FOUND to the caller, as for loadAccount.
 * The query reads only the caller's scope (readScope), so another company's account is neither read nor locked.
 */
export async function loadAccounts(
  em: EntityManager,
  identity: Identity,
  accountIds: readonly string[],
  lock = false,
): Promise<Map<string, Account>> {
  const scope = readScope(identity, 'ACCOUNTS');
  const accounts = scope ? await findAccounts(em, accountIds, { lock, scope }) : [];
  return new Map(accounts.filter((a) => mayReadAccount(identity, a)).map((a) => [a.id, a]));
}

/**
 * A recorded step of that kind and its account, both locked for the rest of the transaction, when the caller may act
 * on it (`may`); NOT_FOUND as `what` otherwise, the same answer as for a step that does not exist, never naming the
 * account (loadAccount's NOT_FOUND would).
 */
export async function lockedStepOf<K extends CollectionAction['kind']>(
  tx: EntityManager,
  identity: Identity,
  step: { actionId: string; kind: K; what: string },
  may: (identity: Identity, account: Account) => boolean,
): Promise<{ account: Account; action: Extract<CollectionAction, { kind: K }> }> {
  const found = await findActionForUpdate(tx, step.actionId, step.kind);
  const account = found ? await findAccount(tx, found.accountId, { lock: true }) : null;
  if (!found || !account || !may(identity, account)) throw new NotFoundError(step.what, step.actionId);
  return { account, action: found.action };
}
