import {
  kafkaBrokersFromEnv,
  kafkaSaslFromEnv,
  kafkaTlsFromEnv,
  listenHost,
  portFromEnv,
  wholeNumberFromEnv,
  replicationFactorFromEnv,
  tokenSettings,
  DEFAULT_PORTS,
} from '../config';
import { logger } from '../logging';
import { stopEachLogged } from '../stop-each';
import { metricsPortFromEnv, startMetricsPort } from '../metrics-port';
import { flushTraces, initTracing } from '../tracing';
import { recordPhase } from '../phase-timings';
import { KafkaSettings } from '../events/kafka';
import { SubgraphModule } from './module';
import { startSubgraph } from './runtime';

/** Production entry of one subgraph container: configuration only from the environment, clean stop on SIGTERM. */
export async function runSubgraphMain(module: SubgraphModule): Promise<void> {
  recordPhase('subgraph.modules', performance.now(), { subgraph: module.name });
  initTracing({ OTEL_SERVICE_NAME: `hub-${module.name}`, ...process.env });
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL must be set');
  const kafka = subgraphKafkaFromEnv();
  const admin = kafkaSaslFromEnv(process.env, 'KAFKA_ADMIN');
  const tokens = tokenSettings(process.env, module.name);
  const running = await startSubgraph(module, {
    databaseUrl,
    kafka,
    adminKafka: admin ? { ...kafka, sasl: admin } : undefined,
    tokens,
    port: portFromEnv('PORT', DEFAULT_PORTS[module.name]),
    host: listenHost(),
    migrations: migrationsFromEnv(),
  });
  // The same variables the gateway reads (docker-compose.yml), e.g. SUBGRAPH_AREAS_URL.
  module.usePeers?.({ urlOf: (name) => process.env[`SUBGRAPH_${name.toUpperCase()}_URL`], tokens });
  recordPhase('subgraph.listening', performance.now(), { subgraph: module.name });
  logger.info({ subgraph: module.name, url: running.url }, 'subgraph listening');
  const metricsAt = metricsPortFromEnv();
  const metricsPort = metricsAt && (await startMetricsPort(metricsAt.port, metricsAt.host));
  if (metricsPort) logger.info({ subgraph: module.name, url: metricsPort.url }, 'metrics listening');
  const shutdown = async () => {
    const clean = await stopEachLogged([
      { name: 'metrics', stop: async () => metricsPort?.stop() },
      { name: 'subgraph', stop: () => running.stop() },
      { name: 'traces', stop: () => flushTraces() },
    ]);
    process.exit(clean ? 0 : 1);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

/**
 * A subgraph container's broker from the environment: KAFKA_BROKERS, its principal (KAFKA_SASL_USERNAME and
 * KAFKA_SASL_PASSWORD, required in production), TLS and the topic prefix. Also what `npm run dead-letters` reads.
 */
export function subgraphKafkaFromEnv(env: NodeJS.ProcessEnv = process.env): Omit<KafkaSettings, 'clientId'> {
  const brokers = kafkaBrokersFromEnv(env);
  if (!brokers) throw new Error('KAFKA_BROKERS must be set');
  const sasl = kafkaSaslFromEnv(env);
  if (!sasl && env.NODE_ENV === 'production')
    throw new Error('KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD must be set in production');
  return {
    brokers,
    sasl,
    // Test and bench tuning (hub/topology.ts LOCAL_ONLY_ENV); kafkajs' defaults when unset.
    consumerSessionTimeoutMs: wholeNumberFromEnv(
      'KAFKA_CONSUMER_SESSION_TIMEOUT_MS',
      undefined,
      { min: 1_000, max: 3_600_000 },
      env,
    ),
    consumerMaxWaitMs: wholeNumberFromEnv('KAFKA_CONSUMER_MAX_WAIT_MS', undefined, { min: 1, max: 60_000 }, env),
    topicPrefix: env.KAFKA_TOPIC_PREFIX,
    replicationFactor: replicationFactorFromEnv(env),
    tls: kafkaTlsFromEnv(env),
  };
}

/** HUB_MIGRATIONS: `verify` where a migrate step runs before the instances (docker-compose.yml), else `apply`. */
function migrationsFromEnv(env: NodeJS.ProcessEnv = process.env): 'apply' | 'verify' {
  const value = env.HUB_MIGRATIONS ?? 'apply';
  if (value !== 'apply' && value !== 'verify') throw new Error(`HUB_MIGRATIONS must be apply or verify, not ${value}`);
  return value;
}
