import type { EntityManager } from '@mikro-orm/postgresql';
import { LETTER_DELIVERED } from '../../../catalog';
import { todayInChina } from '../../../kernel/clock';
import { Identity } from '../../../kernel/identity';
import { recordEvent } from '../../../platform/events/outbox';
import { mayKeepAccount } from '../domain/access';
import { openTotal } from '../domain/charge';
import { checkStepHappened, deliverLetter } from '../domain/collection-action';
import { letterDelivered } from '../events/publish/account-events';
import { chargesOfAccount } from '../persistence/charge.repository';
import { saveCollectionAction } from '../persistence/collection-action.repository';
import { lockedStepOf } from './account.lookup';
import { publishClaims } from './claims.publish';

/**
 * The company records the day its demand letter reached the owner (or, by the postal record, should have): the letter
 * interrupts the limitation period from that day (domain/statutes.ts DEMAND_ARRIVAL_SOURCE); the accounts feed says so
 * (hub.arrears.account.letter-delivered) and the claim the litigation subgraph reads is published again. Another
 * company's letter is NOT_FOUND. Returns the account id.
 */
export async function recordLetterDelivery(
  em: EntityManager,
  identity: Identity,
  input: { actionId: string; deliveredOn: string },
): Promise<string> {
  const today = todayInChina();
  return em.transactional(async (tx) => {
    const { account, action } = await lockedStepOf(
      tx,
      identity,
      { actionId: input.actionId, kind: 'LETTER', what: 'Demand letter' },
      mayKeepAccount,
    );
    const delivered = deliverLetter(action, input.deliveredOn);
    checkStepHappened(input.deliveredOn, today, 'deliveredOn');
    await saveCollectionAction(tx, input.actionId, delivered);
    recordEvent(tx, LETTER_DELIVERED, {
      source: 'arrears',
      key: account.id,
      data: letterDelivered(account, input.actionId, delivered, openTotal(await chargesOfAccount(tx, account.id))),
    });
    await publishClaims(tx, [account.id], today);
    return account.id;
  });
}
