import { BrokerAdministration, Grant, principalOf } from '../../../platform/events/broker-admin';
import { feedsError } from '../domain/errors';
import { FeedParty, feedPermissions } from '../domain/feed-subscriber';

/** The broker administration, or BROKER_NOT_SECURED where the hub runs on an open broker. */
export function securedBroker(broker: BrokerAdministration | undefined): BrokerAdministration {
  if (!broker)
    throw feedsError('BROKER_NOT_SECURED', 'The hub has no broker administration: the broker takes no credentials');
  return broker;
}

/** The party's permissions as the broker's ACLs, on the deployment's topic names. */
export function partyGrants(broker: BrokerAdministration, party: FeedParty, username: string): Grant[] {
  return feedPermissions(party).map((p) => ({
    principal: principalOf(username),
    resource: p.resource,
    name: p.resource === 'TOPIC' ? broker.topic(p.name) : p.name,
    prefixed: p.prefixed,
    operation: p.operation,
  }));
}
