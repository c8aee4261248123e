import { GraphQLSchema } from 'graphql';
import { TokenSettings } from '../auth/tokens';
import { HubOrm, initOrm, migrateUp, verifyMigrated } from '../db/orm';
import { deadLetterTopicOf } from '../../catalog';
import { InboxConsumer, consumerTopics } from '../events/consumer';
import { KafkaSettings, createKafka, ensureTopics } from '../events/kafka';
import { OutboxRelay } from '../events/relay';
import { outboxRetentionDays, prunePublishedOutbox } from '../events/outbox-retention';
import { RETENTION_SWEEP_INTERVAL_MS } from '../db/retention';
import { periodicWork } from './periodic';
import { HolidayCalendarKeeper, holidayCalendarRefresher } from '../read-models/holiday-calendar';
import { BrokerAdministration } from '../events/broker-admin';
import { watchConsumerLag, watchOutbox } from '../metrics';
import { consumerLagReader } from '../events/consumer-lag';
import { stopEach } from '../stop-each';
import { buildFederatedSchema } from '../federation/build-subgraph-schema';
import { createHealthResolver } from './health';
import { BackgroundWork, SubgraphModule } from './module';
import { subgraphReadiness } from './readiness';
import { RunningServer, startSubgraphServer } from './server';
import { timed } from '../phase-timings';

export type SubgraphMigrations = 'apply' | 'verify' | 'none';

export interface SubgraphRuntimeOptions {
  databaseUrl: string;
  kafka: Omit<KafkaSettings, 'clientId'>;
  /** The broker's super user, for a subgraph that administers the broker's principals (feeds); none for the others. */
  adminKafka?: Omit<KafkaSettings, 'clientId'>;
  tokens: TokenSettings;
  port: number;
  host?: string;
  relayPollIntervalMs?: number;
  /** The most database connections this subgraph's pool opens (10 unless set). */
  poolMax?: number;
  /**
   * `apply` (one-process hubs): run the pending migrations at start. `verify` (the split topology, where
   * `dist/hub/migrate.js` ran them once before any instance): refuse to start while any is pending, so N instances
   * never race a migration. `none` (test hubs, whose database is a clone of the migrated template): the schema holds
   * them all, so neither the migrations nor `@mikro-orm/migrations` are loaded.
   */
  migrations?: SubgraphMigrations;
  /** The caller has created this subgraph's topics and waited for their leaders (a hub does it for all at once). */
  topicsReady?: boolean;
  /** The subgraph's schema, if the caller has started building it (`subgraphSchema`) while it waited for other work. */
  schema?: Promise<GraphQLSchema>;
}

export interface RunningSubgraph extends RunningServer {
  name: string;
  orm: HubOrm;
  relay: OutboxRelay;
  consumers: InboxConsumer[];
  /** The module's background work, if it has any (started). */
  background?: BackgroundWork;
}

export function subgraphSchema(module: SubgraphModule) {
  return buildFederatedSchema({
    resolvers: [createHealthResolver(module.name), ...module.resolvers],
    orphanedTypes: module.orphanedTypes,
    referenceResolvers: module.referenceResolvers,
  });
}

/** The logical topics a subgraph writes or reads: what it produces, what its consumers read, its dead-letter topic. */
export const subgraphTopics = (module: SubgraphModule): string[] => [
  ...module.producedTopics,
  ...module.consumers.flatMap(consumerTopics),
  deadLetterTopicOf(module.name),
];

/** Starts one subgraph: migrations, HTTP server, outbox relay and consumers. Stops in reverse order. */
export async function startSubgraph(module: SubgraphModule, options: SubgraphRuntimeOptions): Promise<RunningSubgraph> {
  const kafkaSettings: KafkaSettings = { ...options.kafka, clientId: `hub-${module.name}` };
  const phase = (name: string) => `subgraph.${name}`;
  const migrations = options.migrations ?? 'apply';
  const orm = await timed(phase('orm'), async () =>
    initOrm({
      databaseUrl: options.databaseUrl,
      schema: module.name,
      entities: module.entities,
      migrations: migrations === 'none' ? undefined : await module.migrations(),
      poolMax: options.poolMax,
    }),
  );
  const started: { stop(): Promise<void> }[] = [];
  const stopNames = new Map<object, string>();
  const named = <T extends object>(name: string, part: T): T => (stopNames.set(part, name), part);
  try {
    if (migrations === 'verify') await verifyMigrated(orm, module.name);
    else if (migrations === 'apply') await timed(phase('migrate'), () => migrateUp(orm));
    if (module.keepsHolidayCalendar) {
      const calendar = holidayCalendarRefresher(() => orm.em.fork(), module.name as HolidayCalendarKeeper);
      await timed(phase('calendar'), () => calendar.start());
      started.push(named('calendar', calendar));
    }
    const kafka = createKafka(kafkaSettings);
    if (!options.topicsReady)
      await timed(phase('topics'), () => ensureTopics(kafka, kafkaSettings, subgraphTopics(module)));

    const relay = new OutboxRelay({
      schema: module.name,
      knex: orm.em.getKnex(),
      databaseUrl: options.databaseUrl,
      kafka,
      kafkaSettings,
      pollIntervalMs: options.relayPollIntervalMs,
    });
    relay.start();
    started.push(named('relay', relay));
    const retentionDays = outboxRetentionDays();
    const outboxRetention = periodicWork('outbox-retention', RETENTION_SWEEP_INTERVAL_MS, () =>
      prunePublishedOutbox(orm.em.fork(), module.name, retentionDays),
    );
    outboxRetention.start();
    started.push(named('outbox-retention', outboxRetention));
    const unwatch = watchOutbox(module.name, () => relay.backlog());
    started.push({ stop: async () => unwatch() });
    // The outbox's trigger NOTIFYs every listening relay of a commit; in this process the relay is also nudged
    // directly (no round trip), and its polling only catches a notification lost while its LISTEN connection was down.
    orm.em.getEventManager().registerSubscriber({ afterTransactionCommit: () => relay.nudge() });

    const consumers = module.consumers.map(
      (definition) =>
        new InboxConsumer({ definition, orm, kafka, kafkaSettings, deadLetterTopic: deadLetterTopicOf(module.name) }),
    );
    // Consumers are independent of each other: they join their groups together and stop together, so a stop waits
    // for one pending fetch (KafkaSettings.consumerMaxWaitMs), not one per consumer.
    started.push(named('consumers', { stop: async () => void (await Promise.all(consumers.map((c) => c.stop()))) }));
    // Over the topics each consumer reads now: a consumer of parties' topics reads none of its definition's, so read
    // over those alone its lag was 0 however far behind (an operations audit of 2026-12-07).
    const lag = consumerLagReader(
      kafka,
      consumers.map((consumer) => ({ groupId: consumer.groupId, topics: () => consumer.topics })),
    );
    const unwatchLag = watchConsumerLag(lag.read);
    started.push(named('lag', { stop: async () => (unwatchLag(), await lag.stop()) }));
    const joined = await timed(phase('consumers'), () => Promise.allSettled(consumers.map((c) => c.start())));
    const failed = joined.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;

    const background = module.background?.({ orm });
    if (background) {
      background.start();
      started.push(named('background', background));
    }

    const readiness = subgraphReadiness(orm, kafka);
    started.push(named('readiness', readiness));
    const schema = await (options.schema ?? timed(phase('schema'), () => subgraphSchema(module)));
    const server = await timed(phase('server'), () =>
      startSubgraphServer({
        name: module.name,
        schema,
        orm,
        tokens: options.tokens,
        port: options.port,
        host: options.host,
        readiness,
        broker:
          options.adminKafka && module.administersBroker
            ? new BrokerAdministration(createKafka({ ...options.adminKafka, clientId: `hub-${module.name}-admin` }), {
                ...options.adminKafka,
                clientId: `hub-${module.name}-admin`,
              })
            : undefined,
      }),
    );
    started.push(named('server', server));

    return {
      name: module.name,
      url: server.url,
      orm,
      relay,
      consumers,
      background,
      // Every part, even when one before it fails (stopEach); the failures thrown together at the end.
      stop: async () => {
        const parts = [
          ...started.reverse().map((part) => ({ name: stopNames.get(part) ?? 'other', stop: () => part.stop() })),
          { name: 'orm', stop: () => orm.close() },
        ];
        const failures = await stopEach(
          parts.map((p) => ({ name: p.name, stop: () => timed(`stop.${p.name}`, p.stop) })),
        );
        if (failures.length > 0)
          throw new AggregateError(
            failures.map((f) => f.error),
            `${module.name} did not stop cleanly: ${failures.map((f) => f.name).join(', ')}`,
          );
      },
    };
  } catch (error) {
    for (const part of started.reverse()) await part.stop().catch(() => undefined);
    await orm.close();
    throw error;
  }
}
