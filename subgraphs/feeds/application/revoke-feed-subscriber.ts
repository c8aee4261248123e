import type { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenError, NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { BrokerAdministration, newPassword, principalOf } from '../../../platform/events/broker-admin';
import { FeedSubscriber } from '../persistence/feed-subscriber.entity';
import { lockFeedSubscriber, saveFeedSubscriber } from '../persistence/feed-subscriber.repository';
import { securedBroker } from './feed-subscriber.broker';

/**
 * Ends a party's feed access at once: every ACL of its principal is deleted, so its very next fetch or produce is
 * refused even on a connection opened before (a fetch already waiting at the broker was authorized before, and may
 * still return what arrives within its wait), and its password is replaced by one nobody knows, so it cannot
 * authenticate again once this returns. (Kafka 3.9 mishandles deleting SCRAM users, so the principal stays, with
 * nothing allowed.) Revoking a revoked party changes nothing.
 */
export async function revokeFeedSubscriber(
  em: EntityManager,
  identity: Identity,
  brokerAdministration: BrokerAdministration | undefined,
  partyId: string,
): Promise<FeedSubscriber> {
  if (identity.role !== 'ADMIN') throw new ForbiddenError('Only the admin revokes feed access');
  const broker = securedBroker(brokerAdministration);
  return em.transactional(async (tx) => {
    const subscriber = await lockFeedSubscriber(tx, partyId);
    if (!subscriber) throw new NotFoundError('Feed subscriber', partyId);
    if (subscriber.status === 'REVOKED') return subscriber;
    const saved = await saveFeedSubscriber(tx, {
      ...subscriber,
      status: 'REVOKED',
      revokedAt: new Date(),
      revokedBy: identity.subject,
    });
    await broker.revokeAll(principalOf(subscriber.username));
    // Returns once the replacement authenticates: the broker applies a SCRAM change from the metadata log a moment
    // after the controller accepted it, and until then the old password would still open a connection.
    await broker.setPasswordAndWait(subscriber.username, newPassword());
    return saved;
  });
}
