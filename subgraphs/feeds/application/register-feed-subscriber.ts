import type { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenError, InvalidInputError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { BrokerAdministration, newPassword, principalOf } from '../../../platform/events/broker-admin';
import { feedsError } from '../domain/errors';
import {
  FEED_PARTY_QUOTAS,
  FeedParty,
  feedTopics,
  feedUsername,
  registrationProblems,
  reminderOwnerConflict,
  reminderTopicConflict,
} from '../domain/feed-subscriber';
import { deadlineOwners } from '../persistence/deadline.repository';
import { FeedSubscriber } from '../persistence/feed-subscriber.entity';
import { listFeedSubscribers, lockFeedSubscriber, saveFeedSubscriber } from '../persistence/feed-subscriber.repository';
import { sqlRun } from '../../../platform/db/sql';
import { partyGrants, securedBroker } from './feed-subscriber.broker';

export interface FeedCredential {
  subscriber: FeedSubscriber;
  /** Shown once: the hub keeps only what the broker keeps, a salted hash. */
  password: string;
}

/**
 * The admin registers an outside party for the Kafka feeds: the broker gets its principal (SCRAM-SHA-512, a new
 * random password), its ACLs and its quotas, its own topics are created, and the credential is returned once. The row is
 * written in the same transaction, so a broker failure leaves no registration behind (and registering again
 * completes what the broker already has).
 */
export async function registerFeedSubscriber(
  em: EntityManager,
  identity: Identity,
  brokerAdministration: BrokerAdministration | undefined,
  input: FeedParty,
): Promise<FeedCredential> {
  if (identity.role !== 'ADMIN') throw new ForbiddenError('Only the admin registers parties for the feeds');
  const party: FeedParty = {
    ...input,
    courtId: input.courtId ?? null,
    jurisdictions: [...new Set(input.jurisdictions)],
  };
  const fields = registrationProblems(party, brokerAdministration?.topic('') ?? '');
  if (Object.keys(fields).length > 0) throw new InvalidInputError('The feed registration is incomplete', { fields });
  const broker = securedBroker(brokerAdministration);
  return em.transactional(async (tx) => {
    // one registration at a time, so two made at once cannot both miss each other's reminder topic
    await sqlRun(tx, `select pg_advisory_xact_lock(hashtext('feeds.feed_subscriber.registration'))`);
    const existing = await lockFeedSubscriber(tx, party.partyId);
    if (existing?.status === 'ACTIVE')
      throw feedsError('FEED_SUBSCRIBER_EXISTS', `${party.partyId} is registered for the feeds already`);
    const active = (await listFeedSubscribers(tx))
      .filter((p) => p.status === 'ACTIVE')
      .map((p) => ({ ...p, courtId: p.courtId ?? null }));
    const conflict = {
      ...reminderTopicConflict(party, active),
      ...reminderOwnerConflict(party, await deadlineOwners(tx)),
    };
    if (Object.keys(conflict).length > 0)
      throw new InvalidInputError('The feed registration collides with another party', { fields: conflict });
    const username = feedUsername(party.partyId);
    const subscriber = await saveFeedSubscriber(tx, {
      ...party,
      username,
      status: 'ACTIVE',
      registeredAt: new Date(),
      registeredBy: identity.subject,
      credentialRotatedAt: null,
      revokedAt: null,
      revokedBy: null,
    });
    const password = newPassword();
    await broker.createTopics(feedTopics(party));
    await broker.setPasswordAndWait(username, password);
    // A party registered anew gets exactly what it is now, nothing left of before.
    await broker.revokeAll(principalOf(username));
    await broker.grant(partyGrants(broker, party, username));
    await broker.setQuotas(username, FEED_PARTY_QUOTAS);
    return { subscriber, password };
  });
}
