import type { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenError, NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { BrokerAdministration, newPassword } from '../../../platform/events/broker-admin';
import { feedsError } from '../domain/errors';
import { FEED_PARTY_QUOTAS, feedTopics } from '../domain/feed-subscriber';
import { lockFeedSubscriber, saveFeedSubscriber } from '../persistence/feed-subscriber.repository';
import { partyGrants, securedBroker } from './feed-subscriber.broker';
import { FeedCredential } from './register-feed-subscriber';

/**
 * A new password for the party's principal, returned once. New connections need it at once; a connection opened
 * with the old one lasts until it must re-authenticate (the broker's `connections.max.reauth.ms`, 60 s). The party's
 * quotas are set again, and its topics and ACLs granted again, so a party registered before they were (or before
 * they changed) gets the current ones.
 */
export async function rotateFeedCredential(
  em: EntityManager,
  identity: Identity,
  brokerAdministration: BrokerAdministration | undefined,
  partyId: string,
): Promise<FeedCredential> {
  if (identity.role !== 'ADMIN') throw new ForbiddenError('Only the admin rotates feed credentials');
  const broker = securedBroker(brokerAdministration);
  return em.transactional(async (tx) => {
    const subscriber = await lockFeedSubscriber(tx, partyId);
    if (!subscriber) throw new NotFoundError('Feed subscriber', partyId);
    if (subscriber.status === 'REVOKED')
      throw feedsError('FEED_SUBSCRIBER_REVOKED', `${partyId} was revoked; register it again`);
    const password = newPassword();
    const saved = await saveFeedSubscriber(tx, { ...subscriber, credentialRotatedAt: new Date() });
    // The quotas first: setting them again is harmless, so if it fails the party keeps the password it has. The
    // password last, when nothing but the commit is left that could fail after it.
    // What its kind gives now, as registration does: a party registered before a topic joined its kind (its reply
    // topic, 2026-12-06) gets it, topic and ACLs; the broker keeps the ACLs it already has.
    const party = { ...subscriber, courtId: subscriber.courtId ?? null };
    await broker.createTopics(feedTopics(party));
    await broker.grant(partyGrants(broker, party, subscriber.username));
    await broker.setQuotas(subscriber.username, FEED_PARTY_QUOTAS);
    await broker.setPasswordAndWait(subscriber.username, password);
    return { subscriber: saved, password };
  });
}
