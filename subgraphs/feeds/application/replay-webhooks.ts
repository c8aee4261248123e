import type { EntityManager } from '@mikro-orm/postgresql';
import { InvalidInputError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { feedsError } from '../domain/errors';
import { repairHeads, replayDeliveries, replayPending } from '../persistence/webhook.repository';
import { ownWebhookSubscription } from './own-webhook-subscription';

/**
 * One replay re-sends at most this many events; ask again from the last one's time for more, once it is delivered.
 * One at a time per subscription: each call copied up to 10,000 events, so calls in a row (1,200 a minute within the
 * rate limit) could queue millions of deliveries.
 */
export const MAX_REPLAY = 10_000;

/**
 * Sends the subscription's events again from `fromTime` on, each once and in order, as new deliveries (new
 * webhook-ids, the same ce-id). Returns how many were queued.
 */
export async function replayWebhooks(
  em: EntityManager,
  identity: Identity,
  input: { subscriptionId: string; fromTime: Date },
): Promise<number> {
  if (!(input.fromTime instanceof Date) || Number.isNaN(input.fromTime.getTime())) {
    throw new InvalidInputError('fromTime must be a date-time', { fields: { fromTime: 'a date-time' } });
  }
  return em.transactional(async (tx) => {
    const subscription = await ownWebhookSubscription(tx, identity, input.subscriptionId, { lock: true });
    if (await replayPending(tx, subscription.id))
      throw feedsError('REPLAY_IN_PROGRESS', 'The last replay of this subscription is still being delivered');
    const queued = await replayDeliveries(tx, subscription.id, input.fromTime, MAX_REPLAY);
    await repairHeads(tx, subscription.id);
    return queued;
  });
}
