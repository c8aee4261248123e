import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInChina } from '../../../kernel/clock';
import { NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { mayMediate } from '../domain/access';
import { openTotal } from '../domain/charge';
import { MediationOutcome, checkStepHappened, endMediation } from '../domain/collection-action';
import { chargesOfAccount } from '../persistence/charge.repository';
import { findAccount } from '../persistence/account.repository';
import { findActionForUpdate, saveCollectionAction } from '../persistence/collection-action.repository';
import { followMediationOutcome } from './account.moves';
import { publishClaims } from './claims.publish';

/**
 * The street office records how a pending mediation ended; the account follows (agreement settles it, failure
 * returns it to collection). Returns the account id.
 */
export async function recordMediationOutcome(
  em: EntityManager,
  identity: Identity,
  input: { actionId: string; outcome: MediationOutcome; outcomeOn: string },
): Promise<string> {
  const today = todayInChina();
  return em.transactional(async (tx) => {
    const found = await findActionForUpdate(tx, input.actionId, 'MEDIATION_SESSION');
    if (!found) throw new NotFoundError('Mediation session', input.actionId);
    // Refused as the session not found, never naming its account (loadAccount's NOT_FOUND named it).
    const account = await findAccount(tx, found.accountId, { lock: true });
    if (!account || !mayMediate(identity, account)) throw new NotFoundError('Mediation session', input.actionId);
    const ended = endMediation(found.action, { outcome: input.outcome, outcomeOn: input.outcomeOn });
    checkStepHappened(input.outcomeOn, today);
    await saveCollectionAction(tx, input.actionId, ended);
    await followMediationOutcome(
      tx,
      identity,
      account,
      ended.outcome,
      ended.outcomeOn,
      openTotal(await chargesOfAccount(tx, account.id)),
    );
    await publishClaims(tx, [account.id], today);
    return account.id;
  });
}
