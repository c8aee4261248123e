import { Kafka } from 'kafkajs';
import { SUBGRAPH_NAMES, SubgraphName, TOPIC_DEFINITIONS, deadLetterTopicOf } from '../../catalog';
import { consumerTopicPrefixes, consumerTopics } from '../events/consumer';
import {
  Grant,
  alterScramCredentials,
  authenticates,
  awaitCredentials,
  createGrants,
  principalOf,
} from '../events/broker-admin';
import { KafkaSettings, SaslCredential } from '../events/kafka';
import { SubgraphModule } from './module';
import { timed } from '../phase-timings';

/**
 * What a subgraph's principal may do on the broker, derived from what the subgraph declares (the one place that
 * says it): write (and create) the topics it produces, their party feeds, the reply topics of the parties' topics it
 * reads and its dead-letter topic, read the topics its consumers
 * read and its dead-letter topic (`npm run dead-letters`), and join only consumer groups named `<prefix><subgraph>.`. Everything else is refused by the broker,
 * including the internal topics of other subgraphs it does not consume and every party's feed.
 */
export function subgraphGrants(module: SubgraphModule, username: string, topicPrefix = ''): Grant[] {
  const principal = principalOf(username);
  const topic = (name: string, operation: Grant['operation'], prefixed = false): Grant => ({
    principal,
    resource: 'TOPIC',
    name: `${topicPrefix}${name}`,
    prefixed,
    operation,
  });
  const written = [...new Set([...module.producedTopics, deadLetterTopicOf(module.name)])];
  // The parties' feeds of its topics (`contracts.filings.v1.<district>`): written by the producer alone.
  const feeds = TOPIC_DEFINITIONS.filter((t) => t.partyFeed && module.producedTopics.includes(t.name)).map(
    (t) => `${t.name}.`,
  );
  // The reply topics of the per-party families it reads (`court.case-event-refusals.v1.<court>`): it tells each
  // sender what it refused.
  const replies = [
    ...new Set(
      module.consumers.flatMap((c) =>
        c.subscriptions.flatMap((s) => s.definition.topic.perParty?.refusals?.name ?? []),
      ),
    ),
  ].map((name) => `${name}.`);
  const read = [...new Set(module.consumers.flatMap(consumerTopics))];
  const readPrefixes = [...new Set(module.consumers.flatMap(consumerTopicPrefixes))];
  return [
    ...written.flatMap((name) => (['WRITE', 'DESCRIBE', 'CREATE'] as const).map((op) => topic(name, op))),
    ...[...feeds, ...replies].flatMap((name) =>
      (['WRITE', 'DESCRIBE', 'CREATE'] as const).map((op) => topic(name, op, true)),
    ),
    ...read.flatMap((name) => (['READ', 'DESCRIBE', 'CREATE'] as const).map((op) => topic(name, op))),
    ...readPrefixes.flatMap((name) => (['READ', 'DESCRIBE'] as const).map((op) => topic(name, op, true))),
    topic(deadLetterTopicOf(module.name), 'READ'),
    { principal, resource: 'GROUP', name: `${topicPrefix}${module.name}.`, prefixed: true, operation: 'READ' },
  ];
}

/**
 * Whether a topic or group name is the hub's under its prefix: the prefix, then a family the catalog names (a
 * topic's first segment, or a subgraph's, for its groups and dead-letter topic). Another hub on the same broker, under
 * a prefix of its own (a test hub's `t123.areas.…` beside an unprefixed one, `demo.x.` beside `demo.`), is not: its
 * principals' ACLs there are never this hub's to revoke.
 */
export function ownedByHub(topicPrefix = ''): (name: string) => boolean {
  const families = new Set<string>([...TOPIC_DEFINITIONS.map((t) => t.name.split('.')[0]), ...SUBGRAPH_NAMES]);
  return (name) => name.startsWith(topicPrefix) && families.has(name.slice(topicPrefix.length).split('.')[0]);
}

/**
 * Gives each subgraph its principal (SCRAM-SHA-512, password from the hub's configuration) and its ACLs, with the
 * super user's client. Idempotent: a password that already works is kept and the broker ignores ACLs it already has.
 * Returns the ACLs it created (a test hub deletes them when it stops).
 */
export async function provisionSubgraphPrincipals(
  admin: Kafka,
  adminSettings: KafkaSettings,
  modules: readonly SubgraphModule[],
  credentials: Record<SubgraphName, SaslCredential>,
): Promise<Grant[]> {
  const principals = modules.map((m) => credentials[m.name]);
  // A principal that already signs in with its password is left as it is (setting the same password again only
  // salts it anew, and costs a write to the cluster's metadata log): a broker shared by many test hubs, or a restart.
  const checked = await timed('principals.check', () =>
    Promise.all(principals.map(async (p) => ((await authenticates(adminSettings, p)) ? [] : [p]))),
  );
  const unset = checked.flat();
  await timed('principals.scram', () => alterScramCredentials(admin, unset));
  const grants = modules.flatMap((m) => subgraphGrants(m, credentials[m.name].username, adminSettings.topicPrefix));
  await timed('principals.acls', () => createGrants(admin, grants));
  await timed('principals.await', () => awaitCredentials(adminSettings, unset));
  return grants;
}
