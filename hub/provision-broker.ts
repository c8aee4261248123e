import 'reflect-metadata';
import {
  SUBGRAPH_NAMES,
  SubgraphName,
  kafkaBrokersFromEnv,
  kafkaSaslFromEnv,
  kafkaTlsFromEnv,
  replicationFactorFromEnv,
} from '../platform/config';
import { subgraphUsername } from '../platform/events/broker-credentials';
import { revokeStaleGrants } from '../platform/events/broker-admin';
import { createKafka, ensureTopics, SaslCredential } from '../platform/events/kafka';
import { ownedByHub, provisionSubgraphPrincipals } from '../platform/subgraph/broker-access';
import { subgraphTopics } from '../platform/subgraph/runtime';
import { ALL_SUBGRAPHS } from './subgraphs';

/**
 * The split topology's one-shot broker setup (docker-compose.yml's `broker-setup`): as the super user
 * (KAFKA_ADMIN_USERNAME / KAFKA_ADMIN_PASSWORD), creates every subgraph's topics, gives each subgraph its principal
 * `hub-<subgraph>` with the password in KAFKA_SASL_PASSWORD_<SUBGRAPH>, and its ACLs, revoking those it holds on the
 * hub's own names (KAFKA_TOPIC_PREFIX, then a family of the catalog) that this release no longer declares.
 * Idempotent: run it on every deployment. A one-process hub (`npm start`) creates the topics, principals and ACLs
 * itself but revokes none (its local broker's stale grants stay until this is run against it).
 */
async function main() {
  const brokers = kafkaBrokersFromEnv();
  const admin = kafkaSaslFromEnv(process.env, 'KAFKA_ADMIN');
  if (!brokers || !admin) throw new Error('KAFKA_BROKERS, KAFKA_ADMIN_USERNAME and KAFKA_ADMIN_PASSWORD must be set');
  const credentials = Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => {
      const password = process.env[`KAFKA_SASL_PASSWORD_${name.toUpperCase()}`];
      if (!password) throw new Error(`KAFKA_SASL_PASSWORD_${name.toUpperCase()} must be set`);
      return [name, { username: subgraphUsername(name), password }];
    }),
  ) as Record<SubgraphName, SaslCredential>;
  const settings = {
    brokers,
    clientId: 'hub-broker-setup',
    sasl: admin,
    topicPrefix: process.env.KAFKA_TOPIC_PREFIX,
    replicationFactor: replicationFactorFromEnv(),
    tls: kafkaTlsFromEnv(),
  };
  const kafka = createKafka(settings);
  await ensureTopics(kafka, settings, ALL_SUBGRAPHS.flatMap(subgraphTopics));
  const grants = await provisionSubgraphPrincipals(kafka, settings, ALL_SUBGRAPHS, credentials);
  // What an earlier release granted and this one no longer declares is revoked, not left for good.
  const revoked = await revokeStaleGrants(kafka, grants, ownedByHub(settings.topicPrefix));
  process.stdout.write(
    `broker ready: ${SUBGRAPH_NAMES.length} subgraph principals, ${grants.length} ACLs, ${revoked.length} revoked\n`,
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
