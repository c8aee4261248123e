import { TokenSettings } from '../auth/tokens';
import { HubOrm, initOrm, migrateUp } from '../db/orm';
import { deadLetterTopicOf } from '../../catalog';
import { InboxConsumer, consumerTopics } from '../events/consumer';
import { KafkaSettings, createKafka, ensureTopics } from '../events/kafka';
import { OutboxRelay } from '../events/relay';
import { buildFederatedSchema } from '../federation/build-subgraph-schema';
import { createHealthResolver } from './health';
import { SubgraphModule } from './module';
import { subgraphReadiness } from './readiness';
import { RunningServer, startSubgraphServer } from './server';

export interface SubgraphRuntimeOptions {
  databaseUrl: string;
  kafka: Omit<KafkaSettings, 'clientId'>;
  tokens: TokenSettings;
  port: number;
  host?: string;
  relayPollIntervalMs?: number;
}

export interface RunningSubgraph extends RunningServer {
  name: string;
  orm: HubOrm;
  relay: OutboxRelay;
  consumers: InboxConsumer[];
}

export function subgraphSchema(module: SubgraphModule) {
  return buildFederatedSchema({
    resolvers: [createHealthResolver(module.name), ...module.resolvers],
    orphanedTypes: module.orphanedTypes,
    referenceResolvers: module.referenceResolvers,
  });
}

/** Starts one subgraph: migrations, HTTP server, outbox relay and consumers. Stops in reverse order. */
export async function startSubgraph(module: SubgraphModule, options: SubgraphRuntimeOptions): Promise<RunningSubgraph> {
  const kafkaSettings: KafkaSettings = { ...options.kafka, clientId: `hub-${module.name}` };
  const orm = await initOrm({ databaseUrl: options.databaseUrl, schema: module.name, entities: module.entities, migrations: module.migrations });
  const started: { stop(): Promise<void> }[] = [];
  try {
    await migrateUp(orm);
    const kafka = createKafka(kafkaSettings);
    await ensureTopics(kafka, kafkaSettings, [
      ...module.producedTopics,
      ...module.consumers.flatMap(consumerTopics),
      deadLetterTopicOf(module.name),
    ]);

    const relay = new OutboxRelay({
      schema: module.name,
      knex: orm.em.getKnex(),
      kafka,
      kafkaSettings,
      pollIntervalMs: options.relayPollIntervalMs,
    });
    relay.start();
    started.push(relay);

    const consumers = module.consumers.map(
      (definition) => new InboxConsumer({ definition, orm, kafka, kafkaSettings, deadLetterTopic: deadLetterTopicOf(module.name) }),
    );
    for (const consumer of consumers) {
      await consumer.start();
      started.push(consumer);
    }

    const readiness = subgraphReadiness(orm, kafka);
    started.push(readiness);
    const server = await startSubgraphServer({
      name: module.name,
      schema: await subgraphSchema(module),
      orm,
      tokens: options.tokens,
      port: options.port,
      host: options.host,
      readiness,
    });
    started.push(server);

    return {
      name: module.name,
      url: server.url,
      orm,
      relay,
      consumers,
      stop: async () => {
        for (const part of started.reverse()) await part.stop();
        await orm.close();
      },
    };
  } catch (error) {
    for (const part of started.reverse()) await part.stop().catch(() => undefined);
    await orm.close();
    throw error;
  }
}
