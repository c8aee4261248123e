import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { FeedSubscriber, FeedSubscriberSchema } from './feed-subscriber.entity';

/** The party's row, locked until the transaction ends (registration, rotation and revocation run one at a time). */
export const lockFeedSubscriber = (em: EntityManager, partyId: string): Promise<FeedSubscriber | null> =>
  em.findOne(FeedSubscriberSchema, { partyId }, { lockMode: LockMode.PESSIMISTIC_WRITE });

export const listFeedSubscribers = (em: EntityManager): Promise<FeedSubscriber[]> =>
  em.find(FeedSubscriberSchema, {}, { orderBy: { registeredAt: 'asc', partyId: 'asc' } });

/** Inserts or replaces the party's row (a revoked party registered again keeps its id). */
export async function saveFeedSubscriber(em: EntityManager, subscriber: FeedSubscriber): Promise<FeedSubscriber> {
  return em.upsert(FeedSubscriberSchema, subscriber);
}
