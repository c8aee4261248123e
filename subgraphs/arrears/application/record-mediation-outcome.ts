import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInChina } from '../../../kernel/clock';
import { Identity } from '../../../kernel/identity';
import { mayMediate } from '../domain/access';
import { openTotal } from '../domain/charge';
import { MediationOutcome, checkStepHappened, endMediation } from '../domain/collection-action';
import { chargesOfAccount } from '../persistence/charge.repository';
import { saveCollectionAction } from '../persistence/collection-action.repository';
import { lockedStepOf } from './account.lookup';
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
    const { account, action } = await lockedStepOf(
      tx,
      identity,
      { actionId: input.actionId, kind: 'MEDIATION_SESSION', what: 'Mediation session' },
      mayMediate,
    );
    const ended = endMediation(action, { outcome: input.outcome, outcomeOn: input.outcomeOn });
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
