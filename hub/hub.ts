import fs from 'node:fs';
import { TokenSettings } from '../platform/auth/tokens';
import { KafkaSettings, KafkaTls, createKafka, ensureTopics } from '../platform/events/kafka';
import { BrokerCredentials } from '../platform/events/broker-credentials';
import { deleteGrants, deletePrefixed } from '../platform/events/broker-admin';
import { provisionSubgraphPrincipals } from '../platform/subgraph/broker-access';
import { DEFAULT_PORTS, SubgraphName } from '../platform/config';
import {
  RunningSubgraph,
  SubgraphMigrations,
  startSubgraph,
  subgraphSchema,
  subgraphTopics,
} from '../platform/subgraph/runtime';
import { SubgraphModule } from '../platform/subgraph/module';
import { GraphQLSchema } from 'graphql';
import { EdgeConfig } from '../gateway/config';
import { GatewayOptions, RunningGateway, startGateway } from '../gateway/server';
import { supergraphPath } from '../platform/project-root';
import { ALL_SUBGRAPHS } from './subgraphs';
import { AbsentSubgraphs, startAbsentSubgraphs } from './absent-subgraphs';
import { timed } from '../platform/phase-timings';
import { releaseChineseSerifFont } from '../platform/documents/fonts';

export interface HubOptions {
  databaseUrl: string;
  kafkaBrokers: string[];
  tokens: TokenSettings;
  topicPrefix?: string;
  /** 0 picks free ports (tests); the defaults are 4000-4005. */
  ports?: 'default' | 'ephemeral';
  relayPollIntervalMs?: number;
  /** The most database connections each subgraph's pool opens (10 unless set). */
  poolMax?: number;
  /**
   * The subgraphs to run, with their consumers (all when not given: `npm start`). The gateway still serves the
   * whole checked-in supergraph; fields of a subgraph not running answer with a `SUBGRAPH_NOT_RUNNING` error.
   */
  subgraphs?: readonly SubgraphName[];
  /** Consumer timings for test hubs (KafkaSettings); production keeps kafkajs' defaults. */
  consumerTuning?: Pick<KafkaSettings, 'consumerMaxWaitMs' | 'consumerSessionTimeoutMs' | 'partyTopicRefreshMs'>;
  /** The gateway's limits; the environment's (gateway/config.ts) when not given. */
  edge?: EdgeConfig;
  /**
   * The broker's principals (SASL/SCRAM-SHA-512): the admin creates the topics and gives every subgraph its own
   * principal and ACLs, then each subgraph connects as itself. None: a PLAINTEXT broker without ACLs.
   */
  kafkaCredentials?: BrokerCredentials;
  /** TLS to the broker (KAFKA_TLS / KAFKA_TLS_CA_FILE for a configured broker); none: its plain listener. */
  kafkaTls?: KafkaTls;
  /** The web console under /console (npm start; the console's end-to-end tests). */
  console?: GatewayOptions['console'];
  /**
   * Partitions of each topic the hub creates (3 unless set). Test hubs take 1: every key's events stay in order on one
   * partition either way, and a test's hub then costs the broker a third of the partitions (log, index and metadata
   * each) and its consumers' fetches a third of the partitions to ask about.
   */
  topicPartitions?: number;
  /**
   * When the hub stops, delete what it made on the broker: the ACLs it created, and every topic and consumer group
   * named under its topic prefix (test hubs, whose prefix dies with them; without it a test run's broker kept every
   * file's topics to the end, thousands of partitions). Needs a topic prefix.
   */
  dropBrokerStateOnStop?: boolean;
  /**
   * `apply` (`npm start`, the default) runs each subgraph's pending migrations at start; `none` when the database
   * already holds them all (a test database cloned from the migrated template), so no migration module is loaded.
   */
  migrations?: Extract<SubgraphMigrations, 'apply' | 'none'>;
}

export interface RunningHub {
  gatewayUrl: string;
  gateway: RunningGateway;
  /** The running subgraphs by name (only those asked for). */
  subgraphs: Partial<Record<SubgraphName, RunningSubgraph>>;
  stop(): Promise<void>;
}

/** Subgraphs (all, or those named) and the gateway in one process, over the checked-in supergraph: `npm start` and the tests. */
export async function startHub(options: HubOptions): Promise<RunningHub> {
  const wanted = options.subgraphs ?? ALL_SUBGRAPHS.map((m) => m.name);
  const unknown = wanted.filter((name) => !ALL_SUBGRAPHS.some((m) => m.name === name));
  if (unknown.length > 0) throw new Error(`unknown subgraphs: ${unknown.join(', ')}`);
  const modules = ALL_SUBGRAPHS.filter((m) => wanted.includes(m.name));
  if (options.dropBrokerStateOnStop && !options.topicPrefix)
    throw new Error('dropBrokerStateOnStop needs a topic prefix: it deletes every topic and group under it');
  const portOf = (name: keyof typeof DEFAULT_PORTS) => (options.ports === 'ephemeral' ? 0 : DEFAULT_PORTS[name]);

  // Subgraphs share topics (one produces what others read): one admin call creates them all, where four racing
  // calls would leave the losers to retry; the subgraphs started here then need not look for them again. The
  // principals' ACLs name topics, created or not, so both are set up side by side.
  const kafka = {
    brokers: options.kafkaBrokers,
    topicPrefix: options.topicPrefix,
    partitions: options.topicPartitions,
    tls: options.kafkaTls,
    ...options.consumerTuning,
  };
  const admin = { ...kafka, clientId: 'hub', sasl: options.kafkaCredentials?.admin };
  const adminKafka = createKafka(admin);
  const topicsReady = timed('hub.topics', () => ensureTopics(adminKafka, admin, modules.flatMap(subgraphTopics)));
  const granted = options.kafkaCredentials
    ? timed('hub.principals', () =>
        provisionSubgraphPrincipals(adminKafka, admin, modules, options.kafkaCredentials!.subgraphs),
      )
    : Promise.resolve([]);
  // While the broker works, this process builds each subgraph's GraphQL schema (CPU only, 0.3–1.5 s each), one at
  // a time with a pause between them for the broker's answers.
  const schemas = buildSchemasInTurn(modules);
  const [topicsSet, grantsSet] = await Promise.allSettled([topicsReady, granted]);
  const grants = grantsSet.status === 'fulfilled' ? grantsSet.value : [];
  const dropBrokerState = async () => {
    if (!options.dropBrokerStateOnStop) return;
    await Promise.all([
      timed('stop.acls', () => deleteGrants(adminKafka, grants)),
      timed('stop.topics', () => deletePrefixed(adminKafka, options.topicPrefix!)),
    ]);
  };
  const brokerFailure = [topicsSet, grantsSet].find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (brokerFailure) {
    await dropBrokerState().catch(() => undefined);
    throw brokerFailure.reason;
  }

  // Subgraphs own separate schemas and consumer groups: they start side by side, and one that fails to start stops
  // the others.
  const starts = await timed('hub.subgraphs', () =>
    Promise.allSettled(
      modules.map((module) =>
        startSubgraph(module, {
          databaseUrl: options.databaseUrl,
          kafka: { ...kafka, sasl: options.kafkaCredentials?.subgraphs[module.name] },
          adminKafka: options.kafkaCredentials && module.administersBroker ? admin : undefined,
          tokens: options.tokens,
          port: portOf(module.name),
          relayPollIntervalMs: options.relayPollIntervalMs,
          poolMax: options.poolMax,
          migrations: options.migrations,
          topicsReady: true,
          schema: schemas.get(module.name),
        }),
      ),
    ),
  );
  const running = starts.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const stopSubgraphs = async () => void (await Promise.all(running.map((s) => s.stop())));
  let absent: AbsentSubgraphs | undefined;
  try {
    const failed = starts.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    const urls: Partial<Record<SubgraphName, string>> = Object.fromEntries(running.map((s) => [s.name, s.url]));
    for (const module of modules) module.usePeers?.({ urlOf: (name) => urls[name], tokens: options.tokens });
    const absentUrls = (absent = await startAbsentSubgraphs(
      ALL_SUBGRAPHS.map((m) => m.name).filter((name) => !wanted.includes(name)),
    )).urls;
    const gateway = await timed('hub.gateway', () =>
      startGateway({
        supergraphSdl: fs.readFileSync(supergraphPath(), 'utf8'),
        subgraphUrls: { ...absentUrls, ...Object.fromEntries(running.map((s) => [s.name, s.url])) },
        tokens: options.tokens,
        port: portOf('gateway'),
        config: options.edge,
        console: options.console,
      }),
    );
    return {
      gatewayUrl: gateway.url,
      gateway,
      subgraphs: Object.fromEntries(running.map((s) => [s.name, s])),
      stop: async () => {
        await timed('stop.gateway', () => gateway.stop());
        await timed('stop.subgraphs', () => Promise.all([stopSubgraphs(), absent?.stop()]));
        releaseChineseSerifFont();
        await dropBrokerState();
      },
    };
  } catch (error) {
    await Promise.all([stopSubgraphs(), absent?.stop()]).catch(() => undefined);
    await dropBrokerState().catch(() => undefined);
    throw error;
  }
}

/**
 * Starts building each module's schema, one after another, yielding to the event loop between them; the promises
 * are handled here too, so a schema nobody awaits (the broker's setup failed first) is no unhandled rejection.
 */
function buildSchemasInTurn(modules: readonly SubgraphModule[]): Map<string, Promise<GraphQLSchema>> {
  let previous: Promise<unknown> = Promise.resolve();
  const schemas = new Map<string, Promise<GraphQLSchema>>();
  for (const module of modules) {
    const schema = previous
      .catch(() => undefined)
      .then(() => new Promise((resolve) => setImmediate(resolve)))
      .then(() => timed('subgraph.schema', () => subgraphSchema(module)));
    schema.catch(() => undefined);
    schemas.set(module.name, schema);
    previous = schema;
  }
  return schemas;
}
