import type { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { BrokerAdministration, Grant, principalOf } from '../../../platform/events/broker-admin';
import { FeedSubscriber } from '../persistence/feed-subscriber.entity';
import { listFeedSubscribers } from '../persistence/feed-subscriber.repository';
import { securedBroker } from './feed-subscriber.broker';

export type { FeedSubscriber };

/** The parties registered for the feeds (admin only). */
export async function feedSubscribers(em: EntityManager, identity: Identity): Promise<FeedSubscriber[]> {
  if (identity.role !== 'ADMIN') throw new ForbiddenError('Only the admin lists feed subscribers');
  return listFeedSubscribers(em);
}

/** What the broker's ACLs give the party's principal now: the authority, asked every time. */
export async function feedAccessOf(
  brokerAdministration: BrokerAdministration | undefined,
  username: string,
): Promise<Grant[]> {
  return securedBroker(brokerAdministration).grantsOf(principalOf(username));
}
